/**
 * What a new user meets in the first ten minutes, in a real browser on the example vault (its glossary
 * folder read as an extra glossary source): defining a word with a Korean particle, a term that is also
 * another term's alias, jargon markers, glossary entries left unmarked in every view, the "Replace the
 * existing file?" question, a search hit inside a folded answer, and the question rows' layout.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, NO_CHROMIUM_REASON } from "./support/browser";
import { Session, type HostPage } from "./support/session";
import { exampleVaultFiles } from "./support/vault-files";

if (!hasChromium) console.warn(NO_CHROMIUM_REASON);

const SEOUL = "Conferences/Seoul Reliability Day 2025.md";
const RETRO = "Notes/Ops retro October.md";
const POPOVER = ".popover.cqg-hover";
/** Words of the two definitions of one concept: `에러 버짓` in the Seoul note, `Error budget (에러 버짓)` in the glossary note. */
const KOREAN_BUDGET = "100%에서 SLO를 뺀 만큼";
const ENGLISH_BUDGET = "The amount of failure an SLO still allows";
/** Definition lines of glossary entries in the Seoul note, which hold known terms (SLO). */
const DEFINITION_TEXTS = ["100%에서 SLO를 뺀 만큼", "서비스가 일정 기간 동안 지키겠다고", "99번째 백분위에 해당하는 값"];
/** An export that is already in the vault, named as the CSV export of the Seoul note is. */
const EXISTING_EXPORT = { path: "Exports/서울 신뢰성 데이 2025 - 플랫폼 트랙 Q&A.csv", text: "type,front\r\nqa,kept as it was\r\n" };

describe.skipIf(!hasChromium)("first use in the browser (example vault)", () => {
	let session: Session;
	let page: HostPage;

	beforeAll(async () => {
		session = await Session.start({
			files: [...exampleVaultFiles(), EXISTING_EXPORT],
			openFile: SEOUL,
			openPanel: true,
			pluginData: { glossaryFolders: ["Glossary"], exportFolder: "Exports" },
		});
		page = await session.open();
		await page.page.locator(".mod-root .cm-content .cqg-mention").first().waitFor();
		await page.page.locator(".cqg-panel-body .cqg-panel-note").first().waitFor();
	});

	afterAll(async () => {
		await session?.close();
	});

	it("1. Define term under cursor in `대시보드로` inserts `> 대시보드`, and one undo takes it back", async () => {
		const p = page.page;
		const before = (await page.editorState()).text;
		const line = before.split("\n").findIndex((l) => l.includes("대시보드로 그려"));
		expect(line).toBeGreaterThan(0);
		await page.host(
			(h, at) => {
				const view = h.markdownView();
				if (!view) throw new Error("no editor");
				view.editor.setCursor(at);
				(view.editor as unknown as { focus(): void }).focus();
			},
			{ line, ch: before.split("\n")[line].indexOf("대시보드로") + 2 },
		);
		expect(await page.runCommand("define-term-under-cursor")).toBe(true);
		const after = (await page.editorState()).text;
		expect(after.split("\n").filter((l) => l.startsWith("> 대시")), after.slice(0, 900)).toEqual(["> 대시보드  "]);
		expect(after).not.toContain("> 대시보드로");
		await p.waitForFunction(() => document.activeElement?.closest(".mod-root .cm-content") !== null);
		await p.keyboard.press("Control+z");
		expect((await page.editorState()).text).toBe(before);
	});

	it("3. `에러 버짓` and `error budget` are one concept: hovering either shows both definitions", async () => {
		const p = page.page;
		const korean = p.locator(".mod-root .cm-content .cqg-mention").filter({ hasText: /^에러 버짓$/ }).first();
		await korean.scrollIntoViewIfNeeded();
		await korean.hover();
		await page.waitFor(POPOVER);
		const shown = await p.locator(POPOVER).innerText();
		expect(shown).toContain(KOREAN_BUDGET);
		expect(shown).toContain(ENGLISH_BUDGET);
		expect(await p.locator(`${POPOVER} .cqg-hover-definition`).count()).toBe(2);
		await p.mouse.move(2, 2);
		await page.waitFor(POPOVER, "detached");

		await page.host((h, path) => h.openFile(path, { mode: "live" }), RETRO);
		const english = p.locator(".mod-root .cm-content .cqg-mention").filter({ hasText: /^error budget$/ }).first();
		await english.waitFor();
		await english.hover();
		await page.waitFor(POPOVER);
		const again = await p.locator(POPOVER).innerText();
		expect(again).toContain(ENGLISH_BUDGET);
		expect(again).toContain(KOREAN_BUDGET);
		await p.mouse.move(2, 2);
		await page.waitFor(POPOVER, "detached");
		await page.host((h, path) => h.openFile(path, { mode: "live" }), SEOUL);
		await p.locator(".mod-root .cm-content .cqg-mention").first().waitFor();
	});

	it("4 and 11. A search hit inside a folded answer shows as a marked snippet; unfolded, the answer shows no jargon marker", async () => {
		const p = page.page;
		const search = p.locator(".cqg-panel-search input");
		await search.click();
		await search.pressSequentially("incident commander", { delay: 10 });
		const row = p.locator(".cqg-panel-body .cqg-panel-question").filter({ hasText: "Who runs the incident review?" });
		await row.waitFor();
		expect(await p.locator(".cqg-panel-body .cqg-panel-question").count()).toBe(1);
		const snippet = row.locator(".cqg-panel-snippet");
		expect(await snippet.isVisible()).toBe(true);
		expect((await snippet.locator("mark").first().innerText()).toLowerCase()).toBe("incident commander");
		expect(await snippet.innerText()).not.toContain("*");

		await row.locator(".cqg-panel-chevron").click();
		const answer = p.locator(".cqg-panel-body .cqg-panel-answer").first();
		await answer.waitFor();
		await p.waitForFunction(() => (document.querySelector(".cqg-panel-body .cqg-panel-answer")?.textContent ?? "").includes("schedules it"));
		const text = await answer.innerText();
		expect(text).toContain("incident commander schedules it");
		expect(text).not.toContain("*");
		await search.fill("");
		await p.waitForFunction(() => document.querySelectorAll(".cqg-panel-body .cqg-panel-snippet").length === 0);
	});

	it("5. No marks inside glossary entries, in the editor and in reading view", async () => {
		const p = page.page;
		const markedLines = async (scope: string, lineSelector: string) =>
			p.locator(`${scope} .cqg-mention`).evaluateAll((els, sel) => els.map((el) => el.closest(sel)?.textContent ?? ""), lineSelector);
		const editorLines = await markedLines(".mod-root .cm-content", ".cm-line");
		expect(editorLines.length).toBeGreaterThan(0);
		for (const definition of DEFINITION_TEXTS) expect(editorLines.filter((l) => l.includes(definition))).toEqual([]);

		await page.host((h) => h.setMode("preview"));
		await p.locator(".mod-root .markdown-reading-view .cqg-mention").first().waitFor();
		expect(await p.locator(".mod-root .markdown-reading-view blockquote").count()).toBeGreaterThanOrEqual(9);
		expect(await p.locator(".mod-root .markdown-reading-view blockquote .cqg-mention").count()).toBe(0);
		const readingLines = await markedLines(".mod-root .markdown-reading-view", "p, li, h1, h2, h3");
		for (const definition of DEFINITION_TEXTS) expect(readingLines.filter((l) => l.includes(definition))).toEqual([]);
		// Outside the entries the terms are still marked: SLO in the first answer.
		expect(readingLines.some((l) => l.includes("하위 서비스 SLO를 곱해서"))).toBe(true);
		await page.host((h) => h.setMode("live"));
	});

	it("9. Replace the existing file? Keep both holds the focus and the accent, and Enter keeps the old file", async () => {
		const p = page.page;
		await page.host((h) => {
			const view = h.markdownView();
			(view?.editor as unknown as { focus(): void } | undefined)?.focus();
		});
		expect(await page.runCommand("export-current-note")).toBe(true);
		await p.locator(".prompt .suggestion-item").first().waitFor();
		await p.keyboard.type("CSV");
		await p.locator(".prompt .suggestion-item.is-selected").filter({ hasText: "CSV" }).waitFor();
		await p.keyboard.press("Enter");

		await page.waitFor(".modal-container .modal button.mod-cta");
		await p.waitForFunction(() => document.activeElement?.textContent === "Keep both");
		const focused = await p.evaluate(() => {
			const el = document.activeElement as HTMLElement;
			return { text: el.textContent, cta: el.classList.contains("mod-cta") };
		});
		expect(focused).toEqual({ text: "Keep both", cta: true });
		expect(await p.locator(".modal-container button", { hasText: "Replace" }).evaluate((el) => el.classList.contains("mod-cta"))).toBe(false);
		await p.keyboard.press("Enter");
		// A second file next to the first, named without a doubled "Q&A".
		await p.locator(".notice", { hasText: "서울 신뢰성 데이 2025 - 플랫폼 트랙 Q&A 2.csv" }).waitFor();
		expect(await p.locator(".modal-container").count()).toBe(0);
		expect(await p.locator(".notice", { hasText: "Q&A - Q&A" }).count()).toBe(0);
	});

	it("12. Question rows: a gap after the chevron, and wrapped lines start under the text, not under the chevron", async () => {
		const p = page.page;
		const search = p.locator(".cqg-panel-search input");
		await search.fill("계산하시나요");
		await p.waitForFunction(() => document.querySelectorAll(".cqg-panel-body .cqg-panel-question").length === 1);
		const layout = await p.locator(".cqg-panel-body .cqg-panel-question").first().evaluate((row) => {
			const chevron = row.querySelector(".cqg-panel-chevron")!.getBoundingClientRect();
			const range = document.createRange();
			range.setStartAfter(row.querySelector(".cqg-panel-chevron")!);
			range.setEndAfter(row.lastChild!);
			// The left edge of each line of text (a line may be several boxes: text and highlights).
			const lefts = new Map<number, number>();
			for (const r of Array.from(range.getClientRects())) {
				if (r.width === 0) continue;
				const top = Math.round(r.top);
				lefts.set(top, Math.min(lefts.get(top) ?? Infinity, r.left));
			}
			const tops = [...lefts.keys()].sort((a, b) => a - b);
			return { gap: lefts.get(tops[0])! - chevron.right, firstLeft: lefts.get(tops[0])!, lastLeft: lefts.get(tops[tops.length - 1])!, lineCount: tops.length, chevronLeft: chevron.left };
		});
		expect(layout.lineCount).toBeGreaterThan(1);
		expect(layout.gap).toBeGreaterThanOrEqual(6);
		expect(Math.abs(layout.lastLeft - layout.firstLeft)).toBeLessThanOrEqual(1);
		expect(layout.lastLeft).toBeGreaterThan(layout.chevronLeft + 6);
		await search.fill("");
	});

	it("throws nothing", async () => {
		expect(await page.errors()).toEqual([]);
	});
});
