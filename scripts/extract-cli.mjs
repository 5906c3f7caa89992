/**
 * `npm run extract`: runs scripts/extract.ts from a bundle (build/cli/extract.mjs) that esbuild makes on
 * first use and again whenever a source it is built from is newer, so no run transpiles TypeScript.
 * Arguments pass through unchanged; see scripts/extract.ts for them.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const entry = join(root, "scripts", "extract.ts");
const bundle = join(root, "build", "cli", "extract.mjs");
/** What the bundle is built from: the CLI's own scripts and the pure core. */
const sources = [join(root, "scripts"), join(root, "src", "core"), join(root, "package.json")];

/** Newest modification time under the given files and folders. */
function newest(paths) {
	let latest = 0;
	for (const path of paths) {
		const stat = statSync(path);
		if (stat.isDirectory()) latest = Math.max(latest, newest(readdirSync(path).map((name) => join(path, name))));
		else latest = Math.max(latest, stat.mtimeMs);
	}
	return latest;
}

if (!existsSync(bundle) || statSync(bundle).mtimeMs < newest(sources)) {
	const { build } = await import("esbuild");
	await build({
		entryPoints: [entry],
		bundle: true,
		platform: "node",
		format: "esm",
		target: "node20",
		outfile: bundle,
		logLevel: "error",
		banner: { js: `// Built from ${dirname(entry)}/extract.ts by scripts/extract-cli.mjs; do not edit.` },
	});
}
// The bundle path as a literal (the same file as `bundle`).
await import("../build/cli/extract.mjs");
