import { newBlockState, skipBlockLine } from "./markdown-context";

/**
 * A line-level reading of Markdown, enough for the parsers: which lines are code, headings, quotes,
 * list items, rules or plain text, with indentation and the content after the block marker.
 */

/** `code` covers fenced code, `$$` math and `%%` comment blocks, markers included. */
export type LineKind = "blank" | "text" | "heading" | "quote" | "list" | "code" | "frontmatter" | "rule";

export interface MdLine {
	kind: LineKind;
	/** Leading whitespace in columns (a tab counts 4). */
	indent: number;
	/** Text after indentation and the block marker (`#`s, `>`, list marker). */
	content: string;
	/** Heading level (1–6); 0 otherwise. */
	level: number;
	/** The line as written. */
	raw: string;
}

/**
 * Classifies every line. `frontmatterEnd` is the 0-based closing line of the frontmatter, or -1.
 * Code fences, `$$` math blocks and `%%` comment blocks are read by the matcher's own block reader
 * (`skipBlockLine`), so the note parser and the term matcher always agree on what is not prose.
 */
export function classifyLines(lines: readonly string[], frontmatterEnd: number): MdLine[] {
	const result: MdLine[] = new Array<MdLine>(lines.length);
	const blocks = newBlockState();
	for (let i = 0; i < lines.length; i++) {
		const raw = lines[i];
		if (i <= frontmatterEnd) {
			result[i] = { kind: "frontmatter", indent: 0, content: raw, level: 0, raw };
			continue;
		}
		const indent = leadingColumns(raw);
		if (skipBlockLine(blocks, raw, 0, raw.length)) {
			result[i] = { kind: "code", indent, content: raw, level: 0, raw };
			continue;
		}
		result[i] = classifyLine(raw, indent, raw.trimStart());
	}
	return result;
}

function classifyLine(raw: string, indent: number, text: string): MdLine {
	if (text.length === 0) return { kind: "blank", indent, content: "", level: 0, raw };
	const first = text.charCodeAt(0);
	// Heading: up to 3 spaces, 1-6 `#`, then a space or the end.
	if (first === 35 /* # */ && indent < 4) {
		let level = 1;
		while (level < text.length && text.charCodeAt(level) === 35) level++;
		if (level <= 6 && (level === text.length || text.charCodeAt(level) === 32 || text.charCodeAt(level) === 9)) {
			const content = text
				.slice(level)
				.replace(/\s+#+\s*$/, "")
				.trim();
			return { kind: "heading", indent, content, level, raw };
		}
	}
	if (first === 62 /* > */) {
		let content = text.slice(1);
		if (content.charCodeAt(0) === 32 || content.charCodeAt(0) === 9) content = content.slice(1);
		return { kind: "quote", indent, content, level: 0, raw };
	}
	if ((first === 45 || first === 42 || first === 95) /* - * _ */ && isRule(text)) {
		return { kind: "rule", indent, content: "", level: 0, raw };
	}
	const marker = listMarkerLength(text);
	if (marker > 0) {
		return { kind: "list", indent, content: text.slice(marker).trimStart(), level: 0, raw };
	}
	return { kind: "text", indent, content: text, level: 0, raw };
}

/** Length of a list marker and the whitespace after it (`- `, `* `, `+ `, `1. `, `1) `), or 0. */
export function listMarkerLength(text: string): number {
	const c = text.charCodeAt(0);
	if (c === 45 || c === 42 || c === 43) {
		const next = text.charCodeAt(1);
		if (next === 32 || next === 9) return 2;
		if (text.length === 1) return 1;
		return 0;
	}
	if (c >= 48 && c <= 57) {
		let i = 1;
		while (i < text.length && i < 10 && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
		const d = text.charCodeAt(i);
		if ((d === 46 || d === 41) && (text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 9)) return i + 2;
	}
	return 0;
}

function isRule(text: string): boolean {
	const char = text.charCodeAt(0);
	let count = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === char) count++;
		else if (c !== 32 && c !== 9) return false;
	}
	return count >= 3;
}

export function leadingColumns(raw: string): number {
	let columns = 0;
	for (let i = 0; i < raw.length; i++) {
		const c = raw.charCodeAt(i);
		if (c === 32) columns++;
		else if (c === 9) columns += 4 - (columns % 4);
		else break;
	}
	return columns;
}
