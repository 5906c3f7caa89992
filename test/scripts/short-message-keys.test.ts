import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { messageKeys, shortenKeys, shortId } from "../../scripts/short-message-keys.mjs";
import { en } from "../../src/i18n/en";

describe("short message keys in the release build", () => {
	it("reads every key of the English table, in order", () => {
		const keys = messageKeys(readFileSync("src/i18n/en.ts", "utf8"));
		expect(keys).toEqual(Object.keys(en));
	});

	it("gives every key its own id, none of which is a key", () => {
		const ids = Object.keys(en).map((_, i) => shortId(i));
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids.slice(0, 3)).toEqual(["a", "b", "c"]);
		expect(ids.filter((id) => id.includes("."))).toEqual([]);
	});

	it("replaces exact double-quoted keys only", () => {
		const ids = new Map([["command.openPanel", "a"], ["command.open", "b"]]);
		expect(shortenKeys(`t("command.openPanel"); t("command.open"); x("command.openPanelX"); y = "command.open panel";`, ids)).toBe(
			`t("a"); t("b"); x("command.openPanelX"); y = "command.open panel";`,
		);
	});

	it("stops the build on a key written in single quotes or a template", () => {
		const ids = new Map([["command.openPanel", "a"]]);
		expect(() => shortenKeys("t('command.openPanel')", ids, "src/x.ts")).toThrow("src/x.ts: message key 'command.openPanel' must be written in double quotes");
		expect(() => shortenKeys("t(`command.openPanel`)", ids)).toThrow("must be written in double quotes");
	});
});
