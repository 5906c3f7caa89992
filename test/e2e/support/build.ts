/**
 * Builds what the browser harness serves, in memory (nothing is written to the project):
 * - the plugin's main.js with the production options of esbuild.config.mjs (CommonJS, `obsidian` and the
 *   CodeMirror packages external, minified), so the bundle under test is the one users install;
 * - the host page script: test/e2e/host/main.ts bundled for the browser, with the real CodeMirror 6
 *   packages the host also hands to the plugin through `require`.
 */
import { builtinModules } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
export const HOST_DIR = join(PROJECT_ROOT, "test", "e2e", "host");
/**
 * Where the plugin under test comes from: src/main.ts, styles.css and manifest.json of this folder.
 * The project itself unless E2E_PLUGIN_DIR names a copy, which is how one checks that each scenario
 * fails when its feature is broken, without touching the working tree others share.
 */
export const PLUGIN_DIR = process.env.E2E_PLUGIN_DIR ? resolve(process.env.E2E_PLUGIN_DIR) : PROJECT_ROOT;

/** The externals of esbuild.config.mjs: Obsidian provides these modules at runtime. */
export const PLUGIN_EXTERNALS = [
	"obsidian",
	"electron",
	"@codemirror/autocomplete",
	"@codemirror/collab",
	"@codemirror/commands",
	"@codemirror/language",
	"@codemirror/lint",
	"@codemirror/search",
	"@codemirror/state",
	"@codemirror/view",
	"@lezer/common",
	"@lezer/highlight",
	"@lezer/lr",
	...builtinModules,
	...builtinModules.map((name) => `node:${name}`),
];

function textOf(result: { outputFiles?: { text: string }[] }, what: string): string {
	const file = result.outputFiles?.[0];
	if (!file) throw new Error(`esbuild produced no ${what}`);
	return file.text;
}

/** The production main.js (minified, as `npm run build` makes it). */
export async function buildPlugin(options: { minify?: boolean } = {}): Promise<string> {
	const result = await build({
		entryPoints: [join(PLUGIN_DIR, "src", "main.ts")],
		bundle: true,
		external: PLUGIN_EXTERNALS,
		format: "cjs",
		target: "es2020",
		treeShaking: true,
		minify: options.minify ?? true,
		sourcemap: false,
		write: false,
		logLevel: "silent",
		outfile: "main.js",
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
