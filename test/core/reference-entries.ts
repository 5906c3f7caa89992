/**
 * The reference note's 19 glossary entries, written down by hand (term, aliases, line) so the matcher
 * tests do not depend on the note parser. Definitions are read from the note itself at those lines (the
 * note is never copied into the project). Each block is the term line and the definition line after it.
 */
import type { GlossaryEntry } from "../../src/core/types";

const REFERENCE_GLOSSARY: readonly [term: string, line: number, aliases: readonly string[]][] = [
	["eCPM", 13, []],
	["갠또", 16, []],
	["DRI 문화", 50, []],
	["컴플라이언스 리스크", 60, []],
	["CTR", 121, ["Click-Through Rate"]],
	["ROAS", 124, []],
	["PMF", 129, []],
	["스콥", 150, []],
	["MVP", 257, []],
	["SaaS", 260, []],
	["SMB", 268, ["Small and Medium Business"]],
	["포스기와 단말기의 차이", 271, []],
	["티핑 포인트", 291, []],
	["도미넌트", 294, []],
	["F&B", 332, []],
	["SMB", 335, ["Small and Medium Business"]],
	["SME", 335, ["Small and Medium Enterprise"]],
	["VAN 대리점", 354, ["Value Added Network"]],
	["컴플라이언스", 392, []],
];

/** The entries as the note parser will produce them, with definitions taken from `noteText`. */
export function referenceEntries(noteText: string): GlossaryEntry[] {
	const lines = noteText.split(/\r?\n/);
	return REFERENCE_GLOSSARY.map(([term, line, aliases]) => {
		const definition = (lines[line] ?? "").replace(/^>\s?/, "").trim();
		return { term, aliases: [...aliases], definition, definitionMarkdown: definition, line, endLine: line + 1 };
	});
}

/** Glossary blocks to exclude when matching: each entry's term line through its last definition line. */
export function glossaryBlocks(entries: readonly GlossaryEntry[]): { line: number; endLine: number }[] {
	return entries.map((e) => ({ line: e.line, endLine: e.endLine }));
}
