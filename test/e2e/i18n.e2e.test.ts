/**
 * The interface follows Obsidian's language, in a real browser: with Obsidian set to Korean (localStorage
 * `language` = `ko` before the page loads, read through `getLanguage()`), the panel, a hover preview, the
 * settings tab, a command's name in the command palette and a notice are in Korean, with counters
 * (`질문 2개`) and particles chosen for the value (`스콥은`, `“CPC”는`); with Obsidian in English (no
 * language stored), the same places are in English. The fixture note is written here.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, NO_CHROMIUM_REASON } from "./support/browser";
import { Session, type HostPage } from "./support/session";

if (!hasChromium) console.warn(NO_CHROMIUM_REASON);

const NOTE = {
	path: "Conferences/Ad Ops Meetup.md",
	text: [
		"---",
		"tags: [Conference]",
		"---",
		"## 작은 팀의 광고 운영 - 마케터 한소라",
		"",
		"**Q. CPC* 상한은 어떻게 정하나요?**",
		"A. 처음에는 업계 평균으로 두고, 스콥* 을 좁혀 가며 조정함.",
		"",
		"**Q. 리포트는 얼마나 자주 보나요?**",
		"A. 매주 월요일 아침.",
		"",
		"> CPC (Cost Per Click)",
		"> 광고를 한 번 클릭할 때마다 내는 비용",
		"",
	].join("\n"),
};

interface Expected {
	language: string | undefined;
	sections: string[];
	noteCount: string;
	warning: string;
	search: string;
	currentNoteOnly: string;
	hoverLine: string;
	hoverOpen: string;
	hoverOpenLabel: string;
	headings: string[];
	status: string;
	paletteQuery: string;
	command: string;
	notice: string;
}

const CASES: Expected[] = [
	{
		language: "ko",
		sections: ["질문과 답변", "용어집"],
		noteCount: "질문 2개",
		warning: "스콥은 용어로 표시되어 있지만 정의가 없습니다.",
		search: "질문, 답변, 용어 검색…",
		currentNoteOnly: "현재 노트만",
		hoverLine: ", 12번째 줄",
		hoverOpen: "열기",
		hoverOpenLabel: `${NOTE.path}의 12번째 줄 열기`,
		headings: ["컨퍼런스 노트", "용어집 출처", "컨퍼런스 패널", "호버 미리보기", "내보내기", "언어"],
		status: "컨퍼런스 노트 1개와 용어 1개를 색인했습니다.",
		paletteQuery: "용어 정의",
		command: "용어 정의 삽입",
		notice: "“CPC”는 이 노트의 12번째 줄에 이미 정의되어 있습니다. 대신 정의할 표시된 용어를 고르세요.",
	},
	{
		language: undefined,
		sections: ["Questions and answers", "Glossary"],
		noteCount: "2 questions",
		warning: "스콥 is marked as jargon but has no definition.",
		search: "Search questions, answers and terms…",
		currentNoteOnly: "Current note only",
		hoverLine: ", line 12",
		hoverOpen: "Open",
		hoverOpenLabel: `Open ${NOTE.path} at line 12`,
		headings: ["Conference notes", "Glossary sources", "Conference panel", "Hover previews", "Export", "Language"],
		status: "1 conference note and 1 glossary term indexed.",
		paletteQuery: "term definition",
		command: "Insert term definition",
		notice: "“CPC” is already defined in this note (line 12). Pick marked jargon to define instead.",
	},
];

describe.skipIf(!hasChromium)("the interface in Obsidian's language", () => {
	let session: Session;

	beforeAll(async () => {
		session = await Session.start({ files: [NOTE], openFile: NOTE.path, openPanel: true });
	});

	afterAll(async () => {
		await session?.close();
	});

	describe.each(CASES)("Obsidian language $language", (want) => {
		let page: HostPage;

		beforeAll(async () => {
			page = await session.open({ language: want.language });
			await page.page.locator(".cqg-panel-body .cqg-panel-warning").first().waitFor();
		});

		afterAll(async () => {
			await page?.page.context().close();
		});

		it("shows the conference panel in it: sections, counts, health warning with its particle, toolbar", async () => {
			const p = page.page;
			// Text content: the theme shows section labels in capitals.
			expect(await p.locator(".cqg-panel-section-header .cqg-panel-label").allTextContents()).toEqual(want.sections);
			expect(await p.locator(".cqg-panel-note .cqg-panel-count").first().getAttribute("aria-label")).toBe(want.noteCount);
			expect(await p.locator(".cqg-panel-warning").allInnerTexts()).toEqual([want.warning]);
			expect(await p.locator(".cqg-panel-warning .cqg-panel-warning-term").allInnerTexts()).toEqual(["스콥"]);
			expect(await p.locator(".cqg-panel-search input").getAttribute("placeholder")).toBe(want.search);
			expect((await p.locator(".cqg-panel-current").innerText()).trim()).toBe(want.currentNoteOnly);
		});

		it("shows a hover preview in it", async () => {
			const p = page.page;
			const target = p.locator(".mod-root .cm-content .cqg-mention").filter({ hasText: /^CPC$/ }).first();
			await target.waitFor();
			await target.hover();
			await page.waitFor(".popover.cqg-hover");
			const popover = p.locator(".popover.cqg-hover");
			expect(await popover.locator(".cqg-hover-line").innerText()).toBe(want.hoverLine);
			expect(await popover.locator(".cqg-hover-open").innerText()).toBe(want.hoverOpen);
			expect(await popover.locator(".cqg-hover-open").getAttribute("aria-label")).toBe(want.hoverOpenLabel);
			await p.mouse.move(2, 2);
			await page.waitFor(".popover.cqg-hover", "detached");
		});

		it("shows the settings tab in it", async () => {
			const p = page.page;
			await page.host((h) => h.openSettings());
			const tab = p.locator(".modal.mod-settings");
			await tab.waitFor();
			expect(await tab.locator(".setting-item-heading .setting-item-name").allInnerTexts()).toEqual(want.headings);
			const status = tab.locator(".setting-item").filter({ has: p.locator(".setting-item-control button") }).first();
			expect(await status.locator(".setting-item-description").innerText()).toBe(want.status);
			await p.keyboard.press("Escape");
			await tab.waitFor({ state: "detached" });
		});

		it("names its commands in it in the command palette", async () => {
			const p = page.page;
			await page.host((h) => h.openCommandPalette());
			await p.keyboard.type(want.paletteQuery);
			const names = await p.locator(".prompt .suggestion-item").allInnerTexts();
			expect(names.map((n) => n.trim())).toContain(want.command);
			await p.keyboard.press("Escape");
			await p.locator(".prompt").waitFor({ state: "detached" });
		});

		it("writes its notices in it", async () => {
			const p = page.page;
			await page.host((h) => {
				const view = h.markdownView();
				if (!view) throw new Error("no editor");
				view.editor.setCursor({ line: 5, ch: 6 });
			});
			expect(await page.runCommand("define-term-under-cursor")).toBe(true);
			const notice = p.locator(".notice-container .notice").last();
			await notice.waitFor();
			expect(await notice.innerText()).toBe(want.notice);
			expect(await page.errors()).toEqual([]);
		});
	});
});
