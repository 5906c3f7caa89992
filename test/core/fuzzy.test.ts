import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { choseongOf, fuzzyFilter, fuzzyMatch, prepareQuery, prepareTarget, subsequenceMatch, toJamo, type PreparedTarget } from "../../src/core/fuzzy";

function highlighted(target: string, query: string): string[] {
	const match = fuzzyMatch(query, target);
	if (!match) throw new Error(`${query} did not match ${target}`);
	return match.ranges.map(([from, to]) => target.slice(from, to));
}

describe("jamo decomposition", () => {
	it("splits syllables, compound vowels and final clusters", () => {
		expect(toJamo("컴플")).toBe("ㅋㅓㅁㅍㅡㄹ");
		expect(toJamo("과")).toBe("ㄱㅗㅏ");
		expect(toJamo("닭")).toBe("ㄷㅏㄹㄱ");
		expect(toJamo("ㅘ")).toBe("ㅗㅏ");
	});

	it("reads NFD Hangul like NFC", () => {
		expect(toJamo("컴플".normalize("NFD"))).toBe(toJamo("컴플"));
	});

	it("lower-cases Latin and drops separators", () => {
		expect(toJamo("Click-Through Rate")).toBe("clickthroughrate");
	});

	it("gives the initial consonants", () => {
		expect(choseongOf("컴플라이언스")).toBe("ㅋㅍㄹㅇㅇㅅ");
		expect(choseongOf("DRI 문화")).toBe("driㅁㅎ");
	});
});

describe("fuzzyMatch", () => {
	it("finds 컴플라이언스 from choseong, a syllable prefix and a half-typed syllable", () => {
		expect(fuzzyMatch("ㅋㅍ", "컴플라이언스")).not.toBeNull();
		expect(fuzzyMatch("컴플", "컴플라이언스")).not.toBeNull();
		expect(fuzzyMatch("컴ㅍ", "컴플라이언스")).not.toBeNull();
		expect(fuzzyMatch("ㅋㅓㅁ", "컴플라이언스")).not.toBeNull();
		expect(highlighted("컴플라이언스", "ㅋㅍ")).toEqual(["컴플"]);
		expect(highlighted("컴플라이언스", "컴플")).toEqual(["컴플"]);
	});

	it("matches a syllable whose final consonant moved to the next syllable while typing", () => {
		// Typing 커뮤니티 shows 컴 before ㅜ is typed.
		expect(fuzzyMatch("컴", "커뮤니티")).not.toBeNull();
		expect(highlighted("커뮤니티", "컴")).toEqual(["커뮤"]);
	});

	it("matches inside a compound vowel and a final cluster", () => {
		expect(fuzzyMatch("고", "과일")).not.toBeNull();
		expect(fuzzyMatch("달", "닭고기")).not.toBeNull();
	});

	it("is case-insensitive for Latin and ignores spaces", () => {
		expect(highlighted("eCPM", "ecpm")).toEqual(["eCPM"]);
		expect(fuzzyMatch("티핑포인트", "티핑 포인트")).not.toBeNull();
		expect(highlighted("티핑 포인트", "티핑포인트")).toEqual(["티핑", "포인트"]);
	});

	it("matches acronyms by word initials", () => {
		expect(highlighted("Click-Through Rate", "ctr")).toEqual(["C", "T", "R"]);
	});

	it("rejects what does not match", () => {
		expect(fuzzyMatch("xyz", "CTR")).toBeNull();
		expect(fuzzyMatch("ㅎ", "CTR")).toBeNull();
		expect(fuzzyMatch("CTRL", "CTR")).toBeNull();
	});

	it("ranks exact over prefix over substring over scattered", () => {
		const exact = fuzzyMatch("ctr", "CTR")!.score;
		const prefix = fuzzyMatch("ctr", "CTR rate")!.score;
		const substring = fuzzyMatch("ctr", "eCTR")!.score;
		const scattered = fuzzyMatch("ctr", "Cost To Reach")!.score;
		expect(exact).toBeGreaterThan(prefix);
		expect(prefix).toBeGreaterThan(substring);
		expect(substring).toBeGreaterThan(scattered);
	});

	it("leaves out letters scattered through words: SLO is no ARIA, ctr no PMF or IC", () => {
		expect(fuzzyMatch("SLO", "Accessible Rich Internet Applications")).toBeNull();
		expect(fuzzyMatch("ctr", "Product-Market Fit")).toBeNull();
		expect(fuzzyMatch("ctr", "Incident Commander")).toBeNull();
		expect(fuzzyMatch("kbnts", "Kubernetes")).toBeNull();
		// Runs that begin words still match.
		expect(highlighted("Incident Commander", "incom")).toEqual(["In", "Com"]);
		expect(highlighted("Return on Ad Spend", "rosp")).toEqual(["R", "o", "Sp"]);
	});

	it("ranks word-start and initial-consonant matches before a match inside a word", () => {
		const names = ["devops", "Open Platform Service", "Ops review", "카나리 배포", "스카나"];
		expect(fuzzyFilter(names, "ops", (n) => [n]).map((r) => r.item)).toEqual(["Ops review", "Open Platform Service", "devops"]);
		expect(fuzzyFilter(names, "ㅋㄴ", (n) => [n]).map((r) => r.item)).toEqual(["카나리 배포", "스카나"]);
	});

	it("matches a query of several words word by word, in any order", () => {
		expect(highlighted("Return on Ad Spend", "spend ret")).toEqual(["Ret", "Spend"]);
		expect(fuzzyMatch("리스크 컴플", "컴플라이언스 리스크")).not.toBeNull();
		expect(fuzzyMatch("리스크 xyz", "컴플라이언스 리스크")).toBeNull();
	});

	it("an empty query matches everything", () => {
		expect(fuzzyMatch("", "anything")).toEqual({ score: 0, ranges: [] });
	});

	it("survives any input and reports ranges inside the target", () => {
		fc.assert(
			fc.property(fc.string({ unit: "grapheme", maxLength: 12 }), fc.string({ unit: "grapheme", maxLength: 40 }), (query, target) => {
				const match = fuzzyMatch(query, target);
				if (!match) return;
				let last = 0;
				for (const [from, to] of match.ranges) {
					expect(from).toBeGreaterThanOrEqual(last);
					expect(to).toBeGreaterThan(from);
					expect(to).toBeLessThanOrEqual(target.length);
					last = to;
				}
			}),
			{ numRuns: 300 },
		);
	});

	it("always matches a Hangul target against any of its own substrings", () => {
		const syllable = fc.integer({ min: 0xac00, max: 0xd7a3 }).map((c) => String.fromCharCode(c));
		fc.assert(
			fc.property(fc.array(syllable, { minLength: 1, maxLength: 10 }), fc.nat(), fc.nat(), (chars, a, b) => {
				const target = chars.join("");
				const from = a % chars.length;
				const to = from + 1 + (b % (chars.length - from));
				expect(fuzzyMatch(target.slice(from, to), target)).not.toBeNull();
				expect(fuzzyMatch(choseongOf(target.slice(from, to)), target)).not.toBeNull();
			}),
		);
	});
});

describe("fuzzyFilter", () => {
	const terms = [
		{ name: "컴플라이언스", aliases: [] },
		{ name: "컴플라이언스 리스크", aliases: [] },
		{ name: "CTR", aliases: ["Click-Through Rate"] },
		{ name: "ROAS", aliases: ["Return on Ad Spend"] },
	];

	it("sorts by score, searches aliases, and keeps input order on ties", () => {
		const result = fuzzyFilter(terms, "컴플", (t) => [t.name, ...t.aliases]);
		expect(result.map((r) => r.item.name)).toEqual(["컴플라이언스", "컴플라이언스 리스크"]);
		const click = fuzzyFilter(terms, "click", (t) => [t.name, ...t.aliases]);
		expect(click.map((r) => [r.item.name, r.textIndex])).toEqual([["CTR", 1]]);
	});

	it("keeps every item for an empty query", () => {
		expect(fuzzyFilter(terms, "", (t) => [t.name]).length).toBe(4);
	});
});

/** The scattered-match score by the plain O(n·m²) recurrence, to check the windowed DP against. */
function referenceScore(query: string[], target: PreparedTarget): number | null {
	const t = target.units;
	const n = query.length;
	const m = t.length;
	let prev: number[] = [];
	for (let i = 0; i < n; i++) {
		const row = new Array<number>(m).fill(-Infinity);
		for (let j = i; j < m; j++) {
			if (t[j].ch !== query[i]) continue;
			const bonus = 16 + (t[j].wordStart ? 10 : t[j].syllableStart ? 4 : 0);
			if (i === 0) {
				row[j] = bonus - Math.min(j, 10);
				continue;
			}
			let best = -Infinity;
			for (let k = i - 1; k < j; k++) {
				if (prev[k] === -Infinity) continue;
				const gap = j - k - 1;
				best = Math.max(best, prev[k] + (gap === 0 ? 12 : -Math.min(gap, 10)));
			}
			if (best > -Infinity) row[j] = best + bonus;
		}
		prev = row;
	}
	const best = Math.max(-Infinity, ...prev);
	return best === -Infinity ? null : best;
}

describe("scattered matching", () => {
	it("scores exactly like the plain recurrence, with far gaps too", () => {
		const alphabet = fc.constantFrom("a", "b", "c", " ", "가", "각", "-", "B");
		fc.assert(
			fc.property(fc.array(alphabet, { minLength: 1, maxLength: 40 }), fc.array(fc.constantFrom("a", "b", "c", "ㄱ", "ㅏ"), { minLength: 1, maxLength: 5 }), (chars, q) => {
				const target = prepareTarget(chars.join(""));
				const query = prepareQuery(q.join(""));
				const fast = subsequenceMatch(query, target);
				const slow = referenceScore(query.units, target);
				expect(fast?.score ?? null).toBe(slow);
			}),
			{ numRuns: 500 },
		);
	});
});
