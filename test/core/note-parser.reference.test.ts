/**
 * The reference note, read in place from ../shared/fixtures (skipped where absent).
 * Expected lines were read off the note by hand; expected texts are rebuilt from those line ranges with a
 * deliberately naive routine, so the test checks the parser's boundaries, not its own output.
 */
import { describe, expect, it } from "vitest";
import { parseNote } from "../../src/core/note-parser";
import type { NoteRecord } from "../../src/core/types";
import { BLOG_POST, hasSharedFixtures, readSharedFixture, REFERENCE_NOTE } from "../helpers/shared-fixtures";

/** questionStart-questionEnd:answerStart-answerEnd, one per pair, in note order (talk by talk). */
const PAIRS: Record<number, string> = {
	0: "10-11:19-22 24-25:27-31 33:34-35 37:38-40 42:43-44 46:47-48 53:54 56:57-58 63:64-65 67:68 70:71 73:74",
	1: "83:84-89 91:92-100 102:103-111 113:114-119 127:132-137 139:140-143 145:146 148:153-158 160:161-162 164:165-166 168:169-172",
	2: "177:179-181 183:184-187 189:190-192 194:195-196 198:199-200 202:203 205:206-209 211:212 214:215 217:218 220:221 223:224 226:227 229:230 232:233 236:237-239 241:242",
	3: "246:247-250 252:253-255 263:264-266 274:275-277 279:280-282 284:285-289 297:298-301 303:304-306 308:309-310 313:314-321 323:324-326 328:329-330 339:340-342 344:345-351",
	4: "358:359 361:362-364 366:367 369:370-372 374:375 377:378-379 381:382-384 388:389-390 396:397-400 402:403-406 408:409-410 412:413-418 420:421-423 425:426-427 429:430",
};

interface ExpectedPair {
	talk: number;
	question: [number, number];
	answer: [number, number];
}

function expectedPairs(): ExpectedPair[] {
	const result: ExpectedPair[] = [];
	for (const [talk, spec] of Object.entries(PAIRS)) {
		for (const item of spec.split(" ")) {
			const [q, a] = item.split(":").map((range) => {
				const [start, end] = range.split("-").map(Number);
				return [start, end ?? start] as [number, number];
			});
			result.push({ talk: Number(talk), question: q, answer: a });
		}
	}
	return result;
}

/** Naive plain text of a line range: skip quote lines, drop markers, bold and jargon stars. */
function naiveText(lines: string[], [start, end]: [number, number], marker: RegExp): string {
	const parts: string[] = [];
	for (let n = start; n <= end; n++) {
		const line = lines[n - 1];
		if (line.startsWith(">")) continue;
		parts.push(n === start ? line.replace(marker, "") : line);
	}
	return parts.join(" ").replace(/\*\*/g, "").replace(/\*/g, "").replace(/\s+/g, " ").trim();
}

describe.skipIf(!hasSharedFixtures)("reference note: toss-makers-conference-25.md", () => {
	const text = hasSharedFixtures ? readSharedFixture(REFERENCE_NOTE) : "";
	const lines = text.split("\n");
	const note = parseNote(text, REFERENCE_NOTE) as NoteRecord;

	it("is a conference note with its frontmatter title and tags", () => {
		expect(note).not.toBeNull();
		expect(note.title).toBe("Toss Makers Conference 25 - Product Day Q&A");
		expect(note.tags).toEqual(["Conference", "draft"]);
	});

	it("finds the 5 talks with titles and speakers", () => {
		expect(note.talks).toEqual([
			{ title: "토스 PO가 기능이 아닌 흐름을 설계하는 이유", speaker: "토스 Platform Product Owner 민수인", line: 8 },
			{ title: "저희는 실험 안합니다", speaker: "토스 Platform Product Owner 안예은", line: 81 },
			{ title: "커뮤니티 Growth로 해자(Moat) 만들기", speaker: "토스증권 Product Owner 김유경", line: 175 },
			{ title: "사장님이 매일 쓰는 제품을 만든다는 것", speaker: "토스플레이스 Product Owner 이석희", line: 244 },
			{ title: "토스 팀 전체의 성과를 끌어올리는 제품", speaker: "토스 Platform Product Owner 모준승", line: 357 },
		]);
	});

	it("finds 69 Q&A: 12/11/17/14/15 per talk, nothing extra", () => {
		expect(note.qa).toHaveLength(69);
		const perTalk = [0, 1, 2, 3, 4].map((t) => note.qa.filter((q) => q.talk === t).length);
		expect(perTalk).toEqual([12, 11, 17, 14, 15]);
	});

	it("gives every pair its exact lines and its complete question and answer text", () => {
		const expected = expectedPairs();
		expect(expected).toHaveLength(69);
		const actual = note.qa.map((q) => ({ line: q.line, answerLine: q.answerLine, endLine: q.endLine, talk: q.talk }));
		expect(actual).toEqual(expected.map((e) => ({ line: e.question[0], answerLine: e.answer[0], endLine: e.answer[1], talk: e.talk })));
		for (const [i, e] of expected.entries()) {
			expect(note.qa[i].question, `question at line ${e.question[0]}`).toBe(naiveText(lines, e.question, /^\*\*Q\.\s*/));
			expect(note.qa[i].answer, `answer at line ${e.answer[0]}`).toBe(naiveText(lines, e.answer, /^A\.?\s*/));
		}
	});

	it("reads the tricky pairs exactly", () => {
		const at = (line: number) => note.qa.find((q) => q.line === line);
		// Bold spanning two lines, jargon markers inside the bold.
		expect(at(10)?.question).toBe(
			"발표에서 소개해주신 제품은 발전 시키기 위해서 ECPM 등 여러 지표를 기반으로 어느정도의 갠또가 가능했을것 같은데. 제로투원 환경에서는 어떤 것들을 기반으로삼아서 할수 있을지?",
		);
		// Two glossary blocks between the question and its answer.
		expect(at(10)?.answerLine).toBe(19);
		// Text after the closing ** on the next line still belongs to the question.
		expect(at(24)?.question).toMatch(/생각하는지 만약에 기존에 있었던 제품이라고/);
		expect(at(24)?.answer.startsWith("기존에 소재를 등록할 수 있는 어드민이 없었기때문에")).toBe(true);
		// `A ` without a period.
		expect(at(160)?.answer).toBe("정말 어려움. 업데이트를 늘 놓침. 간단하게 노션 쓰레드 달수 있는 기능으로 변경 히스토리를 파악하기도 함. 새로 들어오시는 분들에게 최신화를 온보딩 과제로 드림. 최신화가 제일 잘되는것 같음.");
		// No marker at all: the prose after the question is its answer.
		expect(at(145)?.answer).toBe("초반에는 참여했으나, 현재는 혼자하는중 시간 문제가 가장 큼. 작업자 분들에게는 공유드리는 시간이 따로 있고, 어떤 식으로 작업하는 것이 효율적인지 공유받는 시간을 가짐.");
		expect(at(183)?.answerLine).toBe(184);
		// Multi-paragraph answers.
		expect(at(91)?.answer).toMatch(/닫는 것을 확인해서.* 그리고 사용자를 크게 두 그룹으로 나눴음/);
		expect(at(313)?.endLine).toBe(321);
		// `### 느낀점` ends the last answer of the first talk.
		expect(at(73)?.endLine).toBe(74);
		// Short pair typed out in full.
		expect(at(53)).toMatchObject({ question: "OKR 주기는?", answer: "6개월 마다, O 는 안바뀌더라도 KR 은 6개월마다 변경됨", answerLine: 54 });
		expect(at(429)).toMatchObject({ question: "조직 구성원은?", answer: "14명 정도됨 네이티브, 프론트, 서버 개발자, 디자이너로 구성되어 있음." });
	});

	it("keeps the answer's Markdown with jargon markers escaped", () => {
		const pair = note.qa.find((q) => q.line === 113);
		expect(pair?.answerMarkdown).toContain("가장 CTR 과 ROAS 가");
		expect(pair?.answerMarkdown.split("\n")).toHaveLength(6);
	});

	it("finds the 19 glossary entries with aliases and definitions", () => {
		expect(note.glossary.map((g) => [g.line, g.term, g.aliases])).toEqual([
			[13, "eCPM", []],
			[16, "갠또", []],
			[50, "DRI 문화", []],
			[60, "컴플라이언스 리스크", []],
			[121, "CTR", ["Click-Through Rate"]],
			[124, "ROAS", ["Return on Ad Spend"]],
			[129, "PMF", ["Product-Market Fit"]],
			[150, "스콥", []],
			[257, "MVP", ["Minimum Viable Product"]],
			[260, "SaaS", ["Software as a Service"]],
			[268, "SMB", ["Small and Medium Business"]],
			[271, "포스기와 단말기의 차이", []],
			[291, "티핑 포인트", []],
			[294, "도미넌트", []],
			[332, "F&B", ["Food & Beverage"]],
			[335, "SMB", ["Small and Medium Business"]],
			[335, "SME", ["Small and Medium Enterprise"]],
			[354, "VAN 대리점", ["Value Added Network"]],
			[392, "컴플라이언스", []],
		]);
		for (const entry of note.glossary) {
			const definitionLine = lines[entry.line].replace(/^>\s?/, "").replace(/\s+/g, " ").trim();
			expect(entry.definition, entry.term).toBe(definitionLine);
			expect(entry.endLine, entry.term).toBe(entry.line + 1);
		}
		expect(note.glossary.find((g) => g.line === 332)?.definition).toBe("식품과 음료");
		expect(note.glossary.find((g) => g.term === "SaaS")?.definition).toBe("클라우드 기반 소프트웨어 제공 모델");
	});

	it("gives SMB two different definitions and shares one between SMB and SME", () => {
		const smb = note.glossary.filter((g) => g.term === "SMB");
		expect(smb.map((g) => g.line)).toEqual([268, 335]);
		expect(smb[0].definition).not.toBe(smb[1].definition);
		const sme = note.glossary.find((g) => g.term === "SME");
		expect(sme?.definition).toBe(smb[1].definition);
	});
});

describe.skipIf(!hasSharedFixtures)("the untagged blog post", () => {
	it("gives no note, and its #1. section numbers are not tags", () => {
		const text = readSharedFixture(BLOG_POST);
		expect(parseNote(text, BLOG_POST)).toBeNull();
		expect(parseNote(text, BLOG_POST, { requireTag: false })?.tags).toEqual([]);
	});
});
