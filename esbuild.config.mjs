import esbuild from "esbuild";
import process from "process";
import { builtinModules } from "node:module";
import { pathToFileURL } from "node:url";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { shortMessageKeys } from "./scripts/short-message-keys.mjs";

const banner = `/*
Conference Q&A Glossary: an Obsidian plugin. Bundled with esbuild; the TypeScript source is in src/.
*/`;

/** Modules Obsidian provides at runtime: never bundled. */
export const externals = [
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

/** The build of main.js; the browser tests bundle the plugin with these same options. */
export function pluginBuildOptions({ production, entry = "src/main.ts" }) {
	const messages = join(dirname(entry), "i18n", "en.ts");
	return {
		banner: { js: banner },
		entryPoints: [entry],
		bundle: true,
		external: externals,
		format: "cjs",
		target: "es2020",
		logLevel: "info",
		sourcemap: production ? false : "inline",
		treeShaking: true,
		minify: production,
		// Korean UI text stays as UTF-8 instead of \uXXXX escapes (about 8 KB less); Obsidian reads main.js as UTF-8.
		charset: "utf8",
		// Message keys become short ids in the release build (scripts/short-message-keys.mjs).
		plugins: production && existsSync(messages) ? [shortMessageKeys(messages)] : [],
		outfile: "main.js",
	};
}

async function main() {
	const production = process.argv[2] === "production";
	const context = await esbuild.context(pluginBuildOptions({ production }));
	if (production) {
		await context.rebuild();
		await context.dispose();
	} else {
		await context.watch();
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
