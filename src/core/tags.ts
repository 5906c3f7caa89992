/**
 * Tags as Obsidian reads them: frontmatter `tags`/`tag` (list, string or comma list) and inline `#tags`
 * outside code, headings markers and URLs. `#1.` (digits only) is not a tag.
 */
import { readFrontmatter } from "./frontmatter";
import { classifyLines, type MdLine } from "./markdown-lines";
import { normalizeNote, splitLines } from "./text";

/** The tag a conference note carries unless the settings name others (the settings default, the CLI default). */
export const DEFAULT_TAGS: readonly string[] = Object.freeze(["Conference"]);

/**
 * One tag as the plugin stores it, however it was typed: blanks, leading `#`s and trailing `/`s dropped
 * (` #Conference/ ` → `Conference`). The one rule for settings, data.json, the CLI and the metadata cache.
 */
export function normalizeTag(raw: string): string {
	return raw.trim().replace(/^#+/, "").replace(/\/+$/, "");
}

/** The key two tags are compared by: normalized, ignoring case. */
export function tagKey(tag: string): string {
	return normalizeTag(tag).toLowerCase();
}

/** A list of tags, normalized, without blanks and without repeats (ignoring case; the first spelling stays). */
export function cleanTagList(tags: readonly string[]): string[] {
	const seen = new Set<string>();
	const out: string[] = [];
	for (const raw of tags) {
		const tag = normalizeTag(raw);
		const key = tag.toLowerCase();
		if (tag === "" || seen.has(key)) continue;
		seen.add(key);
		out.push(tag);
	}
	return out;
}

/** A tag list typed as text: split on commas, spaces and new lines, then cleaned as `cleanTagList`. */
export function parseTagList(text: string): string[] {
	return cleanTagList(text.split(/[,\s]+/));
}

/** Every tag of a note, without `#`, in order of appearance, frontmatter first. */
export function noteTags(text: string): string[] {
	const lines = splitLines(normalizeNote(text));
	const frontmatter = readFrontmatter(lines);
	return cleanTagList([...frontmatter.tags, ...inlineTags(classifyLines(lines, frontmatter.endLine))]);
}

/**
 * True when one of `tags` is one of `wanted` or nested below it (`conference/2025` for `Conference`),
 * ignoring case and a leading `#`.
 */
export function hasTag(tags: readonly string[], wanted: readonly string[]): boolean {
	const targets = wanted.map(tagKey).filter((w) => w.length > 0);
	for (const tag of tags) {
		const t = tagKey(tag);
		for (const w of targets) {
			if (t === w || (t.length > w.length && t.startsWith(w) && t.charCodeAt(w.length) === 47 /* / */)) return true;
		}
	}
	return false;
}

/** Inline `#tags` in lines that are not code, frontmatter or comments. */
export function inlineTags(lines: readonly MdLine[]): string[] {
	const tags: string[] = [];
	for (const line of lines) {
		if (line.kind === "code" || line.kind === "frontmatter") continue;
		const text = line.kind === "heading" ? line.content : line.raw;
		if (text.indexOf("#") === -1) continue;
		collectTags(withoutCodeSpans(text), tags);
	}
	return tags;
}

const TAG_CHAR = /[\p{L}\p{N}_\-/]/u;

/** `freenode #openswitch`, `Slack #general`: a chat channel named after its network, not a tag. */
const CHANNEL_BEFORE = /(?:^|\s)(?:freenode|irc|libera(?:\.chat)?|slack|discord|channel|채널)\s+$/i;

function collectTags(text: string, out: string[]): void {
	let from = 0;
	for (;;) {
		const hash = text.indexOf("#", from);
		if (hash === -1) return;
		from = hash + 1;
		if (hash > 0 && !/\s/.test(text[hash - 1])) continue;
		if (CHANNEL_BEFORE.test(text.slice(Math.max(0, hash - 24), hash))) continue;
		let end = hash + 1;
		while (end < text.length) {
			const ch = text.codePointAt(end) ?? 0;
			const s = String.fromCodePoint(ch);
			if (!TAG_CHAR.test(s)) break;
			end += s.length;
		}
		const tag = text.slice(hash + 1, end).replace(/\/+$/, "");
		if (tag.length > 0 && !/^[\d/_-]+$/.test(tag)) out.push(tag);
		from = end;
	}
}

/** Blanks out `code spans` so their `#` is not read as a tag. */
function withoutCodeSpans(text: string): string {
	if (text.indexOf("`") === -1) return text;
	return text.replace(/(`+)[^`]*?\1/g, (m) => " ".repeat(m.length));
}

