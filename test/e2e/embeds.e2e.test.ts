/**
 * The code-block embeds and the obsidian:// action in a real browser: a note with a ```conference-qa
 * and a ```conference-glossary block, in reading view, on the example vault (and on the reference note
 * when ../shared is present). The blocks follow an edit of the note they show, a re-render releases the
 * old blocks (they stop updating), and so does unloading the plugin.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, NO_CHROMIUM_REASON } from "./support/browser";
import { Session, type HostPage } from "./support/session";
import { exampleVaultFiles, hasReferenceNote, referenceNoteFile, REFERENCE_SKIP_REASON } from "./support/vault-files";

if (!hasChromium) console.warn(NO_CHROMIUM_REASON);
if (!hasReferenceNote) console.warn(REFERENCE_SKIP_REASON);

const SEOUL = "Conferences/Seoul Reliability Day 2025.md";
const INDEX = {
	path: "Notes/Embed scenarios.md",
	text: [
		"# Conference index",
		"",
		"```conference-qa",
		"note: [[Seoul Reliability Day 2025]]",
		"```",
		"",
		"```conference-glossary",
		"note: [[Seoul Reliability Day 2025]]",
		"```",
		"",
		"```conference-qa",
		"limit: 0",
		"```",
		"",
	].join("\n"),
};
const REF_INDEX = {
	path: "Notes/Reference index.md",
	text: "```conference-qa\nnote: [[Toss Makers Conference 25]]\n```\n\n```conference-glossary\nnote: [[Toss Makers Conference 25]]\n```\n",
};

const QA = ".mod-root .markdown-reading-view .block-language-conference-qa";
const GLOSSARY = ".mod-root .markdown-reading-view .block-language-conference-glossary";

describe.skipIf(!hasChromium)("code-block embeds (browser)", () => {
	let session: Session;
	let page: HostPage;
	let seoulText = "";

	beforeAll(async () => {
		const files = [...exampleVaultFiles(), INDEX, ...(hasReferenceNote ? [referenceNoteFile(), REF_INDEX] : [])];
		seoulText = files.find((f) => f.path === SEOUL)?.text ?? "";
		session = await Session.start({ files, openFile: INDEX.path, pluginData: { glossaryFolders: ["Glossary"] } });
		page = await session.open();
		await page.host((h) => h.setMode("preview"));
		await page.page.locator(`${QA} .cqg-embed-item`).first().waitFor();
	});

	afterAll(async () => {
		await session?.close();
	});

	it("renders the Seoul note's questions, its glossary with warnings, and an inline error", async () => {
		const p = page.page;
		const qa = p.locator(QA).first();
		expect(await qa.locator(".cqg-embed-item").count()).toBe(11);
		expect(await qa.locator(".cqg-embed-talk-title").count()).toBe(3);
		expect(await qa.locator(".cqg-embed-line").first().innerText()).toBe("Seoul Reliability Day 2025, line 10");
		// Answers are rendered Markdown, with term mentions marked by the plugin's own post-processor.
		expect(await qa.locator(".cqg-embed-answer p").count()).toBeGreaterThanOrEqual(11);
		const glossary = p.locator(GLOSSARY);
		expect(await glossary.locator("tbody tr").count()).toBe(10);
		expect(await glossary.locator(".cqg-embed-warning-term").allInnerTexts()).toContain("SLO");
		expect(await p.locator(QA).nth(1).locator(".cqg-embed-error li").allInnerTexts()).toEqual(['Line 1: "0" is not a valid limit. Use a whole number from 1 to 1000.']);
		expect(await page.errors()).toEqual([]);
	});

	it("follows an edit of the note it shows, and a re-render releases the old blocks", async () => {
		const p = page.page;
		const old = await p.locator(QA).first().elementHandle();
		// Re-rendering the reading view replaces the blocks; the old ones must stop listening.
		await page.host((h) => h.setMode("preview"));
		await p.locator(`${QA} .cqg-embed-item`).first().waitFor();
		await page.host((h, text) => h.writeFile("Conferences/Seoul Reliability Day 2025.md", `${text}\n**Q. 새로 추가한 질문인가요?**\nA. 네.\n`), seoulText);
		await p.waitForFunction((selector) => document.querySelector(selector)?.querySelectorAll(".cqg-embed-item").length === 12, QA);
		expect(await p.locator(`${QA} .cqg-embed-question-text`).last().innerText()).toBe("새로 추가한 질문인가요?");
		expect(await old?.evaluate((el) => el.querySelectorAll(".cqg-embed-item").length)).toBe(11);
		expect(await page.errors()).toEqual([]);
	});

	it("a line link opens the note at that line", async () => {
		const p = page.page;
		await p.locator(`${QA} .cqg-embed-line`).nth(1).click();
		await p.waitForFunction(() => document.querySelector(".mod-root .view-header-title")?.textContent === "Seoul Reliability Day 2025");
		// The leaf stays in reading view, scrolled so the question's block (0-based line 19) is on screen.
		const onScreen = await p.evaluate(() => {
			const sections = Array.from(document.querySelectorAll<HTMLElement>(".mod-root .markdown-preview-sizer > [data-line-start]"));
			const target = sections.find((el) => Number(el.dataset.lineStart) <= 19 && Number(el.dataset.lineEnd) >= 19);
			const box = target?.getBoundingClientRect();
			return box !== undefined && box.top >= 0 && box.top < window.innerHeight;
		});
		expect(onScreen).toBe(true);
		expect(await page.host((h) => h.markdownView()?.getMode())).toBe("preview");
		await page.host((h) => h.openFile("Notes/Embed scenarios.md", { mode: "preview" }));
		await p.locator(`${QA} .cqg-embed-item`).first().waitFor();
	});

	it("obsidian://conference-qa-glossary?term= opens the panel's glossary at the term, ?search= searches", async () => {
		const p = page.page;
		expect(await page.host((h) => h.openUri("obsidian://conference-qa-glossary?term=%EC%97%90%EB%9F%AC%EB%B2%84%EC%A7%93%EC%9D%84"))).toBe(true);
		await page.waitFor('.cqg-panel-body .cqg-panel-term[tabindex="0"]');
		expect(await p.locator('.cqg-panel-body .cqg-panel-term[tabindex="0"] .cqg-panel-term-name').innerText()).toBe("에러 버짓");
		await page.host((h) => h.openUri("obsidian://conference-qa-glossary?search=%ED%8F%AC%EC%8A%A4%ED%8A%B8%EB%AA%A8%ED%85%9C"));
		await p.waitForFunction(() => document.querySelector<HTMLInputElement>(".cqg-panel-search input")?.value === "포스트모템");
		expect(await p.locator(".cqg-panel-body .cqg-panel-question").allInnerTexts()).toEqual(["포스트모템은 누가 쓰나요?"]);
		expect(await page.errors()).toEqual([]);
	});

	it.skipIf(!hasReferenceNote)("on the reference note: 69 questions and 19 glossary entries", async () => {
		const p = page.page;
		await page.host((h) => h.openFile("Notes/Reference index.md", { mode: "preview" }));
		await p.locator(`${QA} .cqg-embed-item`).first().waitFor();
		expect(await p.locator(`${QA} .cqg-embed-item`).count()).toBe(69);
		expect(await p.locator(`${GLOSSARY} tbody tr`).count()).toBe(19);
		expect(await page.errors()).toEqual([]);
		await page.host((h) => h.openFile("Notes/Embed scenarios.md", { mode: "preview" }));
		await p.locator(`${QA} .cqg-embed-item`).first().waitFor();
	});

	it("Live Preview: blocks render as widgets, follow edits, and a cursor inside a block shows its source and releases it", async () => {
		const p = page.page;
		const LIVE = ".mod-root .cm-content .block-language-conference-qa";
		await page.host((h) => h.openFile("Notes/Embed scenarios.md", { mode: "live" }));
		await p.locator(`${LIVE} .cqg-embed-item`).first().waitFor();
		await page.host((h, text) => h.writeFile("Conferences/Seoul Reliability Day 2025.md", text), seoulText);
		await p.waitForFunction((selector) => document.querySelector(selector)?.querySelectorAll(".cqg-embed-item").length === 11, LIVE);
		expect(await p.locator(".mod-root .cm-content .block-language-conference-glossary tbody tr").count()).toBe(10);
		const widget = await p.locator(LIVE).first().elementHandle();

		// The cursor enters the first block: its source shows and the widget (with its block) goes away.
		await page.host((h) => h.markdownView()?.editor.setCursor({ line: 3, ch: 0 }));
		await p.waitForFunction(() => Array.from(document.querySelectorAll(".mod-root .cm-line")).some((l) => l.textContent === "```conference-qa"));
		expect(await widget?.evaluate((el) => el.isConnected)).toBe(false);
		await page.host((h, text) => h.writeFile("Conferences/Seoul Reliability Day 2025.md", `${text}\n**Q. 하나 더?**\nA. 네.\n`), seoulText);
		await p.waitForFunction(() => document.querySelector(".mod-root .cm-content .block-language-conference-glossary") !== null);
		await p.waitForTimeout(300);
		expect(await widget?.evaluate((el) => el.querySelectorAll(".cqg-embed-item").length)).toBe(11);

		// The cursor leaves: the block renders again, current.
		await page.host((h) => h.markdownView()?.editor.setCursor({ line: 0, ch: 0 }));
		await p.waitForFunction((selector) => document.querySelector(selector)?.querySelectorAll(".cqg-embed-item").length === 12, LIVE);
		expect(await page.errors()).toEqual([]);
		await page.host((h, text) => h.writeFile("Conferences/Seoul Reliability Day 2025.md", text), seoulText);
		await page.host((h) => h.openFile("Notes/Embed scenarios.md", { mode: "preview" }));
		await p.locator(`${QA} .cqg-embed-item`).first().waitFor();
	});

	it("after the plugin unloads, blocks stop updating and nothing throws", async () => {
		const p = page.page;
		const before = await p.locator(`${QA} .cqg-embed-item`).count();
		await page.host((h) => h.unloadPlugin());
		expect(await page.host((h) => h.openUri("obsidian://conference-qa-glossary?term=SLO"))).toBe(false);
		await page.host((h, text) => h.writeFile("Conferences/Seoul Reliability Day 2025.md", text), seoulText);
		await p.waitForTimeout(300);
		expect(await p.locator(`${QA} .cqg-embed-item`).count()).toBe(before);
		expect(await page.errors()).toEqual([]);
	});
});
