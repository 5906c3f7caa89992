// @vitest-environment happy-dom
import "../../stubs/obsidian"; // installs Obsidian's DOM helpers, as the app does
import { beforeEach, describe, expect, it } from "vitest";
import { mentionClass, mentionFromEvent, mentionPointerListeners, MENTION_SELECTOR } from "../../../src/ui/mentions/mention-dom";

beforeEach(() => {
	document.body.empty();
});

/** A paragraph with one mention of CTR and a preview popover holding another. */
function page(): { root: HTMLElement; mention: HTMLElement; inPreview: HTMLElement } {
	const root = document.body.createEl("p", { text: "We track " });
	const mention = root.createSpan({ cls: mentionClass(false, "dotted"), attr: { "data-term": "CTR" }, text: "CTR" });
	const preview = root.createDiv({ cls: "cqg-hover" });
	const inPreview = preview.createSpan({ cls: mentionClass(false, "dotted"), attr: { "data-term": "ROAS" }, text: "ROAS" });
	return { root, mention, inPreview };
}

describe("mention classes", () => {
	it("are the same words for the editor and reading view", () => {
		expect(mentionClass(false, "dotted")).toBe("cqg-mention");
		expect(mentionClass(true, "dotted")).toBe("cqg-mention cqg-mention-marked");
		expect(mentionClass(true, "none")).toBe("cqg-mention cqg-mention-marked cqg-mention-plain");
		expect(MENTION_SELECTOR).toBe(".cqg-mention[data-term]");
	});
});

describe("mentionFromEvent", () => {
	it("finds the mention under the root, not one inside the preview or outside the root", () => {
		const { root, mention, inPreview } = page();
		const outside = document.body.createSpan({ cls: "cqg-mention", attr: { "data-term": "CTR" }, text: "CTR" });
		const at = (target: HTMLElement) => ({ target }) as unknown as Event;
		expect(mentionFromEvent(at(mention), root)).toBe(mention);
		expect(mentionFromEvent(at(inPreview), root)).toBeNull();
		expect(mentionFromEvent(at(outside), root)).toBeNull();
		expect(mentionFromEvent(at(root), root)).toBeNull();
	});
});

describe("mentionPointerListeners", () => {
	it("hovers with a mouse, taps with touch, and leaves only when the pointer leaves the mention", () => {
		const { root, mention } = page();
		const seen: string[] = [];
		const listeners = mentionPointerListeners(root, {
			hover: (_el, term) => seen.push(`hover ${term}`),
			leave: (el) => seen.push(`leave ${el.getAttribute("data-term")}`),
			tap: (_el, term) => seen.push(`tap ${term}`),
		});
		const mouse = (type: string, relatedTarget: Node | null = null) => ({ type, target: mention, relatedTarget }) as unknown as MouseEvent;
		listeners.mouseover(mouse("mouseover"));
		listeners.click(mouse("click"));
		listeners.mouseout(mouse("mouseout", mention.firstChild));
		listeners.mouseout(mouse("mouseout", root));
		listeners.pointerdown({ pointerType: "touch" } as PointerEvent);
		listeners.mouseover(mouse("mouseover"));
		listeners.click(mouse("click"));
		expect(seen).toEqual(["hover CTR", "leave CTR", "tap CTR"]);
	});

	it("treats every click as a tap on a phone or tablet", () => {
		const { root, mention } = page();
		const seen: string[] = [];
		const listeners = mentionPointerListeners(root, { hover: () => seen.push("hover"), leave: () => seen.push("leave"), tap: (_el, term) => seen.push(`tap ${term}`) }, () => true);
		listeners.mouseover({ target: mention } as unknown as MouseEvent);
		listeners.click({ target: mention } as unknown as MouseEvent);
		expect(seen).toEqual(["tap CTR"]);
	});
});
