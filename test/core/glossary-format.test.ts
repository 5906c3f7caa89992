import { describe, expect, it } from "vitest";
import { detectGlossaryStyle, formatGlossaryEntry, formatSkeleton, formatTermLine, REFERENCE_STYLE, usesHardBreaks, type GlossaryStyle } from "../../src/core/glossary-format";
import { parseNote } from "../../src/core/note-parser";
import { hasSharedFixtures, readSharedFixture, REFERENCE_NOTE } from "../helpers/shared-fixtures";

const CTR = { term: "CTR", aliases: ["Click-Through Rate"], definition: "광고가 클릭된 횟수를 광고가 게재된 횟수로 나눈 값" };

function styleOf(text: string): GlossaryStyle {
	const note = parseNote(text, "note.md", { requireTag: false });
	return detectGlossaryStyle(text, note?.glossary ?? []);
}

describe("formatTermLine", () => {
	it("puts aliases in parentheses, skipping empty ones and the term itself", () => {
		expect(formatTermLine("CTR", ["Click-Through Rate"])).toBe("CTR (Click-Through Rate)");
		expect(formatTermLine("MVP", ["Minimum Viable Product"], false)).toBe("MVP(Minimum Viable Product)");
		expect(formatTermLine("갠또", [])).toBe("갠또");
		expect(formatTermLine("eCPM", ["ECPM", " ", "effective CPM"])).toBe("eCPM (effective CPM)");
		expect(formatTermLine("A", ["B", "C"])).toBe("A (B, C)");
	});
});

describe("formatGlossaryEntry", () => {
	it("writes the reference style: term line with a hard break, definition line without", () => {
		expect(formatGlossaryEntry(CTR, REFERENCE_STYLE).lines).toEqual(["> CTR (Click-Through Rate)  ", "> 광고가 클릭된 횟수를 광고가 게재된 횟수로 나눈 값"]);
	});

	it("writes plain blockquotes when the note does not use hard breaks", () => {
		const result = formatGlossaryEntry(CTR, { kind: "blockquote", hardBreaks: false, aliasSpace: true });
		expect(result.lines).toEqual(["> CTR (Click-Through Rate)", "> 광고가 클릭된 횟수를 광고가 게재된 횟수로 나눈 값"]);
		expect(result.cursor).toEqual({ line: 1, ch: result.lines[1].length });
	});

	it("keeps multi-line definitions, normalising their own trailing spaces", () => {
		const entry = { term: "갠또", aliases: [], definition: "첫 줄  \n\n둘째 문단  " };
		expect(formatGlossaryEntry(entry, REFERENCE_STYLE).lines).toEqual(["> 갠또  ", "> 첫 줄", ">", "> 둘째 문단"]);
	});

	it("writes callouts, with the term as title or as first line", () => {
		expect(formatGlossaryEntry(CTR, { kind: "callout", callout: "definition", fold: "-", termInTitle: true, hardBreaks: false, aliasSpace: true }).lines).toEqual([
			"> [!definition]- CTR (Click-Through Rate)",
			"> 광고가 클릭된 횟수를 광고가 게재된 횟수로 나눈 값",
		]);
		expect(formatGlossaryEntry(CTR, { kind: "callout", callout: "term", fold: "", termInTitle: false, hardBreaks: false, aliasSpace: true }).lines).toEqual([
			"> [!term]",
			"> CTR (Click-Through Rate)",
			"> 광고가 클릭된 횟수를 광고가 게재된 횟수로 나눈 값",
		]);
	});

	it("writes list items and headings", () => {
		const list: GlossaryStyle = { kind: "list", marker: "-", bold: true, colonInside: false, separator: ": ", sectionLine: 0, aliasSpace: true };
		expect(formatGlossaryEntry(CTR, list).lines).toEqual(["- **CTR** (Click-Through Rate): 광고가 클릭된 횟수를 광고가 게재된 횟수로 나눈 값"]);
		expect(formatGlossaryEntry({ ...CTR, aliases: [] }, { ...list, colonInside: true }).lines).toEqual(["- **CTR:** 광고가 클릭된 횟수를 광고가 게재된 횟수로 나눈 값"]);
		expect(formatGlossaryEntry(CTR, { kind: "heading", level: 3, sectionLine: 0, aliasSpace: true }).lines).toEqual([
			"### CTR (Click-Through Rate)",
			"광고가 클릭된 횟수를 광고가 게재된 횟수로 나눈 값",
		]);
	});
});

describe("formatSkeleton", () => {
	it("leaves an empty definition line with the cursor on it", () => {
		expect(formatSkeleton("티핑 포인트", { kind: "blockquote", hardBreaks: false, aliasSpace: true })).toEqual({ lines: ["> 티핑 포인트", "> "], cursor: { line: 1, ch: 2 } });
		expect(formatSkeleton("티핑 포인트", REFERENCE_STYLE)).toEqual({ lines: ["> 티핑 포인트  ", "> "], cursor: { line: 1, ch: 2 } });
		const list: GlossaryStyle = { kind: "list", marker: "-", bold: true, colonInside: false, separator: ": ", sectionLine: 0, aliasSpace: true };
		expect(formatSkeleton("X", list)).toEqual({ lines: ["- **X**: "], cursor: { line: 0, ch: 9 } });
	});
});

describe("detectGlossaryStyle", () => {
	it.skipIf(!hasSharedFixtures)("reads the reference note as blockquotes with hard breaks and spaced aliases", () => {
		const text = readSharedFixture(REFERENCE_NOTE);
		expect(styleOf(text)).toEqual({ kind: "blockquote", hardBreaks: true, aliasSpace: true });
	});

	it("reads plain blockquotes and unspaced aliases", () => {
		const text = "Some talk notes.\n\n> MVP(Minimum Viable Product)\n> 최소 기능 제품\n\n> SaaS(Software as a Service)\n> 클라우드 소프트웨어\n";
		expect(styleOf(text)).toEqual({ kind: "blockquote", hardBreaks: false, aliasSpace: false });
	});

	it("reads callouts", () => {
		const text = "Notes\n\n> [!definition]- Latency\n> Time until the first byte arrives.\n\n> [!definition]- Throughput\n> Requests served per second.\n";
		expect(styleOf(text)).toMatchObject({ kind: "callout", callout: "definition", fold: "-", termInTitle: true });
	});

	it("reads a list in a glossary section", () => {
		const text = "# Talk\n\nSome notes.\n\n## Glossary\n\n- **Latency**: Time until the first byte.\n- **Throughput** (TPS): Requests per second.\n";
		expect(styleOf(text)).toEqual({ kind: "list", marker: "-", bold: true, colonInside: false, separator: ": ", sectionLine: 4, aliasSpace: true });
	});

	it("falls back to the reference style, with hard breaks only when the note uses them", () => {
		expect(styleOf("")).toEqual({ kind: "blockquote", hardBreaks: false, aliasSpace: true });
		expect(styleOf("one line  \nanother\n")).toEqual({ kind: "blockquote", hardBreaks: true, aliasSpace: true });
		const plain = "line one\nline two\nline three\nline four\n\nmore\ntext\n";
		expect(styleOf(plain)).toEqual({ kind: "blockquote", hardBreaks: false, aliasSpace: true });
		const broken = "line one  \nline two  \nline three  \nline four\n";
		expect(usesHardBreaks(broken)).toBe(true);
	});
});
