/**
 * Where and how to insert a glossary entry into a note, and what word or term sits under the cursor.
 *
 * Pure functions over the note's text. An insertion is always one piece of text placed at the end of an
 * existing line: it never splits a line and never changes a character that was already there. Lines break
 * on LF, CRLF or CR (as CodeMirror reads them); new line breaks copy the note's first one.
 */

import { findFrontmatterEnd } from "./frontmatter";
import { GLOSSARY_SECTION } from "./glossary-parser";
import { parseNote } from "./note-parser";
import type { GlossaryEntry, QaPair } from "./types";

export type LineBreak = "\n" | "\r\n" | "\r";

export interface TextLine {
	/** Offset of the first character. */
	from: number;
	/** Offset after the last character, before the line break. */
	to: number;
	text: string;
}

/** Splits into lines with offsets. A text ending in a line break has an empty last line. */
export function textLines(doc: string): TextLine[] {
	const lines: TextLine[] = [];
	let from = 0;
	if (doc.indexOf("\r") < 0) {
		// LF only: jump from break to break.
		for (let i = doc.indexOf("\n"); i >= 0; i = doc.indexOf("\n", from)) {
			lines.push({ from, to: i, text: doc.slice(from, i) });
			from = i + 1;
		}
		lines.push({ from, to: doc.length, text: doc.slice(from) });
		return lines;
	}
	for (let i = 0; i < doc.length; i++) {
		const c = doc.charCodeAt(i);
		if (c !== 10 && c !== 13) continue;
		lines.push({ from, to: i, text: doc.slice(from, i) });
		if (c === 13 && doc.charCodeAt(i + 1) === 10) i++;
		from = i + 1;
	}
	lines.push({ from, to: doc.length, text: doc.slice(from) });
	return lines;
}

/** The note's own line break (the first one it uses), LF when it has none. */
export function lineBreakOf(doc: string): LineBreak {
	const i = doc.search(/[\r\n]/);
	if (i < 0) return "\n";
	if (doc.charCodeAt(i) === 10) return "\n";
	return doc.charCodeAt(i + 1) === 10 ? "\r\n" : "\r";
}

/** Index of the line holding `offset` (clamped to the text). */
export function lineIndexAt(lines: readonly TextLine[], offset: number): number {
	let lo = 0;
	let hi = lines.length - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (lines[mid].from <= offset) lo = mid;
		else hi = mid - 1;
	}
	return lo;
}

function isBlank(text: string): boolean {
	return text.trim().length === 0;
}

/**
 * Marks lines that belong to an opaque block where blank lines do not end a paragraph and nothing may be
 * inserted: frontmatter, fenced code, `$$` math and `%%` comments. Unclosed blocks run to the end.
 * Returns, per line, the index of the block's last line, or -1 for ordinary lines.
 */
export function opaqueBlocks(lines: readonly TextLine[]): Int32Array {
	const end = new Int32Array(lines.length).fill(-1);
	let i = 0;
	const mark = (start: number, last: number): void => {
		for (let k = start; k <= last; k++) end[k] = last;
	};
	const frontmatterEnd = findFrontmatterEnd(lines.length, (k) => lines[k].text);
	if (frontmatterEnd > 0) {
		mark(0, frontmatterEnd);
		i = frontmatterEnd + 1;
	}
	for (; i < lines.length; i++) {
		const text = lines[i].text;
		// Only lines starting (after up to three spaces) with ` ~ $ % can open a block.
		let c = 0;
		while (c < 3 && text.charCodeAt(c) === 32) c++;
		const first = text.charCodeAt(c);
		if (first !== 96 && first !== 126 && first !== 36 && first !== 37 && !(first === 32 || first === 9)) continue;
		const fence = /^ {0,3}(`{3,}|~{3,})/.exec(text);
		if (fence && !(fence[1][0] === "`" && text.slice(fence[0].length).includes("`"))) {
			const char = fence[1][0];
			const length = fence[1].length;
			let k = i + 1;
			for (; k < lines.length; k++) {
				const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(lines[k].text);
				if (close && close[1][0] === char && close[1].length >= length) break;
			}
			const last = Math.min(k, lines.length - 1);
			mark(i, last);
			i = last;
			continue;
		}
		const trimmed = text.trim();
		for (const token of ["$$", "%%"]) {
			if (trimmed.startsWith(token) && (trimmed === token || !trimmed.slice(token.length).includes(token))) {
				let k = i + 1;
				for (; k < lines.length; k++) if (lines[k].text.includes(token)) break;
				const last = Math.min(k, lines.length - 1);
				mark(i, last);
				i = last;
				break;
			}
		}
	}
	return end;
}

/** 1-based line spans from the parsed note, to keep answers and glossary groups whole. */
export interface InsertionContext {
	pairs?: readonly { line: number; answerLine: number; endLine: number }[];
	glossary?: readonly { line: number; endLine: number }[];
}

/** Last line of the paragraph (non-blank run, opaque blocks included) that holds line `index`. */
function paragraphEnd(lines: readonly TextLine[], opaque: Int32Array, index: number): number {
	let k = index;
	while (k < lines.length) {
		if (opaque[k] >= 0) {
			k = opaque[k] + 1;
			continue;
		}
		if (isBlank(lines[k].text)) break;
		k++;
	}
	return Math.max(index, k - 1);
}

function nextNonBlank(lines: readonly TextLine[], opaque: Int32Array, after: number): number {
	for (let k = after + 1; k < lines.length; k++) {
		if (opaque[k] >= 0 || !isBlank(lines[k].text)) return k;
	}
	return -1;
}

/** True when the paragraph starting at `start` is a glossary entry (from the context, or a bare blockquote). */
function isGlossaryParagraph(lines: readonly TextLine[], opaque: Int32Array, start: number, context: InsertionContext): boolean {
	if (opaque[start] >= 0) return false;
	const end = paragraphEnd(lines, opaque, start);
	if (context.glossary) {
		return context.glossary.some((g) => g.line - 1 >= start && g.line - 1 <= end);
	}
	if (end === start) return false;
	for (let k = start; k <= end; k++) if (!/^ {0,3}>/.test(lines[k].text)) return false;
	return true;
}

/**
 * The 0-based line after which a new glossary block goes, for a cursor at `offset`: the end of the paragraph
 * holding the cursor (the whole answer when the cursor is in one), then past the glossary blocks that
 * already follow it. On a blank line, that line itself. Never inside frontmatter, code, math or comments.
 * `lines` may pass `textLines(doc)` when the caller already has it.
 */
export function insertionLine(doc: string, offset: number, context: InsertionContext = {}, lines: readonly TextLine[] = textLines(doc)): number {
	const opaque = opaqueBlocks(lines);
	const cursorLine = lineIndexAt(lines, Math.max(0, Math.min(offset, doc.length)));
	if (opaque[cursorLine] >= 0) return skipGlossary(lines, opaque, paragraphEnd(lines, opaque, cursorLine), context);
	if (isBlank(lines[cursorLine].text)) return cursorLine;
	let end = paragraphEnd(lines, opaque, cursorLine);
	const pair = context.pairs?.find((p) => cursorLine >= p.answerLine - 1 && cursorLine <= p.endLine - 1);
	if (pair) {
		const answerEnd = Math.min(pair.endLine - 1, lines.length - 1);
		if (answerEnd > end) end = paragraphEnd(lines, opaque, answerEnd);
	}
	return skipGlossary(lines, opaque, end, context);
}

function skipGlossary(lines: readonly TextLine[], opaque: Int32Array, end: number, context: InsertionContext): number {
	let last = end;
	for (;;) {
		const next = nextNonBlank(lines, opaque, last);
		if (next < 0 || !isGlossaryParagraph(lines, opaque, next, context)) return last;
		last = paragraphEnd(lines, opaque, next);
	}
}

export interface Insertion {
	/** Offset in the original text where `text` goes: always the end of a line. */
	at: number;
	text: string;
	/** Cursor offset in the new text. */
	cursor: number;
}

export interface BlockPosition {
	/** Line within the block (0-based). */
	line: number;
	/** Column within that line. */
	ch: number;
}

/**
 * Inserts `block` (lines without breaks) after line `afterLine` as its own paragraph: separated by one blank
 * line from the text before and after it (blank lines already there are reused). `cursorAt` says where the
 * cursor goes inside the block; by default the end of its last line. A text that ended with a line break
 * still does. `lines` may pass `textLines(doc)` when the caller already has it.
 */
export function planBlockInsertion(doc: string, afterLine: number, block: readonly string[], cursorAt?: BlockPosition, lines: readonly TextLine[] = textLines(doc)): Insertion {
	const k = Math.max(0, Math.min(afterLine, lines.length - 1));
	const eol = lineBreakOf(doc);
	const at = lines[k].to;
	let leading: string;
	if (doc.length === 0) leading = "";
	else if (isBlank(lines[k].text)) leading = eol;
	else leading = eol + eol;
	let trailing = "";
	if (k + 1 < lines.length) {
		if (!isBlank(lines[k + 1].text)) trailing = eol;
	} else if (k > 0 && lines[k].text.length === 0) {
		// The text ended with a line break: keep it ending with one.
		trailing = eol;
	}
	return assemble(at, leading, block, trailing, eol, cursorAt);
}

/** Inserts `block` on the line right after `afterLine`, with no blank line (a list item in a list). */
export function planLineInsertion(doc: string, afterLine: number, block: readonly string[], cursorAt?: BlockPosition): Insertion {
	const lines = textLines(doc);
	const k = Math.max(0, Math.min(afterLine, lines.length - 1));
	const eol = lineBreakOf(doc);
	const leading = doc.length === 0 ? "" : eol;
	return assemble(lines[k].to, leading, block, "", eol, cursorAt);
}

function assemble(at: number, leading: string, block: readonly string[], trailing: string, eol: string, cursorAt?: BlockPosition): Insertion {
	const body = block.length === 0 ? [""] : block;
	const position = cursorAt ?? { line: body.length - 1, ch: body[body.length - 1].length };
	const line = Math.max(0, Math.min(position.line, body.length - 1));
	let offset = at + leading.length;
	for (let i = 0; i < line; i++) offset += body[i].length + eol.length;
	offset += Math.max(0, Math.min(position.ch, body[line].length));
	return { at, text: leading + body.join(eol) + trailing, cursor: offset };
}

/** Applies an insertion to a string (what the editor transaction does). */
export function applyInsertion(doc: string, insertion: Insertion): string {
	return doc.slice(0, insertion.at) + insertion.text + doc.slice(insertion.at);
}

/**
 * The last line of the section under heading line `headingLine` (0-based) that holds content: where a new
 * list item goes. Returns `headingLine` when the section is empty.
 */
export function sectionLastLine(doc: string, headingLine: number): number {
	const lines = textLines(doc);
	const opaque = opaqueBlocks(lines);
	const level = headingLevel(lines[headingLine]?.text ?? "");
	if (level === 0) return headingLine;
	let last = headingLine;
	for (let k = headingLine + 1; k < lines.length; k++) {
		if (opaque[k] >= 0) {
			last = opaque[k];
			k = opaque[k];
			continue;
		}
		const l = headingLevel(lines[k].text);
		if (l > 0 && l <= level) break;
		if (!isBlank(lines[k].text)) last = k;
	}
	return last;
}

/** ATX heading level of a line (1–6), or 0. */
export function headingLevel(text: string): number {
	const m = /^ {0,3}(#{1,6})(?:[ \t]|$)/.exec(text);
	return m ? m[1].length : 0;
}

// ---------------------------------------------------------------------------------------------------------
// Words and terms under the cursor

export interface WordSpan {
	from: number;
	to: number;
	text: string;
}

function isHangulCode(code: number): boolean {
	return (code >= 0xac00 && code <= 0xd7a3) || (code >= 0x1100 && code <= 0x11ff) || (code >= 0x3131 && code <= 0x318e);
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const CONNECTORS = new Set(["&", "'", "’", "_", ".", "+", "-"]);

type Script = "hangul" | "other";

function scriptOf(ch: string): Script | null {
	if (isHangulCode(ch.charCodeAt(0))) return "hangul";
	return WORD_CHAR.test(ch) ? "other" : null;
}

/**
 * Words of one line: runs of letters and digits of one script, with inner `& ' _ . + -` (`F&B`, `e-mail`).
 * A change between Hangul and other letters starts a new word, so `CTR과` gives `CTR` and `과`.
 */
export function wordsOf(text: string, base = 0): WordSpan[] {
	const words: WordSpan[] = [];
	let i = 0;
	while (i < text.length) {
		const script = scriptOf(text[i]);
		if (!script) {
			i++;
			continue;
		}
		const start = i;
		i++;
		while (i < text.length) {
			const s = scriptOf(text[i]);
			if (s === script) {
				i++;
				continue;
			}
			if (s === null && CONNECTORS.has(text[i]) && i + 1 < text.length && scriptOf(text[i + 1]) === script) {
				i += 2;
				continue;
			}
			break;
		}
		words.push({ from: base + start, to: base + i, text: text.slice(start, i) });
	}
	return words;
}

/** Korean particles and endings stripped from a word to get its stem; ambiguous ones (이, 가, 의, 도…) stay. */
const PARTICLES = [
	"에서부터",
	"에서는",
	"에서도",
	"에게서",
	"으로는",
	"으로도",
	"으로서",
	"으로써",
	"이라는",
	"이라고",
	"이어서",
	"이여서",
	"에서",
	"에게",
	"한테",
	"께서",
	"까지",
	"부터",
	"처럼",
	"보다",
	"으로",
	"라는",
	"라고",
	"여서",
	"에는",
	"에도",
	"이나",
	"이랑",
	"이다",
	"를",
	"을",
	"는",
	"은",
	"에",
];

/**
 * Particles that follow a syllable without a final consonant (or with ㄹ): `대시보드로`, `서버로는`. After
 * any other final consonant Korean writes `으로`, so `경로` and `기록으로` keep their last syllable here.
 */
const RO_PARTICLES = ["로부터", "로서", "로써", "로는", "로도", "로의", "로"];

/** Loanwords that end in a bare `로` syllable of their own. */
const ENDS_IN_RO = new Set(["마이크로", "매크로", "레트로", "히어로", "제로", "유로", "니트로", "아스트로", "하이드로"]);

/** True when the Hangul syllable takes `로` rather than `으로`: no final consonant, or ㄹ. */
function takesRo(code: number): boolean {
	if (code < 0xac00 || code > 0xd7a3) return false;
	const final = (code - 0xac00) % 28;
	return final === 0 || final === 8;
}

/** The stem of a Hangul word without a trailing particle (`컴플라이언스에` → `컴플라이언스`, `대시보드로` → `대시보드`); other words as they are. */
export function stripParticle(word: string): string {
	if (!isHangulCode(word.charCodeAt(word.length - 1))) return word;
	for (const particle of PARTICLES) {
		if (word.length - particle.length >= 2 && word.endsWith(particle)) return stripRo(word.slice(0, word.length - particle.length));
	}
	return stripRo(word);
}

/** `대시보드로` → `대시보드` (and `대시보드로는` once `는` is gone); `경로`, `마이크로` stay. */
function stripRo(word: string): string {
	for (const particle of RO_PARTICLES) {
		const stem = word.slice(0, word.length - particle.length);
		if (stem.length >= 2 && word.endsWith(particle) && takesRo(stem.charCodeAt(stem.length - 1)) && !ENDS_IN_RO.has(`${stem}로`)) return stem;
	}
	return word;
}

/** Indexes of the words the cursor touches: inside, at either edge, or right after `word*`. */
function wordsTouching(words: readonly WordSpan[], offset: number, lineText: string, lineFrom: number): number[] {
	const out: number[] = [];
	words.forEach((w, i) => {
		if ((w.from <= offset && offset <= w.to) || (w.to === offset - 1 && lineText[w.to - lineFrom] === "*")) out.push(i);
	});
	return out;
}

/**
 * The word under the cursor among those it touches: the one it is inside; at the seam of two words, the
 * right one, except that a Latin word wins over the Hangul particle glued to it (`CTR|이` → `CTR`).
 */
function wordIndexAt(words: readonly WordSpan[], offset: number, lineText: string, lineFrom: number): number {
	const touching = wordsTouching(words, offset, lineText, lineFrom);
	if (touching.length === 0) return -1;
	const inside = touching.find((i) => words[i].from < offset && offset < words[i].to);
	if (inside !== undefined) return inside;
	if (touching.length === 1) return touching[0];
	const [left, right] = [touching[0], touching[touching.length - 1]];
	const leftHangul = isHangulCode(words[left].text.charCodeAt(0));
	const rightHangul = isHangulCode(words[right].text.charCodeAt(0));
	return rightHangul && !leftHangul ? left : right;
}

/**
 * The word under the cursor: the word the cursor is in or right after (`ECPM*` counts as `ECPM`). Hangul
 * words lose a trailing particle. Null on whitespace or punctuation.
 */
export function wordAt(doc: string, offset: number): WordSpan | null {
	const lines = textLines(doc);
	const line = lines[lineIndexAt(lines, offset)];
	const words = wordsOf(line.text, line.from);
	const index = wordIndexAt(words, offset, line.text, line.from);
	if (index < 0) return null;
	const word = words[index];
	const stem = stripParticle(word.text);
	return { from: word.from, to: word.from + stem.length, text: stem };
}

const MAX_WORDS_IN_TERM = 4;

/**
 * The longest known term around the cursor, as `isTerm` knows them (the index's lookup normalises case and
 * spacing). Spans of up to four words are tried, and a Hangul last word may end early (a particle follows):
 * `컴플라이언스 리스크를` finds `컴플라이언스 리스크`, `DRI 문화여서` finds `DRI 문화`.
 */
export function termAt(doc: string, offset: number, isTerm: (name: string) => boolean): WordSpan | null {
	const lines = textLines(doc);
	const line = lines[lineIndexAt(lines, offset)];
	const words = wordsOf(line.text, line.from);
	let best: WordSpan | null = null;
	for (const index of wordsTouching(words, offset, line.text, line.from)) {
		let first = index;
		while (first > 0 && index - first + 1 < MAX_WORDS_IN_TERM && joinable(doc, words[first - 1], words[first])) first--;
		for (let s = first; s <= index; s++) {
			for (let e = index; e < words.length && e - s < MAX_WORDS_IN_TERM; e++) {
				if (e > s && !joinable(doc, words[e - 1], words[e])) break;
				for (const end of endsOf(words[e])) {
					if (end <= words[s].from) continue;
					if (best && end - words[s].from <= best.to - best.from) continue;
					const text = doc.slice(words[s].from, end);
					if (isTerm(text)) best = { from: words[s].from, to: end, text };
				}
			}
		}
	}
	return best;
}

/** Words are part of one term when only a little whitespace (or nothing, `DRI문화`) separates them. */
function joinable(doc: string, a: WordSpan, b: WordSpan): boolean {
	const gap = doc.slice(a.to, b.from);
	return gap.length <= 2 && /^[ \t\u00a0]*$/.test(gap);
}

/** Where a term may end in this word: its end, and for Hangul every syllable boundary before it. */
function endsOf(word: WordSpan): number[] {
	const ends = [word.to];
	if (isHangulCode(word.text.charCodeAt(word.text.length - 1))) {
		for (let i = word.text.length - 1; i >= 1; i--) {
			if (!isHangulCode(word.text.charCodeAt(i - 1))) break;
			ends.push(word.from + i);
		}
	}
	return ends;
}

// ---------------------------------------------------------------------------------------------------------
// Marked jargon

export interface MarkedJargon extends WordSpan {
	/** 0-based line. */
	line: number;
	/** Offset of the `*` marker. */
	marker: number;
}

function isSpace(ch: string | undefined): boolean {
	return ch === undefined || /\s/.test(ch);
}

/**
 * Every `word*` jargon marker in the text, outside frontmatter, code and comments. A `*` that opens or closes
 * emphasis (`*so*`), a `**` run and a `*` between spaces are not markers.
 */
export function findMarkedJargon(doc: string): MarkedJargon[] {
	const lines = textLines(doc);
	const opaque = opaqueBlocks(lines);
	const found: MarkedJargon[] = [];
	for (let k = 0; k < lines.length; k++) {
		if (opaque[k] >= 0) {
			k = opaque[k];
			continue;
		}
		const { text, from } = lines[k];
		if (text.indexOf("*") < 0) continue;
		const masked = maskCodeSpans(text);
		for (const marker of jargonMarkers(masked)) {
			const words = wordsOf(masked.slice(0, marker));
			const word = words[words.length - 1];
			if (!word || word.to !== marker) continue;
			found.push({ from: from + word.from, to: from + word.to, text: text.slice(word.from, word.to), line: k, marker: from + marker });
		}
	}
	return found;
}

/** Replaces inline code spans with spaces of the same length. */
function maskCodeSpans(text: string): string {
	if (text.indexOf("`") < 0) return text;
	return text.replace(/(`+)[^`]*?\1/g, (m) => " ".repeat(m.length));
}

/** Offsets of the single `*` characters in a line that mark jargon. */
function jargonMarkers(text: string): number[] {
	const markers: number[] = [];
	let openAt = -1;
	for (let i = 0; i < text.length; i++) {
		if (text[i] !== "*") continue;
		let end = i;
		while (end < text.length && text[end] === "*") end++;
		if (end - i >= 2) {
			i = end - 1;
			continue;
		}
		const before = text[i - 1];
		const after = text[i + 1];
		const canOpen = !isSpace(after) && (isSpace(before) || /[([{"'“‘]/.test(before ?? ""));
		const canClose = !isSpace(before);
		if (openAt >= 0 && canClose) {
			openAt = -1;
		} else if (canOpen && hasCloser(text, i + 1)) {
			openAt = i;
		} else if (canClose && before !== undefined && scriptOf(before) !== null) {
			markers.push(i);
		}
	}
	return markers;
}

function hasCloser(text: string, from: number): boolean {
	for (let i = from; i < text.length; i++) {
		if (text[i] === "*" && text[i + 1] !== "*" && text[i - 1] !== "*" && !isSpace(text[i - 1])) return true;
	}
	return false;
}

/**
 * The cursor of an insertion as a {line, ch} position in the new text, given where the insertion point
 * (`insertion.at`) sits in the old text. Line breaks inside the inserted text move it down.
 */
export function cursorPosition(at: { line: number; ch: number }, insertion: Insertion): { line: number; ch: number } {
	const before = insertion.text.slice(0, insertion.cursor - insertion.at);
	const parts = before.split(/\r\n|\r|\n/);
	if (parts.length === 1) return { line: at.line, ch: at.ch + before.length };
	return { line: at.line + parts.length - 1, ch: parts[parts.length - 1].length };
}

// ---------------------------------------------------------------------------------------------------------
// A local parse for the insert commands

/** How many lines around the cursor a local parse reads at most, each way. */
const LOCAL_LINES = 400;

/** The parsed pieces an insertion needs: Q&A spans and glossary entries, with lines of the whole note. */
export interface LocalContext extends InsertionContext {
	glossary: GlossaryEntry[];
	pairs: QaPair[];
}

/**
 * What the insert commands need from a note, read from around the cursor instead of the whole text: the
 * Q&A and glossary entries of the section holding `offset` (from the heading above it to the next heading,
 * at most `LOCAL_LINES` lines each way, cut at blank lines), plus the entries of the note's glossary
 * sections (`## Glossary`, `## 용어` …), whose style a new entry copies. Line numbers are the whole note's.
 * The cost follows the section's size, not the note's.
 */
export function localContext(doc: string, offset: number, lines: readonly TextLine[] = textLines(doc)): LocalContext {
	const cursorLine = lineIndexAt(lines, Math.max(0, Math.min(offset, doc.length)));
	const windows: [number, number][] = [localWindow(lines, cursorLine)];
	for (let k = 0; k < lines.length; k++) {
		const level = quickHeadingLevel(lines[k].text);
		if (level === 0 || !GLOSSARY_SECTION.test(lines[k].text.replace(/^ {0,3}#+\s*/, "").replace(/\s+#*\s*$/, ""))) continue;
		let end = k + 1;
		while (end < lines.length) {
			const l = quickHeadingLevel(lines[end].text);
			if (l > 0 && l <= level) break;
			end++;
		}
		windows.push([k, end - 1]);
	}
	const glossary: GlossaryEntry[] = [];
	const pairs: QaPair[] = [];
	const seen = new Set<number>();
	for (const [first, last] of windows) {
		const slice = doc.slice(lines[first].from, lines[last].to);
		const record = parseNote(slice, "", { requireTag: false });
		if (!record) continue;
		const shift = first;
		for (const g of record.glossary) {
			if (seen.has(g.line + shift)) continue;
			seen.add(g.line + shift);
			glossary.push({ ...g, line: g.line + shift, endLine: g.endLine + shift });
		}
		if (first === windows[0][0]) for (const q of record.qa) pairs.push({ ...q, line: q.line + shift, answerLine: q.answerLine + shift, endLine: q.endLine + shift });
	}
	glossary.sort((a, b) => a.line - b.line);
	return { glossary, pairs };
}

/** 0-based first and last line of the section around `line`, at most `LOCAL_LINES` each way, cut at blank lines. */
function localWindow(lines: readonly TextLine[], line: number): [number, number] {
	let first = line;
	while (first > 0 && line - first < LOCAL_LINES && quickHeadingLevel(lines[first].text) === 0) first--;
	if (quickHeadingLevel(lines[first].text) === 0 && first > 0) {
		while (first < line && !isBlank(lines[first].text)) first++;
	}
	let last = line;
	while (last + 1 < lines.length && last - line < LOCAL_LINES && quickHeadingLevel(lines[last + 1].text) === 0) last++;
	if (last + 1 < lines.length && quickHeadingLevel(lines[last + 1].text) === 0) {
		while (last > line && !isBlank(lines[last].text)) last--;
	}
	return [first, last];
}

/** `headingLevel` without a regular expression for lines that cannot be headings. */
function quickHeadingLevel(text: string): number {
	let i = 0;
	while (i < 3 && text.charCodeAt(i) === 32) i++;
	return text.charCodeAt(i) === 35 ? headingLevel(text) : 0;
}
