import { describe, expect, it } from "vitest";
import { en } from "../../src/i18n/en";
import { ko } from "../../src/i18n/ko";
import { PARTICLES, placeholdersOf } from "../../src/i18n/format";

const keys = Object.keys(en) as (keyof typeof en)[];

describe("message tables", () => {
	it("define exactly the same keys in English and Korean", () => {
		expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort());
		expect(keys.length).toBe(204);
	});

	it("use exactly the same placeholders in both languages, message by message", () => {
		const differing = keys.filter((k) => placeholdersOf(en[k]).join(",") !== placeholdersOf(ko[k]).join(","));
		expect(differing).toEqual([]);
		// A spot check that placeholders are read at all (plural choices name their count once).
		expect(placeholdersOf(en["export.done"])).toEqual(["entries", "path", "questions"]);
		expect(placeholdersOf(ko["export.done"])).toEqual(["entries", "path", "questions"]);
		expect(placeholdersOf(ko["notice.alreadyDefined"])).toEqual(["line", "name"]);
	});

	it("write Korean particles only right after a value (closing quotes between are fine), and only the known ones", () => {
		for (const k of keys) {
			for (const m of ko[k].matchAll(/\{([^{}]*\/[^{}]*)\}/g)) {
				expect(Object.keys(PARTICLES), `${k}: ${m[0]}`).toContain(m[1]);
				expect(ko[k].slice(0, m.index), `${k}: ${m[0]} follows a value`).toMatch(/\}["”’)]*$/);
			}
			// English has no particles; Korean has no English plural choices.
			expect(en[k], k).not.toMatch(/\{[^{}]*\/[^{}]*\}/);
			expect(ko[k], k).not.toMatch(/\{[A-Za-z]+:/);
		}
	});

	it("put Korean counters after the noun: a count is followed by 개, 곳, 가지 or 번째, never by a noun", () => {
		const counts = ["count", "notes", "terms", "questions", "entries", "rest"];
		for (const k of keys) {
			for (const m of ko[k].matchAll(/\{([a-z]+)\}(\S*)/gi)) {
				if (!counts.includes(m[1])) continue;
				expect(m[2], `${k}: {${m[1]}}${m[2]}`).toMatch(/^(?:개|곳|가지|번째)/);
			}
		}
	});

	it("never leave a message empty or untranslated English in the Korean table (names and formats aside)", () => {
		const same = keys.filter((k) => ko[k] === en[k]);
		expect(same.sort()).toEqual(["export.json.title", "notice.readFailureItem", "settings.excludedFolders.placeholder", "settings.language.en", "settings.language.ko"]);
		for (const k of keys) expect(ko[k].trim(), k).not.toBe("");
	});
});
