import { describe, expect, it } from "vitest";
import { hasTag, noteTags } from "../../src/core/tags";

describe("noteTags", () => {
	it.each([
		["---\ntags:\n  - Conference\n  - draft\n---\n", ["Conference", "draft"]],
		["---\ntags: [conference, 'Talks']\n---\n", ["conference", "Talks"]],
		["---\ntags: Conference, notes\n---\n", ["Conference", "notes"]],
		["---\ntag: \"#Conference\"\n---\n", ["Conference"]],
		["---\ntags: conference/2025\n---\n", ["conference/2025"]],
		["Notes from the day #Conference and #회의/2025\n", ["Conference", "회의/2025"]],
		["## Talk #conference\n", ["conference"]],
	])("reads %j", (text, tags) => {
		expect(noteTags(text)).toEqual(tags);
	});

	it("ignores what is not a tag", () => {
		const text = [
			"#1. First section",
			"# Heading",
			"`#inline-code` and https://example.com/#anchor",
			"```",
			"#in-fence",
			"```",
			"issue#42 and #123",
			"Join freenode #channel",
			"%%",
			"#in-comment",
			"%%",
		].join("\n");
		expect(noteTags(text)).toEqual([]);
	});

	it("keeps frontmatter tags first and drops duplicates ignoring case", () => {
		expect(noteTags("---\ntags: [Conference]\n---\n#conference #Talk")).toEqual(["Conference", "Talk"]);
	});

	it("survives BOM, CRLF and NFD", () => {
		expect(noteTags("\ufeff---\r\ntags: [컨퍼런스]\r\n---\r\n".normalize("NFD"))).toEqual(["컨퍼런스"]);
	});
});

describe("hasTag", () => {
	it("matches case-insensitively, with or without #, and nested tags", () => {
		expect(hasTag(["conference"], ["Conference"])).toBe(true);
		expect(hasTag(["#CONFERENCE/2025/seoul"], ["Conference"])).toBe(true);
		expect(hasTag(["Conferences"], ["Conference"])).toBe(false);
		expect(hasTag(["talk/conference"], ["Conference"])).toBe(false);
		expect(hasTag(["meetup"], ["Conference", "#Meetup"])).toBe(true);
		expect(hasTag([], ["Conference"])).toBe(false);
	});
});
