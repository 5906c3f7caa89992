/**
 * npm run demo [-- --no-build]
 *
 * Builds main.js, reads the bundled example vault (examples/vault/) with the same code as
 * `npm run extract`, prints a readable summary, and installs the build into the vault's plugin folder so
 * that opening examples/vault as a vault in Obsidian shows the plugin. Exits non-zero on any failure.
 *
 * The pure parts (reading the vault into notes, the summary text) are exported for the tests; `main`
 * runs only when this file is executed directly.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { noteToJson, parseSources, type NoteJson, type SourceFile } from "../src/core/vault-report";
import { readMarkdownFiles } from "./source-files";
import { parseNote } from "../src/core/note-parser";
import type { PluginSettings } from "../src/core/settings";

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const EXAMPLE_VAULT = join(PROJECT_ROOT, "examples", "vault");
export const PLUGIN_ID = "conference-qa-glossary";
/** Folders of the example vault that the demo lists as extra glossary sources. */
export const DEMO_GLOSSARY_FOLDERS = ["Glossary"];
/** The files an Obsidian plugin release consists of. */
const PLUGIN_FILES = ["main.js", "manifest.json", "styles.css"];
/** The bundled example vault's own config folder (a Node script has no `Vault#configDir` to ask). */
const CONFIG_DIR = ".obsidian";

/** Every Markdown file under `root` (recursive, sorted, hidden folders skipped), with vault-relative `/` paths as Obsidian names them. */
export function readVaultNotes(root: string): SourceFile[] {
	return readMarkdownFiles([root], root).files;
}

/** A note read only for its glossary (an "extra glossary source"). */
export interface GlossarySourceJson {
	path: string;
	glossary: NoteJson["glossary"];
}

export interface VaultSplit {
	/** Notes carrying the tag, as `npm run extract` prints them. */
	notes: NoteJson[];
	/** Untagged notes in the glossary folders. */
	glossarySources: GlossarySourceJson[];
	/** Untagged notes outside the glossary folders: the plugin ignores them. */
	ignored: string[];
}

function inFolder(path: string, folder: string): boolean {
	const clean = folder.replace(/^\/+|\/+$/g, "");
	return clean.length > 0 && path.startsWith(`${clean}/`);
}

/** Splits the vault into conference notes (through the CLI's code), extra glossary sources and ignored notes. */
export function splitVault(files: readonly SourceFile[], glossaryFolders: readonly string[] = DEMO_GLOSSARY_FOLDERS): VaultSplit {
	const notes = parseSources(files).map(({ record }) => noteToJson(record, []));
	const tagged = new Set(notes.map((n) => n.path));
	const glossarySources: GlossarySourceJson[] = [];
	const ignored: string[] = [];
	for (const file of files) {
		if (tagged.has(file.path)) continue;
		if (!glossaryFolders.some((folder) => inFolder(file.path, folder))) {
			ignored.push(file.path);
			continue;
		}
		const record = parseNote(file.text, file.path, { requireTag: false });
		const glossary = record ? noteToJson(record, []).glossary : [];
		glossarySources.push({ path: file.path, glossary });
	}
	return { notes, glossarySources, ignored };
}

/** Terminal columns of one character: Hangul, CJK and full-width forms take two. */
function columns(char: string): number {
	const code = char.codePointAt(0) ?? 0;
	const wide =
		(code >= 0x1100 && code <= 0x115f) ||
		(code >= 0x2e80 && code <= 0xa4cf) ||
		(code >= 0xac00 && code <= 0xd7a3) ||
		(code >= 0xf900 && code <= 0xfaff) ||
		(code >= 0xfe30 && code <= 0xfe4f) ||
		(code >= 0xff00 && code <= 0xff60) ||
		(code >= 0xffe0 && code <= 0xffe6) ||
		(code >= 0x1f300 && code <= 0x1faff);
	return wide ? 2 : 1;
}

/** Terminal columns of a string. */
export function textWidth(text: string): number {
	let width = 0;
	for (const char of text) width += columns(char);
	return width;
}

/** Cuts `text` to at most `max` terminal columns, ending with `…` when cut. */
export function shorten(text: string, max: number): string {
	if (textWidth(text) <= max) return text;
	let used = 0;
	let kept = "";
	for (const char of text) {
		used += columns(char);
		if (used > max - 1) break;
		kept += char;
	}
	return `${kept.trimEnd()}…`;
}

/** `prefix` and `items` joined with ", ", wrapped before `width` columns onto lines starting with `indent`. */
function wrapList(prefix: string, items: readonly string[], indent: string, width: number): string[] {
	const lines: string[] = [];
	let line = prefix.trimEnd();
	items.forEach((item, i) => {
		const piece = i < items.length - 1 ? `${item},` : item;
		const candidate = `${line} ${piece}`;
		if (textWidth(candidate) > width) {
			lines.push(line);
			line = `${indent}${piece}`;
		} else {
			line = candidate;
		}
	});
	lines.push(line);
	return lines;
}

function plural(count: number, one: string, many = `${one}s`): string {
	return `${count} ${count === 1 ? one : many}`;
}

/** `SLO (Service Level Objective) ×2`, `p99`, …: each term once, in order, with its aliases and how often it is defined. */
function termLabels(glossary: NoteJson["glossary"]): string[] {
	const labels = new Map<string, { label: string; count: number }>();
	for (const entry of glossary) {
		const key = entry.term.toLowerCase();
		const known = labels.get(key);
		if (known) known.count++;
		else labels.set(key, { label: entry.aliases.length > 0 ? `${entry.term} (${entry.aliases.join(", ")})` : entry.term, count: 1 });
	}
	return [...labels.values()].map(({ label, count }) => (count > 1 ? `${label} ×${count}` : label));
}

/** Columns of the summary; Q&A text is cut to fit after its indentation. */
const WIDTH = 80;
const QA_WIDTH = WIDTH - 8;

function noteSummary(note: NoteJson): string[] {
	const out: string[] = [];
	out.push(`▸ ${note.title}`);
	out.push(`  ${note.path} · tags: ${note.tags.map((t) => `#${t}`).join(" ")}`);
	const loose = note.qa.filter((q) => q.talk === null).length;
	if (loose > 0) out.push(`  (before any talk): ${plural(loose, "Q&A", "Q&A")}`);
	note.talks.forEach((talk, index) => {
		const count = note.qa.filter((q) => q.talk === index).length;
		const speaker = talk.speaker ? ` — ${talk.speaker}` : "";
		out.push(`  ${index + 1}. ${talk.title}${speaker} (line ${talk.line}): ${plural(count, "Q&A", "Q&A")}`);
	});
	if (note.glossary.length === 0) out.push("  Glossary: none");
	else out.push(...wrapList(`  Glossary, ${plural(note.glossary.length, "entry", "entries")}: `, termLabels(note.glossary), "    ", WIDTH));
	const first = note.qa[0];
	if (first) {
		out.push(`  First Q&A (line ${first.line}):`);
		out.push(`    Q. ${shorten(first.question, QA_WIDTH)}`);
		out.push(`    A. ${shorten(first.answer, QA_WIDTH)}`);
	}
	return out;
}

function sum(notes: readonly NoteJson[], count: (note: NoteJson) => number): number {
	return notes.reduce((total, note) => total + count(note), 0);
}

/** The demo's readable summary of a split vault. */
export function formatSummary(split: VaultSplit, vaultLabel = "examples/vault"): string {
	const { notes } = split;
	const out: string[] = [`Example vault ${vaultLabel}: ${plural(notes.length, "conference note")}`, ""];
	for (const note of notes) out.push(...noteSummary(note), "");
	const talks = sum(notes, (n) => n.talks.length);
	const qa = sum(notes, (n) => n.qa.length);
	const glossary = sum(notes, (n) => n.glossary.length);
	out.push(`Total: ${plural(notes.length, "note")}, ${plural(talks, "talk")}, ${plural(qa, "Q&A", "Q&A")}, ${plural(glossary, "glossary entry", "glossary entries")}.`);
	for (const source of split.glossarySources) {
		const prefix = `Extra glossary source ${source.path}, ${plural(source.glossary.length, "entry", "entries")}: `;
		out.push(...wrapList(prefix, termLabels(source.glossary), "  ", WIDTH));
	}
	if (split.ignored.length > 0) out.push(...wrapList("Not indexed (no Conference tag): ", split.ignored, "  ", WIDTH));
	return out.join("\n");
}

/** Runs `npm run build` in the project; throws when it fails. */
function build(): void {
	console.log("Building main.js (npm run build)…");
	const result = spawnSync("npm", ["run", "build"], { cwd: PROJECT_ROOT, stdio: "inherit", shell: process.platform === "win32" });
	if (result.error) throw new Error(`npm run build could not start: ${result.error.message}`);
	if (result.status !== 0) throw new Error(`npm run build failed (exit ${result.status ?? result.signal ?? "unknown"})`);
}

/**
 * Copies main.js, manifest.json and styles.css into the vault's plugin folder. Writes data.json with the
 * demo's glossary folder only when the vault has no settings yet, so the user's own changes survive.
 * Returns the plugin folder.
 */
export function installPlugin(projectRoot: string, vaultRoot: string): string {
	const pluginDir = join(vaultRoot, CONFIG_DIR, "plugins", PLUGIN_ID);
	mkdirSync(pluginDir, { recursive: true });
	for (const name of PLUGIN_FILES) {
		const from = join(projectRoot, name);
		if (!existsSync(from)) throw new Error(`${name} not found in ${projectRoot}`);
		copyFileSync(from, join(pluginDir, name));
	}
	const dataFile = join(pluginDir, "data.json");
	if (!existsSync(dataFile)) {
		const settings: Partial<PluginSettings> = { glossaryFolders: [...DEMO_GLOSSARY_FOLDERS] };
		writeFileSync(dataFile, `${JSON.stringify(settings, null, 2)}\n`);
	}
	return pluginDir;
}

function main(argv: readonly string[]): number {
	const skipBuild = argv.includes("--no-build");
	try {
		if (!skipBuild) build();
		const split = splitVault(readVaultNotes(EXAMPLE_VAULT));
		if (split.notes.length === 0) throw new Error(`no conference notes found in ${EXAMPLE_VAULT}`);
		console.log("");
		console.log(formatSummary(split));
		const pluginDir = installPlugin(PROJECT_ROOT, EXAMPLE_VAULT);
		console.log("");
		console.log(`Installed ${PLUGIN_FILES.join(", ")} into ${relative(PROJECT_ROOT, pluginDir)}/`);
		console.log(`Now open ${relative(process.cwd(), EXAMPLE_VAULT) || "."} as a vault in Obsidian (Open folder as vault), trust it to enable plugins, and start with README.md.`);
		return 0;
	} catch (error) {
		console.error(`demo: ${error instanceof Error ? error.message : String(error)}`);
		return 1;
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
	process.exitCode = main(process.argv.slice(2));
}
