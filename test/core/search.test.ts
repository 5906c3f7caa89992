import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { compileQuery, highlightRuns, matchRanges, matchesQuery, matchSnippet, searchKey } from "../../src/core/search";

function q(text: string) {
	const query = compileQuery(text);
	if (!query) throw new Error("empty query");
	return query;
}

function marked(text: string, query: string): string[] {
	return matchRanges(text, q(query)).map(([from, to]) => text.slice(from, to));
}

describe("search normalisation", () => {
	it("ignores case, NFC/NFD and spacing", () => {
		expect(matchesQuery("광고의 CTR 과 ROAS", q("ctr"))).toBe(true);
		expect(matchesQuery("티핑 포인트를 지나는", q("티핑포인트"))).toBe(true);
		expect(matchesQuery("티핑포인트를 지나는", q("티핑 포인트"))).toBe(true);
		expect(matchesQuery("컴플라이언스".normalize("NFD"), q("컴플라이언스"))).toBe(true);
		expect(matchesQuery("컴플라이언스", q("컴플라이언스".normalize("NFD")))).toBe(true);
		expect(matchesQuery("eCPM", q("ECPM"))).toBe(true);
		expect(matchesQuery("광고 효율", q("광고효율x"))).toBe(false);
	});

	it("compiles blank queries to null", () => {
		expect(compileQuery("")).toBeNull();
		expect(compileQuery("  \n\t")).toBeNull();
	});

	it("maps matches back to the original text, across ignored spaces", () => {
		expect(marked("우리나라 결제씬이 티핑 포인트*를 지나는", "티핑포인트")).toEqual(["티핑 포인트"]);
		expect(marked("CTR 과 ctr, Ctr", "CTR")).toEqual(["CTR", "ctr", "Ctr"]);
		const nfd = "컴플라이언스에 대한".normalize("NFD");
		const ranges = matchRanges(nfd, q("컴플라이언스"));
		expect(ranges).toHaveLength(1);
		expect(nfd.slice(ranges[0][0], ranges[0][1]).normalize("NFC")).toBe("컴플라이언스");
	});

	it("splits text into highlighted runs that join back to the text", () => {
		const text = "가장 CTR* 과 ROAS* 가 많이";
		const runs = highlightRuns(text, matchRanges(text, q("roas")));
		expect(runs.map((r) => r.text).join("")).toBe(text);
		expect(runs.filter((r) => r.match).map((r) => r.text)).toEqual(["ROAS"]);
	});

	it("finds what searchKey says is there, in any text (property)", () => {
		fc.assert(
			fc.property(fc.string({ unit: "grapheme-composite", maxLength: 60 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 1, max: 8 }), (text, start, len) => {
				const needle = text.slice(start, start + len);
				const query = compileQuery(needle);
				if (!query) return;
				const ranges = matchRanges(text, query);
				for (const [from, to] of ranges) {
					expect(from).toBeGreaterThanOrEqual(0);
					expect(to).toBeLessThanOrEqual(text.length);
					// Ranges cover whole characters, so they may be wider than a query cut inside one.
					expect(searchKey(text.slice(from, to))).toContain(query.key);
				}
				const runs = highlightRuns(text, ranges);
				expect(runs.map((r) => r.text).join("")).toBe(text);
			}),
			{ numRuns: 300 },
		);
	});

	it("survives hostile input", () => {
		const hostile = ["", "\uFEFF", "\r\n\r\n", "\u0000\uFFFF", "\uD800", "a".repeat(100_000), "ㄱ\u1161\u11A8".repeat(1000)];
		for (const text of hostile) {
			expect(() => matchRanges(text, q("a"))).not.toThrow();
			expect(() => searchKey(text)).not.toThrow();
		}
	});
});

describe("matchSnippet", () => {
	const q = (text: string) => compileQuery(text)!;

	it("cuts the text around the first hit at spaces, with every hit inside marked", () => {
		const answer = "정상 요청은 1%만 남기고, 에러가 났거나 느린 요청은 전부 남기는 테일 샘플링을 씀. 덕분에 저장량은 크게 줄었는데 정작 봐야 할 요청은 다 남아 있음.";
		const s = matchSnippet(answer, q("테일샘플링"), 10, 20)!;
		expect(s.text).toBe("…전부 남기는 테일 샘플링을 씀. 덕분에 저장량은…");
		expect(s.ranges.map(([a, b]) => s.text.slice(a, b))).toEqual(["테일 샘플링"]);
		const all = matchSnippet(answer, q("요청"))!;
		expect(all.ranges.map(([a, b]) => all.text.slice(a, b))).toEqual(["요청", "요청", "요청"]);
		expect(all.text.startsWith("정상 요청은")).toBe(true);
	});

	it("survives any text: ranges inside the snippet, each holding the query", () => {
		fc.assert(
			fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), fc.string({ unit: "grapheme", minLength: 1, maxLength: 4 }), (text, raw) => {
				const query = compileQuery(raw);
				if (!query) return;
				const s = matchSnippet(text, query, 10, 20);
				if (!s) return;
				let last = 0;
				for (const [from, to] of s.ranges) {
					expect(from).toBeGreaterThanOrEqual(last);
					expect(to).toBeLessThanOrEqual(s.text.length);
					last = to;
				}
				expect(s.text.length).toBeLessThanOrEqual(text.length + 2);
			}),
			{ numRuns: 300 },
		);
	});

	it("is null without a hit and whole for a short text", () => {
		expect(matchSnippet("A day for pages.", q("hour"))).toBeNull();
		expect(matchSnippet("", q("hour"))).toBeNull();
		expect(matchSnippet("An hour for APIs.", q("HOUR"))).toEqual({ text: "An hour for APIs.", ranges: [[3, 7]] });
	});
});
