/** Every shape the parser supports and every trap it rejects, on small notes written for these tests. */
import { describe, expect, it } from "vitest";
import { findGlossaryBlocks, parseNote } from "../../src/core/note-parser";
import type { NoteRecord } from "../../src/core/types";

const TAGGED = "---\ntags: [Conference]\n---\n";

/** Parses a tagged note whose body is `lines`; line numbers in expectations count from the body's line 1 + 3. */
function parse(body: string, path = "Conferences/test.md"): NoteRecord {
	const note = parseNote(TAGGED + body, path);
	if (!note) throw new Error("not parsed");
	return note;
}

const qaOf = (note: NoteRecord) => note.qa.map((q) => ({ q: q.question, a: q.answer, line: q.line, answerLine: q.answerLine }));

describe("title", () => {
	it("prefers the frontmatter title, then the first H1, then the file name", () => {
		expect(parseNote("---\ntitle: 'Day one'\ntags: Conference\n---\n# Heading", "a/b.md")?.title).toBe("Day one");
		expect(parseNote("---\ntags: Conference\n---\n## Talk\n# The **real** title", "a/b.md")?.title).toBe("The real title");
		expect(parseNote("#Conference\nno heading here", "notes/Summit 2025.md")?.title).toBe("Summit 2025");
	});
});

describe("talks", () => {
	it("splits title and speaker on -, –, — and |, with the speaker optional", () => {
		const note = parse(["## Scaling search - Dana Kim", "## 검색 품질 – 이하나", "## Keynote — Ops team", "## Panel | Many voices", "## Lightning talks", "## A - B - Carol"].join("\n"));
		expect(note.talks.map((t) => [t.title, t.speaker, t.line])).toEqual([
			["Scaling search", "Dana Kim", 4],
			["검색 품질", "이하나", 5],
			["Keynote", "Ops team", 6],
			["Panel", "Many voices", 7],
			["Lightning talks", null, 8],
			["A - B", "Carol", 9],
		]);
	});

	it("reads a speaker line right below a heading without a separator", () => {
		const note = parse("## 1. 데이터로 말하기\n\n- 🎤 발표자 : 박서연 데이터팀\n- 요약 : 지표 이야기\n");
		expect(note.talks[0]).toEqual({ title: "1. 데이터로 말하기", speaker: "박서연 데이터팀", line: 4 });
	});

	it("attributes Q&A before any talk to the note (talk null) and after a heading to that talk", () => {
		const note = parse("Q: Opening question?\nA: Opening answer.\n\n## Talk - Someone\nQ: Talk question?\nA: Talk answer.");
		expect(note.qa.map((q) => q.talk)).toEqual([null, 0]);
	});

	it("does not count Q&A or glossary section headings as talks", () => {
		const note = parse("## Talk - X\n## Q&A\n### Why?\nBecause.\n## Glossary\n- **API**: an interface");
		expect(note.talks).toHaveLength(1);
		expect(note.qa[0]).toMatchObject({ question: "Why?", answer: "Because.", talk: 0 });
	});
});

describe("paragraph questions", () => {
	it.each([
		["Q: How fast?\nA: Very fast.", "How fast?", "Very fast."],
		["Q. How fast?\nA. Very fast.", "How fast?", "Very fast."],
		["Q) How fast?\nA) Very fast.", "How fast?", "Very fast."],
		["Q1. How fast?\nA1. Very fast.", "How fast?", "Very fast."],
		["Q 2: How fast?\nA 2: Very fast.", "How fast?", "Very fast."],
		["Question: How fast?\nAnswer: Very fast.", "How fast?", "Very fast."],
		["질문: 얼마나 빠른가요?\n답변: 매우 빠릅니다.", "얼마나 빠른가요?", "매우 빠릅니다."],
		["**Q:** How fast?\n**A:** Very fast.", "How fast?", "Very fast."],
		["**Q. How fast?**\nA. Very fast.", "How fast?", "Very fast."],
		["**Q. 얼마나 빠른가요?**\nA 아주 빠릅니다.", "얼마나 빠른가요?", "아주 빠릅니다."],
		["**Q. 얼마나 빠른가요?**\nA.아주 빠릅니다.", "얼마나 빠른가요?", "아주 빠릅니다."],
	])("reads %j", (body, question, answer) => {
		expect(qaOf(parse(body))).toEqual([{ q: question, a: answer, line: 4, answerLine: 5 }]);
	});

	it("lets the bold span two lines and keeps text after the closing ** in the question", () => {
		const note = parse("**Q. 첫 줄의 질문이\n둘째 줄에서 끝나는지?**\n덧붙인 설명\n\nA. 네, 그렇습니다.");
		expect(qaOf(note)).toEqual([{ q: "첫 줄의 질문이 둘째 줄에서 끝나는지? 덧붙인 설명", a: "네, 그렇습니다.", line: 4, answerLine: 8 }]);
	});

	it("treats * inside the bold as a jargon marker, not emphasis", () => {
		const note = parse("**Q. SLO* 와 에러 버짓*은 어떻게 정하나요?**\nA. 분기마다 정합니다.");
		expect(note.qa[0].question).toBe("SLO 와 에러 버짓은 어떻게 정하나요?");
		expect(note.qa[0].questionMarkdown).toBe("**SLO 와 에러 버짓은 어떻게 정하나요?**");
	});

	it("takes the prose after a question as its answer when there is no marker", () => {
		const note = parse("**Q. 팀은 몇 명인가요?**\n여섯 명입니다.\n곧 늘어납니다.\n\n**Q. 다음 질문?**\nA. 다음 답.");
		expect(qaOf(note)).toEqual([
			{ q: "팀은 몇 명인가요?", a: "여섯 명입니다. 곧 늘어납니다.", line: 4, answerLine: 5 },
			{ q: "다음 질문?", a: "다음 답.", line: 8, answerLine: 9 },
		]);
	});

	it("runs an answer over several paragraphs until the next question, heading, quote, rule or fence", () => {
		const enders = ["Q: Next?\nA: Yes.", "### 느낀점\nNotes.", "> A quote\n> from someone", "---", "```\ncode\n```"];
		for (const ender of enders) {
			const note = parse(`Q: First?\nA: One.\n\nTwo.\n${ender}\nAfter.`);
			expect(note.qa[0].answer, ender).toBe("One. Two.");
			expect(note.qa[0].endLine, ender).toBe(7);
		}
	});

	it("skips glossary blocks between a question and its answer, and a block after the answer ends it", () => {
		const note = parse(["**Q. What is TTFB* here?**", "", "> TTFB (Time To First Byte)", "> Time until the first byte arrives", "", "A. About 80 ms.", "", "> CDN", "> A network of caches", "Unrelated paragraph."].join("\n"));
		expect(qaOf(note)).toEqual([{ q: "What is TTFB here?", a: "About 80 ms.", line: 4, answerLine: 9 }]);
		expect(note.glossary.map((g) => g.term)).toEqual(["TTFB", "CDN"]);
	});

	it("joins A1:/A2: answer lines into one answer", () => {
		const note = parse("Q: Two answers?\nA1: First part\nA2: second part");
		expect(note.qa[0].answer).toBe("First part second part");
	});

	it("keeps lists inside an answer", () => {
		const note = parse("**Q. What changed?**\nA. Three things:\n- caching\n- batching\n\nThat's it.");
		expect(note.qa[0].answer).toBe("Three things: caching batching That's it.");
		expect(note.qa[0].answerMarkdown).toBe("Three things:\n- caching\n- batching\n\nThat's it.");
	});
});

describe("bullet questions", () => {
	it("reads `- Q.` with `- A.` siblings, several A lines making one answer", () => {
		const note = parse("- Q. 배포 주기는?\n- A. 매주 합니다.\n- A. 긴급 배포는 따로.\n- 메모: 질문과 무관\n\n- Q. 팀 규모?\n- A. 다섯 명.");
		expect(qaOf(note)).toEqual([
			{ q: "배포 주기는?", a: "매주 합니다. 긴급 배포는 따로.", line: 4, answerLine: 5 },
			{ q: "팀 규모?", a: "다섯 명.", line: 9, answerLine: 10 },
		]);
	});

	it("reads answers written as child bullets, with nested follow-up questions as their own pairs", () => {
		const body = [
			"* Q: How do you roll out?",
			"  * Canary first",
			"  * Q: How long does a canary run?",
			"    * A: One hour",
			"  * Then everyone",
			"* Unrelated bullet",
		].join("\n");
		expect(qaOf(parse(body))).toEqual([
			{ q: "How do you roll out?", a: "Canary first Then everyone", line: 4, answerLine: 5 },
			{ q: "How long does a canary run?", a: "One hour", line: 6, answerLine: 7 },
		]);
	});

	it("reads tab-indented bullets", () => {
		const note = parse("*\tQ: Does it run on ARM?\n\t*\tYes, since 2.0\n*\tNext bullet");
		expect(qaOf(note)).toEqual([{ q: "Does it run on ARM?", a: "Yes, since 2.0", line: 4, answerLine: 5 }]);
	});

	it("drops a question bullet with no answer", () => {
		expect(parse("- Q: Anyone?\n- Something else").qa).toEqual([]);
	});
});

describe("Q&A sections", () => {
	it.each(["## Q&A", "## 질의응답", "## QnA", "### 질문과 답변", "## Questions", "## 🙋 Q&A"])("reads ### question headings under %s", (section) => {
		const note = parse(`## Talk - Speaker\n${section}\n#### How do you test?\nWith fixtures.\n\nAnd property tests.\n#### Is it fast?\nYes.\n## Next talk`);
		expect(qaOf(note)).toEqual([
			{ q: "How do you test?", a: "With fixtures. And property tests.", line: 6, answerLine: 7 },
			{ q: "Is it fast?", a: "Yes.", line: 10, answerLine: 11 },
		]);
		expect(note.qa.every((q) => q.talk === 0)).toBe(true);
	});

	it("reads a `### Q. …` heading anywhere", () => {
		const note = parse("### Q. 비용은?\nA. 월 100달러.");
		expect(qaOf(note)).toEqual([{ q: "비용은?", a: "월 100달러.", line: 4, answerLine: 5 }]);
	});

	it("reads a bullet list of questions with answers as children", () => {
		const note = parse("* Questions\n  * Does it scale?\n    * Yes, to 10k nodes\n  * A remark without a question\n    * reply\n  * Pricing?\n    * Free tier exists");
		expect(qaOf(note).map((p) => p.q)).toEqual(["Does it scale?", "Pricing?"]);
	});
});

describe("what is not a Q&A", () => {
	it("ignores markers inside code fences, even unclosed ones", () => {
		expect(parse("```\nQ: not a question\nA: not an answer\n```").qa).toEqual([]);
		expect(parse("~~~md\nQ: still code\nA: yes").qa).toEqual([]);
		expect(parse("$$\nQ: math?\nA: no\n$$").qa).toEqual([]);
		expect(parse("%%\nQ: a comment?\nA: hidden\n%%").qa).toEqual([]);
	});

	it("reads code, math and comment blocks as the term matcher does (also fences inside quotes)", () => {
		const note = parse("> ```\n> Q: quoted code?\n> ```\nQ: after?\nA: yes");
		expect(qaOf(note)).toEqual([{ q: "after?", a: "yes", line: 7, answerLine: 8 }]);
	});

	it("ignores an outline letter with no question", () => {
		expect(parse("**A. Keynote**\nThe opening talk.\n\n**B. Workshops**\nHands-on.").qa).toEqual([]);
	});

	it("ignores words that only look like markers", () => {
		expect(parse("Q.E.D. was written.\nA lot of people came.").qa).toEqual([]);
		expect(parse("q: lower case\na: lower case").qa).toEqual([]);
	});

	it("drops a question nobody answered", () => {
		expect(parse("**Q. Unanswered?**\n\n## Next talk").qa).toEqual([]);
	});
});

describe("glossary blocks", () => {
	it("reads a term, its expansion and a multi-line definition", () => {
		const note = parse("> gRPC (Google Remote Procedure Call)  \n> An RPC framework  \n> built on HTTP/2.");
		expect(note.glossary).toEqual([
			{
				term: "gRPC",
				aliases: ["Google Remote Procedure Call"],
				definition: "An RPC framework built on HTTP/2.",
				definitionMarkdown: "An RPC framework  \nbuilt on HTTP/2.",
				line: 4,
				endLine: 6,
			},
		]);
	});

	it("reads expansions without a space and splits paired names", () => {
		const note = parse("> OKR(Objectives and Key Results)\n> 목표와 핵심 결과\n\n> B2B, B2C (Business to Business, Business to Consumer)\n> 거래 상대에 따른 구분");
		expect(note.glossary.map((g) => [g.term, g.aliases, g.line])).toEqual([
			["OKR", ["Objectives and Key Results"], 4],
			["B2B", ["Business to Business"], 7],
			["B2C", ["Business to Consumer"], 7],
		]);
	});

	it("reads definition callouts", () => {
		const note = parse(["> [!definition] Idempotency", "> Doing it twice equals doing it once.", "", "> [!note]- 카나리 배포", "> 일부 사용자에게 먼저 배포하는 방식", "", "> [!definition]", "> RTO (Recovery Time Objective)", "> 복구 목표 시간", "", "> [!warning] Careful", "> This is a warning, not a term."].join("\n"));
		expect(note.glossary.map((g) => [g.term, g.aliases, g.definition, g.line])).toEqual([
			["Idempotency", [], "Doing it twice equals doing it once.", 4],
			["카나리 배포", [], "일부 사용자에게 먼저 배포하는 방식", 7],
			["RTO", ["Recovery Time Objective"], "복구 목표 시간", 11],
		]);
	});

	it("reads entries in a glossary section", () => {
		const body = ["## Glossary", "- **SLA**: Service level agreement", "- **SLO** (Service Level Objective): The target", "  measured monthly", "MTTR :: Mean time to recovery", "### Toil", "Manual, repetitive work.", "", "## 용어 정리", "- 온콜: 당번 근무", "## Next"].join("\n");
		const note = parse(body);
		expect(note.glossary.map((g) => [g.term, g.aliases, g.definition, g.line])).toEqual([
			["SLA", [], "Service level agreement", 5],
			["SLO", ["Service Level Objective"], "The target measured monthly", 6],
			["MTTR", [], "Mean time to recovery", 8],
			["Toil", [], "Manual, repetitive work.", 9],
			["온콜", [], "당번 근무", 13],
		]);
	});

	it("rejects quotations, captions, single lines, sentences and links", () => {
		const traps = [
			"> Make it work, make it right, make it fast\n> — Kent Beck",
			'> "Premature optimization is the root of all evil"\n> Donald Knuth',
			"![stage](stage.png)\n> The main stage\n> Photo by me",
			"> Just one line",
			"> 발표가 끝난 후에는 짧게 대화를 나눌 수 있었습니다.\n>\n> 정말 감사했습니다.",
			"> https://example.com/talk\n> slides",
			"> - a list item\n> - another",
			"> > nested\n> > quote",
			"> This first line is far too long to be a term because it keeps going on\n> definition",
		];
		for (const trap of traps) expect(parse(trap).glossary, trap).toEqual([]);
	});

	it("reports glossary block ranges for callers that skip them", () => {
		const text = `${TAGGED}> API\n> Interface\n\n> SMB, SME (a, b)\n> shared\nText`;
		expect(findGlossaryBlocks(text)).toEqual([
			{ line: 4, endLine: 5 },
			{ line: 7, endLine: 8 },
		]);
	});
});

describe("input variations", () => {
	const sample = `${TAGGED}## 발표 - 발표자\n**Q. 캐시는 어디에 두나요?\n둘째 줄?**\n\n> 캐시 (cache)\n> 자주 쓰는 데이터를 가까이 두는 곳\n\nA. 엣지에 둡니다.\n`;

	it("gives the same items and lines for CRLF, CR, BOM and NFD input", () => {
		const base = parseNote(sample, "n.md");
		expect(base?.qa).toHaveLength(1);
		for (const variant of [sample.replace(/\n/g, "\r\n"), sample.replace(/\n/g, "\r"), `\ufeff${sample}`, sample.normalize("NFD")]) {
			expect(parseNote(variant, "n.md")).toEqual(base);
		}
	});

	it("handles empty, frontmatter-only and unclosed input", () => {
		expect(parseNote("", "e.md")).toBeNull();
		expect(parseNote("---\ntags: Conference\n---", "e.md")).toMatchObject({ talks: [], qa: [], glossary: [] });
		expect(parseNote("---\ntags: Conference\n", "e.md")).toBeNull();
		expect(parse("**Q. unclosed bold\n\nno answer marker").qa).toEqual([{ question: "unclosed bold", answer: "no answer marker", line: 4, answerLine: 6, endLine: 6, talk: null, questionMarkdown: "**unclosed bold", answerMarkdown: "no answer marker" }]);
	});
});
