/**
 * Where in a Markdown note prose is, as the matcher and the health check need it: which lines are
 * inside frontmatter, fenced code, `$$` math or `%%` comment blocks, and which parts of a prose line are
 * inline code, URLs, link targets, wikilink targets, HTML tags or `#tags`.
 *
 * Everything works on offsets into one string, line by line, without allocating per character. Every
 * search for a closing delimiter is cached per line, so hostile input (thousands of unclosed `<`, `[[`
 * or backticks on one 5 MB line) stays linear.
 */
import { CLASS_LATIN, CLASS_OTHER, CLASS_SPACE, getClassTable } from "./char-class";
import { isFrontmatterDelimiter } from "./frontmatter";
import { LineBreaks } from "./newline";

const LATIN = CLASS_LATIN;
const OTHER = CLASS_OTHER;
const SPACE_CLASS = CLASS_SPACE;

const BACKTICK = 0x60;
const TILDE = 0x7e;
const DOLLAR = 0x24;
const PERCENT = 0x25;
const GT = 0x3e;
const LT = 0x3c;
const SPACE = 0x20;
const TAB = 0x09;
const CR = 0x0d;
const BOM = 0xfeff;

/** Upper bound on how far a Markdown link target `](…)` is searched for its `)`. */
const MAX_LINK_TARGET = 2048;

/**
 * 1-based number of the last frontmatter line (the closing `---`), or 0 when the text has no closed
 * frontmatter. Frontmatter opens with `---` on the very first line (after an optional BOM) and closes
 * with `---` or `...`, like Obsidian.
 */
export function frontmatterEndLine(text: string): number {
	const breaks = new LineBreaks(text);
	let p = text.charCodeAt(0) === BOM ? 1 : 0;
	let end = breaks.end(p);
	if (!isDelimiterLine(text, p, end, false)) return 0;
	let line = 1;
	while (end < text.length) {
		p = breaks.next(end);
		end = breaks.end(p);
		line++;
		if (isDelimiterLine(text, p, end, true)) return line;
	}
	return 0;
}

function isDelimiterLine(text: string, start: number, end: number, closing: boolean): boolean {
	return isFrontmatterDelimiter(text.slice(start, end), closing);
}

function isBlank(c: number): boolean {
	return c === SPACE || c === TAB || c === CR;
}

const BLOCK_NONE = 0;
const BLOCK_FENCE = 1;
const BLOCK_MATH = 2;
const BLOCK_COMMENT = 3;

/** State carried from line to line by `skipBlockLine`. Create with `newBlockState()`. */
export interface BlockState {
	kind: number;
	fenceChar: number;
	fenceLength: number;
}

export function newBlockState(): BlockState {
	return { kind: BLOCK_NONE, fenceChar: 0, fenceLength: 0 };
}

/**
 * Feeds one line `[start, end)` (without its `\n`) to the block tracker. Returns true when the line
 * belongs to a fenced code block (``` or ~~~, also inside blockquotes and list items; an unclosed
 * fence runs to the end, as in CommonMark), a `$$` math block or a `%%` comment block, its opening and
 * closing lines included.
 */
export function skipBlockLine(state: BlockState, text: string, start: number, end: number): boolean {
	if (state.kind === BLOCK_COMMENT) {
		if (indexIn(text, "%%", start, end) >= 0) state.kind = BLOCK_NONE;
		return true;
	}
	if (state.kind === BLOCK_MATH) {
		if (indexIn(text, "$$", start, end) >= 0) state.kind = BLOCK_NONE;
		return true;
	}
	const p = contentStart(text, start, end);
	const c = p < end ? text.charCodeAt(p) : -1;
	if (state.kind === BLOCK_FENCE) {
		if (c === state.fenceChar) {
			const n = runLength(text, p, end, c);
			if (n >= state.fenceLength && onlyBlank(text, p + n, end)) state.kind = BLOCK_NONE;
		}
		return true;
	}
	if (c === BACKTICK || c === TILDE) {
		const n = runLength(text, p, end, c);
		if (n >= 3 && (c === TILDE || indexIn(text, "`", p + n, end) < 0)) {
			state.kind = BLOCK_FENCE;
			state.fenceChar = c;
			state.fenceLength = n;
			return true;
		}
		return false;
	}
	if (c === DOLLAR && text.charCodeAt(p + 1) === DOLLAR) {
		if (indexIn(text, "$$", p + 2, end) < 0) state.kind = BLOCK_MATH;
		return true;
	}
	if (c === PERCENT && text.charCodeAt(p + 1) === PERCENT) {
		if (indexIn(text, "%%", p + 2, end) < 0) {
			state.kind = BLOCK_COMMENT;
			return true;
		}
	}
	return false;
}

/** Skips indentation and blockquote markers (`> > `). */
function contentStart(text: string, p: number, end: number): number {
	for (;;) {
		while (p < end && (text.charCodeAt(p) === SPACE || text.charCodeAt(p) === TAB)) p++;
		if (p < end && text.charCodeAt(p) === GT) p++;
		else return p;
	}
}

function runLength(text: string, p: number, end: number, c: number): number {
	let n = 0;
	while (p + n < end && text.charCodeAt(p + n) === c) n++;
	return n;
}

function onlyBlank(text: string, p: number, end: number): boolean {
	for (; p < end; p++) if (!isBlank(text.charCodeAt(p))) return false;
	return true;
}

/** First `needle` inside `[from, end)`, or -1. Reads nothing past `end`, so per-line searches stay linear. */
function indexIn(text: string, needle: string, from: number, end: number): number {
	const first = needle.charCodeAt(0);
	const last = end - needle.length;
	for (let i = from; i <= last; i++) {
		if (text.charCodeAt(i) === first && (needle.length === 1 || text.startsWith(needle, i))) return i;
	}
	return -1;
}

/**
 * Appends to `out` the `[from, to)` pairs of line `[start, end)` that are not prose: code spans, bare
 * URLs (`scheme://…`, `www.…`) and autolinks, HTML tags, Markdown link targets `(…)` and reference
 * labels, wikilink targets (`[[target|` and `]]`; the alias after `|` stays prose; embeds `![[…]]`
 * entirely), footnote references, `#tags`, `%%comments%%` and backslash escapes are honoured. Pairs are
 * sorted and disjoint. Returns the new length of `out`.
 */
export function collectInlineSkips(text: string, start: number, end: number, out: number[], count: number): number {
	const cls = getClassTable();
	let nextGt = -1;
	let nextParen = -1;
	let nextWikiClose = -1;
	let nextPipe = -1;
	let ticks: BacktickRuns | null = null;
	const first = count;
	let p = start;
	while (p < end) {
		const c = text.charCodeAt(p);
		switch (c) {
			case 0x5c: // backslash escape
				p += 2;
				continue;
			case BACKTICK: {
				ticks ??= scanBacktickRuns(text, p, end);
				const close = ticks.closeFor(p);
				if (close < 0) {
					p = ticks.runEnd(p);
					continue;
				}
				count = pushRange(out, count, p, close);
				p = close;
				continue;
			}
			case LT: {
				const n = text.charCodeAt(p + 1);
				if (isAsciiLetter(n) || n === 0x2f || n === 0x21 || n === 0x3f) {
					if (nextGt < p) nextGt = indexOrEnd(text, ">", p, end);
					if (nextGt < end) {
						count = pushRange(out, count, p, nextGt + 1);
						p = nextGt + 1;
						continue;
					}
				}
				break;
			}
			case 0x3a: // ':' of scheme://
				if (text.charCodeAt(p + 1) === 0x2f && text.charCodeAt(p + 2) === 0x2f) {
					let q = p;
					while (q > (count > first ? out[count - 1] : start) && isSchemeChar(text.charCodeAt(q - 1))) q--;
					if (q < p && isAsciiLetter(text.charCodeAt(q))) {
						const urlEnd = scanUrl(text, p + 3, end, cls);
						count = pushRange(out, count, q, urlEnd);
						p = urlEnd;
						continue;
					}
				}
				break;
			case 0x77: // www.
			case 0x57:
				if (
					(p === start || cls[text.charCodeAt(p - 1)] !== LATIN) &&
					(text.charCodeAt(p + 1) | 0x20) === 0x77 &&
					(text.charCodeAt(p + 2) | 0x20) === 0x77 &&
					text.charCodeAt(p + 3) === 0x2e
				) {
					const urlEnd = scanUrl(text, p + 4, end, cls);
					count = pushRange(out, count, p, urlEnd);
					p = urlEnd;
					continue;
				}
				break;
			case 0x5b: // [
				if (text.charCodeAt(p + 1) === 0x5b) {
					if (nextWikiClose < p + 2) nextWikiClose = indexOrEnd(text, "]]", p + 2, end);
					if (nextWikiClose < end) {
						const close = nextWikiClose;
						if (nextPipe < p + 2) nextPipe = indexOrEnd(text, "|", p + 2, end);
						const embed = p > start && text.charCodeAt(p - 1) === 0x21;
						if (embed || nextPipe > close) {
							count = pushRange(out, count, embed ? p - 1 : p, close + 2);
						} else {
							count = pushRange(out, count, p, nextPipe + 1);
							count = pushRange(out, count, close, close + 2);
						}
						p = close + 2;
						continue;
					}
				} else if (text.charCodeAt(p + 1) === 0x5e) {
					// footnote reference [^label]
					const close = indexOrEnd(text, "]", p + 2, end);
					if (close < end) {
						count = pushRange(out, count, p, close + 1);
						p = close + 1;
						continue;
					}
				}
				break;
			case 0x5d: {
				// ]( link target, ][ reference label
				const n = text.charCodeAt(p + 1);
				if (n === 0x28) {
					if (nextParen < p + 2) nextParen = indexOrEnd(text, ")", p + 2, end);
					let close = nextParen;
					if (close < end) {
						// Balance parentheses inside the target, within a bounded window.
						let depth = 0;
						for (let i = p + 2; i < close; i++) if (text.charCodeAt(i) === 0x28) depth++;
						while (depth > 0 && close < end && close - p < MAX_LINK_TARGET) {
							const next = indexOrEnd(text, ")", close + 1, end);
							for (let i = close + 1; i < next; i++) if (text.charCodeAt(i) === 0x28) depth++;
							close = next;
							depth--;
						}
						if (close < end) {
							count = pushRange(out, count, p + 1, close + 1);
							p = close + 1;
							continue;
						}
					}
				} else if (n === 0x5b && text.charCodeAt(p + 2) !== 0x5b) {
					const close = indexOrEnd(text, "]", p + 2, end);
					if (close < end) {
						count = pushRange(out, count, p + 1, close + 1);
						p = close + 1;
						continue;
					}
				}
				break;
			}
			case 0x23: {
				// #tag: after a line start or whitespace, followed by a tag character
				if (p === start || cls[text.charCodeAt(p - 1)] === SPACE_CLASS) {
					let q = p + 1;
					while (q < end && isTagChar(text.charCodeAt(q), cls)) q++;
					if (q > p + 1) {
						count = pushRange(out, count, p, q);
						p = q;
						continue;
					}
				}
				break;
			}
			case PERCENT:
				if (text.charCodeAt(p + 1) === PERCENT) {
					const close = indexOrEnd(text, "%%", p + 2, end);
					const to = close < end ? close + 2 : end;
					count = pushRange(out, count, p, to);
					p = to;
					continue;
				}
				break;
		}
		p++;
	}
	return count;
}

/** Appends `[from, to)` to the pairs in `out`, merging with the last pair when they touch. */
function pushRange(out: number[], count: number, from: number, to: number): number {
	if (to <= from) return count;
	if (count > 0 && out[count - 1] >= from) {
		if (to > out[count - 1]) out[count - 1] = to;
		return count;
	}
	out[count] = from;
	out[count + 1] = to;
	return count + 2;
}

function indexOrEnd(text: string, needle: string, from: number, end: number): number {
	const i = indexIn(text, needle, from, end);
	return i < 0 ? end : i;
}

function isAsciiLetter(c: number): boolean {
	return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isSchemeChar(c: number): boolean {
	return isAsciiLetter(c) || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e;
}

/** End of a bare URL: whitespace and a few delimiters that cannot end a URL in prose stop it. */
function scanUrl(text: string, p: number, end: number, cls: Uint8Array): number {
	while (p < end) {
		const c = text.charCodeAt(p);
		if (cls[c] === SPACE_CLASS || c === LT || c === GT || c === 0x22 || c === BACKTICK || c === 0x7c || c === 0x5d || c === 0x29) break;
		p++;
	}
	return p;
}

/** Characters Obsidian allows in a tag: letters, digits, `_`, `-`, `/`, and any non-ASCII letter. */
function isTagChar(c: number, cls: Uint8Array): boolean {
	if (c < 0x80) return isAsciiLetter(c) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2d || c === 0x2f;
	if (cls[c] === SPACE_CLASS) return false;
	if (c >= 0x2000 && c <= 0x206f) return false; // general punctuation
	if (c >= 0x3000 && c <= 0x303f) return false; // CJK punctuation
	if (c >= 0xff00 && c <= 0xff0f) return false; // fullwidth punctuation
	return c !== BOM;
}

/**
 * Backtick runs of one line, paired as CommonMark pairs code span delimiters: a run opens a span that
 * the next run of the same length closes; a run with no such partner is literal text.
 */
interface BacktickRuns {
	/** Offset after the closing run of the span opened at `p`, or -1 when `p` opens nothing. */
	closeFor(p: number): number;
	/** Offset after the run containing `p`. */
	runEnd(p: number): number;
}

function scanBacktickRuns(text: string, from: number, end: number): BacktickRuns {
	const starts: number[] = [];
	const lengths: number[] = [];
	for (let p = text.indexOf("`", from); p >= 0 && p < end; p = text.indexOf("`", p)) {
		const n = runLength(text, p, end, BACKTICK);
		starts.push(p);
		lengths.push(n);
		p += n;
	}
	// next[i]: index of the next run with the same length, or -1.
	const next = new Int32Array(starts.length).fill(-1);
	const seen = new Map<number, number>();
	for (let i = starts.length - 1; i >= 0; i--) {
		const j = seen.get(lengths[i]);
		if (j !== undefined) next[i] = j;
		seen.set(lengths[i], i);
	}
	let cursor = 0;
	const find = (p: number): number => {
		while (cursor < starts.length && starts[cursor] + lengths[cursor] <= p) cursor++;
		return cursor;
	};
	return {
		closeFor(p: number): number {
			const i = find(p);
			if (i >= starts.length || starts[i] !== p) return -1;
			const j = next[i];
			return j < 0 ? -1 : starts[j] + lengths[j];
		},
		runEnd(p: number): number {
			const i = find(p);
			return i < starts.length && starts[i] <= p ? starts[i] + lengths[i] : p + 1;
		},
	};
}

/**
 * Tells whether a single-star emphasis (`*like this`) opened earlier on a line is still open at a
 * position, so that a `*` after a word can be read as closing it rather than as a jargon marker
 * (`*very important*` is emphasis, `ECPM*` is a marker). A run of exactly one `*` opens when it is
 * preceded by a line start, whitespace or punctuation and followed by a non-space, and closes an open
 * one when preceded by a non-space and followed by a line end, whitespace or punctuation. `**` runs
 * (bold) are ignored, so `**Q. … ECPM* …**` keeps its marker. Queries must move forward along a line;
 * a new line (or an earlier position) starts over.
 */
export class EmphasisTracker {
	private lineStart = -1;
	private scanned = 0;
	private open = 0;

	openBefore(text: string, lineStart: number, p: number): boolean {
		if (lineStart !== this.lineStart || p < this.scanned) {
			this.lineStart = lineStart;
			this.scanned = lineStart;
			this.open = 0;
		}
		const cls = getClassTable();
		let i = this.scanned;
		while (i < p) {
			i = text.indexOf("*", i);
			if (i < 0 || i >= p) break;
			let runEnd = i + 1;
			while (runEnd < text.length && text.charCodeAt(runEnd) === 0x2a) runEnd++;
			if (runEnd - i === 1) {
				const before = i > lineStart ? flank(text.charCodeAt(i - 1), cls) : FLANK_SPACE;
				const after = runEnd < text.length ? flank(text.charCodeAt(runEnd), cls) : FLANK_SPACE;
				if (before !== FLANK_WORD && after !== FLANK_SPACE) this.open++;
				else if (before !== FLANK_SPACE && after !== FLANK_WORD && this.open > 0) this.open--;
			}
			i = runEnd;
		}
		this.scanned = Math.max(p, this.scanned);
		return this.open > 0;
	}
}

const FLANK_SPACE = 0;
const FLANK_PUNCT = 1;
const FLANK_WORD = 2;

function flank(c: number, cls: Uint8Array): number {
	if (c === 0x0a || c === CR || cls[c] === SPACE_CLASS) return FLANK_SPACE;
	return cls[c] === OTHER ? FLANK_PUNCT : FLANK_WORD;
}

/** What to skip when walking prose (the block and line options of `FindOptions`). */
export interface ProseOptions {
	/** 1-based inclusive line ranges to skip entirely. */
	excludeLines?: readonly { line: number; endLine: number }[];
	/** Skip frontmatter and fenced code, math and comment blocks (default true). */
	blocks?: boolean;
}

/**
 * Calls `visit` for every prose segment of `text`, in order: line by line, skipping frontmatter, blocks
 * and excluded lines, and cutting out inline skips. `lineStart` is the offset of the segment's line
 * (after a BOM on the first line).
 */
export function forEachProseSegment(
	text: string,
	options: ProseOptions,
	visit: (line: number, lineStart: number, from: number, to: number) => void,
): void {
	const blocks = options.blocks ?? true;
	const frontmatterEnd = blocks ? frontmatterEndLine(text) : 0;
	const state = newBlockState();
	const excluded = [...(options.excludeLines ?? [])].sort((a, b) => a.line - b.line);
	let excludedIndex = 0;
	const skips: number[] = [];
	let line = 1;
	const breaks = new LineBreaks(text);
	for (let ls = 0; ls <= text.length; line++) {
		const le = breaks.end(ls);
		const lineStart = ls === 0 && text.charCodeAt(0) === BOM ? 1 : ls;
		ls = breaks.next(le);
		if (line <= frontmatterEnd) continue;
		if (blocks && skipBlockLine(state, text, lineStart, le)) continue;
		while (excludedIndex < excluded.length && excluded[excludedIndex].endLine < line) excludedIndex++;
		if (excludedIndex < excluded.length && excluded[excludedIndex].line <= line) continue;
		if (le <= lineStart) continue;
		const count = collectInlineSkips(text, lineStart, le, skips, 0);
		let from = lineStart;
		for (let k = 0; k <= count; k += 2) {
			const to = k < count ? skips[k] : le;
			if (to > from) visit(line, lineStart, from, to);
			if (k < count) from = skips[k + 1];
		}
	}
}
