/**
 * Everyday English words (about 8,800, from a frequency list; see scripts/common-words.ts), to tell a
 * name from a word: a capitalised one-word name that is also an everyday word (`Go`, `Spring`, `Rust`)
 * matches only capitalised. Decoded once, on first use.
 */
import { COMMON_WORDS_CODED } from "./common-words-data";

let words: Set<string> | null = null;

/** True for an everyday English word, given in lowercase ASCII letters. */
export function isCommonWord(lower: string): boolean {
	words ??= decode(COMMON_WORDS_CODED);
	return words.has(lower);
}

/** Front-coded words: each is a digit (letters shared with the word before) and the rest. */
function decode(coded: string): Set<string> {
	const set = new Set<string>();
	let previous = "";
	let i = 0;
	while (i < coded.length) {
		const shared = coded.charCodeAt(i) - 0x30;
		let j = i + 1;
		while (j < coded.length && (coded.charCodeAt(j) < 0x30 || coded.charCodeAt(j) > 0x39)) j++;
		previous = previous.slice(0, shared) + coded.slice(i + 1, j);
		set.add(previous);
		i = j;
	}
	return set;
}
