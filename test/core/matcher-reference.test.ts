import { describe, expect, it } from "vitest";
import { findMentions } from "../../src/core/matcher";
import { parseNote } from "../../src/core/note-parser";
import { TermIndex } from "../../src/core/term-index";
import { hasSharedFixtures, readSharedFixture, REFERENCE_NOTE, SKIP_REASON } from "../helpers/shared-fixtures";
import { glossaryBlocks, referenceEntries } from "./reference-entries";

/**
 * Every mention in the reference note outside its glossary blocks: [line, column, text, term, marked].
 * Columns are 1-based UTF-16 code units, counted on the note's own lines.
 */
const EXPECTED: readonly [number, number, string, string, boolean][] = [
	[10, 32, "ECPM", "eCPM", true],
	[10, 58, "갠또", "갠또", true],
	[48, 1, "DRI 문화", "DRI 문화", false], // DRI 문화여서
	[58, 29, "컴플라이언스 리스크", "컴플라이언스 리스크", false], // …리스크를: one mention, not 컴플라이언스
	[117, 1, "CTR", "CTR", false],
	[118, 67, "CTR", "CTR", true],
	[118, 74, "ROAS", "ROAS", true],
	[127, 14, "PMF", "PMF", true],
	[148, 28, "스콥", "스콥", true],
	[154, 109, "스콥", "스콥", false], // 스콥을
	[218, 14, "CTR", "CTR", false],
	[254, 12, "MVP", "MVP", true],
	[254, 62, "SaaS", "SaaS", false],
	[265, 84, "SMB", "SMB", true],
	[285, 48, "티핑포인트", "티핑 포인트", true], // 티핑포인트*를
	[287, 91, "도미넌트", "도미넌트", true], // 도미넌트*한
	[329, 4, "F&B", "F&B", true],
	[330, 8, "SMB", "SMB", true],
	[330, 14, "SME", "SME", true],
	[330, 42, "SME", "SME", false], // SME와
	[348, 43, "VAN 대리점", "VAN 대리점", true], // VAN 대리점*에서
	[351, 13, "VAN 대리점", "VAN 대리점", false],
	[388, 11, "컴플라이언스", "컴플라이언스", true], // 컴플라이언스*등을
	[389, 23, "컴플라이언스", "컴플라이언스", false], // 컴플라이언스에
	[403, 63, "컴플라이언스", "컴플라이언스", false], // 컴플라이언스를
];

describe.skipIf(!hasSharedFixtures)(`reference note mentions (${hasSharedFixtures ? REFERENCE_NOTE : SKIP_REASON})`, () => {
	const text = hasSharedFixtures ? readSharedFixture(REFERENCE_NOTE) : "";
	const entries = referenceEntries(text);
	const index = new TermIndex();
	index.setNote(REFERENCE_NOTE, entries);
	const mentions = findMentions(text, index.matcher(), { excludeLines: glossaryBlocks(entries) });

	it("indexes the 19 entries as 18 terms (SMB twice)", () => {
		expect(entries).toHaveLength(19);
		expect(index.size).toBe(18);
		expect(index.lookup("SMB")?.definitions.map((d) => d.line)).toEqual([268, 335]);
	});

	it("finds exactly the 25 mentions, 15 marked and 10 unmarked", () => {
		expect(mentions.map((m) => [m.line, m.column, m.text, m.term, m.marked])).toEqual(EXPECTED);
		expect(mentions.filter((m) => m.marked)).toHaveLength(15);
		expect(mentions.filter((m) => !m.marked)).toHaveLength(10);
	});

	it("reports offsets that slice the mention text out of the note", () => {
		const lineStarts = [0];
		for (let i = 0; i < text.length; i++) if (text[i] === "\n") lineStarts.push(i + 1);
		for (const m of mentions) {
			expect(text.slice(m.from, m.to)).toBe(m.text);
			expect(m.from).toBe(lineStarts[m.line - 1] + m.column - 1);
			expect(text[m.to] === "*").toBe(m.marked);
		}
	});

	it("without excludeLines, the extra mentions all lie inside glossary blocks", () => {
		const all = findMentions(text, index.matcher());
		const inBlocks = all.filter((m) => entries.some((e) => m.line >= e.line && m.line <= e.endLine));
		// Term lines and definitions mention terms (eCPM line 13, "SMB" in SMB/SME definitions…): the caller must exclude them.
		expect(inBlocks.length).toBeGreaterThan(0);
		expect(all.filter((m) => !inBlocks.includes(m))).toEqual(mentions);
	});

	it("gives the same mentions for CRLF, BOM and NFD copies of the note", () => {
		const strip = (ms: typeof mentions) => ms.map((m) => [m.line, m.column, m.term, m.marked]);
		const crlf = text.replace(/\n/g, "\r\n");
		expect(strip(findMentions(crlf, index.matcher(), { excludeLines: glossaryBlocks(entries) }))).toEqual(strip(mentions));
		const bom = "\uFEFF" + text;
		expect(strip(findMentions(bom, index.matcher(), { excludeLines: glossaryBlocks(entries) }))).toEqual(strip(mentions));
		const nfd = text.normalize("NFD");
		const nfdMentions = findMentions(nfd, index.matcher(), { excludeLines: glossaryBlocks(entries) });
		expect(nfdMentions.map((m) => [m.line, m.term, m.marked])).toEqual(mentions.map((m) => [m.line, m.term, m.marked]));
		for (const m of nfdMentions) expect(m.text.normalize("NFC")).toBe(nfd.slice(m.from, m.to).normalize("NFC"));
	});
});

describe.skipIf(!hasSharedFixtures)(`reference note mentions with the parser's entries (${hasSharedFixtures ? REFERENCE_NOTE : SKIP_REASON})`, () => {
	const text = hasSharedFixtures ? readSharedFixture(REFERENCE_NOTE) : "";

	it("parses the same 19 entries (terms, lines, blocks) and finds the same 25 mentions", () => {
		const record = parseNote(text, REFERENCE_NOTE);
		const glossary = record?.glossary ?? [];
		const byHand = referenceEntries(text);
		expect(glossary.map((e) => [e.term, e.line, e.endLine])).toEqual(byHand.map((e) => [e.term, e.line, e.endLine]));
		const index = new TermIndex();
		index.setNote(REFERENCE_NOTE, glossary);
		const mentions = findMentions(text, index.matcher(), { excludeLines: glossaryBlocks(glossary) });
		expect(mentions.map((m) => [m.line, m.column, m.text, m.term, m.marked])).toEqual(EXPECTED);
	});
});
