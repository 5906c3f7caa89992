import fc from "fast-check";
import { propertyRuns } from "../helpers/property-runs";
import { describe, expect, it } from "vitest";
import { findMentions, TermMatcher, type FindOptions } from "../../src/core/matcher";
import type { TermMention } from "../../src/core/types";

const TERMS = ["CTR", "eCPM", "SMB", "F&B", "티핑 포인트", "컴플라이언스", "컴플라이언스 리스크", "DRI 문화", "스콥", "Click-Through Rate", "C++", "é"];
const matcher = new TermMatcher(TERMS.map((t) => [t, t] as const));

/** Pieces that stress every branch: terms and near-misses, Markdown delimiters, line breaks, odd code units. */
const TOKENS = [
	...TERMS,
	"ctrl",
	"ECPM",
	"SMBs",
	"티핑포인트",
	"비컴플라이언스",
	"를",
	"에",
	"와",
	" ",
	"  ",
	"\t",
	"\n",
	"*",
	"**",
	"`",
	"``",
	"```",
	"~~~",
	"$$",
	"%%",
	"---",
	"> ",
	"<",
	">",
	"<span a='CTR'>",
	"[",
	"]",
	"[[",
	"]]",
	"|",
	"](",
	")",
	"(",
	"#",
	"#tag",
	"https://x.io/",
	"www.",
	"\\",
	"😀",
	"\u0301",
	"e\u0301",
	"\u1100\u1161",
	"\u11a8",
	"\u00a0",
	"\u3000",
	"\ud800",
	"\u0000",
];

const markdownish = fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((parts) => parts.join(""));
const hostile = fc.oneof(
	markdownish,
	fc.string({ unit: "binary", maxLength: 200 }),
	fc.string({ unit: fc.constantFrom("`", "*", "\n", "\r", "<", "[", "]", "(", ")", "C", "T", "R", " ", "컴", "\uFEFF"), maxLength: 200 }),
);

const options: fc.Arbitrary<FindOptions> = fc.record(
	{
		excludeLines: fc.array(fc.record({ line: fc.integer({ min: -2, max: 20 }), endLine: fc.integer({ min: -2, max: 20 }) }), { maxLength: 3 }),
		blocks: fc.boolean(),
		from: fc.integer({ min: -5, max: 300 }),
		to: fc.integer({ min: -5, max: 300 }),
	},
	{ requiredKeys: [] },
);

function checkInvariants(text: string, mentions: TermMention[], opts: FindOptions = {}): void {
	const lo = Math.max(0, opts.from ?? 0);
	const hi = Math.min(text.length, opts.to ?? text.length);
	let previousEnd = -1;
	for (const m of mentions) {
		expect(m.from).toBeGreaterThanOrEqual(Math.max(previousEnd, lo));
		expect(m.to).toBeGreaterThan(m.from);
		expect(m.to).toBeLessThanOrEqual(hi);
		expect(m.text).toBe(text.slice(m.from, m.to));
		expect(TERMS).toContain(m.term);
		const before = text.slice(0, m.from);
		expect(m.line).toBe(before.split("\n").length);
		const lineStart = before.lastIndexOf("\n") + 1;
		const bom = lineStart === 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
		expect(m.column).toBe(m.from - lineStart - bom + 1);
		previousEnd = m.to;
	}
}

const shape = (mentions: TermMention[]) => mentions.map((m) => [m.line, m.term, m.marked]);

describe("findMentions on hostile input", () => {
	it("never throws; results are sorted, disjoint, inside the text and slice it exactly", () => {
		fc.assert(
			fc.property(hostile, options, (text, opts) => {
				checkInvariants(text, findMentions(text, matcher, opts), opts);
				checkInvariants(text, findMentions(text, matcher));
			}),
			{ numRuns: propertyRuns(2000) },
		);
	});

	it("returns, for from..to, exactly the full-text mentions inside the range", () => {
		fc.assert(
			fc.property(markdownish, fc.nat(400), fc.nat(400), (text, a, b) => {
				const [from, to] = a <= b ? [a, b] : [b, a];
				const expected = findMentions(text, matcher).filter((m) => m.from >= from && m.to <= to);
				expect(findMentions(text, matcher, { from, to })).toEqual(expected);
			}),
			{ numRuns: propertyRuns(1000) },
		);
	});

	it("never reports a mention on an excluded line", () => {
		fc.assert(
			fc.property(markdownish, fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 3 }), (text, line, span) => {
				const mentions = findMentions(text, matcher, { excludeLines: [{ line, endLine: line + span }] });
				for (const m of mentions) expect(m.line < line || m.line > line + span).toBe(true);
			}),
			{ numRuns: propertyRuns(500) },
		);
	});

	it("gives the same terms, lines and markers for CRLF, BOM and NFD copies", () => {
		fc.assert(
			fc.property(markdownish, (raw) => {
				const text = raw.normalize("NFC");
				const expected = shape(findMentions(text, matcher));
				expect(shape(findMentions(text.replace(/\n/g, "\r\n"), matcher))).toEqual(expected);
				expect(shape(findMentions("\uFEFF" + text, matcher))).toEqual(expected);
				const nfd = text.normalize("NFD");
				const nfdMentions = findMentions(nfd, matcher);
				expect(shape(nfdMentions)).toEqual(expected);
				checkInvariants(nfd, nfdMentions);
			}),
			{ numRuns: propertyRuns(1000) },
		);
	});

	it("survives huge lines of unclosed delimiters and a 5 MB note", () => {
		const line = (unit: string) => unit.repeat(Math.ceil(1_000_000 / unit.length));
		for (const unit of ["`", "<a", "[[", "](", "](()", "`` `", "***", "http://", "#", "%%", "CTR", "컴플라이언스", "\u1100\u1161"]) {
			const text = line(unit);
			checkInvariants(text, findMentions(text, matcher).slice(0, 50));
		}
		const backtickRuns = Array.from({ length: 1400 }, (_, i) => "`".repeat(i + 1) + " x ").join("");
		expect(findMentions(backtickRuns + " CTR", matcher).map((m) => m.text)).toEqual(["CTR"]);
		const note = "---\ntags: [Conference]\n---\n" + "CTR을 보고 컴플라이언스 리스크를 줄임. `SMB` [[스콥|스콥]] https://x.io/CTR\n".repeat(80_000);
		const mentions = findMentions(note, matcher);
		expect(mentions).toHaveLength(80_000 * 3);
		expect(mentions[mentions.length - 1].line).toBe(80_003);
		expect(findMentions("```\n" + note, matcher)).toEqual([]);
	});

	it("handles empty text, an empty matcher and empty ranges", () => {
		expect(findMentions("", matcher)).toEqual([]);
		expect(findMentions("CTR", new TermMatcher())).toEqual([]);
		expect(findMentions("CTR", matcher, { from: 2, to: 1 })).toEqual([]);
		expect(findMentions("\uFEFF", matcher)).toEqual([]);
		expect(findMentions("\r\n\r\n", matcher)).toEqual([]);
	});
});
