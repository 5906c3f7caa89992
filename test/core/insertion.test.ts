import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseNote } from "../../src/core/note-parser";
import type { QaPair } from "../../src/core/types";
import {
	applyInsertion,
	findMarkedJargon,
	insertionLine,
	localContext,
	lineBreakOf,
	planBlockInsertion,
	planLineInsertion,
	sectionLastLine,
	stripParticle,
	termAt,
	textLines,
	wordAt,
	wordsOf,
} from "../../src/core/insertion";

const BLOCK = ["> CTR (Click-Through Rate)", "> 광고가 클릭된 횟수를 광고가 게재된 횟수로 나눈 값"];

/** Inserts BLOCK for a cursor marked `|` in the text. */
function insertAtBar(marked: string, context = {}): { result: string; cursorAfter: string } {
	const cursor = marked.indexOf("|");
	const doc = marked.slice(0, cursor) + marked.slice(cursor + 1);
	const plan = planBlockInsertion(doc, insertionLine(doc, cursor, context), BLOCK);
	const result = applyInsertion(doc, plan);
	return { result, cursorAfter: result.slice(0, plan.cursor) + "|" + result.slice(plan.cursor) };
}

describe("insertionLine and planBlockInsertion", () => {
	it("goes after the paragraph holding the cursor, separated by blank lines", () => {
		const { result, cursorAfter } = insertAtBar("Intro\n\nA. first li|ne\nsecond line\n\nNext paragraph\n");
		expect(result).toBe(`Intro\n\nA. first line\nsecond line\n\n${BLOCK.join("\n")}\n\nNext paragraph\n`);
		expect(cursorAfter).toBe(`Intro\n\nA. first line\nsecond line\n\n${BLOCK.join("\n")}|\n\nNext paragraph\n`);
	});

	it("reuses an existing blank line after the paragraph", () => {
		const { result } = insertAtBar("a|\n\n\nb");
		expect(result).toBe(`a\n\n${BLOCK.join("\n")}\n\n\nb`);
	});

	it("inserts at the end of a file without a trailing newline, adding none", () => {
		const { result } = insertAtBar("Q. what?\nA. th|is");
		expect(result).toBe(`Q. what?\nA. this\n\n${BLOCK.join("\n")}`);
	});

	it("keeps a trailing newline when the cursor is on the last empty line", () => {
		const { result } = insertAtBar("text\n|");
		expect(result).toBe(`text\n\n${BLOCK.join("\n")}\n`);
	});

	it("inserts into an empty note as the whole text", () => {
		expect(insertAtBar("|").result).toBe(BLOCK.join("\n"));
	});

	it("on a blank line between paragraphs, inserts right there", () => {
		expect(insertAtBar("a\n|\nb").result).toBe(`a\n\n${BLOCK.join("\n")}\n\nb`);
	});

	it("goes past glossary blocks that already follow the paragraph", () => {
		const doc = "**Q. ECPM* 과 갠또*|?**\n\n> eCPM  \n> 유효 노출당 비용\n\n> 갠또  \n> 어림짐작\n\nA. 답변\n";
		const { result } = insertAtBar(doc);
		expect(result).toBe(
			`**Q. ECPM* 과 갠또*?**\n\n> eCPM  \n> 유효 노출당 비용\n\n> 갠또  \n> 어림짐작\n\n${BLOCK.join("\n")}\n\nA. 답변\n`,
		);
	});

	it("keeps a whole answer together when the parser says where it ends", () => {
		const doc = "**Q. 질문?**\nA. 첫 문단|\n\n둘째 문단\n\n**Q. 다음?**\n";
		const context = { pairs: [{ line: 1, answerLine: 2, endLine: 4 }], glossary: [] };
		expect(insertAtBar(doc, context).result).toBe(`**Q. 질문?**\nA. 첫 문단\n\n둘째 문단\n\n${BLOCK.join("\n")}\n\n**Q. 다음?**\n`);
		// Without the context, only the paragraph.
		expect(insertAtBar(doc).result).toBe(`**Q. 질문?**\nA. 첫 문단\n\n${BLOCK.join("\n")}\n\n둘째 문단\n\n**Q. 다음?**\n`);
	});

	it("never inserts inside fenced code, frontmatter or comments", () => {
		const code = "text\n```\nco|de\n\nmore code\n```\nafter";
		expect(insertAtBar(code).result).toBe(`text\n\`\`\`\ncode\n\nmore code\n\`\`\`\nafter\n\n${BLOCK.join("\n")}`);
		const front = "---\ntags: [Confer|ence]\n---\n\nBody";
		expect(insertAtBar(front).result).toBe(`---\ntags: [Conference]\n---\n\n${BLOCK.join("\n")}\n\nBody`);
		const comment = "%%\nhid|den\n\nstill hidden\n%%\n";
		expect(insertAtBar(comment).result).toBe(`%%\nhidden\n\nstill hidden\n%%\n\n${BLOCK.join("\n")}\n`);
	});

	it("uses the note's CRLF line breaks", () => {
		const { result } = insertAtBar("a|\r\nb\r\n\r\nc");
		expect(result).toBe(`a\r\nb\r\n\r\n${BLOCK.join("\r\n")}\r\n\r\nc`);
	});

	it("puts the cursor where asked inside the block", () => {
		const doc = "Para";
		const plan = planBlockInsertion(doc, 0, ["> Term", "> "], { line: 1, ch: 2 });
		const result = applyInsertion(doc, plan);
		expect(result).toBe("Para\n\n> Term\n> ");
		expect(plan.cursor).toBe(result.length);
	});

	it("appends a list item right after the last line of a section", () => {
		const doc = "# Note\n\n## Glossary\n\n- **A**: one\n- **B**: two\n\n## Next\n";
		const last = sectionLastLine(doc, 2);
		expect(last).toBe(5);
		const result = applyInsertion(doc, planLineInsertion(doc, last, ["- **C**: three"]));
		expect(result).toBe("# Note\n\n## Glossary\n\n- **A**: one\n- **B**: two\n- **C**: three\n\n## Next\n");
	});
});

describe("insertion properties", () => {
	const piece = fc.constantFrom("a", "가", " ", "\n", "\r\n", "\r", "> ", "```", "---", "%%", "$$", "*", "#", "\t", "  ", "A.", "\u{1F600}");
	const odd = fc.oneof(fc.array(piece, { maxLength: 40 }).map((p) => p.join("")), fc.string({ maxLength: 60 }), fc.string({ unit: "binary", maxLength: 60 }));
	const block = fc.array(fc.string({ maxLength: 8 }).map((s) => s.replace(/[\r\n]/g, "")), { minLength: 1, maxLength: 3 });

	it("never changes existing text and never splits a line", () => {
		fc.assert(
			fc.property(odd, fc.nat(), block, (doc, n, lines) => {
				const cursor = doc.length === 0 ? 0 : n % (doc.length + 1);
				const plan = planBlockInsertion(doc, insertionLine(doc, cursor), lines);
				const result = applyInsertion(doc, plan);
				// The result minus the inserted text is the input.
				expect(result.slice(0, plan.at) + result.slice(plan.at + plan.text.length)).toBe(doc);
				// The insertion point is a line end: end of text or before a line break, never inside CRLF.
				const next = doc.charCodeAt(plan.at);
				expect(plan.at === doc.length || next === 10 || next === 13).toBe(true);
				expect(doc.charCodeAt(plan.at - 1) === 13 && next === 10).toBe(false);
				// The block is there, line by line, and the cursor is inside the inserted text.
				expect(plan.text.includes(lines.join(lineBreakOf(doc)))).toBe(true);
				expect(plan.cursor).toBeGreaterThanOrEqual(plan.at);
				expect(plan.cursor).toBeLessThanOrEqual(plan.at + plan.text.length);
			}),
			{ numRuns: 500 },
		);
	});

	it("separates the block from its neighbours by a blank line", () => {
		const simple = fc.array(fc.constantFrom("word", "가나", "", "  "), { maxLength: 12 }).map((l) => l.join("\n"));
		fc.assert(
			fc.property(simple, fc.nat(), (doc, n) => {
				const cursor = doc.length === 0 ? 0 : n % (doc.length + 1);
				const plan = planBlockInsertion(doc, insertionLine(doc, cursor), ["> X", "> y"]);
				const lines = textLines(applyInsertion(doc, plan)).map((l) => l.text);
				const start = lines.indexOf("> X");
				expect(lines[start + 1]).toBe("> y");
				if (start > 0) expect(lines[start - 1].trim()).toBe("");
				if (start + 2 < lines.length) expect(lines[start + 2].trim()).toBe("");
			}),
			{ numRuns: 300 },
		);
	});
});

describe("words under the cursor", () => {
	it("splits Latin from Hangul and keeps inner connectors", () => {
		expect(wordsOf("CTR과 F&B*, e-mail").map((w) => w.text)).toEqual(["CTR", "과", "F&B", "e-mail"]);
	});

	it("finds the word in or right after the cursor, without particles", () => {
		const doc = "컴플라이언스에 대한 CTR* 지표";
		expect(wordAt(doc, 2)?.text).toBe("컴플라이언스");
		expect(wordAt(doc, doc.indexOf("CTR") + 1)?.text).toBe("CTR");
		expect(wordAt(doc, doc.indexOf("*") + 1)?.text).toBe("CTR");
		expect(wordAt(doc, doc.indexOf("대한") + 2)?.text).toBe("대한");
		expect(wordAt("a  b", 2)).toBeNull();
		// At the seam of a Latin word and its particle, the Latin word; between two words, the right one.
		expect(wordAt("오늘 CTR이 올랐다", 6)?.text).toBe("CTR");
		expect(wordAt("ab-", 0)?.text).toBe("ab");
		expect(wordAt("", 0)).toBeNull();
	});

	it("strips only unambiguous particles", () => {
		expect(stripParticle("대리점에서")).toBe("대리점");
		expect(stripParticle("문화여서")).toBe("문화");
		expect(stripParticle("고양이")).toBe("고양이");
		expect(stripParticle("결과")).toBe("결과");
		expect(stripParticle("CTR")).toBe("CTR");
	});

	it("strips 로 after a syllable that takes it, as Go to term definition reads `대시보드로`", () => {
		expect(stripParticle("대시보드로")).toBe("대시보드");
		expect(stripParticle("대시보드로는")).toBe("대시보드");
		expect(stripParticle("파이프라인으로")).toBe("파이프라인");
		expect(stripParticle("스케줄로")).toBe("스케줄");
		expect(stripParticle("서버로서")).toBe("서버");
		// 로 after another final consonant is part of the word (경로, 기록), and a few loanwords end in 로.
		expect(stripParticle("우회경로")).toBe("우회경로");
		expect(stripParticle("마이크로")).toBe("마이크로");
		expect(stripParticle("마이크로는")).toBe("마이크로");
		expect(stripParticle("도로")).toBe("도로");
		expect(wordAt("의존성 그래프는 대시보드로 그려 두고", 12)?.text).toBe("대시보드");
	});

	it("finds the longest known term around the cursor, across spaces and before particles", () => {
		const known = new Set(["컴플라이언스", "컴플라이언스리스크", "dri문화", "ctr", "티핑포인트"]);
		const isTerm = (name: string): boolean => known.has(name.replace(/\s+/g, "").toLowerCase());
		const doc = "컴플라이언스 리스크를 줄이고 DRI 문화여서 CTRL과 CTR과 티핑포인트*를";
		expect(termAt(doc, 1, isTerm)?.text).toBe("컴플라이언스 리스크");
		expect(termAt(doc, doc.indexOf("리스크") + 1, isTerm)?.text).toBe("컴플라이언스 리스크");
		expect(termAt(doc, doc.indexOf("문화") + 1, isTerm)?.text).toBe("DRI 문화");
		expect(termAt(doc, doc.indexOf("CTRL") + 1, isTerm)).toBeNull();
		expect(termAt(doc, doc.indexOf("CTR과") + 1, isTerm)?.text).toBe("CTR");
		expect(termAt(doc, doc.indexOf("*를"), isTerm)?.text).toBe("티핑포인트");
		expect(termAt(doc, doc.indexOf("줄이고") + 1, isTerm)).toBeNull();
		expect(termAt(doc, doc.indexOf("과 티핑"), isTerm)?.text).toBe("CTR");
	});
});

describe("findMarkedJargon", () => {
	it("finds word* markers and skips emphasis, bold and code", () => {
		const doc = [
			"**Q. ECPM* 등 여러 지표로 갠또*가 가능?**",
			"*italic* and **bold** and `code*` and 5 * 3",
			"```",
			"fenced*",
			"```",
			"F&B*, SMB*, VAN 대리점*에서 티핑포인트*를",
		].join("\n");
		expect(findMarkedJargon(doc).map((j) => j.text)).toEqual(["ECPM", "갠또", "F&B", "SMB", "대리점", "티핑포인트"]);
		const first = findMarkedJargon(doc)[0];
		expect(doc.slice(first.from, first.to)).toBe("ECPM");
		expect(doc[first.marker]).toBe("*");
		expect(first.line).toBe(0);
	});

	it("survives any input", () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 80 }), (doc) => {
				for (const j of findMarkedJargon(doc)) {
					expect(doc.slice(j.from, j.to)).toBe(j.text);
					expect(doc[j.marker]).toBe("*");
				}
			}),
		);
	});
});

describe("localContext: the insert command's local parse", () => {
	const talk = (n: number) => [`## Talk ${n} - Speaker ${n}`, "", `**Q. Question ${n}?**`, `A. Answer ${n} about CDN.`, "", `> Term${n}`, `> Definition ${n}`, ""];
	const doc = ["---", "tags: [Conference]", "---", ...Array.from({ length: 300 }, (_, i) => talk(i)).flat(), "## Glossary", "", "- **CDN**: servers near users", "- **API**: an interface", ""].join("\n");
	const full = parseNote(doc, "n.md", { requireTag: false });

	it("reads the section around the cursor and the glossary sections, with the whole note's lines", () => {
		const offset = doc.indexOf("Answer 150 ");
		const local = localContext(doc, offset);
		const near = full?.qa.filter((q) => q.question === "Question 150?") ?? [];
		const spans = (pairs: readonly QaPair[]) => pairs.map((q) => [q.question, q.line, q.answerLine, q.endLine]);
		expect(spans(local.pairs)).toEqual(spans(near));
		expect(spans(near)).toEqual([["Question 150?", 1206, 1207, 1207]]);
		const want = full?.glossary.filter((g) => g.term === "Term150" || g.term === "CDN" || g.term === "API") ?? [];
		expect(local.glossary).toEqual(want);
		expect(local.glossary.map((g) => [g.term, g.line])).toEqual([
			["Term150", 1209],
			["CDN", 2406],
			["API", 2407],
		]);
		expect(insertionLine(doc, offset, local)).toBe(insertionLine(doc, offset, { pairs: full?.qa, glossary: full?.glossary }));
	});
});
