/**
 * Real notes from ../shared/fixtures/wild, read as their labels in SOURCES.md say. None carries the
 * tag, so each is prefixed with tagging frontmatter and expected lines shift by WILD_TAG_SHIFT.
 */
import { describe, expect, it } from "vitest";
import { parseNote } from "../../src/core/note-parser";
import type { NoteRecord } from "../../src/core/types";
import { hasSharedFixtures, readSharedFixture, tagWildNote, WILD_TAG_SHIFT } from "../helpers/shared-fixtures";

function parseWild(name: string): NoteRecord {
	const text = readSharedFixture(`wild/${name}`);
	expect(parseNote(text, name), "wild notes carry no tag").toBeNull();
	const note = parseNote(tagWildNote(text), name);
	if (!note) throw new Error(`${name} was not parsed`);
	return note;
}

const shift = (lines: number[]) => lines.map((n) => n + WILD_TAG_SHIFT);

describe.skipIf(!hasSharedFixtures)("real notes in wild/ (labels in SOURCES.md)", () => {
	it("haenarashin-super-init: 9 bullet Q/A answered on the next line, no glossary", () => {
		const note = parseWild("haenarashin-super-init.md");
		expect(note.qa.map((q) => q.line)).toEqual(shift([40, 43, 46, 49, 52, 89, 92, 95, 98]));
		expect(note.qa.map((q) => q.answerLine)).toEqual(shift([41, 44, 47, 50, 53, 90, 93, 96, 99]));
		expect(note.qa[0]).toMatchObject({ question: "이직 이후 관심있는 분야의 개발을 하고 계신지?", answer: "만족하며 다니고 있습니다." });
		// The image caption, the `주니어 개발자란? : …` line and the metadata bullets are not read.
		expect(note.glossary).toEqual([]);
		expect(note.qa.some((q) => q.question.includes("주니어 개발자란"))).toBe(false);
	});

	it("haenarashin-devground-junior-2019: 5 irregular Q/A, no glossary", () => {
		const note = parseWild("haenarashin-devground-junior-2019.md");
		expect(note.qa.map((q) => q.line)).toEqual(shift([43, 47, 109, 223, 226]));
		const [first, second] = note.qa;
		// Two `- A.` lines make one answer; `- *형님 리더쉽*` belongs to neither pair.
		expect(first.answerLine).toBe(44 + WILD_TAG_SHIFT);
		expect(first.endLine).toBe(45 + WILD_TAG_SHIFT);
		expect(first.answer).toMatch(/^절대 이 단계에 대해.*경험적으로 보아/);
		expect(first.answer).not.toContain("형님");
		// The answer and its child bullet.
		expect(second.answer).toBe("시간 관리가 제일중요 (시간 == 돈) spending vs wasting vs invest");
		expect(note.qa[4].answerLine).toBe(227 + WILD_TAG_SHIFT);
		expect(note.glossary).toEqual([]);
	});

	it("shanepark-infcon2022-review: one 질문:/답변: pair; comments, captions and code are not read", () => {
		const note = parseWild("shanepark-infcon2022-review.md");
		expect(note.qa).toHaveLength(1);
		expect(note.qa[0]).toMatchObject({
			line: 351 + WILD_TAG_SHIFT,
			answerLine: 353 + WILD_TAG_SHIFT,
			endLine: 353 + WILD_TAG_SHIFT,
			question: "전체적으로 테스트를 다 짜서 이관했나요?",
		});
		// The blockquote at 355 is a comment after the answer, not part of it.
		expect(note.qa[0].answer).not.toContain("질문자분은");
		expect(note.glossary).toEqual([]);
	});

	it("shanepark-deview2023: nothing (captions, credits, talk titles ending in ?)", () => {
		const note = parseWild("shanepark-deview2023.md");
		expect(note.qa).toEqual([]);
		expect(note.glossary).toEqual([]);
	});

	it("lastcool-build2017-msft-it: 7 nested bullet Q/A with answers as child bullets", () => {
		const note = parseWild("lastcool-build2017-msft-it.md");
		expect(note.qa.map((q) => q.line)).toEqual(shift([14, 24, 36, 38, 40, 43, 47]));
		const at = (line: number) => note.qa.find((q) => q.line === line + WILD_TAG_SHIFT);
		// 40 and 43 are follow-up questions nested in the answer of 38, answered by `* A:` at 41 and 44.
		expect(at(40)).toMatchObject({ question: "Who makes those decision?", answerLine: 41 + WILD_TAG_SHIFT, answer: 'Product Team Must embrace "Build, Measure, Learn"' });
		expect(at(43)?.answer).toBe("We regrest not using them before. They're scary to people. Not for all scenarios");
		expect(at(38)?.answer).toBe("Best for deployable artifacts Beauty of Monolith is you know what's inside it.");
		expect(at(36)?.answer).toBe("Different set of compliance for building tools on Azure vs building Azure");
		expect(note.glossary).toEqual([]);
	});

	it("lastcool-oscon2016-openswitch: 3 tab-bulleted Q/A; the channel name is not a tag", () => {
		const note = parseWild("lastcool-oscon2016-openswitch.md");
		expect(note.qa.map((q) => q.line)).toEqual(shift([35, 37, 40]));
		expect(note.qa[1]).toMatchObject({ question: "Hardware?", answerLine: 38 + WILD_TAG_SHIFT, endLine: 39 + WILD_TAG_SHIFT });
		expect(note.qa.some((q) => q.question === "Why?")).toBe(false);
		expect(note.tags).toEqual(["Conference"]);
	});

	it("lastcool-build2017-open-qna-azure: the Questions section gives the 12 bullets that ask (contain ?)", () => {
		const note = parseWild("lastcool-build2017-open-qna-azure.md");
		// We read the `* Questions` section: its direct child bullets that contain `?` and have answers.
		expect(note.qa.map((q) => q.line)).toEqual(shift([7, 10, 15, 27, 29, 42, 45, 56, 61, 64, 85, 90]));
		// The `Q:` lines (49, 55, 70) are the questioner's follow-ups inside answers, not pairs of their own.
		const govt = note.qa.find((q) => q.line === 45 + WILD_TAG_SHIFT);
		expect(govt?.answer).toContain("Q: App Insights are painpoint.");
		expect(note.qa.some((q) => [49, 55, 70].includes(q.line - WILD_TAG_SHIFT))).toBe(false);
	});

	it("daneah-pygotham2017-loop-better: one Q answered by A1 and A2 together; REPL lines in the fence are not quotes", () => {
		const note = parseWild("daneah-pygotham2017-loop-better.md");
		expect(note.qa).toHaveLength(1);
		expect(note.qa[0]).toMatchObject({
			line: 8 + WILD_TAG_SHIFT,
			answerLine: 9 + WILD_TAG_SHIFT,
			endLine: 10 + WILD_TAG_SHIFT,
			question: "How can we loop over an iterable without using a for loop?",
			answer: "You can use a while loop for sequences, but not for iterables in general Wrap iterables in an iterator (iter) and progress the iterator (next())",
		});
		expect(note.glossary).toEqual([]);
	});
});
