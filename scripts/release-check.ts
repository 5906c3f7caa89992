/**
 * The release gate: `npm run release-check` fails, naming the file and the rule, when the plugin could not
 * go into Obsidian's community plugin directory or would break for some of its users:
 *
 *   manifest    id, name, description and author follow the directory's rules
 *   versions    manifest.json, package.json (and its lockfile) and versions.json agree
 *   api         minAppVersion covers every Obsidian API the source uses unguarded (versions from the
 *               `@since` tags of the obsidian package's obsidian.d.ts)
 *   desktop     isDesktopOnly matches the code: true only if something needs the desktop app, false only
 *               if every desktop-only use is guarded
 *   mobile      with isDesktopOnly false, the production main.js (built in memory with esbuild.config.mjs's
 *               options) requires no Node or Electron module, has no lookbehind regex and uses no Node
 *               global outside a guard
 *   license     LICENSE exists, is the licence package.json names, and its holder is manifest.json's author
 *   readme      README has the privacy section (files, network, telemetry, data.json) linked from the top,
 *               and links LICENSE
 *   styles      styles.css uses Obsidian's CSS variables, not hard-coded colours
 *
 *   npm run release-check                  check the project
 *   npm run release-check -- --apis        also print every Obsidian API the source uses, with its version
 *   npm run release-check -- --main=main.js  check that file instead of building one
 *   npm run release-check -- --root=DIR     check another copy of the project (the tests use this)
 *
 * Every rule is a pure function of the files' text, exported for the tests.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { pluginBuildOptions } from "../esbuild.config.mjs";
import { compareVersions, scanApiUses, scanDesktopNeeds, scanMobileHazards, type ApiUse, type CodeFinding } from "./release-scan";

export type Rule = "manifest" | "versions" | "api" | "desktop" | "mobile" | "license" | "readme" | "styles";

export interface Problem {
	rule: Rule;
	file: string;
	message: string;
}

export interface Manifest {
	id?: unknown;
	name?: unknown;
	version?: unknown;
	minAppVersion?: unknown;
	description?: unknown;
	author?: unknown;
	authorUrl?: unknown;
	fundingUrl?: unknown;
	isDesktopOnly?: unknown;
}

const SEMVER = /^\d+\.\d+\.\d+$/;
const PLACEHOLDER_AUTHORS = new Set(["", "author", "your name", "yourname", "me", "todo", "tbd", "placeholder", "obsidian", "unknown", "anonymous"]);

/** The title of the README's disclosure section; `checkReadme` looks for it and for a link to it. */
export const DISCLOSURE_HEADING = "Privacy: what it reads and writes";

function text(value: unknown): string | null {
	return typeof value === "string" ? value : null;
}

/** A JSON value as a message shows it: strings bare, anything else as JSON. */
function show(value: unknown): string {
	return typeof value === "string" ? value : (JSON.stringify(value) ?? "nothing");
}

/** manifest.json against the community directory's rules. */
export function checkManifest(manifest: Manifest): Problem[] {
	const problems: string[] = [];
	const id = text(manifest.id);
	const name = text(manifest.name);
	const description = text(manifest.description);
	const author = text(manifest.author);
	for (const key of ["id", "name", "version", "minAppVersion", "description", "author"] as const) {
		const value = manifest[key];
		if (typeof value !== "string" || value.trim() === "") problems.push(`"${key}" is missing or not a string`);
	}
	if (typeof manifest.isDesktopOnly !== "boolean") problems.push(`"isDesktopOnly" must be true or false`);
	if (id !== null) {
		if (/obsidian/i.test(id)) problems.push(`id "${id}" contains "obsidian"; the directory refuses that`);
		if (/plugin$/i.test(id)) problems.push(`id "${id}" ends with "plugin"; the directory refuses that`);
		if (!/^[a-z0-9_-]+$/.test(id)) problems.push(`id "${id}" may hold only lowercase letters, digits, "-" and "_"`);
	}
	if (name !== null) {
		if (/obsidian/i.test(name)) problems.push(`name "${name}" contains "Obsidian"; the directory refuses that`);
		if (/plugin/i.test(name)) problems.push(`name "${name}" contains "Plugin"; every entry in the directory is one, so leave it out`);
	}
	if (description !== null) {
		if (/obsidian/i.test(description)) problems.push(`description contains "Obsidian"; say what the plugin does instead`);
		if (/\bthis plugin\b/i.test(description)) problems.push(`description says "this plugin"; start with what it does (e.g. "Collects …")`);
		if (!description.trimEnd().endsWith(".")) problems.push(`description must end with a period`);
		if (description.length > 250) problems.push(`description is ${description.length} characters; at most 250`);
	}
	if (author !== null && PLACEHOLDER_AUTHORS.has(author.trim().toLowerCase())) problems.push(`author "${author}" is a placeholder; name the project's author`);
	for (const key of ["authorUrl", "fundingUrl"] as const) {
		const url = manifest[key];
		if (url === undefined) continue;
		if (typeof url !== "string" || !/^https:\/\/[^\s/]+\.[^\s]+$/.test(url)) problems.push(`${key} must be an https:// address`);
		else if (/^https:\/\/(www\.)?obsidian\.md/i.test(url)) problems.push(`${key} points at obsidian.md; it is for the author's own page`);
	}
	return problems.map((message) => ({ rule: "manifest", file: "manifest.json", message }));
}

/** manifest.json, package.json, package-lock.json (when given) and versions.json name the same release. */
export function checkVersions(manifest: Manifest, pkg: { version?: unknown }, versions: Record<string, unknown>, lock?: { version?: unknown; packages?: Record<string, { version?: unknown }> } | null): Problem[] {
	const problems: Problem[] = [];
	const add = (file: string, message: string) => problems.push({ rule: "versions", file, message });
	const version = text(manifest.version);
	const minApp = text(manifest.minAppVersion);
	if (version === null || !SEMVER.test(version)) add("manifest.json", `version "${show(manifest.version)}" is not x.y.z (Obsidian compares plain versions, no "v")`);
	if (minApp === null || !SEMVER.test(minApp)) add("manifest.json", `minAppVersion "${show(manifest.minAppVersion)}" is not x.y.z`);
	if (pkg.version !== manifest.version) add("package.json", `version is ${show(pkg.version)}, manifest.json says ${show(manifest.version)} (npm run version -- x.y.z moves both)`);
	if (lock) {
		if (lock.version !== undefined && lock.version !== pkg.version) add("package-lock.json", `version is ${show(lock.version)}, package.json says ${show(pkg.version)}`);
		const root = lock.packages?.[""];
		if (root?.version !== undefined && root.version !== pkg.version) add("package-lock.json", `packages[""].version is ${show(root.version)}, package.json says ${show(pkg.version)}`);
	}
	if (version !== null) {
		if (!(version in versions)) add("versions.json", `has no entry for ${version}, the version in manifest.json`);
		else if (versions[version] !== minApp) add("versions.json", `maps ${version} to ${show(versions[version])}, manifest.json's minAppVersion is ${String(minApp)}`);
	}
	for (const [release, app] of Object.entries(versions)) {
		if (!SEMVER.test(release) || typeof app !== "string" || !SEMVER.test(app)) add("versions.json", `"${release}": ${JSON.stringify(app)} is not "x.y.z": "x.y.z"`);
		else if (version !== null && SEMVER.test(version) && compareVersions(release, version) > 0) add("versions.json", `lists ${release}, newer than manifest.json's ${version}`);
	}
	return problems;
}

function where(finding: { file: string; line: number }, root?: string): string {
	return `${root ? relative(root, finding.file) || finding.file : finding.file}:${finding.line}`;
}

/** minAppVersion is at least the version of every API the source uses without a guard. */
export function checkMinAppVersion(manifest: Manifest, uses: readonly ApiUse[], root?: string): Problem[] {
	const minApp = text(manifest.minAppVersion);
	if (minApp === null || !SEMVER.test(minApp)) return [];
	const newer = new Map<string, ApiUse[]>();
	for (const use of uses) {
		if (use.guarded || use.since === null || compareVersions(use.since, minApp) <= 0) continue;
		newer.set(use.api, [...(newer.get(use.api) ?? []), use]);
	}
	return [...newer.values()].map((list) => ({
		rule: "api",
		file: "manifest.json",
		message: `minAppVersion is ${minApp}, but ${list[0].api} needs Obsidian ${list[0].since} (${list.map((use) => where(use, root)).join(", ")}); raise minAppVersion or guard the call (optional call \`?.()\`, \`typeof … === "function"\`, or requireApiVersion("${list[0].since}"))`,
	}));
}

/** isDesktopOnly says what the code needs: `needs` from scanDesktopNeeds over src. */
export function checkDesktopOnly(manifest: Manifest, needs: readonly CodeFinding[], root?: string): Problem[] {
	if (typeof manifest.isDesktopOnly !== "boolean") return [];
	if (manifest.isDesktopOnly) {
		if (needs.length > 0) return [];
		return [{ rule: "desktop", file: "manifest.json", message: "isDesktopOnly is true, but nothing in src needs the desktop app (no Node or Electron module, no FileSystemAdapter); set it to false so phone and tablet users can install the plugin" }];
	}
	return needs
		.filter((need) => !need.guarded)
		.map((need) => ({
			rule: "desktop",
			file: "manifest.json",
			message: `isDesktopOnly is false, but ${where(need, root)} uses ${need.what}, which only the desktop app has; guard it with Platform.isDesktopApp or set isDesktopOnly to true`,
		}));
}

const HAZARD_ADVICE: Record<CodeFinding["kind"], string> = {
	"node-module": "mobile has no Node or Electron modules",
	lookbehind: "a regular expression with lookbehind makes iOS before 16.4 refuse the whole file",
	"node-global": "mobile has no Node globals; guard it (typeof … !== \"undefined\") or avoid it",
	"desktop-api": "only the desktop app has it",
};

/** With isDesktopOnly false, nothing in the production main.js breaks on mobile. */
export function checkMobileBundle(manifest: Manifest, hazards: readonly CodeFinding[], file = "main.js"): Problem[] {
	if (manifest.isDesktopOnly === true) return [];
	return hazards
		.filter((hazard) => !hazard.guarded)
		.map((hazard) => ({ rule: "mobile", file, message: `line ${hazard.line}: ${hazard.what}: ${HAZARD_ADVICE[hazard.kind]} (isDesktopOnly is false)` }));
}

const LICENSE_TEXTS: Record<string, RegExp[]> = {
	MIT: [/^\s*MIT License/m, /Permission is hereby granted, free of charge/, /THE SOFTWARE IS PROVIDED "AS IS"/],
};

/** LICENSE exists, is the licence package.json declares, and names manifest.json's author. */
export function checkLicense(license: string | null, pkg: { license?: unknown }, manifest: Manifest): Problem[] {
	const add = (message: string): Problem[] => [{ rule: "license", file: "LICENSE", message }];
	if (license === null || license.trim() === "") return add(`LICENSE is missing; the directory needs one (package.json says ${show(pkg.license)})`);
	const declared = text(pkg.license);
	if (declared === null) return [{ rule: "license", file: "package.json", message: `"license" is missing; name the licence in LICENSE` }];
	const patterns = LICENSE_TEXTS[declared];
	const problems: Problem[] = [];
	if (patterns && !patterns.every((pattern) => pattern.test(license))) problems.push(...add(`LICENSE is not the ${declared} licence text that package.json declares`));
	const holder = /^\s*Copyright\s+(?:\(c\)|©)\s+\d{4}(?:\s*[-–]\s*\d{4})?,?\s+(.+?)\s*$/im.exec(license)?.[1];
	if (holder === undefined) problems.push(...add(`LICENSE has no "Copyright (c) <year> <holder>" line`));
	else if (typeof manifest.author === "string" && holder !== manifest.author.trim()) problems.push(...add(`LICENSE's copyright holder is "${holder}", manifest.json's author is "${manifest.author}"; make them the same`));
	return problems;
}

/** GitHub's anchor for a heading: lowercase, punctuation dropped, spaces to hyphens. */
export function headingAnchor(heading: string): string {
	return heading
		.trim()
		.toLowerCase()
		.replace(/[^\p{L}\p{N}\s_-]/gu, "")
		.replace(/\s/g, "-");
}

/** The disclosure section: present, saying what it must, linked before the first section; LICENSE linked. */
export function checkReadme(readme: string | null): Problem[] {
	const add = (message: string): Problem => ({ rule: "readme", file: "README.md", message });
	if (readme === null) return [add("README.md is missing")];
	const lines = readme.split(/\r?\n/);
	const start = lines.findIndex((line) => /^##\s+/.test(line) && line.replace(/^##\s+/, "").trim() === DISCLOSURE_HEADING);
	const problems: Problem[] = [];
	if (start < 0) {
		problems.push(add(`has no "## ${DISCLOSURE_HEADING}" section (what the plugin reads and writes, network use, telemetry, what data.json holds)`));
	} else {
		const rest = lines.slice(start + 1);
		const end = rest.findIndex((line) => /^##\s/.test(line));
		const body = (end < 0 ? rest : rest.slice(0, end)).join("\n");
		for (const [word, what] of [
			[/\bnetwork\b/i, "the network"],
			[/\btelemetry\b/i, "telemetry"],
			[/data\.json/, "data.json"],
			[/\bwrites?\b/i, "what it writes"],
		] as const) {
			if (!word.test(body)) problems.push(add(`the "${DISCLOSURE_HEADING}" section does not mention ${what}`));
		}
		const top = lines.slice(0, lines.findIndex((line) => /^##\s/.test(line))).join("\n");
		if (!top.includes(`](#${headingAnchor(DISCLOSURE_HEADING)})`)) problems.push(add(`the top of the README (before the first "##") does not link to #${headingAnchor(DISCLOSURE_HEADING)}`));
	}
	if (!/\]\((\.\/)?LICENSE\)/.test(readme)) problems.push(add("does not link the licence: [MIT](LICENSE)"));
	return problems;
}

const COLOUR_PROPERTIES = /^(color|background|background-color|background-image|border(-(top|right|bottom|left|block|inline))?(-color)?|outline(-color)?|text-decoration(-color)?|text-emphasis-color|box-shadow|text-shadow|fill|stroke|caret-color|accent-color|column-rule(-color)?|--[\w-]+)$/i;
const NAMED_COLOURS = /\b(black|white|red|green|blue|yellow|orange|purple|pink|gr[ae]y|silver|maroon|navy|teal|olive|lime|aqua|cyan|magenta|fuchsia|brown|gold|crimson|coral|salmon|tomato|violet|indigo|khaki|beige|ivory)\b/i;

/** The Obsidian variable to use instead of a hard-coded colour. */
function colourAdvice(value: string): string {
	if (/\b(red|crimson|tomato|maroon)\b/i.test(value)) return "var(--text-error) or var(--color-red)";
	if (/\borange\b/i.test(value)) return "var(--text-warning) or var(--color-orange)";
	if (/\bwhite\b|#fff\b|#ffffff\b/i.test(value)) return "var(--background-primary) or var(--text-on-accent)";
	if (/\bblack\b|#000\b|#000000\b/i.test(value)) return "var(--text-normal)";
	if (/\bgr[ae]y\b|\bsilver\b/i.test(value)) return "var(--text-muted), var(--text-faint) or var(--background-modifier-border)";
	return "var(--text-*), var(--background-*), var(--interactive-accent) or var(--color-<hue>)";
}

/** Hard-coded colours in styles.css (hex, rgb()/hsl() without a variable inside, named colours). */
export function checkStyles(css: string | null): Problem[] {
	if (css === null) return [];
	const problems: Problem[] = [];
	// Blank out comments and strings (keeping line breaks) so neither is read as a colour.
	const clean = css.replace(/\/\*[\s\S]*?\*\/|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, (match) => match.replace(/[^\n]/g, " "));
	let depth = 0;
	let segmentStart = 0;
	for (let i = 0; i < clean.length; i++) {
		const char = clean[i];
		if (char !== "{" && char !== "}" && char !== ";") continue;
		// Text since the last brace or semicolon: a selector before "{", a declaration before ";" or "}".
		const segment = clean.slice(segmentStart, i);
		if (char !== "{" && depth > 0) {
			const match = /^\s*([\w-]+)\s*:([\s\S]*)$/.exec(segment);
			if (match) {
				const [, property, rawValue] = match;
				const value = rawValue.trim().replace(/\s+/g, " ");
				const functions = [...value.matchAll(/\b(rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(([^()]*(?:\([^()]*\)[^()]*)*)\)/gi)].filter((call) => !call[2].includes("var(--"));
				const hex = /(^|[\s,(])#[0-9a-f]{3,8}\b/i.test(value);
				const named = COLOUR_PROPERTIES.test(property) && NAMED_COLOURS.test(value.replace(/var\([^)]*\)/g, ""));
				if (functions.length > 0 || hex || named) {
					const line = clean.slice(0, segmentStart + segment.search(/\S/)).split("\n").length;
					problems.push({ rule: "styles", file: "styles.css", message: `line ${line}: "${property}: ${value}" hard-codes a colour; use an Obsidian CSS variable such as ${colourAdvice(value)} so themes and dark mode apply` });
				}
			}
		}
		if (char === "{") depth++;
		else if (char === "}") depth = Math.max(0, depth - 1);
		segmentStart = i + 1;
	}
	return problems;
}

/** Every .ts file under `dir`, sorted (absolute paths). */
export function sourceFiles(dir: string): string[] {
	if (!existsSync(dir)) return [];
	return (readdirSync(dir, { recursive: true }) as string[])
		.filter((file) => file.endsWith(".ts") && !file.endsWith(".d.ts"))
		.map((file) => join(dir, file))
		.sort();
}

function readText(path: string): string | null {
	try {
		return readFileSync(path, "utf8");
	} catch {
		return null;
	}
}

function readJson<T>(root: string, file: string, problems: Problem[], rule: Rule): T | null {
	const raw = readText(join(root, file));
	if (raw === null) {
		problems.push({ rule, file, message: `${file} is missing` });
		return null;
	}
	try {
		return JSON.parse(raw) as T;
	} catch (error) {
		problems.push({ rule, file, message: `${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}` });
		return null;
	}
}

/** The production main.js for `root`'s src/main.ts, built in memory with esbuild.config.mjs's options. */
export async function buildProductionBundle(root: string): Promise<string> {
	const options = pluginBuildOptions({ production: true, entry: join(root, "src/main.ts") });
	const result = await build({ ...options, absWorkingDir: root, write: false, logLevel: "silent", outfile: join(root, "main.js") });
	const output = result.outputFiles.find((file) => file.path.endsWith(".js"));
	if (!output) throw new Error("esbuild produced no main.js");
	return output.text;
}

export interface ReleaseCheckOptions {
	/** The obsidian package's obsidian.d.ts; defaults to this project's node_modules. */
	obsidianDts?: string;
	/** main.js text to check instead of building one. */
	mainJs?: string;
	mainJsName?: string;
}

export interface ReleaseCheckResult {
	problems: Problem[];
	apis: ApiUse[];
}

/** Runs every rule on the project at `root`. */
export async function runReleaseCheck(root: string, options: ReleaseCheckOptions = {}): Promise<ReleaseCheckResult> {
	const problems: Problem[] = [];
	const manifest = readJson<Manifest>(root, "manifest.json", problems, "manifest");
	const pkg = readJson<{ version?: unknown; license?: unknown }>(root, "package.json", problems, "versions");
	const versions = readJson<Record<string, unknown>>(root, "versions.json", problems, "versions");
	const lock = existsSync(join(root, "package-lock.json")) ? readJson<{ version?: unknown }>(root, "package-lock.json", problems, "versions") : null;
	const files = sourceFiles(join(root, "src"));
	const obsidianDts = options.obsidianDts ?? resolve(dirname(fileURLToPath(import.meta.url)), "../node_modules/obsidian/obsidian.d.ts");
	const apis = files.length > 0 ? scanApiUses(files, obsidianDts) : [];
	if (manifest) {
		problems.push(...checkManifest(manifest));
		if (pkg && versions) problems.push(...checkVersions(manifest, pkg, versions, lock));
		problems.push(...checkMinAppVersion(manifest, apis, root));
		problems.push(...checkDesktopOnly(manifest, scanDesktopNeeds(files.map((file) => ({ file, text: readFileSync(file, "utf8") }))), root));
		if (manifest.isDesktopOnly !== true) {
			let code = options.mainJs;
			if (code === undefined) {
				try {
					code = await buildProductionBundle(root);
				} catch (error) {
					problems.push({ rule: "mobile", file: "src/main.ts", message: `the production build failed: ${error instanceof Error ? error.message : String(error)}` });
				}
			}
			if (code !== undefined) problems.push(...checkMobileBundle(manifest, scanMobileHazards(code, options.mainJsName ?? "main.js"), options.mainJsName ?? "main.js (production build)"));
		}
		if (pkg) problems.push(...checkLicense(readText(join(root, "LICENSE")), pkg, manifest));
	}
	problems.push(...checkReadme(readText(join(root, "README.md"))));
	problems.push(...checkStyles(readText(join(root, "styles.css"))));
	return { problems, apis };
}

/** The APIs the source uses, one line each: version, API, where (first three), guarded or not. */
export function formatApiTable(apis: readonly ApiUse[], root: string): string {
	const byApi = new Map<string, ApiUse[]>();
	for (const use of apis) byApi.set(use.api, [...(byApi.get(use.api) ?? []), use]);
	const rows = [...byApi.values()].sort((a, b) => compareVersions(b[0].since ?? "0.0.0", a[0].since ?? "0.0.0") || a[0].api.localeCompare(b[0].api));
	return rows
		.map((uses) => {
			const guarded = uses.filter((use) => use.guarded).length;
			const places = uses.slice(0, 3).map((use) => where(use, root)).join(", ") + (uses.length > 3 ? `, +${uses.length - 3}` : "");
			return `${(uses[0].since ?? "untagged").padEnd(9)} ${uses[0].api.padEnd(40)} ${String(uses.length).padStart(3)} use(s)${guarded ? `, ${guarded} guarded` : ""}  ${places}`;
		})
		.join("\n");
}

async function main(): Promise<void> {
	const args = process.argv.slice(2);
	const rootArg = args.find((arg) => arg.startsWith("--root="))?.slice("--root=".length);
	const root = rootArg !== undefined ? resolve(rootArg) : resolve(dirname(fileURLToPath(import.meta.url)), "..");
	const mainArg = args.find((arg) => arg.startsWith("--main="))?.slice("--main=".length);
	const options: ReleaseCheckOptions = {};
	if (mainArg !== undefined) {
		options.mainJs = readFileSync(resolve(root, mainArg), "utf8");
		options.mainJsName = mainArg;
	}
	const { problems, apis } = await runReleaseCheck(root, options);
	if (args.includes("--apis")) console.log(`Obsidian APIs used in src (version from obsidian.d.ts @since):\n${formatApiTable(apis, root)}\n`);
	if (problems.length > 0) {
		for (const problem of problems) console.error(`✗ [${problem.rule}] ${problem.file}: ${problem.message}`);
		console.error(`release-check: ${problems.length} problem(s); the plugin is not ready to release`);
		process.exit(1);
	}
	const manifest = JSON.parse(readFileSync(join(root, "manifest.json"), "utf8")) as Manifest;
	const newest = apis.filter((use) => !use.guarded && use.since !== null).sort((a, b) => compareVersions(b.since ?? "", a.since ?? ""))[0];
	console.log(`release-check: ok (${show(manifest.id)} ${show(manifest.version)}, minAppVersion ${show(manifest.minAppVersion)}${newest ? `; newest API used unguarded: ${newest.api} ${newest.since}` : ""}, isDesktopOnly ${show(manifest.isDesktopOnly)})`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
	main().catch((error: unknown) => {
		console.error(error instanceof Error ? error.message : error);
		process.exit(1);
	});
}
