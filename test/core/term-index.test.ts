import { describe, expect, it } from "vitest";
import { findMentions } from "../../src/core/matcher";
import { TermIndex } from "../../src/core/term-index";
import type { GlossaryEntry } from "../../src/core/types";

function entry(term: string, line: number, definition = `about ${term}`, aliases: string[] = []): GlossaryEntry {
	return { term, aliases, definition, definitionMarkdown: definition, line, endLine: line + 1 };
}

function terms(index: TermIndex, text: string): string[] {
	return findMentions(text, index.matcher()).map((m) => m.term);
}

describe("TermIndex", () => {
	it("holds a record per term with every definition and its source, in (path, line) order", () => {
		const index = new TermIndex();
		index.setNote("b.md", [entry("SMB", 3, "small business")]);
		index.setNote("a.md", [entry("SMB", 9, "중소기업", ["Small and Medium Business"]), entry("스콥", 2)]);
		expect(index.size).toBe(2);
		const smb = index.lookup("smb");
		expect(smb?.term).toBe("SMB");
		expect(smb?.names).toEqual(["SMB", "Small and Medium Business"]);
		expect(smb?.definitions.map((d) => [d.path, d.line, d.definition])).toEqual([
			["a.md", 9, "중소기업"],
			["b.md", 3, "small business"],
		]);
	});

	it("looks up by term or alias in any case, spacing or normalisation form", () => {
		const index = new TermIndex();
		index.setNote("n.md", [entry("티핑 포인트", 1), entry("CTR", 4, "click rate", ["Click-Through Rate"]), entry("eCPM", 7)]);
		expect(index.lookup("티핑포인트")?.term).toBe("티핑 포인트");
		expect(index.lookup("티핑 포인트".normalize("NFD"))?.term).toBe("티핑 포인트");
		expect(index.lookup("click-through  rate")?.term).toBe("CTR");
		expect(index.lookup("ECPM")?.term).toBe("eCPM");
		expect(index.lookup("CTRL")).toBeUndefined();
		expect(index.lookup("")).toBeUndefined();
	});

	it("lists records in compareTerms order", () => {
		const index = new TermIndex();
		index.setNote("n.md", [entry("SMB", 1), entry("eCPM", 2), entry("갠또", 3), entry("CTR", 4)]);
		expect(index.records().map((r) => r.term)).toEqual(["갠또", "CTR", "eCPM", "SMB"]);
	});

	it("replaces one note's entries and the matcher follows", () => {
		const index = new TermIndex();
		index.setNote("a.md", [entry("CTR", 1)]);
		index.setNote("b.md", [entry("SMB", 1)]);
		expect(terms(index, "CTR SMB SME")).toEqual(["CTR", "SMB"]);
		const matcher = index.matcher();
		const version = index.version;
		index.setNote("b.md", [entry("SME", 1)]);
		expect(index.version).toBeGreaterThan(version);
		expect(index.matcher()).toBe(matcher); // patched in place, not rebuilt
		expect(terms(index, "CTR SMB SME")).toEqual(["CTR", "SME"]);
		expect(index.lookup("SMB")).toBeUndefined();
	});

	it("removes a note and keeps definitions from other notes", () => {
		const index = new TermIndex();
		index.setNote("a.md", [entry("SMB", 1, "one")]);
		index.setNote("b.md", [entry("SMB", 5, "two"), entry("CTR", 8)]);
		index.removeNote("b.md");
		expect(index.lookup("SMB")?.definitions.map((d) => d.definition)).toEqual(["one"]);
		expect(index.lookup("CTR")).toBeUndefined();
		expect(terms(index, "SMB CTR")).toEqual(["SMB"]);
		expect(index.paths()).toEqual(["a.md"]);
		index.removeNote("a.md");
		expect(index.size).toBe(0);
		expect(terms(index, "SMB CTR")).toEqual([]);
	});

	it("renames a note: definitions follow the new path", () => {
		const index = new TermIndex();
		index.setNote("old.md", [entry("CTR", 3)]);
		index.renameNote("old.md", "new.md");
		expect(index.lookup("CTR")?.definitions.map((d) => [d.path, d.line])).toEqual([["new.md", 3]]);
		expect(index.entriesOf("new.md")).toHaveLength(1);
		expect(index.entriesOf("old.md")).toEqual([]);
		expect(terms(index, "CTR")).toEqual(["CTR"]);
	});

	it("bumps version only on real changes", () => {
		const index = new TermIndex();
		index.setNote("a.md", [entry("CTR", 1)]);
		const v = index.version;
		index.setNote("a.md", [entry("CTR", 1)]);
		index.removeNote("missing.md");
		index.renameNote("missing.md", "x.md");
		expect(index.version).toBe(v);
		index.setNote("a.md", [entry("CTR", 2)]);
		expect(index.version).toBe(v + 1);
	});

	it("matches aliases and follows alias changes", () => {
		const index = new TermIndex();
		index.setNote("a.md", [entry("VAN 대리점", 1, "relay", ["Value Added Network"])]);
		expect(terms(index, "a value added network 업체")).toEqual(["VAN 대리점"]);
		index.setNote("a.md", [entry("VAN 대리점", 1, "relay", [])]);
		expect(terms(index, "a value added network 업체")).toEqual([]);
		expect(terms(index, "VAN대리점*")).toEqual(["VAN 대리점"]);
	});

	it("lets a defined term win over another record's alias, and the alias return when the term goes", () => {
		const index = new TermIndex();
		index.setNote("a.md", [entry("Click-Through Rate", 1, "full name", ["CTR"])]);
		expect(index.lookup("CTR")?.term).toBe("Click-Through Rate");
		index.setNote("b.md", [entry("CTR", 1, "short name")]);
		expect(index.lookup("CTR")?.term).toBe("CTR");
		expect(terms(index, "CTR")).toEqual(["CTR"]);
		index.removeNote("b.md");
		expect(index.lookup("CTR")?.term).toBe("Click-Through Rate");
		expect(terms(index, "CTR")).toEqual(["Click-Through Rate"]);
	});

	it("resolves an alias claimed by two records to the earliest definition, whatever the insertion order", () => {
		for (const order of [["a.md", "b.md"], ["b.md", "a.md"]]) {
			const index = new TermIndex();
			const notes: Record<string, GlossaryEntry[]> = {
				"a.md": [entry("Return on Ad Spend", 5, "x", ["RO"])],
				"b.md": [entry("Return on Investment", 1, "y", ["RO"])],
			};
			for (const path of order) index.setNote(path, notes[path]);
			expect(index.lookup("RO")?.term).toBe("Return on Ad Spend");
			expect(terms(index, "RO")).toEqual(["Return on Ad Spend"]);
		}
	});

	it("uses the first definition's spelling as the display term", () => {
		const index = new TermIndex();
		index.setNote("b.md", [entry("ECPM", 1)]);
		expect(terms(index, "ecpm")).toEqual(["ECPM"]);
		index.setNote("a.md", [entry("eCPM", 1)]);
		expect(index.lookup("ECPM")?.term).toBe("eCPM");
		expect(terms(index, "ecpm")).toEqual(["eCPM"]);
		expect(index.lookup("ecpm")?.definitions).toHaveLength(2);
	});

	it("ignores entries with blank terms and builds the matcher lazily from scratch when none exists", () => {
		const index = new TermIndex();
		index.setNote("a.md", [entry("  ", 1), entry("스콥", 3)]);
		expect(index.size).toBe(1);
		index.clear();
		expect(index.size).toBe(0);
		index.setNote("a.md", [entry("스콥", 3)]);
		expect(terms(index, "스콥을")).toEqual(["스콥"]);
	});
});

describe("TermIndex with many notes defining the same terms", () => {
	it("keeps (path, line) order, the first definition's term and every name through updates in any order", () => {
		const index = new TermIndex();
		const paths = Array.from({ length: 40 }, (_, i) => `talks/${String(i).padStart(2, "0")}.md`);
		for (const path of [...paths].reverse()) index.setNote(path, [entry("SLO", 5, `objective in ${path}`, ["Service Level Objective"]), entry("CTR", 9)]);
		index.setNote(paths[3], [entry("slo", 2, "lower-case spelling", ["서비스 수준 목표"]), entry("SLO", 8)]);
		index.removeNote(paths[0]);
		const slo = index.lookup("service level objective");
		expect(slo?.term).toBe("SLO");
		expect(slo?.definitions.length).toBe(40);
		expect(slo?.definitions.slice(0, 4).map((d) => [d.path, d.line, d.term])).toEqual([
			[paths[1], 5, "SLO"],
			[paths[2], 5, "SLO"],
			[paths[3], 2, "slo"],
			[paths[3], 8, "SLO"],
		]);
		expect(slo?.names).toEqual(["SLO", "Service Level Objective", "서비스 수준 목표"]);
		expect(findMentions("서비스 수준 목표와 SLO, ctr", index.matcher()).map((m) => m.term)).toEqual(["SLO", "SLO", "CTR"]);
		index.removeNote(paths[1]);
		index.removeNote(paths[2]);
		expect(index.lookup("SLO")?.term).toBe("slo");
		index.setNote(paths[3], []);
		expect(index.lookup("서비스수준목표")).toBeUndefined();
		expect(findMentions("서비스 수준 목표", index.matcher())).toEqual([]);
		expect(index.lookup("SLO")?.definitions.length).toBe(36);
	});
});
