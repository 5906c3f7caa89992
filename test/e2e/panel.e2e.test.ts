/**
 * The side panel in a real browser, on the reference note: it lists the note's 5 talks and 69 questions,
 * the search box filters as the user types, and clicking a question opens the note at that question's
 * line (cursor on the line, line scrolled into view).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseNote } from "../../src/core/note-parser";
import type { NoteRecord } from "../../src/core/types";
import { hasChromium, NO_CHROMIUM_REASON } from "./support/browser";
import { Session, type HostPage } from "./support/session";
import { hasReferenceNote, referenceNoteFile, REFERENCE_NOTE_PATH, REFERENCE_SKIP_REASON } from "./support/vault-files";

if (!hasChromium) console.warn(NO_CHROMIUM_REASON);
else if (!hasReferenceNote) console.warn(REFERENCE_SKIP_REASON);

/** A short, unrelated note to start on, so that opening the reference note is the panel's doing. */
const START_NOTE = { path: "Start.md", text: "# Start\n\nNothing here yet.\n" };

const QUESTION = ".cqg-panel-body .cqg-panel-question";

describe.skipIf(!hasChromium || !hasReferenceNote)("side panel in the browser (reference note)", () => {
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
		const p = page.page;
		const search = p.locator(".cqg-panel-search input");
		await search.click();
		await search.pressSequentially("CTR", { delay: 20 });
		// Every pair whose question, answer, talk title or speaker mentions CTR, and no other.
		const expected = note.qa
			.filter((pair) => {
				const talk = pair.talk === null ? null : note.talks[pair.talk];
				return /ctr/i.test(`${pair.question}\n${pair.answer}\n${talk?.title ?? ""}\n${talk?.speaker ?? ""}`);
			})
			.map((pair) => pair.question);
		expect(expected.length).toBeGreaterThan(0);
		await p.waitForFunction((n) => document.querySelectorAll(".cqg-panel-body .cqg-panel-question").length === n, expected.length);
		const shown = await p.locator(QUESTION).allInnerTexts();
		expect(shown.map((q) => q.trim())).toEqual(expected.map((q) => q.trim()));
		expect(await p.locator(".cqg-panel-section-qa .cqg-panel-section-header .cqg-panel-count").innerText()).toBe(`${expected.length} / 69`);
		// The glossary keeps the CTR entry and drops the terms that do not mention CTR.
		const terms = (await p.locator(".cqg-panel-body .cqg-panel-term-name").allInnerTexts()).map((t) => t.trim());
		expect(terms).toContain("CTR");
		expect(terms).not.toContain("eCPM");
		expect(terms.length).toBeLessThan(note.glossary.length);
		// Matches are highlighted.
		expect(await p.locator(".cqg-panel-body mark").count()).toBeGreaterThan(0);

		await search.fill("");
		await p.waitForFunction(() => document.querySelectorAll(".cqg-panel-body .cqg-panel-question").length === 69);
	});

	it("clicking a question opens the note with the cursor on that question's line, scrolled into view", async () => {
		const p = page.page;
		// A question far down the note, so the editor has to scroll to it.
		const index = 60;
		const pair = note.qa[index];
		const row = p.locator(QUESTION).nth(index);
		expect((await row.innerText()).trim()).toBe(pair.question.trim());
		await row.scrollIntoViewIfNeeded();
		await row.click();
		await p.waitForFunction((path) => {
			const h = (window as unknown as { __host: { markdownView(): { file: { path: string } | null } | null } }).__host;
			return h.markdownView()?.file?.path === path;
		}, REFERENCE_NOTE_PATH);
		const state = await page.editorState();
		expect(state.cursor.line).toBe(pair.line - 1);
		expect(state.text.split("\n")[pair.line - 1]).toContain(pair.question.split("\n")[0].slice(0, 12));
		await p.waitForFunction((line) => (window as unknown as { __host: { lineOnScreen(l: number): boolean } }).__host.lineOnScreen(line), pair.line - 1);
		// The top of the note is off screen now: the editor really scrolled.
		expect(await page.host((h) => h.lineOnScreen(0))).toBe(false);
		// The active line the user sees is the question's.
		expect(await p.locator(".mod-root .cm-activeLine").innerText()).toContain(pair.question.split("\n")[0].slice(0, 12));
	});

	it("throws nothing", async () => {
		expect(await page.errors()).toEqual([]);
	});
});
