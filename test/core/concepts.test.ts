import { describe, expect, it } from "vitest";
import { TermIndex } from "../../src/core/term-index";
import type { GlossaryEntry } from "../../src/core/types";

function entry(term: string, line: number, definition: string, aliases: string[] = []): GlossaryEntry {
	return { term, aliases, definition, definitionMarkdown: definition, line, endLine: line + 1 };
}

describe("concepts", () => {
	const index = new TermIndex();
	index.setNote("Talks/sre.md", [entry("에러 버짓", 27, "허용되는 실패의 양"), entry("SLO", 13, "약속하는 목표")]);
	index.setNote("Glossary/reliability.md", [entry("Error budget", 5, "The failure an SLO allows.", ["에러버짓"]), entry("Burn rate", 8, "How fast it goes.")]);
	index.setNote("Glossary/more.md", [entry("Budget policy", 2, "What happens when it runs out.", ["error  budget"])]);

	it("joins a term with the terms whose alias it is, in any spacing or case, transitively", () => {
		const concepts = index.concepts();
		const names = (term: string) => concepts.of(index.lookup(term)!).map((r) => r.term);
		expect(names("에러 버짓")).toEqual(["에러 버짓", "Budget policy", "Error budget"]);
		expect(names("Error budget")).toEqual(["Error budget", "에러 버짓", "Budget policy"]);
		expect(names("SLO")).toEqual(["SLO"]);
		expect(concepts.shared().map((g) => g.map((r) => r.term))).toEqual([["에러 버짓", "Budget policy", "Error budget"]]);
	});

	it("merges into one record named as asked, with every name and definition once", () => {
		const merged = index.concepts().merged(index.lookup("에러 버짓")!);
		expect(merged.term).toBe("에러 버짓");
		expect(merged.names).toEqual(["에러 버짓", "Budget policy", "Error budget"]);
		expect(merged.definitions.map((d) => [d.term, d.path, d.line])).toEqual([
			["에러 버짓", "Talks/sre.md", 27],
			["Budget policy", "Glossary/more.md", 2],
			["Error budget", "Glossary/reliability.md", 5],
		]);
		const slo = index.lookup("SLO")!;
		expect(index.concepts().merged(slo)).toBe(slo);
	});

	it("is rebuilt when the index changes, and reused while it does not", () => {
		const before = index.concepts();
		expect(index.concepts()).toBe(before);
		index.setNote("Glossary/more.md", []);
		expect(index.concepts()).not.toBe(before);
		expect(index.concepts().of(index.lookup("에러 버짓")!).map((r) => r.term)).toEqual(["에러 버짓", "Error budget"]);
	});
});
