// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from "vitest";
import type { App as ObsidianApp } from "obsidian";
import { App, Modal } from "../stubs/obsidian";
import { askOverwrite } from "../../src/ui/overwrite-modal";

beforeEach(() => {
	Modal.openModals = [];
	document.body.replaceChildren();
});

function buttons(): HTMLButtonElement[] {
	return Array.from(document.querySelectorAll<HTMLButtonElement>(".modal-container button"));
}

describe("Replace the existing file?", () => {
	it("puts the focus and the accent on Keep both, so Enter never replaces", async () => {
		const answer = askOverwrite(new App() as unknown as ObsidianApp, "Exports/Talks - Q&A.csv");
		const [first, replace, cancel] = buttons();
		expect(buttons().map((b) => b.textContent)).toEqual(["Keep both", "Replace", "Cancel"]);
		expect(document.activeElement).toBe(first);
		expect(first.classList.contains("mod-cta")).toBe(true);
		expect(replace.classList.contains("mod-cta")).toBe(false);
		expect(replace.classList.contains("mod-warning")).toBe(true);
		expect(cancel.classList.contains("mod-cta")).toBe(false);
		first.click();
		expect(await answer).toBe("keep-both");
	});

	it("replaces only on a deliberate click on Replace", async () => {
		const answer = askOverwrite(new App() as unknown as ObsidianApp, "Exports/Talks - Q&A.csv");
		buttons()[1].click();
		expect(await answer).toBe("replace");
	});
});
