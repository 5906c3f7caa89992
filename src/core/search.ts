/**
 * Search normalisation for the conference panel, Korean-aware: text and query are compared after Unicode NFC
 * (so NFD Hangul from macOS file names or pasted text matches), lower-cased, and with whitespace removed
 * (Korean spacing varies: `티핑포인트` finds `티핑 포인트`). Match ranges map back to offsets in the original
 * text so the UI can highlight exactly what the user sees. Pure: no DOM, no Obsidian.
 */

/** A compiled query: its normalised key. Empty queries compile to null (nothing to filter). */
export interface SearchQuery {
	readonly text: string;
	readonly key: string;
}

/** A half-open range [from, to) of UTF-16 offsets in the original text. */
export type MatchRange = readonly [from: number, to: number];

const WHITESPACE = /\s/;
// Combining marks and Hangul conjoining medial vowels/final consonants join the character before them.
const JOINING = /[\p{M}\u1160-\u11FF\uD7B0-\uD7FF]/u;
const ASCII_PRINTABLE = /^[\x21-\x7E]*$/;

function isJoining(ch: string): boolean {
	return JOINING.test(ch);
}

/** The comparison key of a text: NFC, lower case, no whitespace. */
export function searchKey(text: string): string {
	if (ASCII_PRINTABLE.test(text)) return text.toLowerCase();
	return text.normalize("NFC").toLowerCase().replace(/\s+/g, "");
}

/** Compiles a query, or null when it has nothing to search for. */
export function compileQuery(text: string): SearchQuery | null {
	const key = searchKey(text);
	return key.length === 0 ? null : { text, key };
}

/** True when `text` contains the query. Pass a precomputed `searchKey(text)` when filtering often. */
export function matchesQuery(text: string, query: SearchQuery, key?: string): boolean {
	return (key ?? searchKey(text)).includes(query.key);
}

interface KeyMap {
	key: string;
	/** For each UTF-16 unit of `key`, the original offset where its character cluster starts. */
	starts: number[];
	/** For each UTF-16 unit of `key`, the original offset where its character cluster ends. */
	ends: number[];
}

/** Builds the key together with a map back to the original offsets, one character cluster at a time. */
function keyWithMap(text: string): KeyMap {
	const starts: number[] = [];
	const ends: number[] = [];
	let key = "";
	let i = 0;
	while (i < text.length) {
		const first = text.codePointAt(i) ?? 0;
		let j = i + (first > 0xffff ? 2 : 1);
		while (j < text.length) {
			const cp = text.codePointAt(j) ?? 0;
			const ch = String.fromCodePoint(cp);
			if (!isJoining(ch)) break;
			j += ch.length;
		}
		const cluster = text.slice(i, j);
		if (!WHITESPACE.test(cluster)) {
			const folded = cluster.normalize("NFC").toLowerCase();
			for (let k = 0; k < folded.length; k++) {
				starts.push(i);
				ends.push(j);
			}
			key += folded;
		}
		i = j;
	}
	return { key, starts, ends };
}

/**
 * Every non-overlapping occurrence of the query in `text`, as ranges of the original text, in order.
 * A range may span whitespace that the key ignores (`티핑 포인트` for the query `티핑포인트`).
 */
export function matchRanges(text: string, query: SearchQuery, limit = 1000): MatchRange[] {
	if (text.length === 0) return [];
	const map = keyWithMap(text);
	const ranges: MatchRange[] = [];
	let from = map.key.indexOf(query.key);
	while (from >= 0 && ranges.length < limit) {
		const last = from + query.key.length - 1;
		ranges.push([map.starts[from], map.ends[last]]);
		from = map.key.indexOf(query.key, from + query.key.length);
	}
	return ranges;
}

/** Splits `text` into runs, each marked as matched or not, ready to render with highlights. */
export function highlightRuns(text: string, ranges: readonly MatchRange[]): { text: string; match: boolean }[] {
	const runs: { text: string; match: boolean }[] = [];
	let at = 0;
	for (const [from, to] of ranges) {
		if (from < at || to <= from) continue;
		if (from > at) runs.push({ text: text.slice(at, from), match: false });
		runs.push({ text: text.slice(from, to), match: true });
		at = to;
	}
	if (at < text.length) runs.push({ text: text.slice(at), match: false });
	return runs;
}

/** A short piece of a longer text around its first match, with the matches inside it. */
export interface MatchSnippet {
	text: string;
	/** Matches, as offsets into `text`. */
	ranges: MatchRange[];
}

/**
 * The text around the first match of `query` (about `before` characters before it and `after` after it,
 * cut at spaces where it can be), with `…` where the text goes on; null when nothing matches. Lets a
 * folded answer show where the search hit it.
 */
export function matchSnippet(text: string, query: SearchQuery, before = 30, after = 80): MatchSnippet | null {
	const all = matchRanges(text, query);
	if (all.length === 0) return null;
	const [firstFrom, firstTo] = all[0];
	let start = Math.max(0, firstFrom - before);
	if (start > 0) {
		const space = text.indexOf(" ", start);
		if (space >= 0 && space < firstFrom) start = space + 1;
	}
	let end = Math.min(text.length, Math.max(firstTo, firstFrom + after));
	if (end < text.length) {
		const space = text.lastIndexOf(" ", end);
		if (space > firstTo) end = space;
	}
	// Never cut a surrogate pair in two.
	if (start > 0 && isLowSurrogate(text.charCodeAt(start))) start++;
	if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end++;
	const lead = start > 0 ? "…" : "";
	const ranges: MatchRange[] = [];
	for (const [from, to] of all) {
		if (from >= end) break;
		if (to <= start) continue;
		ranges.push([Math.max(from, start) - start + lead.length, Math.min(to, end) - start + lead.length]);
	}
	return { text: `${lead}${text.slice(start, end)}${end < text.length ? "…" : ""}`, ranges };
}

function isLowSurrogate(code: number): boolean {
	return code >= 0xdc00 && code <= 0xdfff;
}
