/**
 * The conference panel in a real browser, on the reference note: it lists the note's 5 talks and 69 questions,
 * the search box filters as the user types, and clicking a question opens the note at that question's
 * line (cursor on the line, line scrolled into view).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseNote } from "../../src/core/note-parser";
import type { NoteRecord } from "../../src/core/types";
import { hasChromium, NO_CHROMIUM_REASON } from "./support/browser";
import { Session, type HostPage } from "./support/session";
import { exampleVaultFiles, hasReferenceNote, referenceNoteFile, REFERENCE_SKIP_REASON } from "./support/vault-files";

if (!hasChromium) console.warn(NO_CHROMIUM_REASON);
else if (!hasReferenceNote) console.warn(REFERENCE_SKIP_REASON);

/** A short, unrelated note to start on, so that opening the reference note is the panel's doing. */
const START_NOTE = { path: "Start.md", text: "# Start\n\nNothing here yet.\n" };

const QUESTION = ".cqg-panel-body .cqg-panel-question";

/** Questions of `note` a search for `query` must leave: its question, answer, talk title or speaker mention it. */
function expectedMatches(note: NoteRecord, query: string): string[] {
	const re = new RegExp(query.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "i");
	return note.qa
		.filter((pair) => {
			const talk = pair.talk === null ? null : note.talks[pair.talk];
			return re.test(`${pair.question}\n${pair.answer}\n${talk?.title ?? ""}\n${talk?.speaker ?? ""}`);
		})
		.map((pair) => pair.question.trim());
}

/** Types `query` into the panel's search box (the vault holds `note` as its only conference note). */
async function searchScenario(page: HostPage, note: NoteRecord, query: string, terms: { keeps: string; drops: string }): Promise<void> {
	const p = page.page;
	const total = note.qa.length;
	const search = p.locator(".cqg-panel-search input");
	await search.click();
	await search.pressSequentially(query, { delay: 20 });
	const expected = expectedMatches(note, query);
	expect(expected.length).toBeGreaterThan(0);
	expect(expected.length).toBeLessThan(total);
	await p.waitForFunction((n) => document.querySelectorAll(".cqg-panel-body .cqg-panel-question").length === n, expected.length);
	// A question's own text, without the snippet that shows a hit inside its folded answer.
	const shown = await p.locator(QUESTION).evaluateAll((rows) =>
		rows.map((row) =>
			Array.from(row.childNodes)
				.filter((n) => !(n.nodeType === 1 && (n as Element).classList.contains("cqg-panel-snippet")))
				.map((n) => n.textContent ?? "")
				.join(""),
		),
	);
	expect(shown.map((q) => q.trim())).toEqual(expected);
	expect(await p.locator(".cqg-panel-section-qa .cqg-panel-section-header .cqg-panel-count").innerText()).toBe(`${expected.length} / ${total}`);
	// The glossary keeps the matching entry and drops terms that do not mention the query.
	const names = (await p.locator(".cqg-panel-body .cqg-panel-term-name").allInnerTexts()).map((t) => t.trim());
	expect(names).toContain(terms.keeps);
	expect(names).not.toContain(terms.drops);
	// Matches are highlighted.
	expect(await p.locator(".cqg-panel-body mark").count()).toBeGreaterThan(0);

	await search.fill("");
	await p.waitForFunction((n) => document.querySelectorAll(".cqg-panel-body .cqg-panel-question").length === n, total);
}

/** Clicks question `index` of `note` in the panel and checks where the editor went. */
async function clickScenario(page: HostPage, note: NoteRecord, index: number): Promise<void> {
	const p = page.page;
	const pair = note.qa[index];
	const firstLine = pair.question.split("\n")[0].slice(0, 12);
	const row = p.locator(QUESTION).nth(index);
	expect((await row.innerText()).trim()).toBe(pair.question.trim());
	await row.scrollIntoViewIfNeeded();
	await row.click();
	await p.waitForFunction((path) => {
		const h = (window as unknown as { __host: { markdownView(): { file: { path: string } | null } | null } }).__host;
		return h.markdownView()?.file?.path === path;
	}, note.path);
	const state = await page.editorState();
	expect(state.cursor.line).toBe(pair.line - 1);
	expect(state.text.split("\n")[pair.line - 1]).toContain(firstLine);
	await p.waitForFunction((line) => (window as unknown as { __host: { lineOnScreen(l: number): boolean } }).__host.lineOnScreen(line), pair.line - 1);
	// The top of the note is off screen now: the editor really scrolled.
	expect(await page.host((h) => h.lineOnScreen(0))).toBe(false);
	// The active line the user sees is the question's.
	expect(await p.locator(".mod-root .cm-activeLine").innerText()).toContain(firstLine);
}

describe.skipIf(!hasChromium || !hasReferenceNote)("conference panel in the browser (reference note)", () => {
	let session: Session;
	let page: HostPage;
	let note: NoteRecord;

	beforeAll(async () => {
		const reference = referenceNoteFile();
		const parsed = parseNote(reference.text, reference.path);
		if (!parsed) throw new Error("the reference note did not parse as a conference note");
		note = parsed;
		session = await Session.start({ files: [START_NOTE, reference], openFile: START_NOTE.path, openPanel: true });
		page = await session.open();
		await page.page.locator(QUESTION).first().waitFor();
	});

	afterAll(async () => {
		await session?.close();
	});

	it("lists the reference note's 5 talks and 69 questions", async () => {
		const p = page.page;
		expect(await p.locator(".cqg-panel-body .cqg-panel-note").count()).toBe(1);
		expect(await p.locator(".cqg-panel-body .cqg-panel-note .cqg-panel-count").innerText()).toBe("69");
		const talks = p.locator(".cqg-panel-body .cqg-panel-talk");
		expect(await talks.count()).toBe(5);
		// Each talk row names its talk and counts its questions; the counts add up to the note's.
		const counts = await talks.locator(".cqg-panel-count").allInnerTexts();
		expect(counts.map(Number).reduce((a, b) => a + b, 0)).toBe(69);
		const titles = await talks.locator(".cqg-panel-label").allInnerTexts();
		for (const [i, talk] of note.talks.entries()) expect(titles[i]).toContain(talk.title);
		expect(await p.locator(QUESTION).count()).toBe(69);
		// The rows are on screen in the sidebar, not just in the DOM.
		expect(await p.locator(QUESTION).first().isVisible()).toBe(true);
	});

	it("filters questions and glossary as the user types in the search box, and clearing restores them", async () => {
		await searchScenario(page, note, "CTR", { keeps: "CTR", drops: "eCPM" });
	});

	it("clicking a question opens the note with the cursor on that question's line, scrolled into view", async () => {
		// A question far down the note, so the editor has to scroll to it.
		await clickScenario(page, note, 60);
	});

	it("throws nothing", async () => {
		expect(await page.errors()).toEqual([]);
	});
});

/**
 * The same search and click on the example vault's Seoul note, so a clean machine without ../shared still
 * checks them.
 */
describe.skipIf(!hasChromium)("conference panel in the browser (example vault)", () => {
	const SEOUL = "Conferences/Seoul Reliability Day 2025.md";
	let session: Session;
	let page: HostPage;
	let note: NoteRecord;

	beforeAll(async () => {
		const file = exampleVaultFiles().find((f) => f.path === SEOUL);
		if (!file) throw new Error(`${SEOUL} is missing from the example vault`);
		const parsed = parseNote(file.text, file.path);
		if (!parsed) throw new Error(`${SEOUL} did not parse as a conference note`);
		note = parsed;
		session = await Session.start({ files: [START_NOTE, file], openFile: START_NOTE.path, openPanel: true });
		page = await session.open({ viewport: { width: 1280, height: 600 } });
		await page.page.locator(QUESTION).first().waitFor();
	});

	afterAll(async () => {
		await session?.close();
	});

	it("lists the note's talks and questions", async () => {
		expect(await page.page.locator(".cqg-panel-body .cqg-panel-talk").count()).toBe(note.talks.length);
		expect(await page.page.locator(QUESTION).count()).toBe(note.qa.length);
	});

	it("filters as the user types (\"SLO\")", async () => {
		await searchScenario(page, note, "SLO", { keeps: "SLO", drops: "온콜" });
	});

	it("clicking the last question opens the note at its line", async () => {
		await clickScenario(page, note, note.qa.length - 1);
	});

	it("throws nothing", async () => {
		expect(await page.errors()).toEqual([]);
	});
});
