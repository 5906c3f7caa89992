// @vitest-environment happy-dom
/**
 * The code-block embeds, the obsidian:// action and the public API, through the real plugin (main.ts)
 * on the stub: blocks rendered from the reference note and the example vault, live updates after an
 * edit, and everything released when a block goes away or the plugin unloads.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { App as ObsidianApp, PluginManifest } from "obsidian";
import ConferenceQaGlossaryPlugin from "../../src/main";
import { parseNote } from "../../src/core/note-parser";
import { Component, MarkdownRenderer, Notice, openObsidianUri, renderCodeBlock, type App } from "../stubs/obsidian";
import { ConferencePanelView, VIEW_TYPE_CONFERENCE_PANEL } from "../../src/ui/panel/conference-panel-view";
import { exampleVaultFiles, referenceNoteFile, REFERENCE_NOTE_PATH } from "../e2e/support/vault-files";
import { hasSharedFixtures, SKIP_REASON } from "../helpers/shared-fixtures";
import { appWith, fileAt, tick } from "../obsidian/fake-app";
import type { ConferenceQaGlossaryApi } from "../../api/conference-qa-glossary";
import { EmbedBlock, type EmbedHost } from "../../src/ui/embeds/embed-block";

const MANIFEST: PluginManifest = { id: "conference-qa-glossary", name: "Conference Q&A Glossary", version: "0.1.0", minAppVersion: "1.5.0", description: "", author: "" };

const TALK = [
	"---",
	"tags: [Conference/2025]",
	"---",
	"## Caching at the edge - Mina Park",
	"",
	"**Q. How long do you keep entries?**",
	"A. A day for pages, and the TTL* of APIs is an hour.",
	"",
	"> TTL (Time To Live)",
	"> How long a cached copy stays valid.",
	"",
	"**Q. Do you cache errors?**",
	"A. Never, the CDN* would serve them.",
	"",
].join("\n");

interface Loaded {
	app: App;
	plugin: ConferenceQaGlossaryPlugin;
	api: ConferenceQaGlossaryApi;
	/** A rendered "section" that owns the blocks, as a reading view's section does. */
	section: Component;
	root: HTMLElement;
	block(language: string, source: string, sourcePath: string): HTMLElement;
	settle(): Promise<void>;
}

let loaded: Loaded | null = null;

async function load(files: Record<string, string>, data?: unknown): Promise<Loaded> {
	const app = appWith(files);
	if (data !== undefined) app.pluginData.set(MANIFEST.id, JSON.stringify(data));
	const plugin = new ConferenceQaGlossaryPlugin(app as unknown as ObsidianApp, MANIFEST);
	plugin.load();
	for (let i = 0; i < 3; i++) await tick();
	app.workspace.triggerLayoutReady();
	const settle = async () => {
		for (let i = 0; i < 8; i++) {
			await app.metadataCache.whenIdle();
			await tick(2);
		}
	};
	await settle();
	const api = plugin.api;
	if (!api?.ready()) throw new Error("the index did not finish");
	const section = new Component();
	section.load();
	const root = document.body.createDiv();
	const block = (language: string, source: string, sourcePath: string) => {
		const el = renderCodeBlock(app, language, source, root, sourcePath, section);
		if (!el) throw new Error(`no processor for ${language}`);
		return el;
	};
	loaded = { app, plugin, api, section, root, block, settle };
	return loaded;
}

beforeEach(() => {
	MarkdownRenderer.renders = [];
	Notice.shown = [];
});

afterEach(() => {
	loaded?.section.unload();
	loaded?.plugin.unload();
	loaded?.root.remove();
	loaded = null;
});

const texts = (root: ParentNode, selector: string) => Array.from(root.querySelectorAll(selector)).map((el) => el.textContent ?? "");

describe("conference-qa block", () => {
	it("shows the note's talks, questions, answers (as Markdown) and links to their lines", async () => {
		const l = await load({ "Talks/cache.md": TALK, "Notes/index.md": "# Index\n" });
		const el = l.block("conference-qa", "note: [[cache]]", "Notes/index.md");
		expect(el.hasClass("cqg-embed")).toBe(true);
		expect(texts(el, ".cqg-embed-talk-title")).toEqual(["Caching at the edgeMina Park"]);
		expect(texts(el, ".cqg-embed-question-text")).toEqual(["How long do you keep entries?", "Do you cache errors?"]);
		expect(texts(el, ".cqg-embed-line")).toEqual(["cache, line 6", "cache, line 12"]);
		// The answer's own Markdown, as the parser keeps it for rendering (without the `*` jargon marker).
		expect(texts(el, ".cqg-embed-answer")).toEqual(["A day for pages, and the TTL of APIs is an hour.", "Never, the CDN would serve them."]);
		// Answers go through MarkdownRenderer with the note as source and a component the block owns.
		expect(MarkdownRenderer.renders.map((r) => r.sourcePath)).toEqual(["Talks/cache.md", "Talks/cache.md"]);
		expect(el.querySelector(".cqg-embed-note-title")).toBeNull();

		// A click on a line link opens the note at that line.
		(el.querySelectorAll<HTMLElement>(".cqg-embed-line")[1]).click();
		await tick();
		expect(l.app.workspace.getActiveFile()?.path).toBe("Talks/cache.md");
	});

	it("note: this, tag, talk, search and limit", async () => {
		const other = "---\ntags: [Conference]\n---\n## Search relevance - Jo Lee\n\n**Q. Do you cache results?**\nA. For a minute.\n";
		const l = await load({ "Talks/cache.md": TALK, "Talks/search.md": other });
		expect(texts(l.block("conference-qa", "note: this", "Talks/search.md"), ".cqg-embed-question-text")).toEqual(["Do you cache results?"]);
		expect(texts(l.block("conference-qa", "note: this", "Talks/search.md"), ".cqg-embed-line")).toEqual(["line 6"]);
		const all = l.block("conference-qa", "", "x.md");
		expect(texts(all, ".cqg-embed-note-title")).toEqual(["cache2 questions", "search1 question"]);
		expect(texts(l.block("conference-qa", "tag: #conference/2025", "x.md"), ".cqg-embed-question-text")).toHaveLength(2);
		expect(texts(l.block("conference-qa", "talk: relevance", "x.md"), ".cqg-embed-question-text")).toEqual(["Do you cache results?"]);
		// Search reads the talk too: "caching" in the title takes both of its questions.
		expect(texts(l.block("conference-qa", "search: cach", "x.md"), ".cqg-embed-question-text")).toEqual(["How long do you keep entries?", "Do you cache errors?", "Do you cache results?"]);
		expect(texts(l.block("conference-qa", "search: cache", "x.md"), ".cqg-embed-question-text")).toEqual(["Do you cache errors?", "Do you cache results?"]);
		const limited = l.block("conference-qa", "search: cach\nlimit: 2", "x.md");
		expect(texts(limited, ".cqg-embed-question-text")).toHaveLength(2);
		expect(texts(limited, ".cqg-embed-footer")).toEqual(['Showing 2 of 3 questions. Raise "limit:" to see more.']);
	});

	it("says why it shows nothing: bad options, no match, unknown note, not a conference note", async () => {
		const l = await load({ "Talks/cache.md": TALK, "Notes/plain.md": "Just a note.\n" });
		const bad = l.block("conference-qa", "limit: 0\ncolour: red\nnote: [[a]]\nnote: this\nterms: all", "x.md");
		expect(bad.querySelector(".cqg-embed-error")?.getAttribute("role")).toBe("alert");
		expect(texts(bad, ".cqg-embed-error li")).toEqual([
			'Line 1: "0" is not a valid limit. Use a whole number from 1 to 1000.',
			'Line 2: unknown option "colour". Use note:, tag:, talk:, search:, limit:.',
			'Line 4: "note:" is given twice; keep one.',
			'Line 5: unknown option "terms". Use note:, tag:, talk:, search:, limit:.',
		]);
		expect(texts(l.block("conference-qa", "search: nothing like this", "x.md"), ".cqg-embed-empty")).toEqual(["No questions match this block's options."]);
		expect(texts(l.block("conference-qa", "note: [[Nope]]", "x.md"), ".cqg-embed-empty")).toEqual(['No note named "Nope".']);
		expect(texts(l.block("conference-qa", "note: this", "Notes/plain.md"), ".cqg-embed-empty")).toEqual(['"plain" is not a conference note (tag it #Conference to index it).']);
		expect(texts(l.block("conference-qa", "search:", "x.md"), ".cqg-embed-error li")).toEqual(['Line 1: "search:" needs a value. Write the words to look for.']);
	});

	it("follows edits live, redraws only when what it shows changed, and is released with its section", async () => {
		const l = await load({ "Talks/cache.md": TALK, "Talks/other.md": "---\ntags: [Conference]\n---\n## Other - X\n\n**Q. Other?**\nA. Yes.\n" });
		const el = l.block("conference-qa", "note: [[cache]]", "x.md");
		const embeds = () => Array.from(l.root.querySelectorAll(".cqg-embed"));
		expect(texts(el, ".cqg-embed-question-text")).toHaveLength(2);

		await l.app.vault.modify(fileAt(l.app, "Talks/cache.md"), `${TALK}\n**Q. Do you warm the cache?**\nA. At deploy time.\n`);
		await l.settle();
		expect(texts(el, ".cqg-embed-question-text")).toEqual(["How long do you keep entries?", "Do you cache errors?", "Do you warm the cache?"]);
		expect(texts(el, ".cqg-embed-line")[2]).toBe("cache, line 15");

		// An edit elsewhere changes nothing this block shows: no redraw (no new answer renders).
		const renders = MarkdownRenderer.renders.length;
		await l.app.vault.modify(fileAt(l.app, "Talks/other.md"), "---\ntags: [Conference]\n---\n## Other - X\n\n**Q. Other, edited?**\nA. Yes.\n");
		await l.settle();
		expect(MarkdownRenderer.renders.length).toBe(renders);

		// The rendered answers belong to the block: re-rendering releases the previous ones.
		const answerChildren = MarkdownRenderer.renders.filter((r) => el.contains(r.el) || !r.el.isConnected).map((r) => r.child);
		expect(answerChildren.filter((c) => c._loaded)).toHaveLength(3);

		// The section goes away (block edited out, note closed): the block and its answers unload and stop listening.
		expect(embeds()).toHaveLength(1);
		l.section.unload();
		expect(answerChildren.filter((c) => c._loaded)).toHaveLength(0);
		await l.app.vault.modify(fileAt(l.app, "Talks/cache.md"), TALK);
		await l.settle();
		expect(texts(el, ".cqg-embed-question-text")).toHaveLength(3);
	});
});

describe("a block never throws", () => {
	it("an index that fails shows an inline message, and the block still unloads cleanly", () => {
		const failing = {
			ready: true,
			notes: () => {
				throw new Error("boom");
			},
			note: () => undefined,
		};
		const attached: EmbedBlock[] = [];
		const host = { app: new (class {})(), index: failing, warnings: () => [], attach: (b: EmbedBlock) => attached.push(b), detach: (b: EmbedBlock) => attached.splice(attached.indexOf(b), 1) } as unknown as EmbedHost;
		const errors: unknown[] = [];
		const original = console.error;
		console.error = (...args: unknown[]) => errors.push(args);
		try {
			const el = document.body.createDiv();
			const block = new EmbedBlock(el, "qa", "", "x.md", host);
			expect(() => block.load()).not.toThrow();
			expect(texts(el, ".cqg-embed-empty")).toEqual(["This block could not be shown; the developer console has the details."]);
			expect(errors).toHaveLength(1);
			block.unload();
			expect(attached).toEqual([]);
			el.remove();
		} finally {
			console.error = original;
		}
	});
});

describe("conference-glossary block", () => {
	it("a table of terms, aliases, definitions and sources, with the warnings that apply", async () => {
		const l = await load({ "Talks/cache.md": TALK, "Glossary/web.md": "> CDN (Content Delivery Network)\n> Servers near the reader that keep copies.\n" }, { glossaryFolders: ["Glossary"] });
		const el = l.block("conference-glossary", "", "x.md");
		await l.settle();
		expect(texts(el, "th")).toEqual(["Term", "Aliases", "Definition", "Source"]);
		expect(texts(el, ".cqg-embed-term-name")).toEqual(["CDN", "TTL"]);
		expect(texts(el, ".cqg-embed-aliases")).toEqual(["Content Delivery Network", "Time To Live"]);
		expect(texts(el, ".cqg-embed-definition")).toEqual(["Servers near the reader that keep copies.", "How long a cached copy stays valid."]);
		expect(texts(el, ".cqg-embed-source")).toEqual(["web, line 1", "cache, line 9"]);
		expect(texts(el, ".cqg-embed-warning")).toEqual([]);

		// Only this note's definitions; marked jargon of the note (defined anywhere); a search.
		expect(texts(l.block("conference-glossary", "note: this", "Talks/cache.md"), ".cqg-embed-term-name")).toEqual(["TTL"]);
		expect(texts(l.block("conference-glossary", "note: this\nterms: marked", "Talks/cache.md"), ".cqg-embed-term-name")).toEqual(["CDN", "TTL"]);
		expect(texts(l.block("conference-glossary", "search: delivery", "x.md"), ".cqg-embed-term-name")).toEqual(["CDN"]);
		expect(texts(l.block("conference-glossary", "terms: some", "x.md"), ".cqg-embed-error li")).toEqual(['Line 1: "some" is not a valid terms. Use marked or all.']);
		expect(texts(l.block("conference-glossary", "search: zzz", "x.md"), ".cqg-embed-empty")).toEqual(["No glossary terms match this block's options."]);

		// Deleting the CDN definition leaves `CDN*` marked but undefined: the note's block warns, live.
		const scoped = l.block("conference-glossary", "note: this", "Talks/cache.md");
		await l.app.vault.modify(fileAt(l.app, "Glossary/web.md"), "Nothing here now.\n");
		await l.settle();
		expect(texts(el, ".cqg-embed-term-name")).toEqual(["TTL"]);
		expect(texts(scoped, ".cqg-embed-warning")).toEqual(["CDN is marked as jargon but has no definition.cache, line 13"]);
	});
});

describe.skipIf(!hasSharedFixtures)("blocks on the reference note", () => {
	it("note: this lists its 69 questions and 19 glossary entries", async () => {
		const ref = referenceNoteFile();
		const record = parseNote(ref.text, ref.path);
		const l = await load({ [ref.path]: ref.text });
		const qa = l.block("conference-qa", "note: this", REFERENCE_NOTE_PATH);
		expect(qa.querySelectorAll(".cqg-embed-item")).toHaveLength(69);
		expect(texts(qa, ".cqg-embed-question-text")).toEqual(record?.qa.map((p) => p.question));
		expect(texts(qa, ".cqg-embed-line")).toEqual(record?.qa.map((p) => `line ${p.line}`));
		expect(qa.querySelectorAll(".cqg-embed-talk")).toHaveLength(new Set(record?.qa.map((p) => p.talk)).size);
		const glossary = l.block("conference-glossary", "note: this", REFERENCE_NOTE_PATH);
		expect(glossary.querySelectorAll("tbody tr")).toHaveLength(19);
		const search = l.block("conference-qa", "note: this\nsearch: 티핑포인트", REFERENCE_NOTE_PATH);
		expect(search.querySelectorAll(".cqg-embed-item").length).toBeGreaterThan(0);
		expect(l.api.note(REFERENCE_NOTE_PATH)?.qa).toHaveLength(69);
		expect(l.api.note(REFERENCE_NOTE_PATH)?.glossary).toHaveLength(19);
	});
});
if (!hasSharedFixtures) console.warn(SKIP_REASON);

describe("blocks on the example vault", () => {
	it("the Seoul note's Q&A and the vault glossary", async () => {
		const files = Object.fromEntries(exampleVaultFiles().map((f) => [f.path, f.text]));
		const l = await load(files, { glossaryFolders: ["Glossary"] });
		const path = "Conferences/Seoul Reliability Day 2025.md";
		const record = parseNote(files[path], path);
		const qa = l.block("conference-qa", "note: [[Seoul Reliability Day 2025]]", "Notes/Ops retro October.md");
		expect(qa.querySelectorAll(".cqg-embed-item")).toHaveLength(11);
		expect(texts(qa, ".cqg-embed-question-text")).toEqual(record?.qa.map((p) => p.question));
		expect(texts(qa, ".cqg-embed-talk-title")).toEqual(record?.talks.map((t) => `${t.title}${t.speaker ?? ""}`));
		const glossary = l.block("conference-glossary", "note: [[Seoul Reliability Day 2025]]", "Notes/Ops retro October.md");
		await l.settle();
		expect(glossary.querySelectorAll("tbody tr")).toHaveLength(record?.glossary.length ?? -1);
		// SLO is defined twice in the note with different words: the block says so.
		expect(texts(glossary, ".cqg-embed-warning-term")).toContain("SLO");
	});
});

describe("obsidian://conference-qa-glossary", () => {
	it("?term= opens the panel's glossary at the term (an alias too); ?search= sets the search", async () => {
		const l = await load({ "Talks/cache.md": TALK });
		expect(openObsidianUri(l.app, "obsidian://conference-qa-glossary?term=Time%20To%20Live")).toBe(true);
		await l.settle();
		const view = l.app.workspace.getLeavesOfType(VIEW_TYPE_CONFERENCE_PANEL)[0]?.view;
		if (!(view instanceof ConferencePanelView)) throw new Error("panel did not open");
		document.body.appendChild(view.containerEl);
		const focused = () => view.containerEl.querySelector<HTMLElement>('.cqg-panel-row[tabindex="0"]');
		expect(focused()?.hasClass("cqg-panel-term")).toBe(true);
		expect(focused()?.textContent).toContain("TTL");

		openObsidianUri(l.app, "obsidian://conference-qa-glossary?search=cache%20errors");
		await l.settle();
		expect(view.containerEl.querySelector<HTMLInputElement>(".cqg-panel-search input")?.value).toBe("cache errors");
		expect(texts(view.containerEl, ".cqg-panel-question")).toEqual(["Do you cache errors?"]);

		openObsidianUri(l.app, "obsidian://conference-qa-glossary?term=Nope");
		await l.settle();
		expect(Notice.shown.at(-1)).toBe('No glossary term is called "Nope".');
		view.containerEl.remove();
	});
});

describe("public API", () => {
	it("plain frozen copies, Korean-aware lookup, mentions, change events and unsubscribe", async () => {
		const ko = "---\ntags: [Conference]\n---\n## 광고 - 김\n\n**Q. 티핑 포인트는?**\nA. 곧.\n\n> 티핑 포인트 (Tipping point)\n> 작은 변화가 큰 변화로 넘어가는 지점\n";
		const l = await load({ "Talks/cache.md": TALK, "Talks/ko.md": ko });
		const { api } = l;
		expect(api.version).toBe(1);
		// The shape api/conference-qa-glossary.d.ts documents, and nothing else; the object itself is frozen.
		expect(Object.keys(api).sort()).toEqual(["findMentions", "lookup", "note", "notes", "onChange", "ready", "terms", "version"]);
		expect(Object.isFrozen(api)).toBe(true);
		expect(api.notes().map((n) => n.path)).toEqual(["Talks/cache.md", "Talks/ko.md"]);
		const note = api.note("Talks/cache.md");
		expect(note?.qa.map((q) => [q.question, q.line, q.answerLine])).toEqual([
			["How long do you keep entries?", 6, 7],
			["Do you cache errors?", 12, 13],
		]);
		expect(note?.talks).toEqual([{ title: "Caching at the edge", speaker: "Mina Park", line: 4 }]);
		expect(Object.isFrozen(note) && Object.isFrozen(note?.qa) && Object.isFrozen(note?.qa[0]) && Object.isFrozen(note?.tags)).toBe(true);
		expect(() => (note?.qa as unknown as unknown[]).push(1)).toThrow();
		expect(api.note("nope.md")).toBeNull();
		// The same copy while the note is unchanged.
		expect(api.note("Talks/cache.md")).toBe(note);

		expect(api.terms().map((t) => t.term)).toEqual(["티핑 포인트", "TTL"]);
		expect(api.lookup("티핑포인트를")?.term).toBe("티핑 포인트");
		expect(api.lookup("time to live")?.definitions.map((d) => [d.path, d.line])).toEqual([["Talks/cache.md", 9]]);
		expect(api.lookup("TTLs are")).toBeNull();
		expect(api.findMentions("The ttl and 티핑포인트가 *here*\n`TTL` in code.").map((m) => [m.text, m.term, m.line, m.column])).toEqual([
			["ttl", "TTL", 1, 5],
			["티핑포인트", "티핑 포인트", 1, 13],
		]);
		expect(api.findMentions("")).toEqual([]);

		const changes: (readonly string[])[] = [];
		const stop = api.onChange((change) => changes.push(change.paths));
		await l.app.vault.modify(fileAt(l.app, "Talks/cache.md"), TALK.replace("Do you cache errors?", "Do you cache 404s?"));
		await l.settle();
		expect(changes).toEqual([["Talks/cache.md"]]);
		expect(api.note("Talks/cache.md")?.qa[1].question).toBe("Do you cache 404s?");
		expect(note?.qa[1].question).toBe("Do you cache errors?");
		stop();
		stop();
		await l.app.vault.modify(fileAt(l.app, "Talks/cache.md"), TALK);
		await l.settle();
		expect(changes).toHaveLength(1);

		// Unloading the plugin removes the API (its subscriptions end with the index; see plugin-lifecycle),
		// and unloads the blocks still on screen: their rendered answers are released, their output stays.
		api.onChange(() => undefined);
		const block = l.block("conference-qa", "note: [[cache]]", "x.md");
		const answers = MarkdownRenderer.renders.filter((r) => block.contains(r.el)).map((r) => r.child);
		expect(answers.map((c) => c._loaded)).toEqual([true, true]);
		l.plugin.unload();
		expect(l.plugin.api).toBeNull();
		expect(answers.map((c) => c._loaded)).toEqual([false, false]);
		expect(block.querySelectorAll(".cqg-embed-item")).toHaveLength(2);
	});
});
