/**
 * Builds what the browser harness serves, in memory (nothing is written to the project):
 * - the plugin's main.js with the production options of esbuild.config.mjs itself (CommonJS, `obsidian` and
 *   the CodeMirror packages external, minified), so the bundle under test is the one users install;
 * - the host page script: test/e2e/host/main.ts bundled for the browser, with the real CodeMirror 6
 *   packages the host also hands to the plugin through `require`.
 */
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { externals, pluginBuildOptions } from "../../../esbuild.config.mjs";

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
export const HOST_DIR = join(PROJECT_ROOT, "test", "e2e", "host");
/**
 * Where the plugin under test comes from: src/main.ts, styles.css and manifest.json of this folder.
 * The project itself unless E2E_PLUGIN_DIR names a copy, which is how one checks that each scenario
 * fails when its feature is broken, without touching the working tree others share.
 */
export const PLUGIN_DIR = process.env.E2E_PLUGIN_DIR ? resolve(process.env.E2E_PLUGIN_DIR) : PROJECT_ROOT;

/** The externals of esbuild.config.mjs: Obsidian provides these modules at runtime. */
export const PLUGIN_EXTERNALS = externals;

function textOf(result: { outputFiles?: { text: string }[] }, what: string): string {
	const file = result.outputFiles?.[0];
	if (!file) throw new Error(`esbuild produced no ${what}`);
	return file.text;
}

/** The production main.js (minified, as `npm run build` makes it). */
export async function buildPlugin(options: { minify?: boolean } = {}): Promise<string> {
	const result = await build({
		...pluginBuildOptions({ production: true, entry: join(PLUGIN_DIR, "src", "main.ts") }),
		minify: options.minify ?? true,
		write: false,
		logLevel: "silent",
	});
	return textOf(result, "main.js");
}

/** The host page script (one IIFE with the Obsidian shim and CodeMirror). */
export async function buildHost(): Promise<string> {
	const result = await build({
		entryPoints: [join(HOST_DIR, "main.ts")],
		bundle: true,
		format: "iife",
		platform: "browser",
		target: "es2020",
		sourcemap: "inline",
		write: false,
		logLevel: "silent",
		outfile: "host.js",
	});
	return textOf(result, "host.js");
}
