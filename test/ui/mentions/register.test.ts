// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { EditorState } from "@codemirror/state";
import type { Extension } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import type { Plugin as ObsidianPlugin } from "obsidian";
import { App, Events, Plugin, setLivePreview, editorLivePreviewField } from "../../stubs/obsidian";
import type { EventRef } from "../../stubs/obsidian";
import { DEFAULT_SETTINGS, type PluginSettings } from "../../../src/core/settings";
import { TermIndex } from "../../../src/core/term-index";
import type { GlossaryEntry } from "../../../src/core/types";
import { registerHovers } from "../../../src/ui/mentions/register";
import type { HoverIndex } from "../../../src/ui/mentions/register";
import { HOVER_OPEN_DELAY_MS } from "../../../src/ui/mentions/preview-popover";

class TestPlugin extends Plugin {}

function entry(term: string, line: number, definition = `About ${term}.`): GlossaryEntry {
	return { term, aliases: [], definition, definitionMarkdown: definition, line, endLine: line + 1 };
}

/** The part of ConferenceIndex the hovers use, with a way to fire `changed`. */
class FakeIndex implements HoverIndex {
	readonly terms = new TermIndex();
	private readonly events = new Events();
	on(name: "changed", callback: (paths: string[]) => void): EventRef {
		return this.events.on(name, callback);
	}
	offref(ref: EventRef): void {
		this.events.offref(ref);
	}
	setNote(path: string, entries: GlossaryEntry[]): void {
		this.terms.setNote(path, entries);
		this.events.trigger("changed", [path]);
	}
}

/** A settings store like SettingsStore: `current` and `changed` with the keys. */
class FakeSettings {
	current: PluginSettings = { ...DEFAULT_SETTINGS, tags: ["Conference"] };
	private readonly events = new Events();
	on(name: "changed", callback: (keys: (keyof PluginSettings)[]) => void): EventRef {
		return this.events.on(name, callback);
	}
	update(patch: Partial<PluginSettings>): void {
		this.current = { ...this.current, ...patch };
		this.events.trigger("changed", Object.keys(patch));
	}
}

let app: App;
let plugin: TestPlugin;
let index: FakeIndex;
let settings: FakeSettings;
let views: EditorView[];

beforeEach(() => {
	document.body.empty();
	app = new App();
	plugin = new TestPlugin(app, { id: "conference-qa-glossary", name: "Conference Q&A Glossary", version: "0.1.0", minAppVersion: "1.5.0", description: "", author: "" });
	plugin.load();
	index = new FakeIndex();
	index.setNote("Talks/ads.md", [entry("CTR", 10, "Clicks over views."), entry("ROAS", 14)]);
	settings = new FakeSettings();
	views = [];
});

afterEach(() => {
	for (const v of views) v.destroy();
	plugin.unload();
	vi.useRealTimers();
});

function register() {
	return registerHovers(plugin as unknown as ObsidianPlugin, index, settings);
}

function editor(doc: string, livePreview = true): EditorView {
	const extension = app.editorExtensions[0] as Extension;
	const view = new EditorView({ state: EditorState.create({ doc, extensions: [editorLivePreviewField.init(() => livePreview), extension] }), parent: document.body.createDiv() });
	views.push(view);
	return view;
}

const marked = (view: EditorView) => Array.from(view.contentDOM.querySelectorAll(".cqg-mention")).map((el) => el.getAttribute("data-term"));

describe("registerHovers", () => {
	it("registers one post-processor and one editor extension, released on unload", () => {
		register();
		expect(app.markdownPostProcessors).toHaveLength(1);
		expect(app.editorExtensions).toHaveLength(1);
		plugin.unload();
		expect(app.markdownPostProcessors).toHaveLength(0);
		expect(app.editorExtensions).toHaveLength(0);
	});

	it("editors follow the index when another note changes, without being touched", () => {
		register();
		const view = editor("CTR, ROAS and 제로투원");
		expect(marked(view)).toEqual(["CTR", "ROAS"]);
		index.setNote("Glossary/startup.md", [entry("제로투원", 3)]);
		expect(marked(view)).toEqual(["CTR", "ROAS", "제로투원"]);
		index.setNote("Talks/ads.md", [entry("CTR", 10)]);
		expect(marked(view)).toEqual(["CTR", "제로투원"]);
	});

	it("editors follow the settings: per-mode switch, marked only, underline style", () => {
		register();
		const live = editor("CTR* and ROAS");
		const source = editor("CTR* and ROAS", false);
		expect(marked(source)).toEqual(["CTR", "ROAS"]);
		settings.update({ hoverSourceMode: false });
		expect(marked(source)).toEqual([]);
		expect(marked(live)).toEqual(["CTR", "ROAS"]);
		source.dispatch({ effects: setLivePreview.of(true) });
		expect(marked(source)).toEqual(["CTR", "ROAS"]);
		settings.update({ decorateMentions: "marked", underlineStyle: "none" });
		expect(marked(live)).toEqual(["CTR"]);
		expect(live.contentDOM.querySelector(".cqg-mention")!.className).toContain("cqg-mention-plain");
	});

	it("reading view: rendered mentions open the preview after the hover delay", () => {
		vi.useFakeTimers();
		register();
		const process = app.markdownPostProcessors[0] as (el: HTMLElement, ctx: unknown) => void;
		const section = document.body.createDiv();
		section.createEl("p", { text: "Our CTR went up." });
		process(section, { getSectionInfo: () => null });
		const span = section.querySelector<HTMLElement>(".cqg-mention")!;
		expect(span.textContent).toBe("CTR");
		span.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
		vi.advanceTimersByTime(HOVER_OPEN_DELAY_MS);
		const pop = document.body.querySelector(".cqg-hover")!;
		expect(pop.querySelector(".cqg-hover-term")!.textContent).toBe("CTR");
		expect(pop.querySelector(".cqg-hover-body")!.textContent).toContain("Clicks over views.");
		// Unloading the plugin closes it.
		plugin.unload();
		expect(document.body.querySelector(".cqg-hover")).toBeNull();
	});

	it("a term and another term's alias of the same name are one concept: either hover shows both definitions", () => {
		vi.useFakeTimers();
		index.setNote("Talks/sre.md", [entry("에러 버짓", 27, "SLO를 뺀 만큼 허용되는 실패의 양.")]);
		index.setNote("Glossary/reliability.md", [{ ...entry("Error budget", 5, "The failure an SLO still allows."), aliases: ["에러 버짓"] }]);
		register();
		const process = app.markdownPostProcessors[0] as (el: HTMLElement, ctx: unknown) => void;
		const section = document.body.createDiv();
		section.createEl("p", { text: "에러 버짓을 다 쓰면 error budget 회의." });
		process(section, { getSectionInfo: () => null });
		const spans = Array.from(section.querySelectorAll<HTMLElement>(".cqg-mention"));
		expect(spans.map((s) => s.textContent)).toEqual(["에러 버짓", "error budget"]);
		const shown: string[][] = [];
		for (const span of spans) {
			span.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
			vi.advanceTimersByTime(HOVER_OPEN_DELAY_MS);
			const pop = document.body.querySelector(".cqg-hover")!;
			shown.push(Array.from(pop.querySelectorAll(".cqg-hover-body")).map((b) => b.textContent ?? ""));
			span.dispatchEvent(new MouseEvent("mouseout", { bubbles: true }));
			vi.advanceTimersByTime(1000);
		}
		expect(shown).toEqual([
			["SLO를 뺀 만큼 허용되는 실패의 양.", "The failure an SLO still allows."],
			["The failure an SLO still allows.", "SLO를 뺀 만큼 허용되는 실패의 양."],
		]);
	});

	it("with the modifier setting, a plain hover does not open; Ctrl held does", () => {
		vi.useFakeTimers();
		settings.update({ hoverRequireModifier: true });
		register();
		const view = editor("CTR");
		const mark = view.contentDOM.querySelector<HTMLElement>(".cqg-mention")!;
		mark.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
		vi.advanceTimersByTime(1000);
		expect(document.body.querySelector(".cqg-hover")).toBeNull();
		mark.dispatchEvent(new MouseEvent("mouseout", { bubbles: true, relatedTarget: view.contentDOM }));
		mark.dispatchEvent(new MouseEvent("mouseover", { bubbles: true, ctrlKey: true }));
		vi.advanceTimersByTime(HOVER_OPEN_DELAY_MS);
		expect(document.body.querySelector(".cqg-hover")).not.toBeNull();
	});

	it("reading view hovers can be turned off", () => {
		settings.update({ hoverReadingView: false });
		register();
		const section = document.body.createDiv();
		section.createEl("p", { text: "CTR" });
		(app.markdownPostProcessors[0] as (el: HTMLElement, ctx: unknown) => void)(section, { getSectionInfo: () => null });
		expect(section.querySelector(".cqg-mention")).toBeNull();
	});

	it("an open preview of a term that disappears from the index closes", () => {
		const handle = register();
		const view = editor("CTR");
		handle.preview.open(view.contentDOM.querySelector<HTMLElement>(".cqg-mention")!, "CTR");
		expect(document.body.querySelector(".cqg-hover")).not.toBeNull();
		index.setNote("Talks/ads.md", [entry("CTR", 12, "Clicks over views, revised.")]);
		expect(document.body.querySelector(".cqg-hover")).not.toBeNull();
		index.setNote("Talks/ads.md", []);
		expect(document.body.querySelector(".cqg-hover")).toBeNull();
	});
});
