/**
 * Finds mentions of glossary terms in Markdown text.
 *
 * `TermMatcher` is an Aho–Corasick automaton over term keys (`termKey`: NFC, case-folded, spaces
 * removed): a character trie stored in typed arrays (the root is a direct 64K table, deeper edges live in
 * one open-addressing hash table) with failure links and output links, rebuilt lazily after the trie
 * changes. `findMentions` feeds each prose segment through it once, skipping whitespace, so the cost is
 * linear in the text whatever the terms (a long near-miss term does not make it restart at every
 * character). Every key occurrence the automaton reports is then checked against the rules below, and
 * the longest accepted mention at the leftmost start wins. It allocates only for the mentions it returns.
 *
 * Matching rules:
 * - Text is NFC-normalised first; offsets, lines and columns refer to the original text. Lines end at
 *   `\r\n`, `\r` or `\n` (`newline.ts`).
 * - Letters are compared case-insensitively (code unit by code unit, see `char-class.ts`), except for the
 *   names `nameCaseRule` picks out: all-caps names spelling an English word match only in capitals (`IT`
 *   is not in "it", `WHO` not in "who"), and capitalised one-word names that are everyday English words
 *   match only with a capital first letter (`Go` and `GO`, not the verb `go`; `Spring`, `Rust`). Every
 *   other name matches in any case: `ctr` finds `CTR`, `kubernetes` finds `Kubernetes`, `Tail sampling`
 *   finds `tail sampling`.
 * - Word boundaries: a term whose first character is a letter or digit of a spaced script (Latin,
 *   Greek, Cyrillic) must not follow such a character (`CTR` is not in `eCTR`); one whose last character
 *   is one must not be followed by one (`CTR` is not in `CTRL`), except a regular English plural, which
 *   the mention then includes: `s` after a term ending in an ASCII letter (`SMBs`, `feature flags`,
 *   `caches`), `es` instead after one ending in `s`, `x`, `z`, `ch` or `sh` (`processes`); an acronym takes
 *   only an `s`, after a mention in capitals (`SMBs`, not `smbs`). A term starting with Hangul must not start inside
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
import { CASE_ANY, CASE_CAPITALS, CASE_INITIAL, combineCaseRules, isAcronymName, nameCaseRule, spacedKey, termKey, type CaseRule } from "./term-key";
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
	caseRule: CaseRule;
	acronym: boolean;
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
	/** Per accepting node, the `CaseRule` its mentions must follow. */
	private caseRule = new Uint8Array(256);
	/** 1 on accepting nodes whose every spelling is an acronym (`SMB`): plural `s` only after capitals. */
	private acronym = new Uint8Array(256);
	/** Trie shape, for the automaton: parent node, the (folded) character leading to a node, its depth. */
	private parent = new Int32Array(256);
	private nodeChar = new Uint16Array(256);
	private depth = new Int32Array(256);
	/** `flags` of the first character of a node's key (the class its start boundary depends on). */
	private headFlags = new Uint8Array(256);
	/** Failure link: the node of the longest proper suffix of a node's key that is in the trie. */
	private fail = new Int32Array(256);
	/** Output link: the nearest accepting node along the failure links, or -1. */
	private output = new Int32Array(256).fill(-1);
	/** Nodes in order of depth, for building the links. */
	private order = new Int32Array(0);
	/** Failure links are stale (the trie grew) / output links are stale (a node started or stopped accepting). */
	private failStale = false;
	private outputStale = false;
	/** Scratch of `scanRange`, reused: text offset of each non-space character of the segment, and the best mention per start. */
	private positions = new Int32Array(1024);
	private bestEnd = new Int32Array(1024);
	private bestTerm = new Int32Array(1024);
	/** Which scan last wrote `bestEnd` at a start; the starts written in this scan. */
	private bestStamp = new Int32Array(1024);
	private stamp = 0;
	private candidates = new Int32Array(1024);
	private candidateCount = 0;
	private readonly termIds = new Map<string, number>();
	private readonly terms: string[] = [];
	private readonly entries = new Map<string, KeyEntry>();

	/** `names`: [name, canonical term] pairs. When several names share a key, the first one's term wins. */
	constructor(names: Iterable<readonly [name: string, term: string]> = []) {
		const grouped = new Map<string, { term: string; variants: Set<string>; caseRule: CaseRule; acronym: boolean }>();
		for (const [name, term] of names) {
			const key = termKey(name);
			if (!key) continue;
			const group = grouped.get(key);
			if (!group) {
				grouped.set(key, { term, variants: new Set([spacedKey(name)]), caseRule: nameCaseRule(name), acronym: isAcronymName(name) });
			} else if (group.term === term) {
				group.variants.add(spacedKey(name));
				group.caseRule = combineCaseRules(group.caseRule, nameCaseRule(name));
				group.acronym &&= isAcronymName(name);
			}
		}
		for (const [key, group] of grouped) this.assign(key, group.term, [...group.variants], group.caseRule, group.acronym);
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
		const caseRule = entry ? combineCaseRules(entry.caseRule, nameCaseRule(name)) : nameCaseRule(name);
		this.assign(key, term, variants, caseRule, (entry ? entry.acronym : true) && isAcronymName(name));
	}

	/** Removes every spelling with this name's key. */
	remove(name: string): void {
		this.assign(termKey(name), undefined, []);
	}

	/**
	 * Low-level update used by `TermIndex`: makes `key` resolve to `term` (or to nothing when undefined)
	 * with exactly these spaced spellings (`spacedKey` forms whose non-space characters equal `key`).
	 * `caseRule`: the case mentions must show (`nameCaseRule`, combined over the spellings). `acronym`: every
	 * spelling is an acronym (`isAcronymName`), whose plural `s` counts only after a mention in capitals.
	 */
	assign(key: string, term: string | undefined, variants: readonly string[], caseRule: CaseRule = CASE_ANY, acronym = false): void {
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
				this.outputStale = true;
			}
			return;
		}
		for (const v of kept) if (!entry || !entry.variants.includes(v)) this.countVariant(v, 1);
		const node = entry ? entry.node : this.insertPath(key);
		if (this.accept[node] < 0) this.outputStale = true;
		this.accept[node] = this.termId(term);
		this.caseRule[node] = caseRule;
		this.acronym[node] = acronym ? 1 : 0;
		this.entries.set(key, { node, term, variants: kept, caseRule, acronym });
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
		this.parent[created] = node;
		this.nodeChar[created] = c;
		this.depth[created] = this.depth[node] + 1;
		this.headFlags[created] = node === 0 ? this.flags[created] : this.headFlags[node];
		this.failStale = true;
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
		const grow = <T extends Int32Array | Uint8Array | Uint16Array>(a: T, make: (n: number) => T): T => {
			const b = make(size);
			b.set(a);
			return b;
		};
		this.accept = grow(this.accept, (n) => new Int32Array(n).fill(-1));
		this.flags = grow(this.flags, (n) => new Uint8Array(n));
		this.spaceBefore = grow(this.spaceBefore, (n) => new Int32Array(n));
		this.joinedBefore = grow(this.joinedBefore, (n) => new Int32Array(n));
		this.caseRule = grow(this.caseRule, (n) => new Uint8Array(n));
		this.acronym = grow(this.acronym, (n) => new Uint8Array(n));
		this.parent = grow(this.parent, (n) => new Int32Array(n));
		this.nodeChar = grow(this.nodeChar, (n) => new Uint16Array(n));
		this.depth = grow(this.depth, (n) => new Int32Array(n));
		this.headFlags = grow(this.headFlags, (n) => new Uint8Array(n));
		this.fail = grow(this.fail, (n) => new Int32Array(n));
		this.output = grow(this.output, (n) => new Int32Array(n).fill(-1));
	}

	/** Rebuilds the failure links (after the trie grew) and the output links (after accepting nodes changed). */
	private refreshLinks(): void {
		const count = this.nodeCount;
		if (this.failStale) {
			// Nodes by depth (counting sort), then each node's failure link from its parent's.
			let maxDepth = 0;
			for (let v = 1; v < count; v++) if (this.depth[v] > maxDepth) maxDepth = this.depth[v];
			const starts = new Int32Array(maxDepth + 2);
			for (let v = 1; v < count; v++) starts[this.depth[v] + 1]++;
			for (let d = 1; d <= maxDepth + 1; d++) starts[d] += starts[d - 1];
			const order = new Int32Array(count - 1);
			for (let v = 1; v < count; v++) order[starts[this.depth[v]]++] = v;
			this.order = order;
			const fail = this.fail;
			for (let i = 0; i < order.length; i++) {
				const v = order[i];
				const p = this.parent[v];
				if (p === 0) {
					fail[v] = 0;
					continue;
				}
				const c = this.nodeChar[v];
				let f = fail[p];
				for (;;) {
					const next = this.child(f, c);
					if (next >= 0) {
						fail[v] = next;
						break;
					}
					if (f === 0) {
						fail[v] = 0;
						break;
					}
					f = fail[f];
				}
			}
			this.failStale = false;
			this.outputStale = true;
		}
		if (this.outputStale) {
			const order = this.order;
			const fail = this.fail;
			const accept = this.accept;
			const output = this.output;
			for (let i = 0; i < order.length; i++) {
				const v = order[i];
				const f = fail[v];
				output[v] = f === 0 ? -1 : accept[f] >= 0 ? f : output[f];
			}
			this.outputStale = false;
		}
	}

	/** Makes the scratch arrays hold at least `n` entries. */
	private reserve(n: number): void {
		if (this.positions.length >= n) return;
		let size = this.positions.length;
		while (size < n) size *= 2;
		this.positions = new Int32Array(size);
		this.bestEnd = new Int32Array(size);
		this.bestTerm = new Int32Array(size);
		this.bestStamp = new Int32Array(size);
		this.candidates = new Int32Array(size);
	}

	/**
	 * Scans `text[start, end)` (already NFC; `end` must not pass a line break) and appends one
	 * `[from, to, termId]` triple per mention to `out` from index `count`. Returns the new length.
	 * Characters outside the range are read only as boundary context.
	 * @internal
	 */
	scanRange(text: string, start: number, end: number, out: number[], count: number): number {
		if (this.failStale || this.outputStale) this.refreshLinks();
		this.reserve(end - start + 1);
		const fold = getFoldTable();
		const cls = getClassTable();
		const rootChild = this.rootChild;
		const accept = this.accept;
		const fail = this.fail;
		const output = this.output;
		const positions = this.positions;
		this.candidateCount = 0;
		if (++this.stamp > 0x3fffffff) {
			this.stamp = 1;
			this.bestStamp.fill(0);
		}
		const depth = this.depth;
		const headFlags = this.headFlags;
		const spaceBefore = this.spaceBefore;
		const joinedBefore = this.joinedBefore;
		const flags = this.flags;
		// One pass of the automaton over the non-space characters; `k` counts them. The state is the
		// longest key prefix ending here that may still become a mention: it starts where a term may start
		// (not inside a word, see `startAllowed`) and its last step kept the spacing rules. Fallbacks along
		// failure links skip prefixes that start inside a word without looking them up, so inside words the
		// automaton mostly idles at the root. Each step adds at most one to the state's depth and each
		// fallback removes at least one, so the pass is linear in the segment.
		let state = 0;
		let k = 0;
		let prevClass = start > 0 ? cls[text.charCodeAt(start - 1)] : 0;
		let lastP = start - 1;
		for (let p = start; p < end; p++) {
			const c = text.charCodeAt(p);
			const before = prevClass;
			prevClass = cls[c];
			if (prevClass === SPACE_CLASS) continue;
			const f = fold[c];
			if (state === 0) {
				// At the root: most characters start nothing here.
				const y = rootChild[f];
				if (y < 0 || !startAllowed(before, headFlags[y])) {
					lastP = p;
					continue;
				}
			}
			positions[k] = p;
			const spaced = p > lastP + 1 && k > 0;
			lastP = p;
			let next = -1;
			for (let x = state; ; x = fail[x]) {
				if (x === 0) {
					const y = rootChild[f];
					if (y >= 0 && startAllowed(before, headFlags[y])) next = y;
					break;
				}
				const from = positions[k - depth[x]];
				if (x !== state && !startAllowed(from > 0 ? cls[text.charCodeAt(from - 1)] : 0, headFlags[x])) continue;
				const y = this.child(x, f);
				if (y < 0) continue;
				if (spaced ? spaceBefore[y] === 0 : joinedBefore[y] === 0 && spaceBefore[y] > 0 && flags[x] === FLAG_LATIN && flags[y] === FLAG_LATIN) continue;
				next = y;
				break;
			}
			state = next < 0 ? 0 : next;
			if (state !== 0) {
				for (let node = accept[state] >= 0 ? state : output[state]; node > 0; node = output[node]) this.consider(text, node, k, end, cls);
			}
			k++;
		}
		// Leftmost start first, the longest mention there; resume after it.
		const starts = this.candidates.subarray(0, this.candidateCount).sort();
		const bestEnd = this.bestEnd;
		const bestTerm = this.bestTerm;
		let resume = -1;
		for (let i = 0; i < starts.length; i++) {
			const s = starts[i];
			if (positions[s] < resume) continue;
			const e = bestEnd[s];
			out[count++] = positions[s];
			out[count++] = e;
			out[count++] = bestTerm[s];
			resume = e;
		}
		return count;
	}

	/**
	 * Checks the key occurrence of accepting `node` that ends at the `k`-th non-space character against
	 * the spacing, boundary and case rules; records it as the best mention at its start if it passes.
	 * Occurrences reach a start in order of length, so a later one there is the longer.
	 */
	private consider(text: string, node: number, k: number, end: number, cls: Uint8Array): void {
		const positions = this.positions;
		const first = k - this.depth[node] + 1;
		const from = positions[first];
		const to = positions[k] + 1;
		// Cheap checks first: start and end boundaries, case; the spacing walk last.
		if (!startAllowed(from > 0 ? cls[text.charCodeAt(from - 1)] : 0, this.headFlags[node])) return;
		const rule = this.caseRule[node];
		if (rule === CASE_CAPITALS && hasSmallLetter(text, from, to)) return;
		if (rule === CASE_INITIAL && !isCapital(text.charCodeAt(from))) return;
		const e = this.acceptedEnd(text, from, to, end, node, cls);
		if (e < 0) return;
		// Spacing: walk back up the trie, one character of the occurrence per node.
		let v = node;
		for (let i = k; i > first; i--) {
			const up = this.parent[v];
			if (positions[i] > positions[i - 1] + 1) {
				if (this.spaceBefore[v] === 0) return;
			} else if (this.joinedBefore[v] === 0 && this.spaceBefore[v] > 0 && this.flags[up] === FLAG_LATIN && this.flags[v] === FLAG_LATIN) {
				return;
			}
			v = up;
		}
		if (this.bestStamp[first] !== this.stamp) {
			this.bestStamp[first] = this.stamp;
			this.candidates[this.candidateCount++] = first;
		}
		this.bestEnd[first] = e;
		this.bestTerm[first] = this.accept[node];
	}

	/** End of a mention of accepting `node` reached at `pos`, after boundary and plural checks; -1 if rejected. */
	private acceptedEnd(text: string, start: number, pos: number, end: number, node: number, cls: Uint8Array): number {
		if (this.flags[node] !== FLAG_LATIN) return pos;
		const next = pos < text.length ? text.charCodeAt(pos) : 0;
		if (cls[next] !== LATIN) return pos;
		const plural = this.pluralLength(text, start, pos, end, node, cls);
		return plural > 0 ? pos + plural : -1;
	}

	/**
	 * Length of a regular English plural ending right after a mention, then a word boundary; 0 when there
	 * is none. After a term ending in an ASCII letter: `s` (`feature flags`, `caches`, `postmortems`), or
	 * instead `es` after `s`, `x`, `z`, `ch`, `sh` (`processes`, not `SaaSs`). An acronym (`SMB`) takes only `s`, and only
	 * after a mention in capitals (`SMBs`, not `smbs`). Always in small letters (`SMBS` is no plural).
	 */
	private pluralLength(text: string, start: number, pos: number, end: number, node: number, cls: Uint8Array): number {
		const last = this.nodeChar[node];
		if (last < 0x61 || last > 0x7a) return 0;
		const c = text.charCodeAt(pos);
		if (this.acronym[node] === 1) return c === 0x73 && pos < end && cls[charAt(text, pos + 1)] !== LATIN && isAllCaps(text, start, pos) ? 1 : 0;
		if (takesEs(this.nodeChar, this.parent, node)) {
			return c === 0x65 && pos + 1 < end && text.charCodeAt(pos + 1) === 0x73 && cls[charAt(text, pos + 2)] !== LATIN ? 2 : 0;
		}
		return c === 0x73 && pos < end && cls[charAt(text, pos + 1)] !== LATIN ? 1 : 0;
	}

	/** Canonical term of a term id from `scanRange`. @internal */
	termOf(id: number): string {
		return this.terms[id];
	}
}

/**
 * Whether a term whose first character has `headFlags` may start after a character of class `before`:
 * not right after a Latin letter or digit when it starts with one or with Hangul (`CTR` is not in `eCTR`),
 * not right after Hangul when it starts with Hangul (`컴플라이언스` is not in `비컴플라이언스`).
 */
function startAllowed(before: number, headFlags: number): boolean {
	if (before === LATIN) return headFlags === 0;
	if (before === HANGUL) return headFlags !== FLAG_HANGUL;
	return true;
}

/** `s`, `x`, `z`, `ch`, `sh` at the end of a node's key: the plural takes `es`. */
function takesEs(chars: Uint16Array, parent: Int32Array, node: number): boolean {
	const last = chars[node];
	if (last === 0x73 || last === 0x78 || last === 0x7a) return true;
	if (last !== 0x68 || parent[node] === 0) return false;
	const before = chars[parent[node]];
	return before === 0x63 || before === 0x73;
}

function charAt(text: string, i: number): number {
	return i < text.length ? text.charCodeAt(i) : 0;
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

/** An ASCII capital, or any other letter that lowercase folding changes. */
function isCapital(c: number): boolean {
	if (c >= 0x41 && c <= 0x5a) return true;
	return c > 0x7f && getFoldTable()[c] !== c;
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
