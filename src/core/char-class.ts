/**
 * Per-code-unit tables shared by the term key, the matcher and the health check: case folding and a
 * coarse character class. Both are lazily built typed arrays indexed by UTF-16 code unit, so the hot
 * loops read one array element per character and never allocate.
 *
 * Folding is one code unit to one code unit (`toLowerCase` where that keeps the length, identity
 * otherwise), so offsets in folded text equal offsets in the text itself.
 */

/** Not a letter, digit, Hangul or space: punctuation, symbols, other scripts. No boundary rules apply. */
export const CLASS_OTHER = 0;
/**
 * Letters and digits of scripts that separate words with spaces: ASCII letters and digits, `_`, Latin
 * with diacritics, Greek, Cyrillic. Terms starting or ending with one need a word boundary there.
 */
export const CLASS_LATIN = 1;
/** Hangul syllables and jamo. */
export const CLASS_HANGUL = 2;
/** Horizontal whitespace that may sit inside a term (not line breaks). */
export const CLASS_SPACE = 3;

let foldTable: Uint16Array | null = null;
let classTable: Uint8Array | null = null;

/** Ranges (inclusive) where `toLowerCase` can change a code unit; elsewhere folding is the identity. */
const CASED_RANGES: readonly [number, number][] = [
	[0x00c0, 0x058f], // Latin-1 … Armenian
	[0x10a0, 0x10ff], // Georgian
	[0x13a0, 0x13ff], // Cherokee
	[0x1c80, 0x1cbf],
	[0x1e00, 0x1fff], // Latin Extended Additional, Greek Extended
	[0x2100, 0x218f], // letterlike symbols, Roman numerals
	[0x24b6, 0x24e9], // circled letters
	[0x2c00, 0x2d2f], // Glagolitic, Latin Extended-C, Coptic, Georgian supplement
	[0xa640, 0xa7ff], // Cyrillic Extended-B, Latin Extended-D
	[0xff21, 0xff3a], // fullwidth A–Z
];

/** code unit → folded code unit. */
export function getFoldTable(): Uint16Array {
	if (foldTable) return foldTable;
	const table = new Uint16Array(0x10000);
	for (let c = 0; c < 0x10000; c++) table[c] = c;
	for (let c = 0x41; c <= 0x5a; c++) table[c] = c + 0x20;
	for (const [lo, hi] of CASED_RANGES) {
		for (let c = lo; c <= hi; c++) {
			const lower = String.fromCharCode(c).toLowerCase();
			if (lower.length === 1) table[c] = lower.charCodeAt(0);
		}
	}
	foldTable = table;
	return table;
}

/** code unit → CLASS_*. */
export function getClassTable(): Uint8Array {
	if (classTable) return classTable;
	const table = new Uint8Array(0x10000);
	const set = (lo: number, hi: number, cls: number): void => {
		for (let c = lo; c <= hi; c++) table[c] = cls;
	};
	set(0x30, 0x39, CLASS_LATIN);
	set(0x41, 0x5a, CLASS_LATIN);
	set(0x61, 0x7a, CLASS_LATIN);
	table[0x5f] = CLASS_LATIN; // _
	set(0xc0, 0x24f, CLASS_LATIN);
	table[0xd7] = CLASS_OTHER; // ×
	table[0xf7] = CLASS_OTHER; // ÷
	set(0x370, 0x3ff, CLASS_LATIN);
	table[0x37e] = CLASS_OTHER; // Greek question mark
	table[0x387] = CLASS_OTHER; // Greek ano teleia
	set(0x400, 0x52f, CLASS_LATIN);
	set(0x1e00, 0x1fff, CLASS_LATIN);
	set(0x1100, 0x11ff, CLASS_HANGUL);
	set(0x3130, 0x318f, CLASS_HANGUL);
	set(0xa960, 0xa97f, CLASS_HANGUL);
	set(0xac00, 0xd7a3, CLASS_HANGUL);
	set(0xd7b0, 0xd7ff, CLASS_HANGUL);
	table[0x09] = CLASS_SPACE;
	table[0x20] = CLASS_SPACE;
	table[0xa0] = CLASS_SPACE;
	table[0x1680] = CLASS_SPACE;
	set(0x2000, 0x200a, CLASS_SPACE);
	table[0x202f] = CLASS_SPACE;
	table[0x205f] = CLASS_SPACE;
	table[0x3000] = CLASS_SPACE;
	classTable = table;
	return table;
}

/** True for any whitespace `termKey` removes (horizontal space and line breaks). */
export function isKeySpace(c: number): boolean {
	return c === 0x0a || c === 0x0d || c === 0x0b || c === 0x0c || c === 0x85 || c === 0x2028 || c === 0x2029 || c === 0xfeff || getClassTable()[c] === CLASS_SPACE;
}
