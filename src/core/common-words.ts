/**
 * Everyday English words (about 5,300, from a frequency list; see scripts/common-words.ts), to tell a
 * name from a word: a capitalised one-word name that is also an everyday word (`Go`, `Spring`, `Rust`)
 * matches only capitalised. The list is front-coded and sorted; it is decoded one first letter at a time,
 * on first use of that letter (a fraction of a millisecond each), so no start-up pays for the whole list.
 */
import { COMMON_WORDS_CODED } from "./common-words-data";

/** Per first letter (a–z): offsets of its words in the coded string, and its decoded words once read. */
let bucketStarts: Int32Array | null = null;
const buckets: (Set<string> | undefined)[] = [];

/** True for an everyday English word, given in lowercase ASCII letters. */
export function isCommonWord(lower: string): boolean {
	const letter = lower.charCodeAt(0) - 0x61;
	if (letter < 0 || letter >= 26) return false;
	let words = buckets[letter];
	if (!words) {
		bucketStarts ??= indexBuckets(COMMON_WORDS_CODED);
		words = decode(COMMON_WORDS_CODED, bucketStarts[letter], bucketStarts[letter + 1]);
		buckets[letter] = words;
	}
	return words.has(lower);
}

/**
 * Where each first letter's words start. A word is a digit (letters shared with the word before) and the
 * rest; the first word of a letter shares nothing, so it is the `0` followed by that letter.
 */
function indexBuckets(coded: string): Int32Array {
	const starts = new Int32Array(27).fill(-1);
	for (let i = 0; i < coded.length; i++) {
		if (coded.charCodeAt(i) !== 0x30) continue;
		const letter = coded.charCodeAt(i + 1) - 0x61;
		if (letter >= 0 && letter < 26 && starts[letter] < 0) starts[letter] = i;
	}
	starts[26] = coded.length;
	for (let l = 25; l >= 0; l--) if (starts[l] < 0) starts[l] = starts[l + 1];
	return starts;
}

/** The words coded in `coded[from, to)`, which starts at a word sharing nothing with the one before. */
function decode(coded: string, from: number, to: number): Set<string> {
	const set = new Set<string>();
	let previous = "";
	let i = from;
	while (i < to) {
		const shared = coded.charCodeAt(i) - 0x30;
		let j = i + 1;
		while (j < to && (coded.charCodeAt(j) < 0x30 || coded.charCodeAt(j) > 0x39)) j++;
		previous = previous.slice(0, shared) + coded.slice(i + 1, j);
		set.add(previous);
		i = j;
	}
	return set;
}
