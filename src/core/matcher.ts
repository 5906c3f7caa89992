/**
 * Finds mentions of glossary terms in Markdown text.
 *
 * `TermMatcher` is a character trie over term keys (`termKey`: NFC, case-folded, spaces removed),
 * stored in typed arrays: the root is a direct 64K table, deeper edges live in one open-addressing hash
 * table. `findMentions` walks it from every position where a term may start and keeps the longest
 * accepted match; it allocates only for the mentions it returns.
 *
 * Matching rules:
 * - Text is NFC-normalised first; offsets, lines and columns refer to the original text.
 * - Letters are compared case-insensitively (code unit by code unit, see `char-class.ts`), except that
 *   all-caps names spelling a common English word match only in capitals (`IT` is not in "it", `WHO` not
 *   in "who"; see `isCaseSensitiveName`), while `ctr` still finds `CTR`.
 * - Word boundaries: a term whose first character is a letter or digit of a spaced script (Latin,
 *   Greek, Cyrillic) must not follow such a character (`CTR` is not in `eCTR`); one whose last character
 *   is one must not be followed by one (`CTR` is not in `CTRL`), except a plural `s` after an all-caps
 *   mention (`SMBs`, which the mention then includes). A term starting with Hangul must not start inside
 *   a word (after Hangul, a letter or a digit: `컴플라이언스` is not in `비컴플라이언스`); a term ending
 *   with Hangul may be followed by anything, so particles and endings attach (`컴플라이언스에`,
 *   `DRI 문화여서`). Latin-ending terms take Hangul particles too (`CTR을`, `SME와`).
 * - Spacing: wherever a spelling of the term has whitespace, the text may have any amount of
 *   horizontal whitespace or none (`티핑포인트` is `티핑 포인트`). Where no spelling has a space, the text
 *   may not have one either. Between two Latin words (`Click Rate`) the text needs the space.
 * - Longest match wins at each start; mentions never overlap; scanning resumes after a mention.
 * - `marked`: the mention is directly followed by the `*` jargon marker (`ECPM*`, `VAN 대리점*`). Star
 *   runs that merely close emphasis do not count: with `b` stars right before the mention and `a` right
 *   after, it is marked when `a > b` and `a - b` is odd (`*CTR*`, `**CTR**` are not); a single `*`
 *   closing a single-star emphasis opened earlier on the line (`*the CTR*`) is not either; bold
 *   (`**Q. … ECPM* …**`) does not hide a marker (see `EmphasisTracker`).
 * - Skipped: frontmatter, fenced code, `$$` math and `%%` comment blocks (unless `blocks: false`), the
 *   lines in `excludeLines`, and the inline contexts of `markdown-context.ts` (code spans, URLs, link and
 *   wikilink targets, HTML tags, `#tags`). A mention never spans two lines.
 * No regular expressions run on the text, so nothing here needs lookbehind.
 */
import { CLASS_HANGUL, CLASS_LATIN, CLASS_SPACE, getClassTable, getFoldTable } from "./char-class";
import { collectInlineSkips, EmphasisTracker, frontmatterEndLine, newBlockState, skipBlockLine } from "./markdown-context";
import { LineBreaks, isLineBreak, lineEndAt, lineStartAt } from "./newline";
import { normalizeWithMap, originalEnd, originalStart } from "./nfc-map";
import { isCaseSensitiveName, spacedKey, termKey } from "./term-key";
import type { TermMention } from "./types";

// Local copies: module bindings imported from another module can cost a getter call per read in some
// module loaders, and these are read for every character.
const LATIN = CLASS_LATIN;
const HANGUL = CLASS_HANGUL;
const SPACE_CLASS = CLASS_SPACE;
const FLAG_LATIN = 1;
const FLAG_HANGUL = 2;
const STAR = 0x2a;
const BOM = 0xfeff;

interface KeyEntry {
	node: number;
	term: string;
	/** Spaced spellings (see `spacedKey`) currently counted in the space tables. */
	variants: string[];
	caseSensitive: boolean;
}

/**
 * A set of names (terms and aliases), each resolving to the canonical term it stands for. Names with
 * the same `termKey` are one entry. Build it from pairs, or let `TermIndex` keep one current.
 */
export class TermMatcher {
	private readonly rootChild = new Int32Array(0x10000).fill(-1);
	private slotParent = new Int32Array(1024).fill(-1);
	private slotChar = new Uint16Array(1024);
	private slotChild = new Int32Array(1024);
	private slotMask = 1023;
	private edgeCount = 0;
	private nodeCount = 1; // node 0 is the root
	private accept = new Int32Array(256).fill(-1);
	private flags = new Uint8Array(256);
	private spaceBefore = new Int32Array(256);
	private joinedBefore = new Int32Array(256);
	/** 1 on accepting nodes of all-caps names that spell English words, matched only in capitals (see `isCaseSensitiveName`). */
	private strict = new Uint8Array(256);
	private readonly termIds = new Map<string, number>();
	private readonly terms: string[] = [];
	private readonly entries = new Map<string, KeyEntry>();

	/** `names`: [name, canonical term] pairs. When several names share a key, the first one's term wins. */
	constructor(names: Iterable<readonly [name: string, term: string]> = []) {
		const grouped = new Map<string, { term: string; variants: Set<string>; caseSensitive: boolean }>();
		for (const [name, term] of names) {
			const key = termKey(name);
			if (!key) continue;
			const group = grouped.get(key);
			if (!group) {
				grouped.set(key, { term, variants: new Set([spacedKey(name)]), caseSensitive: isCaseSensitiveName(name) });
			} else if (group.term === term) {
				group.variants.add(spacedKey(name));
				group.caseSensitive &&= isCaseSensitiveName(name);
			}
		}
		for (const [key, group] of grouped) this.assign(key, group.term, [...group.variants], group.caseSensitive);
	}

	/** Number of distinct name keys. */
	get size(): number {
		return this.entries.size;
	}

	/** The canonical term a name resolves to, by key. */
	termFor(name: string): string | undefined {
		return this.entries.get(termKey(name))?.term;
	}

	/** Adds (or re-points) a name. Other spellings with the same key now resolve to `term` too. */
	add(name: string, term: string): void {
		const key = termKey(name);
		if (!key) return;
		const variant = spacedKey(name);
		const entry = this.entries.get(key);
		const variants = entry ? (entry.variants.includes(variant) ? entry.variants : [...entry.variants, variant]) : [variant];
		this.assign(key, term, variants, (entry ? entry.caseSensitive : true) && isCaseSensitiveName(name));
	}

	/** Removes every spelling with this name's key. */
	remove(name: string): void {
		this.assign(termKey(name), undefined, []);
	}

	/**
	 * Low-level update used by `TermIndex`: makes `key` resolve to `term` (or to nothing when undefined)
	 * with exactly these spaced spellings (`spacedKey` forms whose non-space characters equal `key`).
	 * `caseSensitive`: match only where the text has no small letters (all-caps English words, `isCaseSensitiveName`).
	 */
	assign(key: string, term: string | undefined, variants: readonly string[], caseSensitive = false): void {
		if (!key) return;
		const entry = this.entries.get(key);
		const kept = term === undefined ? [] : variants.filter((v) => v.replace(/ /g, "") === key);
		if (term !== undefined && kept.length === 0) kept.push(key);
		if (entry) {
			for (const v of entry.variants) if (!kept.includes(v)) this.countVariant(v, -1);
		}
		if (term === undefined) {
			if (entry) {
				this.accept[entry.node] = -1;
				this.entries.delete(key);
			}
			return;
		}
		for (const v of kept) if (!entry || !entry.variants.includes(v)) this.countVariant(v, 1);
		const node = entry ? entry.node : this.insertPath(key);
		this.accept[node] = this.termId(term);
		this.strict[node] = caseSensitive ? 1 : 0;
		this.entries.set(key, { node, term, variants: kept, caseSensitive });
	}

	private termId(term: string): number {
		let id = this.termIds.get(term);
		if (id === undefined) {
			id = this.terms.length;
			this.terms.push(term);
			this.termIds.set(term, id);
		}
		return id;
	}

	/** Adds `delta` to the space/joined counters along a spaced spelling's path. */
	private countVariant(variant: string, delta: number): void {
		let node = 0;
		let spaced = false;
		for (let i = 0; i < variant.length; i++) {
			const c = variant.charCodeAt(i);
			if (c === 0x20) {
				spaced = true;
				continue;
			}
			node = this.childOrCreate(node, c);
			if (i > 0) {
				if (spaced) this.spaceBefore[node] += delta;
				else this.joinedBefore[node] += delta;
			}
			spaced = false;
		}
	}

	private insertPath(key: string): number {
		let node = 0;
		for (let i = 0; i < key.length; i++) node = this.childOrCreate(node, key.charCodeAt(i));
		return node;
	}

	private child(node: number, c: number): number {
		if (node === 0) return this.rootChild[c];
		const mask = this.slotMask;
		let h = (Math.imul(node, 0x9e3779b1) ^ Math.imul(c, 0x85ebca6b)) >>> 0;
		h = (h ^ (h >>> 15)) & mask;
		const parents = this.slotParent;
		for (;;) {
			const p = parents[h];
			if (p === -1) return -1;
			if (p === node && this.slotChar[h] === c) return this.slotChild[h];
			h = (h + 1) & mask;
		}
	}

	private childOrCreate(node: number, c: number): number {
		const existing = this.child(node, c);
		if (existing >= 0) return existing;
		const created = this.nodeCount++;
		if (created >= this.accept.length) this.growNodes();
		const cls = getClassTable()[c];
		this.flags[created] = cls === LATIN ? FLAG_LATIN : cls === HANGUL ? FLAG_HANGUL : 0;
		if (node === 0) {
			this.rootChild[c] = created;
		} else {
			if ((this.edgeCount + 1) * 2 > this.slotMask + 1) this.growSlots();
			this.putSlot(node, c, created);
			this.edgeCount++;
		}
		return created;
	}

	private putSlot(node: number, c: number, childNode: number): void {
		const mask = this.slotMask;
		let h = (Math.imul(node, 0x9e3779b1) ^ Math.imul(c, 0x85ebca6b)) >>> 0;
		h = (h ^ (h >>> 15)) & mask;
		while (this.slotParent[h] !== -1) h = (h + 1) & mask;
		this.slotParent[h] = node;
		this.slotChar[h] = c;
		this.slotChild[h] = childNode;
	}

	private growSlots(): void {
		const oldParent = this.slotParent;
		const oldChar = this.slotChar;
		const oldChild = this.slotChild;
		const size = (this.slotMask + 1) * 2;
		this.slotParent = new Int32Array(size).fill(-1);
		this.slotChar = new Uint16Array(size);
		this.slotChild = new Int32Array(size);
		this.slotMask = size - 1;
		for (let i = 0; i < oldParent.length; i++) {
			if (oldParent[i] !== -1) this.putSlot(oldParent[i], oldChar[i], oldChild[i]);
		}
	}

	private growNodes(): void {
		const size = this.accept.length * 2;
		const grow = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
			const b = make(size);
			b.set(a);
			return b;
		};
		this.accept = grow(this.accept, (n) => new Int32Array(n).fill(-1));
		this.flags = grow(this.flags, (n) => new Uint8Array(n));
		this.spaceBefore = grow(this.spaceBefore, (n) => new Int32Array(n));
		this.joinedBefore = grow(this.joinedBefore, (n) => new Int32Array(n));
		this.strict = grow(this.strict, (n) => new Uint8Array(n));
	}

	/**
	 * Scans `text[start, end)` (already NFC; `end` must not pass a line break) and appends one
	 * `[from, to, termId]` triple per mention to `out` from index `count`. Returns the new length.
	 * Characters outside the range are read only as boundary context.
	 * @internal
	 */
	scanRange(text: string, start: number, end: number, out: number[], count: number): number {
		const fold = getFoldTable();
		const cls = getClassTable();
		const rootChild = this.rootChild;
		const flags = this.flags;
		const accept = this.accept;
		const spaceBefore = this.spaceBefore;
		const joinedBefore = this.joinedBefore;
		let prevClass = start > 0 ? cls[text.charCodeAt(start - 1)] : 0;
		for (let p = start; p < end; p++) {
			const c = text.charCodeAt(p);
			const first = rootChild[fold[c]];
			const before = prevClass;
			prevClass = cls[c];
			if (first < 0) continue;
			const firstFlags = flags[first];
			if (before === LATIN && firstFlags !== 0) continue;
			if (before === HANGUL && firstFlags === FLAG_HANGUL) continue;
			// Walk the trie from p; remember the longest accepted end.
			let node = first;
			let pos = p + 1;
			let bestEnd = -1;
			let bestTerm = -1;
			for (;;) {
				if (accept[node] >= 0) {
					const e = this.strict[node] === 1 && hasSmallLetter(text, p, pos) ? -1 : this.acceptedEnd(text, p, pos, end, flags[node], cls);
					if (e >= 0) {
						bestEnd = e;
						bestTerm = accept[node];
					}
				}
				if (pos >= end) break;
				let c2 = text.charCodeAt(pos);
				let next: number;
				if (cls[c2] === SPACE_CLASS) {
					let q = pos + 1;
					while (q < end && cls[text.charCodeAt(q)] === SPACE_CLASS) q++;
					if (q >= end) break;
					c2 = text.charCodeAt(q);
					next = this.child(node, fold[c2]);
					if (next < 0 || spaceBefore[next] === 0) break;
					pos = q + 1;
				} else {
					next = this.child(node, fold[c2]);
					if (next < 0) break;
					if (joinedBefore[next] === 0 && spaceBefore[next] > 0 && flags[node] === FLAG_LATIN && flags[next] === FLAG_LATIN) break;
					pos++;
				}
				node = next;
			}
			if (bestEnd >= 0) {
				out[count++] = p;
				out[count++] = bestEnd;
				out[count++] = bestTerm;
				p = bestEnd - 1;
				prevClass = cls[text.charCodeAt(bestEnd - 1)];
			}
		}
		return count;
	}

	/** End of a mention of an accepted node reached at `pos`, after boundary and plural checks; -1 if rejected. */
	private acceptedEnd(text: string, start: number, pos: number, end: number, nodeFlags: number, cls: Uint8Array): number {
		if (nodeFlags !== FLAG_LATIN) return pos;
		const next = pos < text.length ? text.charCodeAt(pos) : 0;
		if (cls[next] !== LATIN) return pos;
		// Plural `s` after an all-caps mention: `SMBs`.
		if (next === 0x73 && pos < end) {
			const after = pos + 1 < text.length ? text.charCodeAt(pos + 1) : 0;
			if (cls[after] !== LATIN && isAllCaps(text, start, pos)) return pos + 1;
		}
		return -1;
	}

	/** Canonical term of a term id from `scanRange`. @internal */
	termOf(id: number): string {
		return this.terms[id];
	}
}

function hasSmallLetter(text: string, from: number, to: number): boolean {
	for (let i = from; i < to; i++) {
		const c = text.charCodeAt(i);
		if (c >= 0x61 && c <= 0x7a) return true;
	}
	return false;
}

/** At least two capital letters and no small ones (digits and symbols allowed). */
function isAllCaps(text: string, from: number, to: number): boolean {
	let upper = 0;
	for (let i = from; i < to; i++) {
		const c = text.charCodeAt(i);
		if (c >= 0x41 && c <= 0x5a) upper++;
		else if (c >= 0x61 && c <= 0x7a) return false;
		else if (c > 0x7f) {
			const lower = getFoldTable()[c];
			if (lower !== c) upper++;
			else if (getClassTable()[c] === LATIN) return false;
		}
	}
	return upper >= 2;
}

export interface FindOptions {
	/** 1-based inclusive line ranges to skip entirely (the caller passes glossary blocks: entry.line..entry.endLine). */
	excludeLines?: readonly { line: number; endLine: number }[];
	/** Skip frontmatter and fenced code blocks (default true). Set false when scanning a slice whose block context the caller already handled (the editor viewport). */
	blocks?: boolean;
	/** Scan only [from, to) of text (offsets); lines/columns still refer to the whole text. */
	from?: number;
	to?: number;
}

/**
 * Every mention of the matcher's names in `text`, in order, never overlapping. With `from`/`to`, only
 * mentions lying wholly inside `[from, to)` are returned, but the lines around them are read for
 * context (boundaries, code spans) and, with `blocks`, the text before `from` for block context.
 */
export function findMentions(text: string, matcher: TermMatcher, options: FindOptions = {}): TermMention[] {
	const mentions: TermMention[] = [];
	const length = text.length;
	if (length === 0 || matcher.size === 0) return mentions;
	const from = clamp(options.from ?? 0, 0, length);
	const to = clamp(options.to ?? length, from, length);
	if (from >= to) return mentions;
	const blocks = options.blocks ?? true;

	const regionStart = lineStartAt(text, from);
	const regionEnd = to === length ? length : isLineBreak(text.charCodeAt(to - 1)) ? lineStartOfBreak(text, to - 1) : lineEndAt(text, to);
	let line = 1;
	const textBreaks = new LineBreaks(text);
	for (let s = 0; s < regionStart; line++) s = textBreaks.next(textBreaks.end(s));

	const bomLine = text.charCodeAt(0) === BOM;
	const frontmatterEnd = blocks ? frontmatterEndLine(text) : 0;
	const blockState = newBlockState();
	if (blocks) {
		// Carry fence state from the lines before the region.
		const breaks = new LineBreaks(text);
		let l = 1;
		for (let s = 0; s < regionStart; l++) {
			const e = breaks.end(s);
			if (l > frontmatterEnd) skipBlockLine(blockState, text, s === 0 && bomLine ? 1 : s, e);
			s = breaks.next(e);
		}
	}
	const excluded = [...(options.excludeLines ?? [])].sort((a, b) => a.line - b.line);
	let excludedIndex = 0;

	const region = regionStart === 0 && regionEnd === length ? text : text.slice(regionStart, regionEnd);
	const normalized = normalizeWithMap(region);
	const norm = normalized.text;
	const normBreaks = new LineBreaks(norm);
	const skips: number[] = [];
	const found: number[] = [];
	const emphasis = new EmphasisTracker();

	for (let ls = 0; ls <= norm.length; line++) {
		const le = normBreaks.end(ls);
		// A BOM is not part of the first line's content (nor of its columns).
		const lineStart = ls === 0 && regionStart === 0 && bomLine ? 1 : ls;
		ls = normBreaks.next(le);
		if (line <= frontmatterEnd) continue;
		if (blocks && skipBlockLine(blockState, norm, lineStart, le)) continue;
		while (excludedIndex < excluded.length && excluded[excludedIndex].endLine < line) excludedIndex++;
		if (excludedIndex < excluded.length && excluded[excludedIndex].line <= line) continue;
		if (le <= lineStart) continue;

		const skipCount = collectInlineSkips(norm, lineStart, le, skips, 0);
		let foundCount = 0;
		let segStart = lineStart;
		for (let k = 0; k <= skipCount; k += 2) {
			const segEnd = k < skipCount ? skips[k] : le;
			if (segEnd > segStart) foundCount = matcher.scanRange(norm, segStart, segEnd, found, foundCount);
			if (k < skipCount) segStart = skips[k + 1];
		}
		if (foundCount === 0) continue;

		const origLineStart = regionStart + originalStart(normalized, lineStart);
		for (let k = 0; k < foundCount; k += 3) {
			const s = found[k];
			const e = found[k + 1];
			const origFrom = regionStart + originalStart(normalized, s);
			const origTo = regionStart + originalEnd(normalized, e);
			if (origFrom < from || origTo > to) continue;
			mentions.push({
				from: origFrom,
				to: origTo,
				line,
				column: origFrom - origLineStart + 1,
				text: text.slice(origFrom, origTo),
				term: matcher.termOf(found[k + 2]),
				marked: isJargonMarker(norm, lineStart, s, e, emphasis),
			});
		}
	}
	return mentions;
}

/**
 * A `*` right after the mention that does not merely close emphasis: not the closing run of stars that
 * directly precede the mention (`*CTR*`, `**CTR**`), nor a single star closing a `*…` emphasis opened
 * earlier on the line (`*the CTR*`).
 */
export function isJargonMarker(text: string, lineStart: number, start: number, end: number, emphasis: EmphasisTracker): boolean {
	let after = 0;
	while (text.charCodeAt(end + after) === STAR) after++;
	if (after === 0) return false;
	let before = 0;
	while (start - before - 1 >= lineStart && text.charCodeAt(start - before - 1) === STAR) before++;
	if (after <= before || (after - before) % 2 === 0) return false;
	return !(before === 0 && after === 1 && emphasis.openBefore(text, lineStart, start));
}

function clamp(value: number, lo: number, hi: number): number {
	return value < lo ? lo : value > hi ? hi : Math.floor(value);
}

/** Where the line break ending at `e` begins (`\r\n` is one break). */
function lineStartOfBreak(text: string, e: number): number {
	return text.charCodeAt(e) === 0x0a && e > 0 && text.charCodeAt(e - 1) === 0x0d ? e - 1 : e;
}
