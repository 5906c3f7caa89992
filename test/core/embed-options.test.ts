import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
	DEFAULT_QA_LIMIT,
	GLOSSARY_KEYS,
	parseEmbedOptions,
	parseNoteRef,
	parseTag,
	QA_KEYS,
	selectGlossary,
	selectQa,
	type QaEmbedOptions,
} from "../../src/core/embed-options";
import { parseNote } from "../../src/core/note-parser";
import { TermIndex } from "../../src/core/term-index";
import { lookupTerm } from "../../src/core/term-lookup";
import type { NoteRecord } from "../../src/core/types";

describe("block options: conference-qa", () => {
	it("empty source gives the defaults and no errors", () => {
		for (const source of ["", "\n\n", "   \r\n\t", "\uFEFF"]) {
			expect(parseEmbedOptions("qa", source)).toEqual({ options: { note: null, tag: null, talk: null, search: null, limit: DEFAULT_QA_LIMIT }, errors: [] });
		}
	});

	it("reads every key", () => {
		const source = "note: [[Toss Makers 25]]\ntag: #conference/2025\ntalk: 광고 플랫폼\nsearch: 티핑 포인트\nlimit: 50\n";
		expect(parseEmbedOptions("qa", source)).toEqual({
			options: { note: { kind: "link", target: "Toss Makers 25" }, tag: "conference/2025", talk: "광고 플랫폼", search: "티핑 포인트", limit: 50 },
			errors: [],
		});
	});

	it("accepts keys in any case, CRLF/CR lines, a BOM, NFD Hangul and spaces around the colon", () => {
		const source = "\uFEFFNOTE : this\r\n  Search:   광고\rLimit :3";
		const { options, errors } = parseEmbedOptions("qa", source.normalize("NFD"));
		expect(errors).toEqual([]);
		expect(options).toEqual({ note: { kind: "this" }, tag: null, talk: null, search: "광고", limit: 3 });
	});

	it("reports unknown keys, duplicates, missing colons and bad values with their lines, keeping good lines", () => {
		const source = ["terms: all", "note: this", "note: [[Other]]", "just words", "limit: 0", "limit: 1001", "limit: ten", "tag: #", "tag: #2025", "search:   ", "talk:"].join("\n");
		const { options, errors } = parseEmbedOptions("qa", source);
		expect(errors).toEqual([
			{ code: "unknown-key", line: 1, key: "terms", allowed: QA_KEYS },
			{ code: "duplicate-key", line: 3, key: "note" },
			{ code: "missing-colon", line: 4, text: "just words" },
			{ code: "bad-value", line: 5, key: "limit", value: "0", expected: "limit" },
			{ code: "duplicate-key", line: 6, key: "limit" },
			{ code: "duplicate-key", line: 7, key: "limit" },
			{ code: "bad-value", line: 8, key: "tag", value: "#", expected: "tag" },
			{ code: "duplicate-key", line: 9, key: "tag" },
			{ code: "bad-value", line: 10, key: "search", value: "", expected: "text" },
			{ code: "bad-value", line: 11, key: "talk", value: "", expected: "text" },
		]);
		expect(options.note).toEqual({ kind: "this" });
		expect(options.limit).toBe(DEFAULT_QA_LIMIT);
	});

	it("rejects each bad limit on its own", () => {
		for (const bad of ["0", "-1", "1001", "ten", "1.5", "1e3", "99999999999", ""]) {
			expect(parseEmbedOptions("qa", `limit: ${bad}`).errors).toEqual([{ code: "bad-value", line: 1, key: "limit", value: bad, expected: "limit" }]);
		}
		expect(parseEmbedOptions("qa", "limit: 1000").options.limit).toBe(1000);
		expect(parseEmbedOptions("qa", "limit: 007").options.limit).toBe(7);
	});

	it("a line that starts with a colon has no key", () => {
		expect(parseEmbedOptions("qa", ": value").errors).toEqual([{ code: "missing-colon", line: 1, text: ": value" }]);
	});
});

describe("block options: conference-glossary", () => {
	it("defaults and every key", () => {
		expect(parseEmbedOptions("glossary", "")).toEqual({ options: { note: null, tag: null, terms: "all", search: null }, errors: [] });
		expect(parseEmbedOptions("glossary", "note: this\ntag: conference\nterms: Marked\nsearch: CTR").options).toEqual({
			note: { kind: "this" },
			tag: "conference",
			terms: "marked",
			search: "CTR",
		});
	});

	it("talk and limit are Q&A keys, and terms takes marked or all only", () => {
		expect(parseEmbedOptions("glossary", "talk: x\nlimit: 5\nterms: some").errors).toEqual([
			{ code: "unknown-key", line: 1, key: "talk", allowed: GLOSSARY_KEYS },
			{ code: "unknown-key", line: 2, key: "limit", allowed: GLOSSARY_KEYS },
			{ code: "bad-value", line: 3, key: "terms", value: "some", expected: "terms" },
		]);
	});
});

describe("note and tag values", () => {
	it("reads links, bare names and this", () => {
		expect(parseNoteRef("this")).toEqual({ kind: "this" });
		expect(parseNoteRef("THIS")).toEqual({ kind: "this" });
		expect(parseNoteRef("[[Folder/Note|shown]]")).toEqual({ kind: "link", target: "Folder/Note" });
		expect(parseNoteRef("[[Note#Heading]]")).toEqual({ kind: "link", target: "Note" });
		expect(parseNoteRef("Conferences/Note.md")).toEqual({ kind: "link", target: "Conferences/Note.md" });
		expect(parseNoteRef('"토스 메이커스"')).toEqual({ kind: "link", target: "토스 메이커스" });
		for (const bad of ["", "[[", "[[Note", "[[]]", "[[#Heading]]", "[[a]] [[b]]", "a[b"]) expect(parseNoteRef(bad)).toBeNull();
	});

	it("reads tags with or without #", () => {
		expect(parseTag("#conference/2025")).toBe("conference/2025");
		expect(parseTag("컨퍼런스")).toBe("컨퍼런스");
		expect(parseTag("#conf/")).toBe("conf");
		for (const bad of ["", "#", "#2025", "two words", "#a#b", "<b>"]) expect(parseTag(bad)).toBeNull();
	});

	it("never throws on any input", () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 300 }), fc.constantFrom("qa" as const, "glossary" as const), (source, kind) => {
				const parsed = parseEmbedOptions(kind, source);
				expect(Array.isArray(parsed.errors)).toBe(true);
			}),
			{ numRuns: 300 },
		);
		const huge = "search: " + "가".repeat(5_000_000);
		expect(parseEmbedOptions("qa", huge).options.search?.length).toBe(1992);
		expect(parseEmbedOptions("qa", "\u0000\u0001binary: \uFFFF").errors[0].code).toBe("unknown-key");
	});
});

const NOTE_A = [
	"---",
	"tags: [Conference/2025]",
	"---",
	"# Ads day",
	"",
	"**Q. Before any talk?**",
	"A. Yes.",
	"",
	"## 광고 플랫폼의 티핑 포인트 - 김하나",
	"",
	"**Q. CTR이 왜 떨어졌나요?**",
	"A. 소재가 낡아서요.",
	"",
	"> CTR (Click Through Rate)",
	"> 노출 대비 클릭 비율",
	"",
	"**Q. eCPM* 은 어떻게 보나요?**",
	"A. 매일 봅니다.",
	"",
	"## Caching at scale - Mina",
	"",
	"**Q. How long is the TTL?**",
	"A. A day, and the 티핑포인트 comes later.",
	"",
].join("\n");

const NOTE_B = ["---", "tags: [Conference]", "---", "## Other talk - Jo", "", "**Q. CTR 말고 다른 지표는?**", "A. ROAS.", "", "> ROAS", "> 광고비 대비 매출", ""].join("\n");

function records(): NoteRecord[] {
	const a = parseNote(NOTE_A, "a.md");
	const b = parseNote(NOTE_B, "b.md");
	if (!a || !b) throw new Error("not parsed");
	return [a, b];
}

function qaOptions(patch: Partial<QaEmbedOptions>): QaEmbedOptions {
	return { note: null, tag: null, talk: null, search: null, limit: DEFAULT_QA_LIMIT, ...patch };
}

function questions(selection: ReturnType<typeof selectQa>): string[] {
	return selection.notes.flatMap((n) => n.talks.flatMap((t) => t.pairs.map((p) => `${n.note.path}:${p.line} ${p.question}`)));
}

describe("selectQa", () => {
	it("every question of every note, in note order, grouped by talk", () => {
		const s = selectQa(records(), qaOptions({}), null);
		expect(questions(s)).toEqual([
			"a.md:6 Before any talk?",
			"a.md:11 CTR이 왜 떨어졌나요?",
			"a.md:17 eCPM 은 어떻게 보나요?",
			"a.md:22 How long is the TTL?",
			"b.md:6 CTR 말고 다른 지표는?",
		]);
		expect(s.notes[0].talks.map((t) => t.talk?.title ?? null)).toEqual([null, "광고 플랫폼의 티핑 포인트", "Caching at scale"]);
		expect([s.shown, s.matched]).toEqual([5, 5]);
	});

	it("note, tag (nested), talk words, search and limit", () => {
		const all = records();
		expect(questions(selectQa(all, qaOptions({}), "b.md"))).toEqual(["b.md:6 CTR 말고 다른 지표는?"]);
		expect(questions(selectQa(all, qaOptions({ tag: "conference/2025" }), null))).toHaveLength(4);
		expect(questions(selectQa(all, qaOptions({ tag: "Conference" }), null))).toHaveLength(5);
		expect(questions(selectQa(all, qaOptions({ tag: "other" }), null))).toEqual([]);
		expect(questions(selectQa(all, qaOptions({ talk: "티핑포인트 광고" }), null))).toEqual(["a.md:11 CTR이 왜 떨어졌나요?", "a.md:17 eCPM 은 어떻게 보나요?"]);
		expect(questions(selectQa(all, qaOptions({ talk: "mina" }), null))).toEqual(["a.md:22 How long is the TTL?"]);
		// Search reads questions, answers, and the talk's title and speaker, spacing ignored.
		expect(questions(selectQa(all, qaOptions({ search: "티핑 포인트" }), null))).toEqual([
			"a.md:11 CTR이 왜 떨어졌나요?",
			"a.md:17 eCPM 은 어떻게 보나요?",
			"a.md:22 How long is the TTL?",
		]);
		const limited = selectQa(all, qaOptions({ search: "ctr", limit: 1 }), null);
		expect(questions(limited)).toEqual(["a.md:11 CTR이 왜 떨어졌나요?"]);
		expect([limited.shown, limited.matched]).toEqual([1, 2]);
	});
});

describe("selectGlossary and lookupTerm", () => {
	function termIndex(): TermIndex {
		const index = new TermIndex();
		for (const r of records()) index.setNote(r.path, r.glossary);
		return index;
	}

	it("all terms, terms of a note, marked terms, search", () => {
		const index = termIndex();
		const names = (items: ReturnType<typeof selectGlossary>) => items.map((i) => `${i.record.term}: ${i.definitions.map((d) => `${d.path}:${d.line}`).join(",")}`);
		const base = { note: null, tag: null, terms: "all" as const, search: null };
		expect(names(selectGlossary(index.records(), base, { paths: null, markedKeys: new Set() }))).toEqual(["CTR: a.md:14", "ROAS: b.md:9"]);
		expect(names(selectGlossary(index.records(), base, { paths: new Set(["b.md"]), markedKeys: new Set() }))).toEqual(["ROAS: b.md:9"]);
		expect(names(selectGlossary(index.records(), { ...base, terms: "marked" }, { paths: null, markedKeys: new Set(["roas"]) }))).toEqual(["ROAS: b.md:9"]);
		expect(names(selectGlossary(index.records(), { ...base, search: "클릭" }, { paths: null, markedKeys: new Set() }))).toEqual(["CTR: a.md:14"]);
		expect(names(selectGlossary(index.records(), { ...base, search: "click through" }, { paths: null, markedKeys: new Set() }))).toEqual(["CTR: a.md:14"]);
	});

	it("looks names up as hovers read them: any case and spacing, aliases, Korean particles", () => {
		const index = termIndex();
		expect(lookupTerm(index, "ctr")?.term).toBe("CTR");
		expect(lookupTerm(index, "Click Through Rate")?.term).toBe("CTR");
		expect(lookupTerm(index, "CTR을")?.term).toBe("CTR");
		expect(lookupTerm(index, " ROAS는 ")?.term).toBe("ROAS");
		expect(lookupTerm(index, "ROAS*")?.term).toBe("ROAS");
		expect(lookupTerm(index, "CTRL")).toBeUndefined();
		expect(lookupTerm(index, "CTR is")).toBeUndefined();
		expect(lookupTerm(index, "")).toBeUndefined();
		expect(lookupTerm(index, "x".repeat(1_000_000))).toBeUndefined();
	});
});
