// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MarkdownRenderer, Menu } from "../../stubs/obsidian";
import { parseNote } from "../../../src/core/note-parser";
import { searchKey } from "../../../src/core/search";
import { VIEW_TYPE_CONFERENCE_PANEL } from "../../../src/ui/panel/conference-panel-view";
import { BLOG_POST, REFERENCE_NOTE, hasSharedFixtures, readSharedFixture } from "../../helpers/shared-fixtures";
import { fileAt, tick } from "../../obsidian/fake-app";
import { openConferencePanel, openPanel, rows, text, asObsidian, type Panel } from "./panel-harness";
import { applyLanguage, registerLanguage } from "../../../src/i18n";

const REF_PATH = "Conferences/toss-makers-25.md";

const SMALL_NOTE = `---
tags: [Conference]
---
## Caching at the edge - Mina Park

**Q. How long do you keep entries?**
A. A day for pages, an hour for APIs.

**Q. Do you cache errors?**
A. Never.

> TTL (Time To Live)
> How long a cached copy stays valid.
`;

const SECOND_NOTE = `---
tags: [conference/2025]
title: Search day
---
## Search relevance - Jo Lee

**Q. Do you tune BM25* by hand?**
A. Only the field weights.
`;

let panel: Panel | null = null;

beforeEach(() => {
	MarkdownRenderer.renders = [];
	Menu.lastShown = null;
});

afterEach(() => {
	panel?.plugin.unload();
	panel?.view.containerEl.remove();
	panel = null;
});

/** A question row's own text, without the answer snippet a search adds under it. */
function questionText(row: Element): string {
	return Array.from(row.childNodes)
		.filter((n) => !(n.nodeType === Node.ELEMENT_NODE && (n as Element).classList.contains("cqg-panel-snippet")))
		.map((n) => n.textContent ?? "")
		.join("");
}

function keydown(el: HTMLElement, key: string, init: KeyboardEventInit = {}): void {
	el.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true, ...init }));
}

async function typeQuery(p: Panel, query: string): Promise<void> {
	const input = p.view.containerEl.querySelector<HTMLInputElement>(".cqg-panel-search input");
	if (!input) throw new Error("no search box");
	input.value = query;
	input.dispatchEvent(new Event("input", { bubbles: true }));
	await tick(150);
	await p.settle();
}

describe.skipIf(!hasSharedFixtures)("conference panel on the reference note", () => {
	const files = () => ({ [REF_PATH]: readSharedFixture(REFERENCE_NOTE), "Blog/post.md": readSharedFixture(BLOG_POST) });

	it("shows one note with 5 talks and 69 questions, with counts", async () => {
		panel = await openPanel(files());
		const { view } = panel;
		expect(rows(view, "cqg-panel-note")).toHaveLength(1);
		expect(text(rows(view, "cqg-panel-note")[0].querySelector(".cqg-panel-count"))).toBe("69");
		expect(rows(view, "cqg-panel-talk")).toHaveLength(5);
		expect(rows(view, "cqg-panel-question")).toHaveLength(69);
		const talkCounts = rows(view, "cqg-panel-talk").map((r) => Number(text(r.querySelector(".cqg-panel-count"))));
		expect(talkCounts.reduce((a, b) => a + b, 0)).toBe(69);
		expect(text(rows(view, "cqg-panel-talk")[0])).toContain("토스 PO가 기능이 아닌 흐름을 설계하는 이유");
		// The glossary lists every term, with all definitions (SMB has two).
		expect(rows(view, "cqg-panel-term")).toHaveLength(panel.index.terms.size);
		expect(rows(view, "cqg-panel-definition")).toHaveLength(19);
		// Answers start collapsed and are rendered only when expanded.
		expect(rows(view, "cqg-panel-answer")).toHaveLength(0);
		expect(MarkdownRenderer.renders).toHaveLength(0);
	});

	it("search CTR leaves only the matching Q&A and the CTR entry, with matches marked", async () => {
		panel = await openPanel(files());
		await typeQuery(panel, "CTR");
		const { view } = panel;
		const note = parseNote(readSharedFixture(REFERENCE_NOTE), REF_PATH, { requireTag: false });
		const expected = note?.qa.filter((p) => searchKey(`${p.question} ${p.answer}`).includes("ctr")) ?? [];
		expect(expected.length).toBeGreaterThan(0);
		const questions = rows(view, "cqg-panel-question").map(questionText);
		expect(questions).toEqual(expected.map((p) => p.question));
		// Each folded answer the search hit shows where: a snippet with the hit marked.
		const hitInAnswer = expected.filter((p) => !searchKey(p.question).includes("ctr"));
		expect(hitInAnswer.length).toBeGreaterThan(0);
		const snippets = rows(view, "cqg-panel-question").flatMap((r) => Array.from(r.querySelectorAll(".cqg-panel-snippet")));
		expect(snippets).toHaveLength(expected.filter((p) => searchKey(p.answer).includes("ctr")).length);
		for (const snippet of snippets) expect(snippet.querySelector("mark")?.textContent?.toLowerCase()).toBe("ctr");
		expect(rows(view, "cqg-panel-term").map((r) => text(r.querySelector(".cqg-panel-term-name")))).toEqual(["CTR"]);
		const marks = Array.from(view.containerEl.querySelectorAll("mark"));
		expect(marks.length).toBeGreaterThan(0);
		for (const mark of marks) expect(mark.textContent?.toLowerCase()).toBe("ctr");
		// Counts say how much of the whole is shown.
		expect(text(rows(view, "cqg-panel-note")[0].querySelector(".cqg-panel-count"))).toBe(`${expected.length} / 69`);

		await typeQuery(panel, "");
		expect(rows(view, "cqg-panel-question")).toHaveLength(69);
		expect(view.containerEl.querySelectorAll("mark")).toHaveLength(0);
	});

	it("finds Korean terms whatever the spacing or Unicode form", async () => {
		panel = await openPanel(files());
		await typeQuery(panel, "티핑포인트");
		expect(rows(panel.view, "cqg-panel-term").map((r) => text(r.querySelector(".cqg-panel-term-name")))).toEqual(["티핑 포인트"]);
		expect(rows(panel.view, "cqg-panel-question").length).toBeGreaterThan(0);
		await typeQuery(panel, "컴플라이언스 리스크".normalize("NFD"));
		expect(rows(panel.view, "cqg-panel-term").map((r) => text(r.querySelector(".cqg-panel-term-name")))).toEqual(["컴플라이언스 리스크"]);
	});

	it("clicking a question asks the workspace to open the note at the question's line", async () => {
		panel = await openPanel(files());
		const { app, view } = panel;
		const note = panel.index.note(REF_PATH);
		const pair = note?.qa[5];
		if (!pair) throw new Error("no pair");
		const row = rows(view, "cqg-panel-question")[5];
		row.click();
		await tick();
		const last = app.workspace.opened.at(-1);
		expect(last?.file.path).toBe(REF_PATH);
		expect(last?.openState?.eState).toEqual({ line: pair.line - 1 });
		expect(last?.leaf.side).toBe("main");
		// The panel itself stays where it is.
		expect(app.workspace.getLeavesOfType(VIEW_TYPE_CONFERENCE_PANEL)).toHaveLength(1);
	});

	it("Enter on a focused question does the same, and arrow keys move a roving focus", async () => {
		panel = await openPanel(files());
		const { app, view } = panel;
		const questions = rows(view, "cqg-panel-question");
		questions[0].focus();
		expect(document.activeElement).toBe(questions[0]);
		keydown(questions[0], "ArrowDown");
		expect(document.activeElement).toBe(questions[1]);
		expect(view.containerEl.querySelectorAll('.cqg-panel-row[tabindex="0"]')).toHaveLength(1);
		keydown(questions[1], "Enter");
		await tick();
		const pair = panel.index.note(REF_PATH)?.qa[1];
		expect(app.workspace.opened.at(-1)?.openState?.eState).toEqual({ line: (pair?.line ?? 0) - 1 });

		// ArrowRight opens the answer (rendered as Markdown), ArrowLeft closes it, and Enter on it opens its line.
		keydown(questions[1], "ArrowRight");
		const answer = rows(view, "cqg-panel-answer")[0];
		expect(answer).toBeDefined();
		expect(MarkdownRenderer.renders.at(-1)?.markdown).toBe(pair?.answerMarkdown);
		keydown(document.activeElement as HTMLElement, "ArrowDown");
		expect(document.activeElement).toBe(rows(view, "cqg-panel-answer")[0]);
		keydown(document.activeElement as HTMLElement, "Enter");
		await tick();
		expect(app.workspace.opened.at(-1)?.openState?.eState).toEqual({ line: (pair?.answerLine ?? 0) - 1 });
		keydown(document.activeElement as HTMLElement, "ArrowLeft");
		expect(document.activeElement).toBe(rows(view, "cqg-panel-question")[1]);
		keydown(document.activeElement as HTMLElement, "ArrowLeft");
		expect(rows(view, "cqg-panel-answer")).toHaveLength(0);
		// Up from a talk's first question reaches the talk heading, and Left folds it.
		keydown(rows(view, "cqg-panel-question")[0], "ArrowUp");
		expect(document.activeElement).toBe(rows(view, "cqg-panel-talk")[0]);
		keydown(document.activeElement as HTMLElement, "ArrowLeft");
		expect(rows(view, "cqg-panel-question")).toHaveLength(69 - (panel.index.note(REF_PATH)?.qa.filter((p) => p.talk === 0).length ?? 0));
	});

	it("clicking a term opens its definition's line", async () => {
		panel = await openPanel(files());
		const term = rows(panel.view, "cqg-panel-term").find((r) => text(r.querySelector(".cqg-panel-term-name")) === "CTR");
		term?.click();
		await tick();
		const ctr = panel.index.terms.lookup("CTR")?.definitions[0];
		expect(panel.app.workspace.opened.at(-1)?.openState?.eState).toEqual({ line: (ctr?.line ?? 0) - 1 });
	});

	it("copies a Q&A and a glossary entry as Markdown from the context menu", async () => {
		panel = await openPanel(files());
		const question = rows(panel.view, "cqg-panel-question")[0];
		question.dispatchEvent(new MouseEvent("contextmenu", { bubbles: true, cancelable: true }));
		const menu = Menu.lastShown;
		expect(menu?.items.map((i) => i.title)).toContain("Copy Q&A as Markdown");
		await menu?.items.find((i) => i.title === "Copy Q&A as Markdown")?.click();
		await tick();
		const copied = await navigator.clipboard.readText();
		expect(copied.startsWith("**Q.** ")).toBe(true);
		expect(copied).toContain("\n\nA. 아무것도 없을 때는");

		const definition = rows(panel.view, "cqg-panel-definition").find((r) => text(r).includes("광고가 클릭된 횟수"));
		definition?.dispatchEvent(new MouseEvent("contextmenu", { bubbles: true, cancelable: true }));
		await Menu.lastShown?.items.find((i) => i.title === "Copy entry as Markdown")?.click();
		await tick();
		expect(await navigator.clipboard.readText()).toBe("> CTR (Click-Through Rate)\n> 광고가 클릭된 횟수를 광고가 게재된 횟수로 나눈 값");
	});

	it("follows the active note when Current note only is on", async () => {
		panel = await openPanel(files());
		const { app, view, settings } = panel;
		const toggle = view.containerEl.querySelector<HTMLInputElement>(".cqg-panel-current input");
		toggle?.click();
		await panel.settle();
		expect(settings.current.currentNoteOnly).toBe(true);
		expect(text(view.containerEl.querySelector(".cqg-panel-empty-title"))).toBe("No note is open");

		app.workspace.setActiveFile(fileAt(app, "Blog/post.md"));
		await panel.settle();
		expect(text(view.containerEl.querySelector(".cqg-panel-empty-title"))).toBe("This note is not a conference note");
		expect(rows(view, "cqg-panel-question")).toHaveLength(0);

		app.workspace.setActiveFile(fileAt(app, REF_PATH));
		await panel.settle();
		expect(rows(view, "cqg-panel-question")).toHaveLength(69);
		expect(rows(view, "cqg-panel-definition")).toHaveLength(19);
	});
});

describe("conference panel on small notes", () => {
	it("says what to do when no note is tagged yet, then shows a note as soon as it is tagged", async () => {
		panel = await openPanel({ "plain.md": "# Groceries\n" });
		const { view, app } = panel;
		expect(text(view.containerEl.querySelector(".cqg-panel-empty-title"))).toBe("No conference notes yet");
		expect(text(view.containerEl.querySelector(".cqg-panel-empty-hint"))).toContain("#Conference");
		expect(text(view.containerEl.querySelectorAll(".cqg-panel-empty-title")[1])).toBe("No glossary entries yet");

		await app.vault.create("talk.md", SMALL_NOTE);
		await panel.settle();
		expect(rows(view, "cqg-panel-question").map((r) => text(r))).toEqual(["How long do you keep entries?", "Do you cache errors?"]);
		expect(view.containerEl.querySelector(".cqg-panel-empty")).toBeNull();
	});

	it("a search hit inside a folded answer shows under its question, marked", async () => {
		panel = await openPanel({ "talk.md": SMALL_NOTE });
		await typeQuery(panel, "an hour");
		const [row] = rows(panel.view, "cqg-panel-question");
		expect(rows(panel.view, "cqg-panel-question")).toHaveLength(1);
		expect(row.getAttribute("aria-expanded")).toBe("false");
		expect(questionText(row)).toBe("How long do you keep entries?");
		const snippet = row.querySelector(".cqg-panel-snippet");
		expect(text(snippet)).toBe("A day for pages, an hour for APIs.");
		expect(Array.from(snippet?.querySelectorAll("mark") ?? []).map((m) => m.textContent)).toEqual(["an hour"]);
		// Unfolded, the answer itself shows the hit and the snippet goes.
		row.querySelector<HTMLElement>(".cqg-panel-chevron")?.click();
		await panel.settle();
		expect(rows(panel.view, "cqg-panel-question")[0].querySelector(".cqg-panel-snippet")).toBeNull();
		expect(text(rows(panel.view, "cqg-panel-answer")[0].querySelector("mark"))).toBe("an hour");
	});

	it("with Current note only, the section counts are the note's, not the vault's", async () => {
		panel = await openPanel({ "talk.md": SMALL_NOTE, "search.md": SECOND_NOTE, "plain.md": "# Groceries\n" });
		const { app, view } = panel;
		const counts = () => Array.from(view.containerEl.querySelectorAll(".cqg-panel-section-header .cqg-panel-count")).map((el) => text(el));
		expect(counts()).toEqual(["3", "1"]);
		view.containerEl.querySelector<HTMLInputElement>(".cqg-panel-current input")?.click();
		app.workspace.setActiveFile(fileAt(app, "search.md"));
		await panel.settle();
		expect(counts()).toEqual(["1", "0"]);
		app.workspace.setActiveFile(fileAt(app, "plain.md"));
		await panel.settle();
		expect(counts()).toEqual(["0", "0"]);
		app.workspace.setActiveFile(fileAt(app, "talk.md"));
		await panel.settle();
		expect(counts()).toEqual(["2", "1"]);
		await typeQuery(panel, "cache");
		expect(counts()).toEqual(["1 / 2", "1"]);
	});

	it("says nothing matches, and lists many notes collapsed", async () => {
		panel = await openPanel({ "a.md": SMALL_NOTE, "b.md": SECOND_NOTE });
		const { view } = panel;
		expect(rows(view, "cqg-panel-note").map((r) => text(r.querySelector(".cqg-panel-label")))).toEqual(["a", "Search day"]);
		expect(rows(view, "cqg-panel-question")).toHaveLength(0);
		rows(view, "cqg-panel-note")[1].click();
		expect(rows(view, "cqg-panel-question").map((r) => text(r))).toEqual(["Do you tune BM25 by hand?"]);

		await typeQuery(panel, "kubernetes");
		expect(text(view.containerEl.querySelector(".cqg-panel-empty-title"))).toBe('No questions match "kubernetes"');
		expect(text(view.containerEl.querySelectorAll(".cqg-panel-empty-title")[1])).toBe('No terms match "kubernetes"');
		await typeQuery(panel, "caching"); // the talk title matches, so all its questions show
		expect(rows(view, "cqg-panel-question").map((r) => text(r))).toEqual(["How long do you keep entries?", "Do you cache errors?"]);
	});

	it("warns about marked jargon nobody defined, and opens it on click", async () => {
		panel = await openPanel({ "a.md": SMALL_NOTE, "b.md": SECOND_NOTE });
		const warnings = rows(panel.view, "cqg-panel-warning");
		expect(warnings.map((w) => text(w))).toEqual(["BM25 is marked as jargon but has no definition."]);
		warnings[0].click();
		await tick();
		expect(panel.app.workspace.opened.at(-1)?.file.path).toBe("b.md");
		expect(panel.app.workspace.opened.at(-1)?.openState?.eState).toEqual({ line: 6 });

		// Defining it elsewhere clears the warning.
		await panel.app.vault.create("glossary.md", "---\ntags: [Conference]\n---\n> BM25\n> A ranking function.\n");
		await panel.settle();
		expect(rows(panel.view, "cqg-panel-warning")).toHaveLength(0);
	});

	it("renders answers with a component it owns, and unloads it on re-render and close", async () => {
		panel = await openPanel({ "a.md": SMALL_NOTE }, { expandAnswers: true });
		expect(rows(panel.view, "cqg-panel-answer").map((r) => text(r))).toEqual(["A day for pages, an hour for APIs.", "Never."]);
		const first = MarkdownRenderer.renders.slice();
		expect(first).toHaveLength(2);
		expect(first.every((r) => r.child._loaded)).toBe(true);
		panel.view.render();
		expect(first.every((r) => !r.child._loaded)).toBe(true);
		const second = MarkdownRenderer.renders.slice(2);
		expect(second.every((r) => r.child._loaded)).toBe(true);
		panel.view.leaf.detach();
		await tick();
		expect(second.every((r) => !r.child._loaded)).toBe(true);
	});

	it("keeps a renamed note, drops a deleted one", async () => {
		panel = await openPanel({ "a.md": SMALL_NOTE });
		await panel.app.vault.rename(fileAt(panel.app, "a.md"), "Events/cache talk.md");
		await panel.settle();
		rows(panel.view, "cqg-panel-question")[0].click();
		await tick();
		expect(panel.app.workspace.opened.at(-1)?.file.path).toBe("Events/cache talk.md");
		await panel.app.fileManager.trashFile(fileAt(panel.app, "Events/cache talk.md"));
		await panel.settle();
		expect(text(panel.view.containerEl.querySelector(".cqg-panel-empty-title"))).toBe("No conference notes yet");
	});

	it("reopening reveals the existing panel instead of opening a second one", async () => {
		panel = await openPanel({ "a.md": SMALL_NOTE });
		const { app } = panel;
		const leaf = app.workspace.getLeavesOfType(VIEW_TYPE_CONFERENCE_PANEL)[0];
		await openConferencePanel(asObsidian(app));
		expect(app.ribbonIcons).toHaveLength(1);
		app.ribbonIcons[0].click();
		await tick();
		expect(app.workspace.getLeavesOfType(VIEW_TYPE_CONFERENCE_PANEL)).toEqual([leaf]);
		expect(app.workspace.revealed.at(-1)).toBe(leaf);
		expect(leaf.side).toBe("right");
	});

	it("registers the command without a default hotkey and in sentence case", async () => {
		panel = await openPanel({});
		const command = panel.app.commands.get("conference-qa-glossary:open-panel");
		expect(command?.name).toBe("Open conference panel");
		expect(command?.hotkeys).toBeUndefined();
	});

	it("starts long notes as a list of talks, pages long talks, and folds terms with many definitions", async () => {
		const qa = (talk: number, n: number) => Array.from({ length: n }, (_, i) => `**Q. Question ${talk}-${i}?**\nA. Answer ${i}.\n`).join("\n");
		const long = `---\ntags: [Conference]\n---\n## First - A\n\n${qa(1, 250)}\n## Second - B\n\n${qa(2, 10)}\n`;
		const defs = (n: number) => Array.from({ length: n }, (_, i) => `---\ntags: [Conference]\n---\n> API\n> Meaning number ${i}.\n`);
		const files: Record<string, string> = { "long.md": long };
		defs(4).forEach((text, i) => (files[`def ${i}.md`] = text));
		panel = await openPanel(files);
		const { view } = panel;
		rows(view, "cqg-panel-note").find((r) => text(r).startsWith("long"))?.click();
		expect(rows(view, "cqg-panel-talk")).toHaveLength(2);
		expect(rows(view, "cqg-panel-question")).toHaveLength(0);

		rows(view, "cqg-panel-talk")[0].click();
		expect(rows(view, "cqg-panel-question")).toHaveLength(200);
		const more = rows(view, "cqg-panel-more")[0];
		expect(text(more)).toBe("Show 50 more of 50");
		more.focus();
		keydown(more, "Enter");
		expect(rows(view, "cqg-panel-question")).toHaveLength(250);
		expect(document.activeElement).toBe(rows(view, "cqg-panel-question")[200]);

		const api = rows(view, "cqg-panel-term")[0];
		expect(text(api)).toContain("4 definitions");
		expect(api.getAttribute("aria-expanded")).toBe("false");
		expect(rows(view, "cqg-panel-definition")).toHaveLength(0);
		api.focus();
		keydown(api, "ArrowRight");
		expect(rows(view, "cqg-panel-definition")).toHaveLength(4);
	});
});

describe("conference panel in Korean", () => {
	it("re-renders in Korean when the Interface language setting changes, toolbar included, and back", async () => {
		panel = await openPanel({ "Conferences/Edge.md": SMALL_NOTE, "Conferences/Search.md": SECOND_NOTE });
		const p = panel;
		registerLanguage(p.plugin as unknown as Parameters<typeof registerLanguage>[0], p.settings, { getLanguage: () => "en" });
		try {
			const labels = () => rows(p.view, "cqg-panel-section-header").map((r) => text(r.querySelector(".cqg-panel-label")));
			expect(labels()).toEqual(["Questions and answers", "Glossary"]);
			await p.settings.update({ language: "ko" });
			await p.settle();
			expect(labels()).toEqual(["질문과 답변", "용어집"]);
			expect(rows(p.view, "cqg-panel-note").map((r) => r.querySelector(".cqg-panel-count")?.getAttribute("aria-label"))).toEqual(["질문 2개", "질문 1개"]);
			expect(rows(p.view, "cqg-panel-warning").map((w) => text(w))).toEqual(["BM25는 용어로 표시되어 있지만 정의가 없습니다."]);
			expect(p.view.containerEl.querySelector<HTMLInputElement>(".cqg-panel-search input")?.placeholder).toBe("질문, 답변, 용어 검색…");
			expect(text(p.view.containerEl.querySelector(".cqg-panel-current"))).toBe("현재 노트만");
			await p.settings.update({ language: "auto" });
			await p.settle();
			expect(labels()).toEqual(["Questions and answers", "Glossary"]);
			expect(text(p.view.containerEl.querySelector(".cqg-panel-current"))).toBe("Current note only");
		} finally {
			applyLanguage("en");
		}
	});
});
