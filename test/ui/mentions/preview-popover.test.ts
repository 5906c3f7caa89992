// @vitest-environment happy-dom
// @vitest-environment-options {"settings": {"enableJavaScriptEvaluation": true, "suppressInsecureJavaScriptEnvironmentWarning": true, "disableJavaScriptFileLoading": true, "disableCSSFileLoading": true}}
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { App, MarkdownRenderer } from "../../stubs/obsidian";
import { HOVER_CLOSE_DELAY_MS, HOVER_OPEN_DELAY_MS, HoverPreview, placePopover } from "../../../src/ui/mentions/preview-popover";
import { noteName } from "../../../src/core/text";
import type { TermRecord } from "../../../src/core/types";
import type { App as ObsidianApp } from "obsidian";
import { activeContent, definition, HOSTILE, poke, record } from "./mention-helpers";

const viewport = { width: 1000, height: 800 };

describe("placePopover", () => {
	it("puts the popover below the mention, left-aligned, when it fits", () => {
		const p = placePopover({ left: 100, top: 100, width: 40, height: 20 }, { width: 300, height: 200 }, viewport);
		expect(p).toMatchObject({ side: "below", left: 100, top: 126 });
	});

	it("flips above when there is no room below", () => {
		const p = placePopover({ left: 100, top: 700, width: 40, height: 20 }, { width: 300, height: 200 }, viewport);
		expect(p.side).toBe("above");
		expect(p.top + 200).toBeLessThanOrEqual(700);
	});

	it("stays inside the right and left edges", () => {
		const right = placePopover({ left: 900, top: 100, width: 40, height: 20 }, { width: 300, height: 200 }, viewport);
		expect(right.left + 300).toBeLessThanOrEqual(viewport.width - 8);
		const left = placePopover({ left: -50, top: 100, width: 40, height: 20 }, { width: 300, height: 200 }, viewport);
		expect(left.left).toBe(8);
	});

	it("takes the roomier side and caps the height when neither side fits", () => {
		const p = placePopover({ left: 10, top: 300, width: 40, height: 20 }, { width: 300, height: 2000 }, viewport);
		expect(p.side).toBe("below");
		expect(p.top + p.maxHeight).toBeLessThanOrEqual(viewport.height);
		expect(p.top).toBeGreaterThanOrEqual(8);
	});

	it("is wider than the screen: pinned to the left margin", () => {
		const p = placePopover({ left: 200, top: 10, width: 40, height: 20 }, { width: 5000, height: 100 }, viewport);
		expect(p.left).toBe(8);
	});
});

describe("noteName", () => {
	it("shows the note's name without folders or extension", () => {
		expect(noteName("Conferences/2025/Product day.md")).toBe("Product day");
		expect(noteName("plain")).toBe("plain");
	});
});

describe("HoverPreview", () => {
	let app: App;
	let preview: HoverPreview;
	let terms: Map<string, TermRecord>;
	let mention: HTMLElement;

	beforeEach(() => {
		vi.useFakeTimers();
		document.body.empty();
		MarkdownRenderer.renders = [];
		app = new App();
		terms = new Map();
		terms.set(
			"CTR",
			record("CTR", [definition("CTR", "Clicks divided by **impressions**.", "Talks/Ads day.md", 12, ["Click-Through Rate"]), definition("CTR", "Share of viewers who click.", "Glossary/Marketing.md", 4)], ["CTR", "Click-Through Rate"]),
		);
		preview = new HoverPreview({ app: app as unknown as ObsidianApp, lookup: (t) => terms.get(t) });
		preview.load();
		mention = document.body.createSpan({ cls: "cqg-mention", text: "CTR", attr: { "data-term": "CTR" } });
	});

	afterEach(() => {
		preview.unload();
		vi.useRealTimers();
		delete (window as unknown as Record<string, unknown>).cqgPwned;
	});

	const popover = () => document.body.querySelector<HTMLElement>(".cqg-hover");

	it("shows term, aliases and every definition with its source note and line", () => {
		expect(preview.open(mention, "CTR")).toBe(true);
		const el = popover()!;
		expect(el.classList.contains("popover")).toBe(true);
		expect(el.classList.contains("hover-popover")).toBe(true);
		expect(el.querySelector(".cqg-hover-term")!.textContent).toBe("CTR");
		expect(el.querySelector(".cqg-hover-aliases")!.textContent).toBe("Click-Through Rate");
		const items = el.querySelectorAll(".cqg-hover-definition");
		expect(items).toHaveLength(2);
		expect(items[0].querySelector(".cqg-hover-body")!.textContent).toContain("Clicks divided by **impressions**.");
		expect(items[0].querySelector(".cqg-hover-note")!.textContent).toBe("Ads day");
		// Line references read one way everywhere: `Note, line 12` (the panel and the pickers write the same).
		expect(`${items[0].querySelector(".cqg-hover-note")!.textContent}${items[0].querySelector(".cqg-hover-line")!.textContent}`).toBe("Ads day, line 12");
		expect(items[1].querySelector(".cqg-hover-note")!.textContent).toBe("Marketing");
		// Rendered through MarkdownRenderer, with the definition's note as source path.
		expect(MarkdownRenderer.renders.map((r) => [r.markdown, r.sourcePath])).toEqual([
			["Clicks divided by **impressions**.", "Talks/Ads day.md"],
			["Share of viewers who click.", "Glossary/Marketing.md"],
		]);
	});

	it("opened from the keyboard, it takes focus as a named dialog; Escape closes it and gives focus back", () => {
		const editor = document.body.createDiv({ attr: { tabindex: "0" } });
		editor.focus();
		expect(preview.open(mention, "CTR", { focus: true })).toBe(true);
		const el = popover()!;
		expect(el.getAttribute("role")).toBe("dialog");
		expect(el.getAttribute("aria-label")).toBe("CTR");
		expect(document.activeElement).toBe(el);
		document.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true, cancelable: true }));
		expect(popover()).toBeNull();
		expect(document.activeElement).toBe(editor);
	});

	it("gives focus back to the element it was told to (the mention), and not after a hover", () => {
		const editor = document.body.createDiv({ attr: { tabindex: "0" } });
		mention.setAttribute("tabindex", "0");
		editor.focus();
		preview.open(mention, "CTR", { focus: true, returnFocus: mention });
		document.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true, cancelable: true }));
		expect(document.activeElement).toBe(mention);
		editor.focus();
		preview.open(mention, "CTR");
		expect(document.activeElement).toBe(editor);
		document.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true, cancelable: true }));
		expect(popover()).toBeNull();
		expect(document.activeElement).toBe(editor);
	});

	it("positions itself with CSS custom properties, not static styles", () => {
		preview.open(mention, "CTR");
		const el = popover()!;
		expect(el.style.getPropertyValue("--cqg-hover-left")).toMatch(/^\d+px$/);
		expect(el.style.getPropertyValue("--cqg-hover-top")).toMatch(/^\d+px$/);
		expect(el.style.getPropertyValue("left")).toBe("");
	});

	it("owns the rendered Markdown: closing unloads the component it rendered into", () => {
		preview.open(mention, "CTR");
		const components = MarkdownRenderer.renders.map((r) => r.component);
		expect(new Set(components).size).toBe(1);
		const owner = components[0];
		expect(owner._loaded).toBe(true);
		expect(MarkdownRenderer.renders[0].child._loaded).toBe(true);
		preview.close();
		expect(owner._loaded).toBe(false);
		expect(MarkdownRenderer.renders[0].child._loaded).toBe(false);
		expect(popover()).toBeNull();
	});

	it("replaces the previous popover instead of stacking them", () => {
		preview.open(mention, "CTR");
		const other = document.body.createSpan({ text: "CTR again" });
		preview.open(other, "CTR");
		expect(document.body.querySelectorAll(".cqg-hover")).toHaveLength(1);
	});

	it("opens after the hover delay, not before", () => {
		preview.hover(mention, "CTR", new MouseEvent("mouseover"));
		vi.advanceTimersByTime(HOVER_OPEN_DELAY_MS - 1);
		expect(popover()).toBeNull();
		vi.advanceTimersByTime(1);
		expect(popover()).not.toBeNull();
	});

	it("does not open when the pointer leaves before the delay", () => {
		preview.hover(mention, "CTR", new MouseEvent("mouseover"));
		vi.advanceTimersByTime(100);
		preview.unhover(mention);
		vi.advanceTimersByTime(1000);
		expect(popover()).toBeNull();
	});

	it("with the modifier setting, waits for Ctrl/Cmd (held on hover, or pressed while hovering)", () => {
		preview.hover(mention, "CTR", new MouseEvent("mouseover"), { requireModifier: true });
		vi.advanceTimersByTime(1000);
		expect(popover()).toBeNull();
		document.dispatchEvent(new KeyboardEvent("keydown", { key: "Control" }));
		vi.advanceTimersByTime(0);
		expect(popover()).not.toBeNull();

		preview.close();
		preview.hover(mention, "CTR", new MouseEvent("mouseover", { metaKey: true }), { requireModifier: true });
		vi.advanceTimersByTime(HOVER_OPEN_DELAY_MS);
		expect(popover()).not.toBeNull();
	});

	it("a modifier pressed after the pointer left does nothing", () => {
		preview.hover(mention, "CTR", new MouseEvent("mouseover"), { requireModifier: true });
		preview.unhover(mention);
		document.dispatchEvent(new KeyboardEvent("keydown", { key: "Control" }));
		vi.advanceTimersByTime(1000);
		expect(popover()).toBeNull();
	});

	it("stays while the pointer is over it and closes after it leaves", () => {
		preview.open(mention, "CTR");
		const el = popover()!;
		preview.unhover(mention);
		vi.advanceTimersByTime(HOVER_CLOSE_DELAY_MS / 2);
		el.dispatchEvent(new MouseEvent("mouseenter"));
		vi.advanceTimersByTime(5000);
		expect(popover()).toBe(el);
		el.dispatchEvent(new MouseEvent("mouseleave"));
		vi.advanceTimersByTime(HOVER_CLOSE_DELAY_MS);
		expect(popover()).toBeNull();
	});

	it("going back from the popover to the mention keeps it open", () => {
		preview.open(mention, "CTR");
		const el = popover()!;
		el.dispatchEvent(new MouseEvent("mouseleave"));
		preview.hover(mention, "CTR", new MouseEvent("mouseover"));
		vi.advanceTimersByTime(5000);
		expect(popover()).toBe(el);
	});

	it("follows its mention on scroll and resize, and closes when the mention is gone", () => {
		preview.open(mention, "CTR");
		const el = popover()!;
		let rect = { left: 600, top: 100, right: 640, bottom: 120, width: 40, height: 20, x: 600, y: 100 };
		mention.getBoundingClientRect = () => ({ ...rect, toJSON: () => rect });
		document.body.dispatchEvent(new Event("scroll"));
		vi.advanceTimersByTime(50);
		expect(popover()).toBe(el);
		expect(el.style.getPropertyValue("--cqg-hover-top")).toBe("126px");
		rect = { ...rect, top: -300, bottom: -280, y: -300 };
		window.dispatchEvent(new Event("resize"));
		vi.advanceTimersByTime(50);
		expect(popover()).toBeNull();
		preview.open(mention, "CTR");
		mention.remove();
		document.body.dispatchEvent(new Event("scroll"));
		vi.advanceTimersByTime(50);
		expect(popover()).toBeNull();
	});

	it("scrolling inside the popover keeps it where it is", () => {
		preview.open(mention, "CTR");
		const el = popover()!;
		const before = el.style.getPropertyValue("--cqg-hover-top");
		el.dispatchEvent(new Event("scroll"));
		vi.advanceTimersByTime(50);
		expect(popover()).toBe(el);
		expect(el.style.getPropertyValue("--cqg-hover-top")).toBe(before);
	});

	it("closes on Escape", () => {
		preview.open(mention, "CTR");
		document.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape" }));
		expect(popover()).toBeNull();
	});

	it("a tap opens at once, a second tap on the same mention closes, a tap elsewhere closes", () => {
		preview.tap(mention, "CTR");
		expect(popover()).not.toBeNull();
		preview.tap(mention, "CTR");
		expect(popover()).toBeNull();
		preview.tap(mention, "CTR");
		document.body.createDiv({ text: "elsewhere" }).dispatchEvent(new PointerEvent("pointerdown", { bubbles: true }));
		expect(popover()).toBeNull();
	});

	it("a tap inside the popover keeps it open", () => {
		preview.tap(mention, "CTR");
		popover()!.querySelector(".cqg-hover-body")!.dispatchEvent(new PointerEvent("pointerdown", { bubbles: true }));
		expect(popover()).not.toBeNull();
	});

	it("opens the source note at the definition's line (0-based eState) and closes", async () => {
		app.vault.seed("Glossary/Marketing.md", "# Marketing\n\n\n> CTR\n> Share of viewers who click.\n");
		preview.open(mention, "CTR");
		const buttons = popover()!.querySelectorAll<HTMLButtonElement>(".cqg-hover-open");
		buttons[1].click();
		await vi.runAllTimersAsync();
		expect(app.workspace.opened).toHaveLength(1);
		expect(app.workspace.opened[0]).toMatchObject({ file: { path: "Glossary/Marketing.md" }, openState: { eState: { line: 3 } } });
		expect(app.workspace.leafRequests).toEqual([false]);
		expect(popover()).toBeNull();
	});

	it("Ctrl/Cmd-click on open uses a new tab", async () => {
		app.vault.seed("Talks/Ads day.md", "text");
		preview.open(mention, "CTR");
		popover()!.querySelector<HTMLButtonElement>(".cqg-hover-open")!.dispatchEvent(new MouseEvent("click", { ctrlKey: true }));
		await vi.runAllTimersAsync();
		expect(app.workspace.leafRequests).toEqual(["tab"]);
	});

	it("shows nothing for a term that is no longer defined", () => {
		expect(preview.open(mention, "ROAS")).toBe(false);
		expect(popover()).toBeNull();
		preview.hover(mention, "ROAS", new MouseEvent("mouseover"));
		vi.advanceTimersByTime(1000);
		expect(popover()).toBeNull();
	});

	it("a term removed while its popover waits to open does not open", () => {
		preview.hover(mention, "CTR", new MouseEvent("mouseover"));
		terms.delete("CTR");
		vi.advanceTimersByTime(1000);
		expect(popover()).toBeNull();
	});

	it("unloading while it waits for Ctrl/Cmd removes its key listener from the document", () => {
		const added = vi.spyOn(document, "addEventListener");
		const removed = vi.spyOn(document, "removeEventListener");
		preview.hover(mention, "CTR", new MouseEvent("mouseover"), { requireModifier: true });
		const keyListeners = added.mock.calls.filter(([type]) => type === "keydown").map(([, listener]) => listener);
		expect(keyListeners).toHaveLength(1);
		preview.unload();
		expect(removed.mock.calls.filter(([type, listener]) => type === "keydown" && listener === keyListeners[0])).toHaveLength(1);
		document.dispatchEvent(new KeyboardEvent("keydown", { key: "Control" }));
		vi.advanceTimersByTime(1000);
		expect(popover()).toBeNull();
		added.mockRestore();
		removed.mockRestore();
	});

	it("unloading the preview closes it and its timers", () => {
		preview.open(mention, "CTR");
		preview.hover(document.body.createSpan(), "CTR", new MouseEvent("mouseover"));
		preview.unload();
		vi.advanceTimersByTime(1000);
		expect(popover()).toBeNull();
	});
});

describe("HoverPreview security", () => {
	const flag = () => (window as unknown as Record<string, unknown>).cqgPwned;
	let preview: HoverPreview;

	beforeEach(() => {
		document.body.empty();
		delete (window as unknown as Record<string, unknown>).cqgPwned;
	});

	afterEach(() => {
		preview?.unload();
		delete (window as unknown as Record<string, unknown>).cqgPwned;
	});

	it("the harness notices script that runs (positive control)", () => {
		const bad = document.body.createDiv();
		bad.createEl("img", { attr: { src: "x", onerror: "window.cqgPwned = 'control'" } });
		expect(activeContent(bad)).toContain("img[onerror]");
		poke(bad);
		expect(flag()).toBe("control");
	});

	it.each(Object.entries(HOSTILE))("a %s definition shows as text and runs nothing", (name, hostile) => {
		const app = new App();
		const terms = new Map([["X", record("X", [definition(`X ${name}`, hostile, "Notes/<img src=x onerror=alert(1)>.md", 2, ["<script>alert(1)</script>"])], ["X", "<b>bold</b>"])]]);
		preview = new HoverPreview({ app: app as unknown as ObsidianApp, lookup: (t) => terms.get(t) });
		preview.load();
		const target = document.body.createSpan({ text: "X" });
		preview.open(target, "X");
		const el = document.body.querySelector<HTMLElement>(".cqg-hover")!;
		expect(el.textContent).toContain(hostile);
		expect(el.querySelector(".cqg-hover-aliases")!.textContent).toBe("<b>bold</b>");
		expect(activeContent(el)).toEqual([]);
		poke(el);
		expect(flag()).toBeUndefined();
	});
});
