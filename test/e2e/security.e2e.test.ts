/**
 * Nothing read from a note runs as code, in a real browser. A glossary definition and an answer carry
 * `<img src=x onerror=…>` (which fires at once if ever parsed as HTML), `<script>` and a `javascript:`
 * link, each setting a page-level flag. The test walks every place the plugin shows them: the panel
 * (glossary, expanded answer, search highlights), the hover preview in the editor and in reading view
 * (clicking the link), and the insert-definition picker; the flag stays unset and the markup shows as text.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, NO_CHROMIUM_REASON } from "./support/browser";
import { Session, type HostPage } from "./support/session";

if (!hasChromium) console.warn(NO_CHROMIUM_REASON);

const IMG = `<img src=x onerror="window.__cqgXss='img'">`;
const SCRIPT = `<script>window.__cqgXss='script'</script>`;
const LINK = `[여기](javascript:window.__cqgXss='link')`;

const NOTE = {
	path: "Conferences/Security Day 2025.md",
	text: [
		"---",
		"tags: [Conference]",
		"---",
		"## 브라우저 보안 - 보안 엔지니어 오민재",
		"",
		"**Q. XSS* 는 어떻게 막나요?**  ",
		`A. 템플릿에서 이스케이프를 기본으로 둠. 예를 들어 ${IMG.replace("'img'", "'answer'")} 같은 입력은 글자로 보여야 함.`,
		"",
		"> XSS (Cross-Site Scripting)  ",
		`> 남의 페이지에 스크립트를 끼워 넣는 공격. 예: ${IMG} 와 ${SCRIPT} 그리고 ${LINK} 를 누르게 하는 식`,
		"",
		"**Q. CSP 는 꼭 필요한가요?**  ",
		"A. XSS 를 완전히 막지는 못해도 피해를 줄여 줌.",
		"",
	].join("\n"),
};

/**
 * A second note whose file name is markup, with an attribute-breaking term and speaker, and a Markdown
 * link whose text holds a term (plain links are never marked).
 */
// (`__cqgXss` here would read as the start of emphasis and the glossary line would not be a term.)
const ATTR_TERM = `Zero" onmouseover="window.cqgAttr='attr'`;
const HOSTILE_FILE = {
	path: `Conferences/<img src=x onerror="window.__cqgXss='file'">.md`,
	text: [
		"---",
		"tags: [Conference]",
		"---",
		`## 이름 공격 - "><script>window.__cqgXss='speaker'</script>`,
		"",
		`**Q. ${ATTR_TERM} 같은 용어도 괜찮나요?**  `,
		`A. 괜찮음. [XSS 와 ${ATTR_TERM} 설명](https://example.com/xss) 링크 안은 표시하지 않음. 본문의 ${ATTR_TERM} 만 표시.`,
		"",
		`> ${ATTR_TERM}`,
		"> 속성 값을 닫고 새 속성을 붙이려는 이름",
		"",
	].join("\n"),
};

const POPOVER = ".popover.cqg-hover";

async function flag(page: HostPage): Promise<unknown> {
	return page.page.evaluate(() => (window as unknown as { __cqgXss?: unknown }).__cqgXss);
}

/** Elements that could run code, inside what the plugin drew. */
async function liveMarkup(page: HostPage): Promise<string[]> {
	return page.page.evaluate(() =>
		Array.from(document.querySelectorAll(".cqg-panel img, .cqg-panel script, .cqg-hover img, .cqg-hover script, .prompt img, .prompt script, [onerror], [onload], a[href^='javascript' i]")).map(
			(el) => el.outerHTML.slice(0, 120),
		),
	);
}

describe.skipIf(!hasChromium)("hostile note content runs nothing (browser)", () => {
	let session: Session;
	let page: HostPage;

	beforeAll(async () => {
		session = await Session.start({ files: [NOTE], openFile: NOTE.path, openPanel: true, pluginData: { expandAnswers: true } });
		page = await session.open();
		await page.page.locator(".cqg-panel-body .cqg-panel-question").first().waitFor();
	});

	afterAll(async () => {
		await session?.close();
	});

	it("the page can run such markup at all (the flag works)", async () => {
		// Control: the same markup parsed as HTML on purpose does set the flag, so a silent flag below means something.
		const fired = await page.page.evaluate(async (html) => {
			// Parse the markup as HTML and bring it into the page, detached: the image fails to load and its handler runs.
			const parsed = new DOMParser().parseFromString(html, "text/html").body.firstElementChild;
			if (parsed) document.adoptNode(parsed);
			await new Promise((resolve) => setTimeout(resolve, 200));
			const value = (window as unknown as { __cqgXss?: unknown }).__cqgXss;
			delete (window as unknown as { __cqgXss?: unknown }).__cqgXss;
			return value;
		}, IMG);
		expect(fired).toBe("img");
		expect(await flag(page)).toBeUndefined();
		// The probe's image request (GET /x) failed as intended; from here on any request like it is the plugin's.
		page.problems.length = 0;
	});

	it("conference panel: the glossary entry, the expanded answer and search highlights show the markup as text", async () => {
		const p = page.page;
		const definition = p.locator(".cqg-panel-body .cqg-panel-definition").first();
		expect(await definition.innerText()).toContain("<img src=x onerror=");
		await p.locator(".cqg-panel-body .cqg-panel-answer").first().waitFor();
		expect(await p.locator(".cqg-panel-body .cqg-panel-answer").first().innerText()).toContain("onerror=");

		const search = p.locator(".cqg-panel-search input");
		await search.click();
		await search.pressSequentially("onerror", { delay: 10 });
		await p.locator(".cqg-panel-body mark").first().waitFor();
		await p.waitForTimeout(300);
		expect(await flag(page)).toBeUndefined();
		expect(await liveMarkup(page)).toEqual([]);
		await search.fill("");
	});

	it("hover preview (editor and reading view): the definition shows as text and its link goes nowhere", async () => {
		const p = page.page;
		for (const mode of ["live", "preview"] as const) {
			await page.host((h, m) => h.setMode(m), mode);
			const scope = mode === "live" ? ".mod-root .cm-content" : ".mod-root .markdown-reading-view";
			const target = p.locator(`${scope} .cqg-mention`).filter({ hasText: /^XSS$/ }).first();
			await target.scrollIntoViewIfNeeded();
			await target.hover();
			await page.waitFor(POPOVER);
			const popover = p.locator(POPOVER);
			const text = await popover.innerText();
			expect(text).toContain("<img src=x onerror=");
			expect(text).toContain("<script>");
			const link = popover.locator("a").filter({ hasText: "여기" });
			if ((await link.count()) > 0) await link.first().click();
			await p.waitForTimeout(300);
			expect(await flag(page)).toBeUndefined();
			expect(await liveMarkup(page)).toEqual([]);
			await p.keyboard.press("Escape");
			await p.mouse.move(2, 2);
			await page.waitFor(POPOVER, "detached");
		}
		await page.host((h) => h.setMode("live"));
	});

	it("insert-definition picker: the definition preview shows as text", async () => {
		const p = page.page;
		await page.host((h) => {
			const view = h.markdownView();
			view?.editor.setCursor({ line: 12, ch: 3 });
			(view?.editor as unknown as { focus(): void }).focus();
		});
		expect(await page.runCommand("insert-term-definition")).toBe(true);
		const item = p.locator(".prompt .suggestion-item").filter({ hasText: "XSS" }).first();
		await item.waitFor();
		expect(await item.innerText()).toContain("onerror");
		await p.waitForTimeout(200);
		expect(await flag(page)).toBeUndefined();
		expect(await liveMarkup(page)).toEqual([]);
		await p.keyboard.press("Escape");
		await p.locator(".modal-container").waitFor({ state: "detached" });
	});

	it("throws nothing, and the flag is still unset", async () => {
		expect(await flag(page)).toBeUndefined();
		expect(await page.errors()).toEqual([]);
	});
});

describe.skipIf(!hasChromium)("hostile names run nothing (browser)", () => {
	let session: Session;
	let page: HostPage;

	beforeAll(async () => {
		session = await Session.start({ files: [HOSTILE_FILE], openFile: HOSTILE_FILE.path, openPanel: true });
		page = await session.open();
		await page.page.locator(".cqg-panel-body .cqg-panel-question").first().waitFor();
	});

	afterAll(async () => {
		await session?.close();
	});

	it("hostile file name, speaker and term: text in the panel, the hover and reading view; links stay unmarked", async () => {
		const p = page.page;
		const titles = await p.locator(".cqg-panel-body .cqg-panel-note").allInnerTexts();
		expect(titles.some((t) => t.includes(`<img src=x onerror="window.__cqgXss='file'">`))).toBe(true);
		expect(await p.locator(".cqg-panel-body .cqg-panel-talk").allInnerTexts()).toContainEqual(expect.stringContaining("<script>window.__cqgXss='speaker'</script>"));

		await page.host((h) => h.setMode("preview"));
		const reading = ".mod-root .markdown-reading-view";
		await p.locator(`${reading} .cqg-mention`).first().waitFor();
		await page.waitForSettledReadingView();
		// In the link's text neither XSS nor the term is marked; in the prose after it the term is.
		const link = p.locator(`${reading} a`).filter({ hasText: "설명" });
		expect(await link.locator(".cqg-mention").count()).toBe(0);
		expect(await link.getAttribute("href")).toBe("https://example.com/xss");
		const marked = await p.locator(`${reading} .cqg-mention`).evaluateAll((els) => els.map((el) => [el.textContent, el.getAttribute("data-term")]));
		expect(marked).toContainEqual([ATTR_TERM, expect.stringMatching(/^zero" onmouseover=/i)]);
		await link.hover();
		await p.waitForTimeout(600);
		expect(await p.locator(POPOVER).count()).toBe(0);

		const target = p.locator(`${reading} .cqg-mention`).filter({ hasText: /^Zero" onmouseover/ }).last();
		await target.scrollIntoViewIfNeeded();
		await target.hover();
		await page.waitFor(POPOVER);
		expect(await p.locator(`${POPOVER} .cqg-hover-term`).innerText()).toBe(ATTR_TERM);
		expect(await p.locator(POPOVER).innerText()).toContain("속성 값을 닫고");
		expect(await flag(page)).toBeUndefined();
		expect(await p.evaluate(() => (window as unknown as { cqgAttr?: unknown }).cqgAttr)).toBeUndefined();
		expect(await liveMarkup(page)).toEqual([]);
		expect(await p.locator("[onmouseover]").count()).toBe(0);
		await p.mouse.move(2, 2);
		await page.waitFor(POPOVER, "detached");
	});

	it("throws nothing, and the flag is still unset", async () => {
		expect(await flag(page)).toBeUndefined();
		expect(await page.errors()).toEqual([]);
	});
});
