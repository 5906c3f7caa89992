/** The parser survives any input and reads CRLF/BOM/NFD text exactly like LF/NFC text. */
import fc from "fast-check";
import { propertyRuns } from "../helpers/property-runs";
import { describe, expect, it } from "vitest";
import { parseNote } from "../../src/core/note-parser";
import type { NoteRecord } from "../../src/core/types";

const FRAGMENTS = [
	"**Q. ", "Q: ", "Q1. ", "- Q. ", "* Q: ", "질문: ", "A. ", "A: ", "A ", "- A. ", "답변: ", "**", "*", "`", "```", "~~~",
	"> ", ">", "> [!note] ", "## ", "### ", "# ", "---", "- ", "  ", "\t", "\n", "\n\n", "\r\n", "(", ")", "[", "]", "[[", "]]",
	"CTR", "컴플라이언스", "티핑 포인트", "?", ":", "#Conference", "%%", "<!--", "한글", "text", "\u0000", "\ufeff", "\ud800",
];

const markdownish = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 120 }).map((parts) => parts.join(""));
const hostile = fc.oneof(markdownish, fc.string({ maxLength: 400 }), fc.string({ unit: "binary", maxLength: 400 }));

function checkInvariants(note: NoteRecord | null, text: string): void {
	if (!note) return;
	const lineCount = text.split(/\r\n|\r|\n/).length;
	for (const talk of note.talks) expect(talk.line).toBeGreaterThanOrEqual(1);
	let previous = 0;
	for (const pair of note.qa) {
		expect(pair.line).toBeGreaterThanOrEqual(previous);
		previous = pair.line;
		expect(pair.answerLine).toBeGreaterThanOrEqual(pair.line);
		expect(pair.endLine).toBeGreaterThanOrEqual(pair.answerLine);
		expect(pair.endLine).toBeLessThanOrEqual(lineCount);
		expect(pair.question.length).toBeGreaterThan(0);
		expect(pair.answer.length).toBeGreaterThan(0);
		if (pair.talk !== null) expect(pair.talk).toBeLessThan(note.talks.length);
	}
	for (const entry of note.glossary) {
		expect(entry.line).toBeGreaterThanOrEqual(1);
		expect(entry.endLine).toBeGreaterThan(entry.line);
		expect(entry.endLine).toBeLessThanOrEqual(lineCount);
		expect(entry.term.length).toBeGreaterThan(0);
	}
}

describe("parseNote on hostile input", () => {
	it("never throws, stays deterministic and keeps its invariants", () => {
		fc.assert(
			fc.property(hostile, fc.boolean(), (body, tagged) => {
				const text = tagged ? `#Conference\n${body}` : body;
				const first = parseNote(text, "x.md", { requireTag: !tagged });
				expect(parseNote(text, "x.md", { requireTag: !tagged })).toEqual(first);
				checkInvariants(first, text);
			}),
			{ numRuns: propertyRuns(600) },
		);
	});

	it("reads CRLF, BOM and NFD text like LF/NFC text", () => {
		fc.assert(
			fc.property(markdownish, (body) => {
				const text = `#Conference\n${body.replace(/\r/g, "").replace(/\ufeff/g, "")}`;
				const base = parseNote(text, "x.md");
				expect(parseNote(text.replace(/\n/g, "\r\n"), "x.md")).toEqual(base);
				expect(parseNote(`\ufeff${text}`, "x.md")).toEqual(base);
				expect(parseNote(text.normalize("NFD"), "x.md")).toEqual(base);
			}),
			{ numRuns: propertyRuns(300) },
		);
	});

	it("reads a 5 MB note", () => {
		const block = "## Talk - Speaker\n**Q. 질문이\n길어요?**\n> 용어 (term)\n> 정의\nA. 답변 CTR* 입니다.\n\n";
		const text = `---\ntags: Conference\n---\n${block.repeat(Math.ceil((5 * 1024 * 1024) / Buffer.byteLength(block)))}`;
		const note = parseNote(text, "big.md");
		expect(note?.qa.length).toBeGreaterThan(50_000);
		expect(note?.qa.length).toBe(note?.talks.length);
	});

	it("reads unclosed bold, fences and frontmatter without losing the rest", () => {
		expect(parseNote("#Conference\n**Q. never closed\nA. answer", "x.md")?.qa).toHaveLength(1);
		expect(parseNote("#Conference\nQ: before?\nA: yes\n```\nQ: inside?\nA: no", "x.md")?.qa).toHaveLength(1);
		expect(parseNote("---\ntags: Conference\nQ: x?\nA: y", "x.md")).toBeNull();
	});
});
