/**
 * The outline of a note (src/core/outline.ts): which headings are the title, groupings, talks, structural
 * sections or questions, on the shapes issue 11 lists (each failed before the outline existed).
 */
import { describe, expect, it } from "vitest";
import { parseNote } from "../../src/core/note-parser";
import { buildOutline, readsAsName, splitTalkHeading, structuralKind } from "../../src/core/outline";
import { classifyLines } from "../../src/core/markdown-lines";
import type { NoteRecord } from "../../src/core/types";

const TAGGED = "---\ntags: [Conference]\n---\n";

function parse(body: string): NoteRecord {
	const note = parseNote(TAGGED + body, "Conferences/test.md");
	if (!note) throw new Error("not parsed");
	return note;
}

const talksOf = (body: string) => parse(body).talks.map((t) => [t.title, t.speaker, t.line]);

function kindsOf(body: string): string[] {
	const md = classifyLines(body.split("\n"), -1);
	return buildOutline(md, "Note").sections.map((s) => `${s.content}: ${s.kind}${s.structural ? `/${s.structural}` : ""}`);
}

describe("structural and grouping headings are never talks", () => {
	it.each([
		["Day 1", "grouping"],
		["1일차", "grouping"],
		["Track B", "grouping"],
		["오후 세션", "grouping"],
		["Key takeaways", "structural/takeaways"],
		["Things to Google", "structural/resources"],
		["Glossary", "structural/glossary"],
		["발표자", "structural/speaker"],
		["시간", "structural/time"],
		["세션 개요", "structural/overview"],
		["강의 내용", "structural/overview"],
		["느낀점", "structural/reflections"],
		["인프콘 후기", "structural/reflections"],
		["찾아가는 길", "structural/time"],
		["📸 인증샷", "structural/photos"],
		["목차", "structural/contents"],
		["Q&A", "structural/qa"],
		["Q & A", "structural/qa"],
		["질의응답 시간", "structural/qa"],
		["AMA", "structural/qa"],
		["Q&A with the panel", "structural/qa"],
	])("## %s is %s", (heading, kind) => {
		expect(kindsOf(`# Notes\n## Talk A - Ana\n## ${heading}`)[2]).toBe(`${heading}: ${kind}`);
	});

	it("gives a note of structural sections and days only the talks that name a session", () => {
		const body = ["## Day 1", "### Async without the pain - Lena Hoff", "## Key takeaways", "## Things to Google", "## Glossary", "## 발표자", "## 시간", "## 세션 개요", "## 강의 내용", "## 느낀점"].join("\n");
		expect(talksOf(body)).toEqual([["Async without the pain", "Lena Hoff", 5]]);
	});

	it("keeps Level 1 … Level 10 inside the one talk", () => {
		const levels = Array.from({ length: 10 }, (_, k) => `## Level ${k + 1} - Part ${k + 1}\ntext`).join("\n");
		expect(talksOf(`# Security ladder\n\n**Mira Tanaka, Helmsworth**\n\n${levels}`)).toEqual([["Security ladder", "Mira Tanaka, Helmsworth", 4]]);
	});
});

describe("talk titles and speakers", () => {
	it("strips a Talk N / Session N / 세션 N label instead of reading the title as a speaker", () => {
		expect(talksOf("## Talk 1 - Designing for failure\n## Session 2: Chaos days - Sam Okafor\n## 세션 3. 모노레포 회고")).toEqual([
			["Designing for failure", null, 4],
			["Chaos days", "Sam Okafor", 5],
			["모노레포 회고", null, 6],
		]);
	});

	it("reads an em dash inside a title as part of it, and before a name as the separator", () => {
		expect(splitTalkHeading("Observability on a budget — what we dropped")).toMatchObject({ title: "Observability on a budget — what we dropped", speaker: null });
		expect(splitTalkHeading("검색 품질 — 우리가 버린 것들")).toMatchObject({ speaker: null });
		expect(splitTalkHeading("Search quality – Dana Kim")).toMatchObject({ title: "Search quality", speaker: "Dana Kim" });
		expect(splitTalkHeading("검색 품질 – 이하나")).toMatchObject({ title: "검색 품질", speaker: "이하나" });
		expect(readsAsName("what we dropped")).toBe(false);
		expect(readsAsName("Ana Ruiz, Cartwheel")).toBe(true);
		expect(readsAsName("토스 Platform Product Owner 민수인")).toBe(true);
	});

	it("reads a bold or italic name line right below the heading", () => {
		expect(talksOf("## Offline sync\n\n**Ana Ruiz, Cartwheel**\n\ntext\n## 실시간 편집\n_이하나 · 캔버스팀_")).toEqual([
			["Offline sync", "Ana Ruiz, Cartwheel", 4],
			["실시간 편집", "이하나 · 캔버스팀", 9],
		]);
	});

	it("does not read an outline letter or a sentence in bold as a speaker", () => {
		expect(talksOf("## Notes\n\n**A. Keynote**\n\n## More\n\n**This was the best part of the day.**")).toEqual([]);
	});
});

describe("Q&A belongs to the talk it sits in", () => {
	it("attaches a Q&A section that follows a talk at the same level to that talk, and a later day's pairs to its talk", () => {
		const note = parse(["## Day 1", "### Build times | Kai Osei", "#### Q&A", "**Faster on CI?**", "Yes.", "## Day 2", "### Unsafe code - Lena Hoff", "Q: Miri in CI?", "A: Nightly."].join("\n"));
		expect(note.talks.map((t) => t.title)).toEqual(["Build times", "Unsafe code"]);
		expect(note.qa.map((q) => [q.question, q.talk])).toEqual([
			["Faster on CI?", 0],
			["Miri in CI?", 1],
		]);
	});

	it("makes a heading that holds a Q&A section a talk, and its siblings talks", () => {
		expect(talksOf("# Conf\n## Flaky tests\n### Q&A\nWhy?\nBecause.\n## Mutation testing\n## Lunch")).toEqual([
			["Flaky tests", null, 5],
			["Mutation testing", null, 9],
		]);
	});

	it("gives a one-session note one talk named after the note, or none", () => {
		const named = parseNote("---\ntitle: 디자인 시스템 세션\ntags: [Conference]\n---\n## 발표자\n김하늘\n## 세션 개요\n## 질의응답\n**누가 정하나요?**\n함께 정합니다.", "a.md");
		expect(named?.talks).toEqual([{ title: "디자인 시스템 세션", speaker: "김하늘", line: 5 }]);
		expect(named?.qa[0].talk).toBe(0);
		const anonymous = parse("# Postgres at 10 TB\n## Overview\n## Notes\n## Questions\nDid they try Citus?\nYes.");
		expect(anonymous.talks).toEqual([]);
		expect(anonymous.qa.map((q) => [q.question, q.talk])).toEqual([["Did they try Citus?", null]]);
	});
});

describe("structuralKind", () => {
	it("reads names with emoji, numbering, emphasis and a trailing note", () => {
		expect(structuralKind("🙋 **Q&A**")).toBe("qa");
		expect(structuralKind("3. 느낀점")).toBe("reflections");
		expect(structuralKind("Q&A (질의응답)")).toBe("qa");
		expect(structuralKind("How we test")).toBeNull();
	});
});

describe("issue 11: the Q&A and glossary shapes that were missed", () => {
	const qaOf = (body: string) => parse(body).qa.map((q) => [q.question, q.answer, q.line, q.answerLine]);

	it("reads bold lines in a Q&A section as questions, with or without a hard break", () => {
		expect(qaOf("## Q&A\n**Does this work in Safari?**\nYes.\n\n**And Firefox?**  \nBehind a flag.\n\n**Mobile?**\\\nNot yet.")).toEqual([
			["Does this work in Safari?", "Yes.", 5, 6],
			["And Firefox?", "Behind a flag.", 8, 9],
			["Mobile?", "Not yet.", 11, 12],
		]);
	});

	it("splits one-line pairs", () => {
		expect(qaOf("Question: Is it fast? Answer: Very.\nQ: Is it free? A: Mostly.\n질문: 배치 대비 비용 답변: 거의 같습니다.")).toEqual([
			["Is it fast?", "Very.", 4, 4],
			["Is it free?", "Mostly.", 5, 5],
			["배치 대비 비용", "거의 같습니다.", 6, 6],
		]);
		// `A.` splits only right after a question mark.
		expect(qaOf("Q: Should we pick plan A. or plan B?\nA: Plan B.")).toEqual([["Should we pick plan A. or plan B?", "Plan B.", 4, 5]]);
	});

	it("reads a marked topic without ? and keeps every speaker's name in the answer", () => {
		expect(qaOf("- _Question: sampling rules for batch jobs_\n  - Ana: keep 10%\n  - Moderator: and errors?\n  - Ana: all of them")).toEqual([
			["sampling rules for batch jobs", "Ana: keep 10% Moderator: and errors? Ana: all of them", 4, 5],
		]);
		expect(qaOf("질문: 배치 대비 비용\n- 민수: 배치가 싸다\n- 지현: 지연은 스트림이 짧다")).toEqual([["배치 대비 비용", "민수: 배치가 싸다 지현: 지연은 스트림이 짧다", 4, 5]]);
	});

	it("keeps prose questions outside Q&A sections out", () => {
		expect(qaOf("## Overview\nWhy rewrite it? Nobody knows.\nIs it culture?\nProbably.")).toEqual([]);
	});

	it("does not take a remark with a link for a glossary entry", () => {
		expect(parse("> 직접 듣지는 못함\n> 슬라이드 공유: https://example.com/s").glossary).toEqual([]);
		expect(parse("> I missed this one\n> see the recording").glossary).toEqual([]);
		expect(parse("> Slides\n> [deck](https://example.com/deck.pdf)").glossary).toEqual([]);
		expect(parse("> Canary release\n> Shipping to a few users first, see https://example.com").glossary.map((g) => g.term)).toEqual(["Canary release"]);
	});
});

describe("glossary blockquotes that only credit or point somewhere", () => {
	it("rejects a Korean credit line and a source line as the whole definition", () => {
		expect(parse("> 무대 전경\n> 사진: 본인 촬영").glossary).toEqual([]);
		expect(parse("> Stage at night\n> Photo by the organisers").glossary).toEqual([]);
		expect(parse("> 발표 요약\n> 출처: 행사 페이지").glossary).toEqual([]);
	});
});
