import { describe, expect, it } from "vitest";
import { findJargonMarkers, noteHealth, vaultHealth, type HealthNote } from "../../src/core/health";
import { TermIndex } from "../../src/core/term-index";
import type { GlossaryEntry } from "../../src/core/types";
import { hasSharedFixtures, readSharedFixture, REFERENCE_NOTE, SKIP_REASON } from "../helpers/shared-fixtures";
import { referenceEntries } from "./reference-entries";

function entry(term: string, line: number, definition = `about ${term}`, aliases: string[] = []): GlossaryEntry {
	return { term, aliases, definition, definitionMarkdown: definition, line, endLine: line + 1 };
}

function indexOf(notes: HealthNote[]): TermIndex {
	const index = new TermIndex();
	for (const note of notes) index.setNote(note.path, note.glossary);
	return index;
}

describe("findJargonMarkers", () => {
	it("finds word* markers, Latin and Hangul words", () => {
		const markers = findJargonMarkers("the XYZ* 지표와 갠또*가, F&B*, Click-Through* 도미넌트한*");
		expect(markers.map((m) => [m.text, m.line, m.column])).toEqual([
			["XYZ", 1, 5],
			["갠또", 1, 14],
			["F&B", 1, 20],
			["Click-Through", 1, 26],
			["도미넌트한", 1, 41],
		]);
	});

	it("ignores bold, emphasis, list bullets, arithmetic and skipped contexts", () => {
		const text = [
			"**bold** and *emphasis* and *two words*",
			"* bullet item",
			"- item with ***strong***",
			"2*3 = 6",
			"`code*` and [link](https://x.io/a*b) and <b data-x=\"A*\">",
			"```",
			"FENCED*",
			"```",
		].join("\n");
		expect(findJargonMarkers(text)).toEqual([]);
	});

	it("keeps a marker inside bold (the reference note's **Q. … ECPM* …** style)", () => {
		expect(findJargonMarkers("**Q. 여러 ECPM* 지표?**").map((m) => m.text)).toEqual(["ECPM"]);
	});

	it("skips excluded lines", () => {
		expect(findJargonMarkers("A*\nB*\nC*", { excludeLines: [{ line: 2, endLine: 2 }] }).map((m) => m.text)).toEqual(["A", "C"]);
	});
});

describe("noteHealth", () => {
	const note: HealthNote = {
		path: "talk.md",
		text: [
			"# Talk",
			"우리는 XYZ* 지표와 CTR*을 본다. SMBs* 시장, 티핑포인트*를 지나는 중.",
			"*the important part* is ROAS.",
			"",
			"> CTR",
			"> click rate, also XYZ*",
			"",
			"> 티핑 포인트",
			"> 임계점",
			"",
			"> SMB",
			"> small business",
			"",
			"> 갠또",
			"> 어림짐작",
		].join("\n"),
		glossary: [entry("CTR", 5, "click rate, also XYZ*"), entry("티핑 포인트", 8, "임계점"), entry("SMB", 11, "small business"), entry("갠또", 14, "어림짐작")],
	};
	const other: HealthNote = {
		path: "other.md",
		text: "ROAS 얘기, 갠또 얘기.\n\n> SMB\n> 중소기업\n\n> ROAS\n> return on ad spend",
		glossary: [entry("SMB", 3, "중소기업"), entry("ROAS", 6, "return on ad spend")],
	};
	const index = indexOf([note, other]);

	it("reports undefined marked jargon outside glossary blocks only", () => {
		expect(noteHealth(note, index).undefinedMarked).toEqual([{ text: "XYZ", path: "talk.md", line: 2, column: 5 }]);
	});

	it("reports terms defined more than once with different text", () => {
		const { conflicting } = noteHealth(note, index);
		expect(conflicting.map((c) => [c.term, c.definitions.map((d) => [d.path, d.line, d.definition])])).toEqual([
			[
				"SMB",
				[
					["other.md", 3, "중소기업"],
					["talk.md", 11, "small business"],
				],
			],
		]);
	});

	it("reports a term and another term's alias of the same name as one concept when they differ", () => {
		const sre: HealthNote = { path: "Talks/sre.md", text: "", glossary: [entry("에러 버짓", 27, "SLO를 뺀 만큼 허용되는 실패의 양")] };
		const glossary: HealthNote = { path: "Glossary/reliability.md", text: "", glossary: [entry("Error budget", 5, "The failure an SLO still allows.", ["에러 버짓"])] };
		const same: HealthNote = { path: "Glossary/same.md", text: "", glossary: [entry("Toil", 1, "manual, repeated work", ["토일"]), entry("토일", 4, "manual,  repeated work")] };
		const index = indexOf([sre, glossary, same]);
		const expected = [
			[
				"에러 버짓",
				[
					["Talks/sre.md", 27],
					["Glossary/reliability.md", 5],
				],
			],
		];
		const shape = (h: ReturnType<typeof vaultHealth>) => h.conflicting.map((c) => [c.term, c.definitions.map((d) => [d.path, d.line])]);
		expect(shape(vaultHealth([sre, glossary, same], index))).toEqual(expected);
		expect(shape(noteHealth(sre, index))).toEqual(expected);
		expect(shape(noteHealth(glossary, index))).toEqual([["Error budget", [["Glossary/reliability.md", 5], ["Talks/sre.md", 27]]]]);
		// Defined the same way under both names: no conflict.
		expect(noteHealth(same, index).conflicting).toEqual([]);
	});

	it("does not call the same text, differently spaced, a conflict", () => {
		const a: HealthNote = { path: "a.md", text: "", glossary: [entry("스콥", 1, "업무  범위")] };
		const b: HealthNote = { path: "b.md", text: "", glossary: [entry("스콥", 1, "업무 범위 ")] };
		expect(vaultHealth([a, b], indexOf([a, b])).conflicting).toEqual([]);
	});

	it("reports terms the note defines but never mentions", () => {
		expect(noteHealth(note, index).unused).toEqual([{ term: "갠또", path: "talk.md", line: 14 }]);
	});

	it("uses the caller's mentions when given", () => {
		expect(noteHealth({ ...note, mentions: [] }, index).unused.map((u) => u.term)).toEqual(["갠또", "티핑 포인트", "CTR", "SMB"]);
	});

	it("vault-wide: unused means mentioned in no note", () => {
		const health = vaultHealth([note, other], index);
		expect(health.unused).toEqual([]);
		expect(health.undefinedMarked.map((u) => [u.path, u.text])).toEqual([["talk.md", "XYZ"]]);
		expect(health.conflicting.map((c) => c.term)).toEqual(["SMB"]);
		const alone = vaultHealth([note], index);
		expect(alone.unused).toEqual([{ term: "갠또", path: "talk.md", line: 14 }]);
	});

	it("survives an empty note and an empty index", () => {
		const empty: HealthNote = { path: "e.md", text: "", glossary: [] };
		expect(noteHealth(empty, new TermIndex())).toEqual({ undefinedMarked: [], conflicting: [], unused: [] });
		expect(vaultHealth([], new TermIndex())).toEqual({ undefinedMarked: [], conflicting: [], unused: [] });
	});
});

describe.skipIf(!hasSharedFixtures)(`reference note health (${hasSharedFixtures ? REFERENCE_NOTE : SKIP_REASON})`, () => {
	const text = hasSharedFixtures ? readSharedFixture(REFERENCE_NOTE) : "";
	const note: HealthNote = { path: REFERENCE_NOTE, text, glossary: referenceEntries(text) };
	const index = indexOf([note]);
	const health = noteHealth(note, index);

	it("has no undefined marked jargon: its 15 markers are all defined", () => {
		expect(findJargonMarkers(text, { excludeLines: note.glossary })).toHaveLength(15);
		expect(health.undefinedMarked).toEqual([]);
	});

	it("flags SMB, defined at lines 268 and 335 with different text", () => {
		expect(health.conflicting.map((c) => [c.term, c.definitions.map((d) => d.line)])).toEqual([["SMB", [268, 335]]]);
	});

	it("flags the one entry never mentioned", () => {
		expect(health.unused).toEqual([{ term: "포스기와 단말기의 차이", path: REFERENCE_NOTE, line: 271 }]);
	});

	it("reports a marker once its term is removed from the index", () => {
		const partial = new TermIndex();
		partial.setNote(REFERENCE_NOTE, note.glossary.filter((e) => e.term !== "갠또"));
		expect(noteHealth(note, partial).undefinedMarked).toEqual([{ text: "갠또", path: REFERENCE_NOTE, line: 10, column: 58 }]);
	});
});
