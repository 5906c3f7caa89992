/**
 * The browser preview page (npm run preview) as a new user first sees it: the editor looks like Obsidian's
 * Live Preview (headings and bold styled with their markup hidden off the cursor line, frontmatter shown
 * as properties), a visible source-mode toggle, Ctrl+P takes the very next key into the palette, the
 * panel's search has a visible clear button, and the file list and tabs follow notes created, renamed
 * and deleted.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, NO_CHROMIUM_REASON } from "./support/browser";
import { Session, type HostPage } from "./support/session";
import { exampleVaultFiles } from "./support/vault-files";

if (!hasChromium) console.warn(NO_CHROMIUM_REASON);

const NOTE = "Conferences/Seoul Reliability Day 2025.md";

/** The visible text of the editor's line holding `needle` in the note's source. */
async function shownLine(page: HostPage, needle: string): Promise<string> {
	return page.page.evaluate((n) => {
		const lines = Array.from(document.querySelectorAll<HTMLElement>(".mod-root .cm-content .cm-line"));
		return lines.find((l) => (l.textContent ?? "").includes(n))?.textContent ?? "";
	}, needle);
}

describe.skipIf(!hasChromium)("the browser preview page (browser)", () => {
	let session: Session;
	let page: HostPage;

	beforeAll(async () => {
		session = await Session.start({ files: exampleVaultFiles(), openFile: NOTE, openPanel: true, preview: true, pluginData: { glossaryFolders: ["Glossary"] } });
		page = await session.open();
		await page.page.locator(".cqg-panel-body .cqg-panel-note").first().waitFor();
	});

	afterAll(async () => {
		await session?.close();
	});

	it("Live Preview: frontmatter shows as properties, headings and bold are styled with their markup hidden", async () => {
		const p = page.page;
		expect(await page.editorState().then((s) => s.mode)).toBe("live");
		const props = p.locator(".mod-root .cm-content .metadata-container");
		expect(await props.count()).toBe(1);
		expect(await props.locator(".metadata-property[data-property-key='title'] .metadata-property-value").textContent()).toBe("서울 신뢰성 데이 2025 - 플랫폼 트랙 Q&A");
		expect(await props.locator(".metadata-property[data-property-key='tags'] .multi-select-pill").allTextContents()).toEqual(["Conference", "sre"]);
		expect(await p.locator(".mod-root .cm-content").textContent()).not.toContain("title:");
		// The first talk's heading: level 2, without "## ".
		const heading = p.locator(".mod-root .cm-content .HyperMD-header-2").first();
		expect(await heading.textContent()).toBe("장애는 없애는 게 아니라 다루는 것 - 페이먼츠 SRE 리드 한도윤");
		expect(Number.parseFloat(await heading.evaluate((el) => getComputedStyle(el).fontSize))).toBeGreaterThan(16);
		// A bold question spanning two lines: bold, no asterisks shown.
		expect(await p.locator(".mod-root .cm-content .cm-strong").count()).toBeGreaterThan(3);
		expect(await shownLine(page, "에러 버짓")).toBe("Q. 에러 버짓*을 다 쓰면 실제로 배포를 멈추나요?");
		expect(await shownLine(page, "발표에서")).toBe("Q. 발표에서 SLO* 를 팀마다 따로 정한다고 하셨는데, 서비스끼리 의존성이 얽혀 있으면");
	});

	it("the cursor's line shows its markup; the text itself never changes", async () => {
		const before = await page.editorState();
		const line = before.text.split("\n").findIndex((l) => l.startsWith("**Q. 에러 버짓"));
		await page.host((h, n) => h.markdownView()?.editor.setCursor({ line: n, ch: 4 }), line);
		expect(await shownLine(page, "에러 버짓*을")).toBe("**Q. 에러 버짓*을 다 쓰면 실제로 배포를 멈추나요?**");
		expect((await page.editorState()).text).toBe(before.text);
		// Into the frontmatter: the YAML shows.
		await page.host((h) => h.markdownView()?.editor.setCursor({ line: 1, ch: 0 }));
		expect(await page.page.locator(".mod-root .cm-content .metadata-container").count()).toBe(0);
		expect(await page.page.locator(".mod-root .cm-content").textContent()).toContain("title: 서울 신뢰성 데이");
	});

	it("a visible toggle switches to source mode (plain Markdown) and back", async () => {
		const p = page.page;
		const toggle = p.locator(".host-toolbar .host-source-toggle");
		expect(await toggle.isVisible()).toBe(true);
		await page.host((h) => h.markdownView()?.editor.setCursor({ line: 20, ch: 0 }));
		await toggle.click();
		expect((await page.editorState()).mode).toBe("source");
		expect(await toggle.getAttribute("aria-pressed")).toBe("true");
		expect(await p.locator(".mod-root .cm-content .metadata-container, .mod-root .cm-content .cm-strong").count()).toBe(0);
		expect(await shownLine(page, "장애는 없애는")).toBe("## 장애는 없애는 게 아니라 다루는 것 - 페이먼츠 SRE 리드 한도윤");
		await toggle.click();
		expect((await page.editorState()).mode).toBe("live");
		expect(await p.locator(".mod-root .cm-content .metadata-container").count()).toBe(1);
	});

	it("Ctrl+P takes the next key: typing right after it goes into the palette, not into the note", async () => {
		const p = page.page;
		await p.locator(".mod-root .cm-content").click();
		const before = (await page.editorState()).text;
		await p.keyboard.press("Control+P");
		await p.keyboard.type("In");
		expect(await p.locator(".prompt .prompt-input").inputValue()).toBe("In");
		await p.keyboard.press("Escape");
		await page.waitFor(".prompt", "detached");
		expect((await page.editorState()).text).toBe(before);
		// Strictly: the palette's input has focus before the Ctrl+P handler returns, so even a key already
		// queued behind it (fast typing) cannot reach the note.
		await p.locator(".mod-root .cm-content").click();
		const focusedAtOnce = await p.evaluate(() => {
			document.activeElement?.dispatchEvent(new KeyboardEvent("keydown", { key: "p", ctrlKey: true, bubbles: true, cancelable: true }));
			return document.activeElement?.classList.contains("prompt-input") === true;
		});
		expect(focusedAtOnce).toBe(true);
		await p.keyboard.press("Escape");
		await page.waitFor(".prompt", "detached");
	});

	it("the panel's search shows a clear button while it holds a query, and the button clears it", async () => {
		const p = page.page;
		const clear = p.locator(".cqg-panel-search .search-input-clear-button");
		expect(await clear.isVisible()).toBe(false);
		await p.locator(".cqg-panel-search input").fill("SLO");
		await clear.waitFor();
		const box = await clear.boundingBox();
		expect(box!.width).toBeGreaterThanOrEqual(24);
		expect(box!.height).toBeGreaterThanOrEqual(24);
		await clear.click();
		expect(await p.locator(".cqg-panel-search input").inputValue()).toBe("");
		expect(await clear.isVisible()).toBe(false);
	});

	it("the file list and the tabs follow notes created, renamed and deleted", async () => {
		const p = page.page;
		const files = () => p.locator(".host-file-list .nav-file-title").evaluateAll((els) => els.map((el) => el.getAttribute("data-path")));
		await page.host((h) => h.writeFile("Notes/Scratch.md", "# Scratch\n"));
		await p.locator(".host-file-list .nav-file-title[data-path='Notes/Scratch.md']").waitFor();
		await p.locator(".host-file-list .nav-file-title[data-path='Notes/Scratch.md']").click();
		await p.locator(".mod-root .workspace-tab-header.is-active", { hasText: "Scratch" }).waitFor();
		await page.host(async (h) => {
			const app = (h as unknown as { app: { vault: { getFileByPath(p: string): unknown }; fileManager: { renameFile(f: unknown, p: string): Promise<void> } } }).app;
			await app.fileManager.renameFile(app.vault.getFileByPath("Notes/Scratch.md"), "Notes/Renamed.md");
		});
		await p.locator(".host-file-list .nav-file-title[data-path='Notes/Renamed.md']").waitFor();
		expect(await files()).not.toContain("Notes/Scratch.md");
		expect(await p.locator(".mod-root .workspace-tab-header.is-active").textContent()).toBe("Renamed");
		expect(await p.locator(".mod-root .view-header-title").first().textContent()).toBe("Renamed");
		await page.host(async (h) => {
			const app = (h as unknown as { app: { vault: { getFileByPath(p: string): unknown; delete(f: unknown): Promise<void> } } }).app;
			await app.vault.delete(app.vault.getFileByPath("Notes/Renamed.md"));
		});
		await page.waitFor(".host-file-list .nav-file-title[data-path='Notes/Renamed.md']", "detached");
		expect(await p.locator(".mod-root .workspace-tab-header", { hasText: "Renamed" }).count()).toBe(0);
	});

	it("throws nothing", async () => {
		expect(await page.errors()).toEqual([]);
	});
});
