/**
 * The note's own glossary style, read from the entries it already has, and new entries written in it.
 *
 * Styles: the reference note's blockquote (`> CTR (Click-Through Rate)` then `> definition`, with trailing
 * double-space hard breaks where the note uses them), a callout (`> [!definition] Term`), a list item in a
 * glossary section (`- **term**: definition`) and a `### Term` heading in a glossary section. A note without
 * entries gets the reference style.
 */
import { headingLevel, textLines, type TextLine } from "./insertion";
import type { GlossaryEntry } from "./types";

interface BaseStyle {
	/** `CTR (Click-Through Rate)` rather than `CTR(Click-Through Rate)`. */
	aliasSpace: boolean;
}

export interface BlockquoteStyle extends BaseStyle {
	kind: "blockquote";
	/** Lines before the last end with two spaces (Markdown hard breaks). */
	hardBreaks: boolean;
}

export interface CalloutStyle extends BaseStyle {
	kind: "callout";
	/** Callout type as written, e.g. `definition`. */
	callout: string;
	/** Fold marker after the type: "", "+" or "-". */
	fold: string;
	/** The term is the callout's title (`> [!definition] CTR`) rather than its first line. */
	termInTitle: boolean;
	hardBreaks: boolean;
}

export interface ListStyle extends BaseStyle {
	kind: "list";
	/** List marker (`-`, `*`, `+`) or "" for plain `term :: definition` lines. */
	marker: string;
	/** Term in `**bold**`. */
	bold: boolean;
	/** The colon inside the bold (`**term:**`). */
	colonInside: boolean;
	/** Between term and definition, e.g. `: `, ` :: `, ` — `. */
	separator: string;
	/** 0-based line of the glossary section's heading (-1 when the list has none). */
	sectionLine: number;
}

export interface HeadingStyle extends BaseStyle {
	kind: "heading";
	level: number;
	/** 0-based line of the glossary section's heading. */
	sectionLine: number;
}

export type GlossaryStyle = BlockquoteStyle | CalloutStyle | ListStyle | HeadingStyle;

/** The reference note's style. */
export const REFERENCE_STYLE: Readonly<BlockquoteStyle> = Object.freeze({ kind: "blockquote", hardBreaks: true, aliasSpace: true });

const CALLOUT_LINE = /^ {0,3}>\s*\[!([^\]]+)\]([+-]?)[ \t]*(.*)$/;
const LIST_LINE = /^\s*([-*+])\s+(.*)$/;

function endsWithHardBreak(text: string): boolean {
	return /\S {2,}$/.test(text) || /\S\\$/.test(text);
}

/**
 * True when the note breaks lines with trailing double spaces (a fifth or more of the lines that continue a
 * paragraph). A note with no such line gets none: in Obsidian they only matter with strict line breaks.
 */
export function usesHardBreaks(text: string, lines: readonly TextLine[] = textLines(text)): boolean {
	let candidates = 0;
	let breaks = 0;
	for (let i = 0; i < lines.length - 1; i++) {
		const line = lines[i].text;
		const next = lines[i + 1].text;
		// Only a line followed by more text in the same paragraph can need a hard break.
		if (line.trim() === "" || next.trim() === "" || /^\s*(?:#|```|~~~|---|[-*+] |\d+[.)] |\|)/.test(line)) continue;
		candidates++;
		if (/ {2,}$/.test(line)) breaks++;
	}
	return breaks > 0 && breaks * 5 >= candidates;
}

interface Observation {
	style: GlossaryStyle;
	hardBreak: boolean | null;
	aliasSpace: boolean | null;
}

function aliasSpaceOf(termText: string): boolean | null {
	const m = /(\S)(\s*)[(（][^)）]*[)）]\s*(?:\*\*)?\s*[:：]?\s*$/.exec(termText);
	if (!m) return null;
	return m[2].length > 0;
}

function sectionAbove(lines: readonly { text: string }[], index: number): number {
	for (let k = index - 1; k >= 0; k--) if (headingLevel(lines[k].text) > 0) return k;
	return -1;
}

function observe(lines: readonly { text: string }[], entry: GlossaryEntry): Observation | null {
	const index = entry.line - 1;
	const text = lines[index]?.text;
	if (text === undefined) return null;
	const callout = CALLOUT_LINE.exec(text);
	if (callout) {
		return {
			style: { kind: "callout", callout: callout[1].trim(), fold: callout[2], termInTitle: callout[3].trim().length > 0, hardBreaks: false, aliasSpace: true },
			hardBreak: endsWithHardBreak(text),
			aliasSpace: aliasSpaceOf(callout[3]),
		};
	}
	const above = index > 0 ? CALLOUT_LINE.exec(lines[index - 1].text) : null;
	if (above && /^ {0,3}>/.test(text) && above[3].trim() === "") {
		return {
			style: { kind: "callout", callout: above[1].trim(), fold: above[2], termInTitle: false, hardBreaks: false, aliasSpace: true },
			hardBreak: endsWithHardBreak(text),
			aliasSpace: aliasSpaceOf(text.replace(/^ {0,3}>\s?/, "")),
		};
	}
	if (/^ {0,3}>/.test(text)) {
		return {
			style: { kind: "blockquote", hardBreaks: false, aliasSpace: true },
			hardBreak: endsWithHardBreak(text),
			aliasSpace: aliasSpaceOf(text.replace(/^ {0,3}>\s?/, "")),
		};
	}
	const level = headingLevel(text);
	if (level > 0) {
		return {
			style: { kind: "heading", level, sectionLine: sectionAbove(lines, index), aliasSpace: true },
			hardBreak: null,
			aliasSpace: aliasSpaceOf(text.replace(/^\s*#+\s*/, "")),
		};
	}
	const list = LIST_LINE.exec(text);
	const body = list ? list[2] : text.trim();
	const bold = /^(\*\*|__)/.test(body);
	const colonInside = /^(\*\*|__).+?[:：]\1/.test(body);
	let separator = ": ";
	const afterTerm = bold ? body.replace(/^(\*\*|__)(.+?)\1\s*(\([^)]*\))?/, "") : body;
	const sep = /^(\s*::\s*|\s+[—–-]\s+|\s*[:：]\s*)/.exec(bold ? afterTerm : body.replace(/^[^:：—–]*?(?=\s*::|\s+[—–-]\s|[:：])/, ""));
	if (sep) separator = sep[1].includes("::") ? " :: " : sep[1].includes("—") ? " — " : sep[1].includes("–") ? " – " : sep[1].trim() === "-" ? " - " : ": ";
	return {
		style: { kind: "list", marker: list ? list[1] : "", bold, colonInside, separator: colonInside ? " " : separator, sectionLine: sectionAbove(lines, index), aliasSpace: true },
		hardBreak: null,
		aliasSpace: aliasSpaceOf(bold ? body.replace(/^(\*\*|__)(.+?)\1/, "$2") : body.split(/\s*(?:::|[:：])\s*/)[0]),
	};
}

/** The majority of the known values; `fallback` (computed only when needed) on a tie. */
/** At most this many entries are read to judge a note's style (evenly spread, the last one included). */
const MAX_OBSERVED = 64;

function sample<T>(items: readonly T[], max: number): readonly T[] {
	if (items.length <= max) return items;
	const out: T[] = [];
	for (let i = 0; i < max; i++) out.push(items[Math.floor(((i + 1) * items.length) / max) - 1]);
	return out;
}

function majority(values: readonly (boolean | null)[], fallback: () => boolean): boolean {
	let yes = 0;
	let no = 0;
	for (const v of values) {
		if (v === true) yes++;
		else if (v === false) no++;
	}
	if (yes === no) return fallback();
	return yes > no;
}

/**
 * Reads the style of the note's existing entries (as `parseNote` found them in `text`): the most common kind
 * wins (ties go to the last entry's kind), hard breaks and alias spacing by majority. Without entries:
 * the reference style (blockquotes, spaced aliases), with hard breaks only when the note itself uses them.
 */
export function detectGlossaryStyle(text: string, entries: readonly GlossaryEntry[], lines: readonly TextLine[] = textLines(text)): GlossaryStyle {
	if (entries.length === 0) return { kind: "blockquote", hardBreaks: usesHardBreaks(text, lines), aliasSpace: true };
	const seen = new Set<number>();
	const observations: Observation[] = [];
	for (const entry of sample(entries, MAX_OBSERVED)) {
		if (seen.has(entry.line)) continue;
		seen.add(entry.line);
		const o = observe(lines, entry);
		if (o) observations.push(o);
	}
	if (observations.length === 0) return { kind: "blockquote", hardBreaks: usesHardBreaks(text), aliasSpace: true };
	const counts = new Map<GlossaryStyle["kind"], number>();
	for (const o of observations) counts.set(o.style.kind, (counts.get(o.style.kind) ?? 0) + 1);
	const lastKind = observations[observations.length - 1].style.kind;
	let kind = lastKind;
	for (const [k, n] of counts) if (n > (counts.get(kind) ?? 0)) kind = k;
	const same = observations.filter((o) => o.style.kind === kind);
	const model = same[same.length - 1].style;
	const aliasSpace = majority(
		same.map((o) => o.aliasSpace),
		() => true,
	);
	if (model.kind === "blockquote" || model.kind === "callout") {
		const hardBreaks = majority(
			same.map((o) => o.hardBreak),
			() => usesHardBreaks(text, lines),
		);
		return { ...model, hardBreaks, aliasSpace };
	}
	return { ...model, aliasSpace };
}

/** `CTR (Click-Through Rate)`: the term and its aliases in parentheses. */
export function formatTermLine(term: string, aliases: readonly string[], aliasSpace = true): string {
	const own = aliases.filter((a) => a.trim().length > 0 && a.trim().toLowerCase() !== term.trim().toLowerCase());
	if (own.length === 0) return term.trim();
	return `${term.trim()}${aliasSpace ? " " : ""}(${own.map((a) => a.trim()).join(", ")})`;
}

export interface NewEntry {
	term: string;
	aliases: readonly string[];
	/** The definition as Markdown; may hold several lines. */
	definition: string;
}

export interface FormattedEntry {
	/** The entry's lines, without line breaks. */
	lines: string[];
	/** Where the cursor goes: after the definition, or on the empty definition line of a skeleton. */
	cursor: { line: number; ch: number };
}

/** Definition lines without trailing whitespace and blank edges. */
function definitionLines(definition: string): string[] {
	const lines = definition.split(/\r\n|\r|\n/).map((l) => l.replace(/\s+$/, ""));
	while (lines.length > 0 && lines[0] === "") lines.shift();
	while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
	return lines;
}

/** Prefixes lines with `> `, adding hard breaks to every line but the last when asked. */
function quoteLines(lines: readonly string[], hardBreaks: boolean): string[] {
	return lines.map((line, i) => {
		if (line === "") return ">";
		const isLast = i === lines.length - 1;
		const next = lines[i + 1];
		const needsBreak = hardBreaks && !isLast && next !== "" && !line.endsWith("\\");
		return `> ${line}${needsBreak ? "  " : ""}`;
	});
}

function listTerm(style: ListStyle, termLine: string): string {
	if (!style.bold) return termLine;
	const paren = termLine.indexOf(" (") >= 0 ? termLine.indexOf(" (") : termLine.indexOf("(");
	const name = paren > 0 ? termLine.slice(0, paren) : termLine;
	const rest = paren > 0 ? termLine.slice(paren) : "";
	if (style.colonInside) return `**${name}${rest}:**`;
	return `**${name}**${rest}`;
}

/** The lines of a new entry in the note's style, with the cursor after the definition. */
export function formatGlossaryEntry(entry: NewEntry, style: GlossaryStyle): FormattedEntry {
	const termLine = formatTermLine(entry.term, entry.aliases, style.aliasSpace);
	const definition = definitionLines(entry.definition);
	const body = definition.length > 0 ? definition : [""];
	let lines: string[];
	switch (style.kind) {
		case "blockquote":
			lines = quoteLines([termLine, ...body], style.hardBreaks);
			break;
		case "callout": {
			const head = `> [!${style.callout}]${style.fold}`;
			lines = style.termInTitle ? [`${head} ${termLine}`, ...quoteLines(body, style.hardBreaks)] : [head, ...quoteLines([termLine, ...body], style.hardBreaks)];
			break;
		}
		case "list": {
			const marker = style.marker ? `${style.marker} ` : "";
			const indent = " ".repeat(Math.max(2, marker.length));
			const separator = style.colonInside ? " " : style.separator;
			lines = [`${marker}${listTerm(style, termLine)}${separator}${body[0]}`, ...body.slice(1).map((l) => (l === "" ? "" : indent + l))];
			break;
		}
		case "heading":
			lines = [`${"#".repeat(style.level)} ${termLine}`, ...body];
			break;
	}
	const last = lines.length - 1;
	return { lines, cursor: { line: last, ch: lines[last].length } };
}

/** An entry with an empty definition for the user to write; the cursor waits on the definition line. */
export function formatSkeleton(term: string, style: GlossaryStyle): FormattedEntry {
	// Format with a placeholder definition, so the term line gets the break a written definition would get.
	const placeholder = "\uE000";
	const formatted = formatGlossaryEntry({ term, aliases: [], definition: placeholder }, style);
	const lines = formatted.lines.map((line) => line.replace(placeholder, ""));
	const last = lines.length - 1;
	return { lines, cursor: { line: last, ch: lines[last].length } };
}
