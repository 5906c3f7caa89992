import { describe, expect, it } from "vitest";
import { isCommonWord } from "../../src/core/common-words";
import { COMMON_WORDS_CODED } from "../../src/core/common-words-data";

describe("everyday English words", () => {
	it("knows everyday words, and not product names or acronyms", () => {
		for (const word of ["go", "spring", "rust", "react", "swift", "tail", "it", "zero", "about"]) expect(isCommonWord(word), word).toBe(true);
		for (const word of ["kubernetes", "kafka", "ecpm", "saas", "ctr", "", "Go", "ünder"]) expect(isCommonWord(word), word).toBe(false);
	});

	it("decodes every coded word, letter by letter", () => {
		let count = 0;
		let previous = "";
		for (const piece of COMMON_WORDS_CODED.match(/\d[a-z]+/g) ?? []) {
			const word = previous.slice(0, Number(piece[0])) + piece.slice(1);
			expect(isCommonWord(word), word).toBe(true);
			previous = word;
			count++;
		}
		expect(count).toBe(5272);
	});
});
