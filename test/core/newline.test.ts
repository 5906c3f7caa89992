import { describe, expect, it } from "vitest";
import { findJargonMarkers } from "../../src/core/health";
import { findMentions, TermMatcher } from "../../src/core/matcher";
import { LineBreaks, splitLines } from "../../src/core/newline";
import { parseNote } from "../../src/core/note-parser";

/** A small conference note in LF form: a glossary block that mentions its own term, code, prose. */
const LF_NOTE = [
	"---",
	"tags: [Conference]",
	"---",
	"## 광고 플랫폼 - 김발표",
	"",
	"**Q. CTR*은 어떻게 보나요?**",
	"A. 매주 CTR과 SLO 대시보드를 봅니다.",
	"",
	"> CTR",
	"> 노출 대비 클릭 비율. CTR이 높으면 좋다.",
	"",
	"```",
	"CTR in code",
	"```",
	"마지막 줄의 SLO*",
].join("\n");

const matcher = new TermMatcher([
	["CTR", "CTR"],
	["SLO", "SLO"],
]);

function mentionsOf(text: string): [number, number, string, boolean][] {
	const record = parseNote(text, "note.md");
	const excludeLines = (record?.glossary ?? []).map((g) => ({ line: g.line, endLine: g.endLine }));
	return findMentions(text, matcher, { excludeLines }).map((m) => [m.line, m.column, m.text, m.marked]);
}

describe("one newline rule: CR, CRLF and LF notes read alike", () => {
	const cr = LF_NOTE.replace(/\n/g, "\r");
	const crlf = LF_NOTE.replace(/\n/g, "\r\n");

	it("gives a CR-only note the same mentions, lines and skipped glossary lines as LF", () => {
		const expected: [number, number, string, boolean][] = [
			[6, 6, "CTR", true],
			[7, 7, "CTR", false],
			[7, 12, "SLO", false],
			[15, 8, "SLO", true],
		];
		expect(mentionsOf(LF_NOTE)).toEqual(expected);
		expect(mentionsOf(cr)).toEqual(expected);
		expect(mentionsOf(crlf)).toEqual(expected);
	});

	it("gives the parser, the marker scan and the line splitter the same lines", () => {
		const lf = parseNote(LF_NOTE, "note.md");
		expect(parseNote(cr, "note.md")).toEqual(lf);
		expect(lf?.glossary.map((g) => [g.term, g.line, g.endLine])).toEqual([["CTR", 9, 10]]);
		const markers = (text: string) => findJargonMarkers(text).map((m) => [m.text, m.line, m.column]);
		expect(markers(cr)).toEqual(markers(LF_NOTE));
		expect(markers(LF_NOTE)).toEqual([
			["CTR", 6, 6],
			["SLO", 15, 8],
		]);
		expect(splitLines("a\rb\r\nc\nd")).toEqual(["a", "b", "c", "d"]);
	});

	it("walks line ends forward over mixed breaks", () => {
		const text = "ab\r\ncd\ref\n";
		const breaks = new LineBreaks(text);
		const lines: string[] = [];
		for (let s = 0; s <= text.length; ) {
			const e = breaks.end(s);
			lines.push(text.slice(s, e));
			s = breaks.next(e);
		}
		expect(lines).toEqual(["ab", "cd", "ef", ""]);
	});
});
