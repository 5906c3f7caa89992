/**
 * The rules shared by core, UI and CLI, each defined once: tag normalisation, the default tag,
 * frontmatter delimiters and the callout types read as definitions.
 */
import { describe, expect, it } from "vitest";
import { cleanTagList, DEFAULT_TAGS, hasTag, normalizeTag, parseTagList, tagKey } from "../../src/core/tags";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { findFrontmatterEnd, isFrontmatterDelimiter, readFrontmatter } from "../../src/core/frontmatter";
import { frontmatterEndLine } from "../../src/core/markdown-context";
import { opaqueBlocks, textLines } from "../../src/core/insertion";
import { DEFINITION_CALLOUTS, TERM_TITLED_CALLOUTS } from "../../src/core/glossary-parser";
import { parseNote } from "../../src/core/note-parser";
import { parseTagList as settingsTabParseTagList } from "../../src/ui/settings-tab";
import { readHandEdits } from "../../src/core/settings-versions";

describe("tags: one rule", () => {
	it("normalizes a typed tag: blanks, leading #s and trailing /s go", () => {
		expect(normalizeTag("  ##Conference/ ")).toBe("Conference");
		expect(normalizeTag("conference/2025")).toBe("conference/2025");
		expect(normalizeTag("#")).toBe("");
		expect(tagKey("#컨퍼런스/")).toBe("컨퍼런스");
		expect(tagKey(" #DevDay")).toBe("devday");
	});

	it("cleans a list: no blanks, no repeats ignoring case, first spelling kept", () => {
		expect(cleanTagList(["#Conference", "conference", " ", "#", "meetup/", "Meetup", "회의"])).toEqual(["Conference", "meetup", "회의"]);
		expect(parseTagList("#Conference, meetup\n회의  conference")).toEqual(["Conference", "meetup", "회의"]);
	});

	it("is the rule of the settings tab, data.json hand edits and tag matching", () => {
		expect(settingsTabParseTagList).toBe(parseTagList);
		expect(readHandEdits({ tags: "#Conference, conference, meetup/" }).tags).toEqual(["Conference", "meetup"]);
		expect(hasTag(["conference/2025"], ["##Conference/"])).toBe(true);
		expect(hasTag(["#Conference"], ["conference"])).toBe(true);
	});

	it("has one default tag, used by the settings", () => {
		expect(DEFAULT_TAGS).toEqual(["Conference"]);
		expect(DEFAULT_SETTINGS.tags).toEqual(DEFAULT_TAGS);
	});
});

describe("frontmatter delimiters: one rule", () => {
	it("reads `---` (after a BOM on line 1) and, closing, `---` or `...`, with trailing blanks", () => {
		expect(isFrontmatterDelimiter("---", false)).toBe(true);
		expect(isFrontmatterDelimiter("\ufeff--- \t\r", false)).toBe(true);
		expect(isFrontmatterDelimiter("...", false)).toBe(false);
		expect(isFrontmatterDelimiter("...", true)).toBe(true);
		expect(isFrontmatterDelimiter("\ufeff---", true)).toBe(false);
		expect(isFrontmatterDelimiter("----", false)).toBe(false);
		expect(isFrontmatterDelimiter(" ---", false)).toBe(false);
		expect(isFrontmatterDelimiter("-.-", true)).toBe(false);
		expect(isFrontmatterDelimiter("", true)).toBe(false);
	});

	it("finds the closing line the same way in the parser, the matcher's context and the insertion", () => {
		const cases: [string, number][] = [
			["---\ntags: [a]\n---\nbody", 2],
			["---\ntitle: x\n...\nbody", 2],
			["---  \ntitle: x\n---\t\nbody", 2],
			["---\nunclosed", -1],
			["---", -1],
			["text\n---\n---", -1],
			["\ufeff---\na: 1\n---\n", 2],
		];
		for (const [text, end] of cases) {
			const lines = text.split("\n");
			expect(findFrontmatterEnd(lines.length, (i) => lines[i]), text).toBe(end);
			expect(readFrontmatter(lines.map((l, i) => (i === 0 ? l.replace(/^\ufeff/, "") : l))).endLine, text).toBe(end);
			expect(frontmatterEndLine(text), text).toBe(end + 1);
			expect(opaqueBlocks(textLines(text))[0], text).toBe(end);
		}
	});
});

describe("definition callouts: one list", () => {
	it("every listed callout type holds a definition; note and info only when titled with a term", () => {
		for (const type of [...DEFINITION_CALLOUTS, ...TERM_TITLED_CALLOUTS]) {
			const note = parseNote(`> [!${type}] CTR (Click-Through Rate)\n> Clicks over views.\n`, "n.md", { requireTag: false });
			expect(note?.glossary.map((g) => g.term), type).toEqual(["CTR"]);
		}
		expect(DEFINITION_CALLOUTS).toHaveLength(8);
		expect(TERM_TITLED_CALLOUTS).toEqual(["note", "info"]);
		const tip = parseNote(`> [!tip] CTR (Click-Through Rate)\n> Clicks over views.\n`, "n.md", { requireTag: false });
		expect(tip?.glossary).toEqual([]);
	});
});
