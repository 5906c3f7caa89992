// @vitest-environment happy-dom
// @vitest-environment-options {"settings": {"enableJavaScriptEvaluation": true, "suppressInsecureJavaScriptEnvironmentWarning": true, "disableJavaScriptFileLoading": true, "disableCSSFileLoading": true}}
import { Component } from "../../stubs/obsidian"; // also installs Obsidian's DOM helpers, as the app does
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Component as ObsidianComponent } from "obsidian";
import { bindMentionEvents, markMentions, MentionEventsRegistry, mentionPostProcessor, unwrapMentions, wrapMentions } from "../../../src/ui/mentions/reading-view";
import type { MentionHandlers } from "../../../src/ui/mentions/reading-view";
import { activeContent, poke, substringFinder } from "./mention-helpers";
import { renderLikeObsidian } from "../render-like-obsidian";
import { findMentions } from "../../../src/core/matcher";
import { findGlossaryBlocks, parseNote } from "../../../src/core/note-parser";
import { TermIndex } from "../../../src/core/term-index";
import { hasSharedFixtures, readSharedFixture, REFERENCE_NOTE } from "../../helpers/shared-fixtures";

const find = substringFinder({ CTR: "CTR", ROAS: "ROAS", "Click-Through Rate": "CTR", 온보딩: "온보딩", "티핑 포인트": "티핑 포인트" });

function marks(root: HTMLElement): [string, string][] {
	return Array.from(root.querySelectorAll<HTMLElement>(".cqg-mention")).map((el) => [el.textContent ?? "", el.getAttribute("data-term") ?? ""]);
}

/** The plugin's stand-in: unloading it must remove every listener the post-processor added. */
let plugin: Component;
let owner: ObsidianComponent;

beforeEach(() => {
	document.body.empty();
	plugin = new Component();
	plugin.load();
	owner = plugin as unknown as ObsidianComponent;
});

afterEach(() => {
	plugin.unload();
});

describe("wrapMentions", () => {
	it("splits one text node around several mentions and keeps every character", () => {
		const p = document.body.createEl("p", { text: "CTR and ROAS, then CTR" });
		const node = p.firstChild as Text;
		const spans = wrapMentions(node, find(node.data));
		expect(spans.map((s) => s.textContent)).toEqual(["CTR", "ROAS", "CTR"]);
		expect(p.textContent).toBe("CTR and ROAS, then CTR");
		expect(Array.from(p.childNodes).map((n) => n.nodeName)).toEqual(["SPAN", "#text", "SPAN", "#text", "SPAN"]);
	});

	it("marks marked jargon and the plain underline style with classes", () => {
		const p = document.body.createEl("p", { text: "ROAS* matters" });
		const [span] = wrapMentions(p.firstChild as Text, find("ROAS* matters"), "none");
		expect(span.className).toBe("cqg-mention cqg-mention-marked cqg-mention-plain");
		expect(span.textContent).toBe("ROAS");
		expect(p.textContent).toBe("ROAS* matters");
	});
});

describe("markMentions", () => {
	it("marks paragraphs, strong text and headings, and leaves code, pre and links alone", () => {
		const root = document.body.createDiv();
		const p = root.createEl("p");
		p.createEl("strong", { text: "Q. Why CTR?" });
		p.appendChild(document.createTextNode(" We watched ROAS and "));
		p.createEl("code", { text: "CTR" });
		p.appendChild(document.createTextNode(" and "));
		p.createEl("a", { cls: "external-link", text: "CTR docs", attr: { href: "https://example.com/CTR" } });
		p.createEl("a", { cls: "internal-link", text: "ROAS", attr: { "data-href": "ROAS" } });
		root.createEl("h2", { text: "온보딩 talk" });
		root.createEl("pre").createEl("code", { text: "const CTR = ROAS;" });
		const spans = markMentions(root, { find });
		expect(spans.map((s) => s.textContent)).toEqual(["CTR", "ROAS", "온보딩"]);
		expect(root.querySelector("code")!.textContent).toBe("CTR");
		expect(root.querySelectorAll("a .cqg-mention, code .cqg-mention, pre .cqg-mention")).toHaveLength(0);
	});

	it("is idempotent: a second pass adds nothing", () => {
		const root = document.body.createDiv();
		root.createEl("p", { text: "CTR, ROAS" });
		markMentions(root, { find });
		const again = markMentions(root, { find });
		expect(again).toEqual([]);
		expect(root.querySelectorAll(".cqg-mention")).toHaveLength(2);
	});

	it("marked-only mode marks just the `*` jargon", () => {
		const root = document.body.createDiv();
		root.createEl("p", { text: "CTR* went up, ROAS did not, CTR again" });
		expect(markMentions(root, { find, markedOnly: true }).map((s) => s.textContent)).toEqual(["CTR"]);
	});

	it("leaves a glossary entry alone, term line and definition, as the editor does, and marks the term elsewhere", () => {
		const root = document.body.createDiv();
		renderLikeObsidian("> CTR (Click-Through Rate)  \n> Clicks over impressions; a CTR of 2% is fine, unlike ROAS.\n\nThe CTR rose.", root);
		markMentions(root, { find });
		expect(marks(root)).toEqual([["CTR", "CTR"]]);
		const quote = root.querySelector("blockquote")!;
		expect(quote.querySelectorAll(".cqg-mention")).toHaveLength(0);
		expect(quote.querySelector("p")!.firstChild!.nodeType).toBe(Node.TEXT_NODE);
	});

	it("marks a one-line quote (a quotation, not a glossary entry)", () => {
		const root = document.body.createDiv();
		renderLikeObsidian("> CTR is all that matters", root);
		markMentions(root, { find });
		expect(marks(root)).toEqual([["CTR", "CTR"]]);
	});

	it("leaves definition callouts alone, title and body, and marks other callouts", () => {
		const root = document.body.createDiv();
		const callout = root.createDiv({ cls: "callout", attr: { "data-callout": "definition" } });
		callout.createDiv({ cls: "callout-title" }).createDiv({ cls: "callout-title-inner", text: "ROAS" });
		callout.createDiv({ cls: "callout-content" }).createEl("p", { text: "Return on ad spend, unlike CTR." });
		const tip = root.createDiv({ cls: "callout", attr: { "data-callout": "tip" } });
		tip.createDiv({ cls: "callout-title" }).createDiv({ cls: "callout-title-inner", text: "Watch ROAS" });
		expect(marks(root)).toEqual([]);
		markMentions(root, { find });
		expect(marks(root)).toEqual([["ROAS", "ROAS"]]);
	});

	it("leaves a note or info callout titled with a known term alone (the parser reads it as an entry), and marks other note callouts", () => {
		const root = document.body.createDiv();
		const entry = root.createDiv({ cls: "callout", attr: { "data-callout": "note" } });
		entry.createDiv({ cls: "callout-title" }).createDiv({ cls: "callout-title-inner", text: "ROAS (Return on ad spend)" });
		entry.createDiv({ cls: "callout-content" }).createEl("p", { text: "Revenue over ad cost, unlike CTR." });
		const info = root.createDiv({ cls: "callout", attr: { "data-callout": "info" } });
		info.createDiv({ cls: "callout-title" }).createDiv({ cls: "callout-title-inner", text: "CTR" });
		info.createDiv({ cls: "callout-content" }).createEl("p", { text: "Clicks over views." });
		const remark = root.createDiv({ cls: "callout", attr: { "data-callout": "note" } });
		remark.createDiv({ cls: "callout-title" }).createDiv({ cls: "callout-title-inner", text: "Remember" });
		remark.createDiv({ cls: "callout-content" }).createEl("p", { text: "Ask about CTR." });
		markMentions(root, { find });
		expect(marks(root)).toEqual([["CTR", "CTR"]]);
		expect(remark.querySelectorAll(".cqg-mention")).toHaveLength(1);
	});

	it("in a section known to hold glossary lines, leaves `**term**: definition` items and headings alone", () => {
		const root = document.body.createDiv();
		const list = root.createEl("ul");
		const li = list.createEl("li");
		li.createEl("strong", { text: "CTR" });
		li.appendChild(document.createTextNode(": clicks over views, see ROAS"));
		list.createEl("li", { text: "Ask about ROAS next time" });
		markMentions(root, { find, glossarySection: true });
		expect(marks(root)).toEqual([["ROAS", "ROAS"]]);
		expect(li.querySelectorAll(".cqg-mention")).toHaveLength(0);
	});

	it("does nothing inside the preview popover or inside skipped ancestors", () => {
		const pop = document.body.createDiv({ cls: "cqg-hover" });
		const inner = pop.createDiv();
		inner.createEl("p", { text: "CTR" });
		expect(markMentions(inner, { find })).toEqual([]);
		const pre = document.body.createEl("pre");
		const inPre = pre.createDiv();
		inPre.appendChild(document.createTextNode("CTR"));
		expect(markMentions(inPre, { find })).toEqual([]);
	});

	it("survives empty, whitespace-only and huge text", () => {
		const root = document.body.createDiv();
		root.createEl("p", { text: "" });
		root.createEl("p", { text: "   \n  " });
		root.createEl("p", { text: "CTR ".repeat(2000) });
		expect(markMentions(root, { find })).toHaveLength(2000);
	});
});

describe("mentionPostProcessor", () => {
	const handlers = (): MentionHandlers & { calls: string[] } => {
		const calls: string[] = [];
		return {
			calls,
			hover: (el, term) => calls.push(`hover ${term}`),
			unhover: (el) => calls.push(`unhover ${el.textContent}`),
			tap: (el, term) => calls.push(`tap ${term}`),
			open: (el, term) => calls.push(`open ${term}`),
		};
	};
	const settings = { enabled: true, markedOnly: false, underline: "dotted" as const };

	it("mentions are no tab stops unless focusable mentions are asked for", () => {
		const root = document.body.createDiv();
		root.createEl("p", { text: "CTR and ROAS" });
		mentionPostProcessor({ owner, find, settings: () => settings, handlers: handlers() })(root, { getSectionInfo: () => null });
		const spans = Array.from(root.querySelectorAll(".cqg-mention"));
		expect(spans.map((s) => [s.getAttribute("tabindex"), s.getAttribute("role")])).toEqual([
			[null, null],
			[null, null],
		]);
	});

	it("focusable mentions are buttons opening a dialog; Enter and Space open the preview, other keys do nothing", () => {
		const h = handlers();
		const root = document.body.createDiv();
		root.createEl("p", { text: "CTR and ROAS" });
		mentionPostProcessor({ owner, find, settings: () => ({ ...settings, focusable: true }), handlers: h })(root, { getSectionInfo: () => null });
		const spans = Array.from(root.querySelectorAll<HTMLElement>(".cqg-mention"));
		expect(spans.map((s) => [s.textContent, s.getAttribute("tabindex"), s.getAttribute("role"), s.getAttribute("aria-haspopup")])).toEqual([
			["CTR", "0", "button", "dialog"],
			["ROAS", "0", "button", "dialog"],
		]);
		const enter = new KeyboardEvent("keydown", { key: "Enter", bubbles: true, cancelable: true });
		spans[0].dispatchEvent(enter);
		spans[1].dispatchEvent(new KeyboardEvent("keydown", { key: " ", bubbles: true, cancelable: true }));
		spans[1].dispatchEvent(new KeyboardEvent("keydown", { key: "a", bubbles: true, cancelable: true }));
		spans[1].dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", ctrlKey: true, bubbles: true, cancelable: true }));
		expect(h.calls).toEqual(["open CTR", "open ROAS"]);
		expect(enter.defaultPrevented).toBe(true);
	});

	it("does nothing when reading-view hovers are off", () => {
		const root = document.body.createDiv();
		root.createEl("p", { text: "CTR" });
		mentionPostProcessor({ owner, find, settings: () => ({ ...settings, enabled: false }), handlers: handlers() })(root, { getSectionInfo: () => null });
		expect(marks(root)).toEqual([]);
	});

	it("uses the note's glossary blocks (via section info) to leave `- **term**:` entries alone", () => {
		const note = "## Glossary\n\n- **CTR**: clicks over views, see ROAS\n\nCTR rose.";
		const root = document.body.createDiv();
		const li = root.createEl("ul").createEl("li");
		li.createEl("strong", { text: "CTR" });
		li.appendChild(document.createTextNode(": clicks over views, see ROAS"));
		const other = document.body.createDiv();
		other.createEl("p", { text: "CTR rose." });
		const glossaryBlocks = vi.fn(() => [{ line: 3, endLine: 3 }]);
		const process = mentionPostProcessor({ owner, find, settings: () => settings, glossaryBlocks, handlers: handlers() });
		const info = (el: HTMLElement) => (el === root ? { text: note, lineStart: 2, lineEnd: 2 } : { text: note, lineStart: 4, lineEnd: 4 });
		process(root, { getSectionInfo: info });
		process(other, { getSectionInfo: info });
		expect(marks(root)).toEqual([]);
		expect(marks(other)).toEqual([["CTR", "CTR"]]);
		// The whole note is scanned for glossary blocks once, not once per section.
		expect(glossaryBlocks).toHaveBeenCalledTimes(1);
	});

	it("hovering a mention calls hover, leaving it calls unhover, mouse clicks do not tap", () => {
		const h = handlers();
		const root = document.body.createDiv();
		root.createEl("p", { text: "see CTR now" });
		mentionPostProcessor({ owner, find, settings: () => settings, handlers: h })(root, { getSectionInfo: () => null });
		const span = root.querySelector<HTMLElement>(".cqg-mention")!;
		span.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
		span.dispatchEvent(new MouseEvent("mouseout", { bubbles: true, relatedTarget: root }));
		span.click();
		root.querySelector("p")!.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
		expect(h.calls).toEqual(["hover CTR", "unhover CTR"]);
	});

	it("a touch tap opens (taps), and touch does not fake a hover", () => {
		const h = handlers();
		const root = document.body.createDiv();
		root.createEl("p", { text: "see CTR now" });
		mentionPostProcessor({ owner, find, settings: () => settings, handlers: h })(root, { getSectionInfo: () => null });
		const span = root.querySelector<HTMLElement>(".cqg-mention")!;
		span.dispatchEvent(new PointerEvent("pointerdown", { bubbles: true, pointerType: "touch" }));
		span.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
		span.click();
		expect(h.calls).toEqual(["tap CTR"]);
	});

	it("on mobile a click is a tap", () => {
		const h = handlers();
		const root = document.body.createDiv();
		root.createEl("p", { text: "CTR" });
		bindMentionEvents(owner, root, h, () => true);
		markMentions(root, { find });
		root.querySelector<HTMLElement>(".cqg-mention")!.click();
		expect(h.calls).toEqual(["tap CTR"]);
	});
});

describe("unload", () => {
	/** The post-processor as the plugin registers it, with a render owner per "view" (`ctx.addChild`). */
	function setup() {
		const h = { calls: [] as string[], hover: (_el: HTMLElement, term: string) => h.calls.push(`hover ${term}`), unhover: () => h.calls.push("unhover"), tap: (_el: HTMLElement, term: string) => h.calls.push(`tap ${term}`) };
		const process = mentionPostProcessor({ owner, find, settings: () => ({ enabled: true, markedOnly: false, underline: "dotted" }), handlers: h, isMobile: () => false });
		const registry = (plugin as unknown as { children: unknown[] }).children.find((c) => c instanceof MentionEventsRegistry) as MentionEventsRegistry;
		/** Renders `texts` as a reading view: one section each, children owned by the view's render. */
		const render = (texts: string[]) => {
			const view = new Component();
			view.load();
			const root = document.body.createDiv({ cls: "markdown-preview-view" });
			for (const text of texts) {
				const section = root.createDiv();
				section.createEl("p", { text });
				process(section, { getSectionInfo: () => null, addChild: (child) => view.addChild(child as unknown as Component) });
			}
			return { view, root };
		};
		return { h, render, registry };
	}

	function counting() {
		const live = new Map<EventTarget, number>();
		// The DOM's own EventTarget (happy-dom's, which Node extends; the global may be another class).
		const proto = Object.getPrototypeOf(Node.prototype) as EventTarget;
		const realAdd = Object.getOwnPropertyDescriptor(proto, "addEventListener")?.value as (this: EventTarget, ...args: Parameters<EventTarget["addEventListener"]>) => void;
		const realRemove = Object.getOwnPropertyDescriptor(proto, "removeEventListener")?.value as (this: EventTarget, ...args: Parameters<EventTarget["removeEventListener"]>) => void;
		const seen = new WeakMap<EventTarget, Set<string>>();
		const ids = new WeakMap<object, number>();
		let next = 0;
		const id = (listener: unknown) => {
			if (listener === null || (typeof listener !== "object" && typeof listener !== "function")) return -1;
			if (!ids.has(listener)) ids.set(listener, next++);
			return ids.get(listener)!;
		};
		const keyOf = (type: string, listener: unknown, options?: boolean | EventListenerOptions) => `${type}|${id(listener)}|${typeof options === "boolean" ? options : options?.capture === true}`;
		vi.spyOn(proto, "addEventListener").mockImplementation(function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) {
			const set = seen.get(this) ?? new Set<string>();
			const k = keyOf(type, listener, options);
			if (!set.has(k)) live.set(this, (live.get(this) ?? 0) + 1);
			set.add(k);
			seen.set(this, set);
			realAdd.call(this, type, listener, options);
		});
		vi.spyOn(proto, "removeEventListener").mockImplementation(function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions) {
			const set = seen.get(this);
			const k = keyOf(type, listener, options);
			if (set?.delete(k)) live.set(this, (live.get(this) ?? 1) - 1);
			realRemove.call(this, type, listener, options);
		});
		/** Listeners still attached to `root` or anything under it. */
		return (root: HTMLElement) => [...live].filter(([target, n]) => n > 0 && target instanceof Node && root.contains(target)).reduce((sum, [, n]) => sum + n, 0);
	}

	afterEach(() => {
		vi.restoreAllMocks();
	});

	it("unloading the plugin removes every listener from views rendered earlier, and their marks", () => {
		const attached = counting();
		const { h, render, registry } = setup();
		const first = render(["CTR went up", "no terms here", "ROAS and CTR"]);
		const second = render(["온보딩 first"]);
		// Four delegated listeners on each section with mentions; none on the section without.
		expect([attached(first.root), attached(second.root)]).toEqual([8, 4]);
		expect(registry.size).toBe(3);
		const span = first.root.querySelector<HTMLElement>(".cqg-mention")!;
		span.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
		expect(h.calls).toEqual(["hover CTR"]);

		plugin.unload();
		expect([attached(first.root), attached(second.root)]).toEqual([0, 0]);
		expect(registry.size).toBe(0);
		expect(first.root.querySelectorAll(".cqg-mention")).toHaveLength(0);
		expect(Array.from(first.root.querySelectorAll("p")).map((p) => [p.textContent, p.childNodes.length])).toEqual([
			["CTR went up", 1],
			["no terms here", 1],
			["ROAS and CTR", 1],
		]);
		// The element kept from before: hovering or tapping it reaches nothing.
		span.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
		span.dispatchEvent(new PointerEvent("pointerdown", { bubbles: true, pointerType: "touch" }));
		span.click();
		first.root.querySelector("p")!.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
		expect(h.calls).toEqual(["hover CTR"]);
		// The views unloading later (closing the tab) is harmless.
		first.view.unload();
		second.view.unload();
	});

	it("a re-rendered view releases its sections' listeners; the plugin keeps no record of them", () => {
		const attached = counting();
		const { render, registry } = setup();
		for (let i = 0; i < 50; i++) {
			const { view, root } = render(["CTR", "ROAS"]);
			expect(attached(root)).toBe(8);
			view.unload();
			expect(attached(root)).toBe(0);
		}
		expect(registry.size).toBe(0);
		const kept = render(["CTR"]);
		expect(registry.size).toBe(1);
		expect(attached(kept.root)).toBe(4);
	});

	it("unwrapMentions gives back the text as it was", () => {
		const root = document.body.createDiv();
		const p = root.createEl("p", { text: "CTR 와 ROAS, 그리고 온보딩" });
		markMentions(root, { find });
		expect(p.querySelectorAll(".cqg-mention")).toHaveLength(3);
		unwrapMentions(root);
		expect([p.textContent, p.childNodes.length, p.querySelectorAll("span").length]).toEqual(["CTR 와 ROAS, 그리고 온보딩", 1, 0]);
	});
});

describe("reading view security", () => {
	it("a hostile term name or text in the note stays text and runs nothing", () => {
		const hostile = `<img src=x onerror="window.cqgPwned = 1">`;
		const evilFind = substringFinder({ [hostile]: hostile, "javascript:": "javascript:" });
		const root = document.body.createDiv();
		root.createEl("p", { text: `Before ${hostile} after javascript: alert(1)` });
		markMentions(root, { find: evilFind });
		expect(marks(root)).toEqual([
			[hostile, hostile],
			["javascript:", "javascript:"],
		]);
		expect(activeContent(root)).toEqual([]);
		poke(root);
		expect((window as unknown as Record<string, unknown>).cqgPwned).toBeUndefined();
	});
});

describe.skipIf(!hasSharedFixtures)("the reference note in reading view", () => {
	const text = hasSharedFixtures ? readSharedFixture(REFERENCE_NOTE) : "";
	const path = "Conferences/toss-makers-conference-25.md";
	const extra = ["", "```", "CTR 과 ROAS 를 계산하는 코드", "```", "", "[CTR 설명](https://example.com/CTR) 그리고 `ROAS` 와 ROAS 차이, [[ROAS]]"].join("\n");

	function render(markdown: string) {
		const index = new TermIndex();
		index.setNote(path, parseNote(text, path, { requireTag: false })!.glossary);
		const find = (t: string) => findMentions(t, index.matcher(), { blocks: false });
		const process = mentionPostProcessor({ owner, find, glossaryBlocks: findGlossaryBlocks, settings: () => ({ enabled: true, markedOnly: false, underline: "dotted" }), handlers: { hover() {}, unhover() {}, tap() {} } });
		const root = document.body.createDiv({ cls: "markdown-preview-view" });
		for (const section of renderLikeObsidian(markdown, root)) {
			process(section.el, { getSectionInfo: (el) => (el === section.el ? { text: markdown, lineStart: section.lineStart, lineEnd: section.lineEnd } : null) });
		}
		return { root, index };
	}

	it("marks the mentions the core matcher finds, in order, except inside glossary entries (as the editor)", () => {
		const { root, index } = render(text);
		const expected = findMentions(text, index.matcher(), { excludeLines: findGlossaryBlocks(text) }).map((m) => [m.text, m.term]);
		expect(marks(root)).toEqual(expected);
		expect(expected).toHaveLength(25);
		expect(marks(root).slice(0, 4)).toEqual([
			["ECPM", "eCPM"],
			["갠또", "갠또"],
			["DRI 문화", "DRI 문화"],
			["컴플라이언스 리스크", "컴플라이언스 리스크"],
		]);
		// The rendered text is unchanged by the marking.
		const { root: plain } = render(text);
		expect(root.textContent).toBe(plain.textContent);
	});

	it("leaves every glossary blockquote's term line alone", () => {
		const { root } = render(text);
		const quotes = Array.from(root.querySelectorAll("blockquote"));
		expect(quotes.length).toBeGreaterThanOrEqual(18);
		for (const quote of quotes) {
			const p = quote.querySelector("p")!;
			for (let node = p.firstChild; node && node.nodeName !== "BR"; node = node.nextSibling) expect(node.nodeType).toBe(Node.TEXT_NODE);
		}
	});

	it("leaves code blocks, inline code and links alone", () => {
		const { root } = render(text + extra);
		const last = Array.from(root.children).slice(-2);
		expect(last[0].querySelector("pre code")!.textContent).toBe("CTR 과 ROAS 를 계산하는 코드");
		expect(last[0].querySelectorAll(".cqg-mention")).toHaveLength(0);
		expect(marks(last[1] as HTMLElement)).toEqual([["ROAS", "ROAS"]]);
		expect(last[1].querySelector("a.external-link")!.textContent).toBe("CTR 설명");
		expect(last[1].querySelectorAll("a .cqg-mention, code .cqg-mention")).toHaveLength(0);
	});
});
