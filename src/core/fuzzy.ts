/**
 * Fuzzy matching for Korean and English names.
 *
 * Hangul syllables are decomposed into jamo (compound vowels and final clusters split), so a query typed
 * half-way through a syllable still matches: `컴플`, `ㅋㅓㅁ`, `커ㅁ` all find `컴플라이언스`. A query made only
 * of consonants is also tried against the syllables' initial consonants (choseong search: `ㅋㅍㄹ`).
 * Latin letters compare case-insensitively; spaces and `-_./·` separators are ignored for matching and count
 * as word starts. Every match reports ranges in the original target (UTF-16 offsets, end exclusive).
 */

const SYLLABLE_FIRST = 0xac00;
const SYLLABLE_LAST = 0xd7a3;

const CHOSEONG = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";
const JUNGSEONG = ["ㅏ", "ㅐ", "ㅑ", "ㅒ", "ㅓ", "ㅔ", "ㅕ", "ㅖ", "ㅗ", "ㅗㅏ", "ㅗㅐ", "ㅗㅣ", "ㅛ", "ㅜ", "ㅜㅓ", "ㅜㅔ", "ㅜㅣ", "ㅠ", "ㅡ", "ㅡㅣ", "ㅣ"];
const JONGSEONG = ["", "ㄱ", "ㄲ", "ㄱㅅ", "ㄴ", "ㄴㅈ", "ㄴㅎ", "ㄷ", "ㄹ", "ㄹㄱ", "ㄹㅁ", "ㄹㅂ", "ㄹㅅ", "ㄹㅌ", "ㄹㅍ", "ㄹㅎ", "ㅁ", "ㅂ", "ㅂㅅ", "ㅅ", "ㅆ", "ㅇ", "ㅈ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ"];

/** Compatibility jamo that stand for two keystrokes. */
const COMPOUND_JAMO: Record<string, string> = {
	ㄳ: "ㄱㅅ",
	ㄵ: "ㄴㅈ",
	ㄶ: "ㄴㅎ",
	ㄺ: "ㄹㄱ",
	ㄻ: "ㄹㅁ",
	ㄼ: "ㄹㅂ",
	ㄽ: "ㄹㅅ",
	ㄾ: "ㄹㅌ",
	ㄿ: "ㄹㅍ",
	ㅀ: "ㄹㅎ",
	ㅄ: "ㅂㅅ",
	ㅘ: "ㅗㅏ",
	ㅙ: "ㅗㅐ",
	ㅚ: "ㅗㅣ",
	ㅝ: "ㅜㅓ",
	ㅞ: "ㅜㅔ",
	ㅟ: "ㅜㅣ",
	ㅢ: "ㅡㅣ",
};

/** Characters ignored when matching; they mark word starts. */
const SEPARATORS = new Set([" ", "\t", "\n", "\r", "\u00a0", "\u3000", "-", "_", ".", "/", "·", "\u200b"]);

export interface FuzzyMatch {
	/** Higher is better. Exact > prefix > word start > initials > inside a word > word-start letters. */
	score: number;
	/** Matched spans of the target, sorted, non-overlapping, end exclusive. */
	ranges: [number, number][];
}

/** One matching unit: a jamo or a lower-cased character, with where it came from. */
interface Unit {
	ch: string;
	/** Index of the source character in the target. */
	src: number;
	/** First unit of a word (or of a syllable that starts a word). */
	wordStart: boolean;
	/** First unit of a Hangul syllable. */
	syllableStart: boolean;
}

export interface PreparedTarget {
	text: string;
	units: Unit[];
	/** Units joined, for substring search. */
	joined: string;
	/** Start offset in `joined` of each unit (units may be longer than one UTF-16 unit). */
	offsets: number[];
	/** Initial consonants of Hangul syllables and first letters of Latin words, with their source index. */
	initials: { ch: string; src: number; srcEnd: number }[];
}

export interface PreparedQuery {
	text: string;
	units: string[];
	joined: string;
	/** True when every unit is a Hangul consonant or a Latin letter/digit: try initials search. */
	initialsOnly: boolean;
	/** The space-separated words of a query of several words, each prepared on its own. */
	parts: PreparedQuery[];
}

function isConsonantJamo(ch: string): boolean {
	const c = ch.charCodeAt(0);
	return c >= 0x3131 && c <= 0x314e;
}

/** Maps conjoining (NFD) jamo to compatibility jamo; returns null for other characters. */
function conjoiningToCompat(code: number): { jamo: string; leading: boolean } | null {
	if (code >= 0x1100 && code <= 0x1112) return { jamo: CHOSEONG[code - 0x1100], leading: true };
	if (code >= 0x1161 && code <= 0x1175) return { jamo: JUNGSEONG[code - 0x1161], leading: false };
	if (code >= 0x11a8 && code <= 0x11c2) return { jamo: JONGSEONG[code - 0x11a7], leading: false };
	return null;
}

/** Splits one character into matching units (jamo for Hangul, lower case otherwise). */
function unitsOfChar(ch: string): { parts: string[]; leading: boolean; hangul: boolean } {
	const code = ch.charCodeAt(0);
	if (code >= SYLLABLE_FIRST && code <= SYLLABLE_LAST) {
		const index = code - SYLLABLE_FIRST;
		const lead = CHOSEONG[Math.floor(index / 588)];
		const vowel = JUNGSEONG[Math.floor((index % 588) / 28)];
		const tail = JONGSEONG[index % 28];
		return { parts: [lead, ...vowel, ...tail], leading: true, hangul: true };
	}
	const conjoining = conjoiningToCompat(code);
	if (conjoining) return { parts: [...conjoining.jamo], leading: conjoining.leading, hangul: true };
	const compound = COMPOUND_JAMO[ch];
	if (compound) return { parts: [...compound], leading: true, hangul: true };
	if (code >= 0x3131 && code <= 0x318e) return { parts: [ch], leading: true, hangul: true };
	return { parts: [...ch.toLowerCase()], leading: false, hangul: false };
}

function isUpper(ch: string): boolean {
	return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function isLetterOrDigit(ch: string): boolean {
	return /[\p{L}\p{N}]/u.test(ch);
}

/** Decomposes text into jamo and lower-case characters, dropping separators. */
export function toJamo(text: string): string {
	return prepareTarget(text).joined;
}

/** Initial consonants of the Hangul syllables (other characters kept lower-cased): `컴플라이언스` → `ㅋㅍㄹㅇㅇㅅ`. */
export function choseongOf(text: string): string {
	let out = "";
	for (const ch of text) {
		const code = ch.charCodeAt(0);
		if (code >= SYLLABLE_FIRST && code <= SYLLABLE_LAST) out += CHOSEONG[Math.floor((code - SYLLABLE_FIRST) / 588)];
		else if (!SEPARATORS.has(ch)) out += ch.toLowerCase();
	}
	return out;
}

export function prepareTarget(text: string): PreparedTarget {
	const units: Unit[] = [];
	const initials: PreparedTarget["initials"] = [];
	let previous = "";
	let previousHangul = false;
	let i = 0;
	while (i < text.length) {
		const code = text.codePointAt(i) ?? 0;
		const ch = String.fromCodePoint(code);
		const width = ch.length;
		if (SEPARATORS.has(ch)) {
			previous = ch;
			previousHangul = false;
			i += width;
			continue;
		}
		const { parts, leading, hangul } = unitsOfChar(ch);
		const atWordStart =
			previous === "" ||
			SEPARATORS.has(previous) ||
			!isLetterOrDigit(previous) ||
			(hangul !== previousHangul && leading) ||
			(!hangul && isUpper(ch) && !isUpper(previous) && isLetterOrDigit(previous));
		if (hangul && leading && (code >= SYLLABLE_FIRST && code <= SYLLABLE_LAST)) {
			initials.push({ ch: parts[0], src: i, srcEnd: i + width });
		} else if (!hangul && atWordStart && isLetterOrDigit(ch)) {
			initials.push({ ch: parts[0] ?? ch, src: i, srcEnd: i + width });
		}
		parts.forEach((part, k) => {
			units.push({ ch: part, src: i, wordStart: k === 0 && atWordStart, syllableStart: k === 0 && hangul && leading });
		});
		previous = ch;
		previousHangul = hangul;
		i += width;
	}
	const offsets: number[] = [];
	let joined = "";
	for (const unit of units) {
		offsets.push(joined.length);
		joined += unit.ch;
	}
	return { text, units, joined, offsets, initials };
}

export function prepareQuery(query: string): PreparedQuery {
	const words = query.trim().split(/\s+/).filter((w) => w.length > 0);
	const prepared = prepareWord(query);
	if (words.length > 1) prepared.parts = words.map(prepareWord);
	return prepared;
}

function prepareWord(query: string): PreparedQuery {
	const target = prepareTarget(query.normalize("NFC"));
	const units = target.units.map((u) => u.ch);
	return {
		text: query,
		parts: [],
		units,
		joined: units.join(""),
		initialsOnly: units.length > 0 && (units.every(isConsonantJamo) || (units.length >= 2 && units.every((u) => /^[a-z0-9]$/.test(u)))),
	};
}

/** Turns the set of matched source characters into merged ranges (a matched jamo highlights its syllable). */
function rangesOf(target: PreparedTarget, unitIndexes: number[]): [number, number][] {
	const sources = new Set<number>();
	for (const u of unitIndexes) sources.add(target.units[u].src);
	return mergeSources(target.text, [...sources].sort((a, b) => a - b));
}

function mergeSources(text: string, sources: number[]): [number, number][] {
	const ranges: [number, number][] = [];
	for (const src of sources) {
		const width = (text.codePointAt(src) ?? 0) > 0xffff ? 2 : 1;
		const last = ranges[ranges.length - 1];
		if (last && last[1] === src) last[1] = src + width;
		else if (last && src < last[1]) continue;
		else ranges.push([src, src + width]);
	}
	return ranges;
}

/** Index in `units` of the unit whose joined offset is `offset`, or -1 when the offset splits a unit. */
function unitAtOffset(target: PreparedTarget, offset: number): number {
	let lo = 0;
	let hi = target.offsets.length - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		const value = target.offsets[mid];
		if (value === offset) return mid;
		if (value < offset) lo = mid + 1;
		else hi = mid - 1;
	}
	return -1;
}

/** Best contiguous occurrence of the query's units; prefers a word start, then the earliest. */
function substringMatch(query: PreparedQuery, target: PreparedTarget): { start: number; atWordStart: boolean } | null {
	let best: { start: number; atWordStart: boolean } | null = null;
	let from = 0;
	while (from <= target.joined.length) {
		const at = target.joined.indexOf(query.joined, from);
		if (at < 0) break;
		const unit = unitAtOffset(target, at);
		const end = at + query.joined.length;
		if (unit >= 0 && (end === target.joined.length || unitAtOffset(target, end) >= 0)) {
			const atWordStart = target.units[unit].wordStart;
			if (!best) best = { start: unit, atWordStart };
			if (atWordStart) return { start: unit, atWordStart };
		}
		from = at + 1;
	}
	return best;
}

/** Choseong search: consecutive initials of the target equal the query's consonants. */
function initialsMatch(query: PreparedQuery, target: PreparedTarget): { ranges: [number, number][]; start: number } | null {
	const n = query.units.length;
	const initials = target.initials;
	for (let start = 0; start + n <= initials.length; start++) {
		let ok = true;
		for (let k = 0; k < n; k++) {
			if (initials[start + k].ch !== query.units[k]) {
				ok = false;
				break;
			}
		}
		if (ok) {
			const ranges: [number, number][] = [];
			for (let k = 0; k < n; k++) {
				const { src, srcEnd } = initials[start + k];
				const last = ranges[ranges.length - 1];
				if (last && last[1] === src) last[1] = srcEnd;
				else ranges.push([src, srcEnd]);
			}
			return { ranges, start };
		}
	}
	return null;
}

const MATCH = 16;
const CONSECUTIVE = 12;
const WORD_START = 10;
const SYLLABLE_START = 4;
const GAP = 1;
/** Longest gap that still costs more; longer gaps cost the same. */
const MAX_GAP = 10;
const MAX_DP_CELLS = 200_000;

/**
 * Scattered match by dynamic programming: every query unit in order, maximising
 * matches + consecutive runs + word starts − gaps. Returns the unit indexes of the best alignment.
 */
export function subsequenceMatch(query: PreparedQuery, target: PreparedTarget): { score: number; indexes: number[] } | null {
	const q = query.units;
	const t = target.units;
	const n = q.length;
	const m = t.length;
	if (n === 0 || n > m) return null;
	// Most targets do not hold the query's units in order at all: a linear scan rejects them.
	if (!isSubsequence(q, t)) return null;
	if (n * m > MAX_DP_CELLS) return greedySubsequence(query, target);
	// score[i][j]: best score with q[0..i] matched and q[i] matched at t[j]; -Infinity when impossible.
	const NEG = -Infinity;
	const score: Float64Array[] = [];
	const from: Int32Array[] = [];
	const farBest: Float64Array[] = [];
	const farArg: Int32Array[] = [];
	for (let i = 0; i < n; i++) {
		const row = new Float64Array(m).fill(NEG);
		const back = new Int32Array(m).fill(-1);
		for (let j = i; j < m; j++) {
			if (t[j].ch !== q[i]) continue;
			const bonus = MATCH + (t[j].wordStart ? WORD_START : t[j].syllableStart ? SYLLABLE_START : 0);
			if (i === 0) {
				row[j] = bonus - Math.min(j, MAX_GAP) * GAP;
				continue;
			}
			const prev = score[i - 1];
			// Gaps cost at most MAX_GAP: beyond that window, the best earlier cell (running maximum) is enough.
			const far = j - MAX_GAP - 1;
			let best = NEG;
			let bestK = -1;
			if (far - 1 >= i - 1 && farBest[i - 1][far - 1] !== NEG) {
				best = farBest[i - 1][far - 1] - MAX_GAP * GAP;
				bestK = farArg[i - 1][far - 1];
			}
			for (let k = Math.max(i - 1, far); k < j; k++) {
				if (prev[k] === NEG) continue;
				const gap = j - k - 1;
				const value = prev[k] + (gap === 0 ? CONSECUTIVE : -Math.min(gap, MAX_GAP) * GAP);
				if (value > best) {
					best = value;
					bestK = k;
				}
			}
			if (bestK >= 0) {
				row[j] = best + bonus;
				back[j] = bestK;
			}
		}
		score.push(row);
		from.push(back);
		// Running maximum of this row (and where it is), for the next row's far window.
		const maxRow = new Float64Array(m).fill(NEG);
		const argRow = new Int32Array(m).fill(-1);
		for (let j = 0; j < m; j++) {
			const before = j > 0 ? maxRow[j - 1] : NEG;
			if (row[j] > before) {
				maxRow[j] = row[j];
				argRow[j] = j;
			} else {
				maxRow[j] = before;
				argRow[j] = j > 0 ? argRow[j - 1] : -1;
			}
		}
		farBest.push(maxRow);
		farArg.push(argRow);
	}
	let end = -1;
	let best = NEG;
	const last = score[n - 1];
	for (let j = 0; j < m; j++) {
		if (last[j] > best) {
			best = last[j];
			end = j;
		}
	}
	if (end < 0) return null;
	const indexes: number[] = new Array<number>(n);
	for (let i = n - 1, j = end; i >= 0; i--) {
		indexes[i] = j;
		j = from[i][j];
	}
	return { score: best, indexes };
}

function isSubsequence(q: readonly string[], t: readonly Unit[]): boolean {
	let j = 0;
	for (const ch of q) {
		while (j < t.length && t[j].ch !== ch) j++;
		if (j >= t.length) return false;
		j++;
	}
	return true;
}

/** Fallback for very long targets: leftmost in-order match. */
function greedySubsequence(query: PreparedQuery, target: PreparedTarget): { score: number; indexes: number[] } | null {
	const indexes: number[] = [];
	let j = 0;
	for (const ch of query.units) {
		while (j < target.units.length && target.units[j].ch !== ch) j++;
		if (j >= target.units.length) return null;
		indexes.push(j++);
	}
	return { score: indexes.length * MATCH - (indexes[indexes.length - 1] - indexes[0]), indexes };
}

function range(start: number, count: number): number[] {
	const out: number[] = [];
	for (let i = 0; i < count; i++) out.push(start + i);
	return out;
}

/**
 * Matches a prepared query against a prepared target. Null when the query does not match. A query of
 * several words also matches word by word (every word somewhere, in any order); the better reading wins.
 */
export function matchPrepared(query: PreparedQuery, target: PreparedTarget): FuzzyMatch | null {
	const whole = matchWord(query, target);
	if (query.parts.length === 0) return whole;
	let total = 0;
	const sources: [number, number][] = [];
	for (const part of query.parts) {
		const m = matchWord(part, target);
		if (!m) return whole;
		total += m.score;
		sources.push(...m.ranges);
	}
	const byWords = { score: Math.round(total / query.parts.length), ranges: unionRanges(sources) };
	return whole && whole.score >= byWords.score ? whole : byWords;
}

function unionRanges(ranges: [number, number][]): [number, number][] {
	const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
	const out: [number, number][] = [];
	for (const [from, to] of sorted) {
		const last = out[out.length - 1];
		if (last && from <= last[1]) last[1] = Math.max(last[1], to);
		else out.push([from, to]);
	}
	return out;
}

function matchWord(query: PreparedQuery, target: PreparedTarget): FuzzyMatch | null {
	if (query.units.length === 0) return { score: 0, ranges: [] };
	if (target.units.length === 0) return null;
	const n = query.units.length;
	const lengthPenalty = Math.min(target.units.length - n, 99);
	if (query.joined === target.joined) return { score: 10_000, ranges: rangesOf(target, range(0, target.units.length)) };
	const sub = substringMatch(query, target);
	// Exact, prefix and word-start matches first, then initials (`ctr` for Click-Through Rate, `ㅋㅍ` for
	// 컴플라이언스), then a match inside a word.
	if (sub && (sub.start === 0 || sub.atWordStart)) return substringResult(target, sub, query, sub.start === 0 ? 9_000 : 8_000, lengthPenalty);
	if (query.initialsOnly) {
		const initials = initialsMatch(query, target);
		if (initials) {
			const base = initials.start === 0 ? 7_500 : 7_400 - Math.min(initials.start, 400);
			return { score: base - lengthPenalty, ranges: initials.ranges };
		}
	}
	if (sub) return substringResult(target, sub, query, 6_000 - Math.min(sub.start, 400), lengthPenalty);
	const scattered = subsequenceMatch(query, target);
	// Letters scattered through words (`SLO` in "Accessible Rich Internet Applications") are no match: every
	// run of matched letters has to begin a word or a syllable (`inc com` → "INCident COMmander").
	if (!scattered || !runsStartWords(target, scattered.indexes)) return null;
	return { score: Math.max(1, Math.min(4_999, 1_000 + scattered.score - lengthPenalty)), ranges: rangesOf(target, scattered.indexes) };
}

function substringResult(target: PreparedTarget, sub: { start: number }, query: PreparedQuery, base: number, lengthPenalty: number): FuzzyMatch {
	const indexes = range(sub.start, countUnits(target, sub.start, query.joined.length));
	return { score: base - lengthPenalty, ranges: rangesOf(target, indexes) };
}

/** True when each run of consecutive matched units starts at a word start or a Hangul syllable start. */
function runsStartWords(target: PreparedTarget, indexes: readonly number[]): boolean {
	for (let k = 0; k < indexes.length; k++) {
		if (k > 0 && indexes[k] === indexes[k - 1] + 1) continue;
		const unit = target.units[indexes[k]];
		if (!unit.wordStart && !unit.syllableStart) return false;
	}
	return true;
}

/** How many units starting at `start` cover `length` joined characters. */
function countUnits(target: PreparedTarget, start: number, length: number): number {
	const end = target.offsets[start] + length;
	let count = 0;
	for (let u = start; u < target.units.length && target.offsets[u] < end; u++) count++;
	return count;
}

/** Matches `query` against `target`. Null when it does not match; an empty query matches everything with score 0. */
export function fuzzyMatch(query: string, target: string): FuzzyMatch | null {
	return matchPrepared(prepareQuery(query), prepareTarget(target));
}

export interface FuzzyResult<T> {
	item: T;
	match: FuzzyMatch;
	/** Which of the item's texts matched best. */
	textIndex: number;
}

/**
 * Filters and sorts items by their best-matching text. Ties keep the input order. An empty query keeps
 * every item in order.
 */
export function fuzzyFilter<T>(items: readonly T[], query: string, textsOf: (item: T) => readonly (string | PreparedTarget)[]): FuzzyResult<T>[] {
	const prepared = prepareQuery(query);
	const results: (FuzzyResult<T> & { order: number })[] = [];
	items.forEach((item, order) => {
		let best: FuzzyMatch | null = null;
		let bestIndex = -1;
		textsOf(item).forEach((text, textIndex) => {
			const target = typeof text === "string" ? prepareTarget(text) : text;
			const match = matchPrepared(prepared, target);
			if (match && (!best || match.score > best.score)) {
				best = match;
				bestIndex = textIndex;
			}
		});
		if (best) results.push({ item, match: best, textIndex: bestIndex, order });
	});
	results.sort((a, b) => b.match.score - a.match.score || a.order - b.order);
	return results.map(({ item, match, textIndex }) => ({ item, match, textIndex }));
}
