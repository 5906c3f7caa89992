/**
 * Accessibility in a real browser:
 * - axe-core (injected into the host page) over the plugin's own DOM: the conference panel, an open preview,
 *   the settings tab and the term picker, in the light and the dark theme; any serious or critical
 *   violation fails.
 * - Keyboard only: open the panel from the command palette, search, reach a question, unfold it, open
 *   its line, move the cursor onto a term, show its preview with the command (focus moves into it),
 *   close it with Escape (focus returns to the editor, cursor unchanged). In reading view with
 *   "Mentions take keyboard focus", Tab reaches a mention and Enter shows its preview.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, NO_CHROMIUM_REASON } from "./support/browser";
import { PROJECT_ROOT } from "./support/build";
import { Session, type HostPage } from "./support/session";
import { exampleVaultFiles } from "./support/vault-files";

if (!hasChromium) console.warn(NO_CHROMIUM_REASON);

const NOTE = "Conferences/Seoul Reliability Day 2025.md";
const AXE_SOURCE = join(PROJECT_ROOT, "node_modules", "axe-core", "axe.min.js");

interface AxeViolation {
	id: string;
	impact: string | null;
	help: string;
	nodes: { target: string[]; html: string }[];
}

/** Serious and critical axe violations inside `selector`, one line per element. */
async function axeViolations(page: HostPage, selector: string, skipRules: string[] = []): Promise<string[]> {
	const loaded = await page.page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === "object");
	if (!loaded) await page.page.addScriptTag({ content: readFileSync(AXE_SOURCE, "utf8") });
	const violations = await page.page.evaluate(
		async ([sel, skip]) => {
			const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
			const rules = Object.fromEntries(skip.map((id) => [id, { enabled: false }]));
			const result = await axe.run({ include: [[sel]] }, { resultTypes: ["violations"], rules });
			return result.violations;
		},
		[selector, skipRules] as const,
	);
	return violations
		.filter((v) => v.impact === "serious" || v.impact === "critical")
		.flatMap((v) => v.nodes.map((n) => `${v.impact} ${v.id} (${v.help}): ${n.target.join(" ")} ${n.html.slice(0, 160)}`));
}

/** Presses Tab until `test` holds for the focused element (at most `limit` presses). */
async function tabUntil(page: HostPage, test: string, limit = 40): Promise<boolean> {
	for (let i = 0; i < limit; i++) {
		await page.page.keyboard.press("Tab");
		if (await page.page.evaluate((sel) => document.activeElement?.matches(sel) === true, test)) return true;
	}
	return false;
}

async function runFromPalette(page: HostPage, name: string): Promise<void> {
	await page.page.keyboard.press("Control+P");
	await page.page.keyboard.type(name);
	try {
		await page.page.locator(".prompt .suggestion-item").first().waitFor();
	} catch (error) {
		// Say what the page looked like: which element had focus, what the palette showed.
		const state = await page.page.evaluate(() => ({
			active: document.activeElement?.outerHTML.slice(0, 200) ?? null,
			prompt: document.querySelector(".prompt")?.textContent?.slice(0, 200) ?? null,
			input: document.querySelector<HTMLInputElement>(".prompt input")?.value ?? null,
		}));
		throw new Error(`the palette did not offer "${name}": ${JSON.stringify(state)}; ${String(error)}`);
	}
	await page.page.keyboard.press("Enter");
	await page.waitFor(".prompt", "detached");
}

describe.skipIf(!hasChromium)("axe-core over the plugin's DOM (browser)", () => {
	let session: Session;
	let page: HostPage;

	beforeAll(async () => {
		session = await Session.start({ files: exampleVaultFiles(), openFile: NOTE, openPanel: true, pluginData: { glossaryFolders: ["Glossary"] } });
		page = await session.open();
		await page.page.locator(".cqg-panel-body .cqg-panel-note").first().waitFor();
		// Unfold a note and an answer, and show a search, so every kind of row is on screen.
		await page.page.locator(".cqg-panel-body .cqg-panel-note").filter({ hasText: "서울 신뢰성 데이" }).first().click();
		await page.page.locator(".cqg-panel-body .cqg-panel-question .cqg-panel-chevron").first().click();
		await page.page.locator(".cqg-panel-body .cqg-panel-answer").first().waitFor();
	});

	afterAll(async () => {
		await session?.close();
	});

	for (const theme of ["light", "dark"] as const) {
		it(`${theme}: the conference panel has no serious or critical violation`, async () => {
			await page.setTheme(theme);
			expect(await axeViolations(page, ".workspace-leaf-content[data-type='cqg-conference-panel']")).toEqual([]);
			await page.page.locator(".cqg-panel-search input").fill("SLO");
			await page.page.locator(".cqg-panel-body mark").first().waitFor();
			expect(await axeViolations(page, ".workspace-leaf-content[data-type='cqg-conference-panel']")).toEqual([]);
			await page.page.locator(".cqg-panel-search input").fill("");
		});

		it(`${theme}: an open preview has none, and is a named dialog`, async () => {
			await page.setTheme(theme);
			const target = page.page.locator(".mod-root .cm-content .cqg-mention").filter({ hasText: /^SLO$/ }).first();
			await target.hover();
			await page.waitFor(".popover.cqg-hover");
			expect(await page.page.locator(".popover.cqg-hover").getAttribute("role")).toBe("dialog");
			expect(await page.page.locator(".popover.cqg-hover").getAttribute("aria-label")).toBe("SLO");
			expect(await axeViolations(page, ".popover.cqg-hover")).toEqual([]);
			await page.page.mouse.move(2, 2);
			await page.waitFor(".popover.cqg-hover", "detached");
		});

		it(`${theme}: the settings tab has none, and every control is named by its visible setting name`, async () => {
			await page.setTheme(theme);
			await page.host((h) => (h as unknown as { openSettings(): void }).openSettings());
			await page.waitFor(".cqg-settings");
			expect(await axeViolations(page, ".cqg-settings")).toEqual([]);
			const unnamed = await page.page.evaluate(() =>
				Array.from(document.querySelectorAll(".cqg-settings .setting-item")).flatMap((item) => {
					const name = item.querySelector(".setting-item-name")?.textContent?.trim() ?? "";
					return Array.from(item.querySelectorAll<HTMLElement>("input, select, textarea, .checkbox-container, button"))
						.map((el) => ({ name, label: el.tagName === "BUTTON" ? (el.getAttribute("aria-label") ?? el.textContent ?? "") : (el.getAttribute("aria-label") ?? ""), text: el.tagName === "BUTTON" ? (el.textContent ?? "") : name }))
						.filter((c) => !c.label.toLowerCase().startsWith(c.text.toLowerCase().trim()) || c.label === "")
						.map((c) => `${c.name}: "${c.label}" does not start with "${c.text}"`);
				}),
			);
			expect(unnamed).toEqual([]);
			await page.page.keyboard.press("Escape");
			await page.waitFor(".cqg-settings", "detached");
		});

		it(`${theme}: the term picker has none`, async () => {
			await page.setTheme(theme);
			expect(await page.runCommand("insert-term-definition")).toBe(true);
			await page.page.locator(".prompt .suggestion-item").first().waitFor();
			try {
				// The list's scroll box is Obsidian's suggester (the arrow keys in its input move through it, as in
				// every Obsidian picker), so its scrollable-region rule is not the plugin's to pass; the rows are.
				expect(await axeViolations(page, ".modal-container", ["scrollable-region-focusable"])).toEqual([]);
			} finally {
				await page.page.keyboard.press("Escape");
				await page.waitFor(".prompt", "detached");
			}
		});
	}

	it("throws nothing", async () => {
		expect(await page.errors()).toEqual([]);
	});
});

describe.skipIf(!hasChromium)("keyboard only (browser)", () => {
	let session: Session;
	let page: HostPage;

	beforeAll(async () => {
		session = await Session.start({ files: exampleVaultFiles(), openFile: NOTE, pluginData: { glossaryFolders: ["Glossary"], focusableMentions: true } });
		page = await session.open();
	});

	afterAll(async () => {
		await session?.close();
	});

	it("opens the panel, finds and unfolds a question, opens its line, shows a term's preview and comes back", async () => {
		const p = page.page;
		const focused = (sel: string) => p.evaluate((s) => document.activeElement?.matches(s) === true, sel);
		await runFromPalette(page, "Open conference panel");
		await page.waitFor(".cqg-panel-body .cqg-panel-note");
		expect(await tabUntil(page, ".cqg-panel-search input")).toBe(true);
		await p.keyboard.type("에러 버짓");
		await page.waitFor(".cqg-panel-body .cqg-panel-question");
		await p.keyboard.press("Enter");
		let steps = 0;
		while (!(await focused(".cqg-panel-question")) && steps++ < 20) await p.keyboard.press("ArrowDown");
		expect(await focused(".cqg-panel-question")).toBe(true);
		const question = p.locator(".cqg-panel-question:focus");
		expect(await question.getAttribute("aria-expanded")).toBe("false");
		await p.keyboard.press("ArrowRight");
		await page.waitFor(".cqg-panel-body .cqg-panel-answer");
		expect(await p.locator(".cqg-panel-question:focus").getAttribute("aria-expanded")).toBe("true");
		expect(await p.locator(".cqg-panel-question:focus").textContent()).toContain("에러 버짓");

		// Enter opens the question's line in the editor, with the cursor there.
		await p.keyboard.press("Enter");
		await p.waitForFunction(() => document.activeElement?.classList.contains("cm-content") === true);
		const line = (await page.editorState()).cursor.line;
		expect((await page.editorState()).text.split("\n")[line]).toContain("에러 버짓");
		// Word by word along the question until the cursor stands in a term.
		const onMention = () => p.evaluate(() => (window.getSelection()?.focusNode?.parentElement?.closest(".cqg-mention") ?? null) !== null);
		let moves = 0;
		while (!(await onMention()) && moves++ < 60) await p.keyboard.press("Control+ArrowRight");
		expect(await onMention()).toBe(true);
		const before = await page.editorState();

		await runFromPalette(page, "Show preview of term at cursor");
		await page.waitFor(".popover.cqg-hover");
		expect(await focused(".popover.cqg-hover")).toBe(true);
		expect(await p.locator(".popover.cqg-hover").getAttribute("role")).toBe("dialog");
		await p.keyboard.press("Tab");
		expect(await focused(".popover.cqg-hover .cqg-hover-open")).toBe(true);
		await p.keyboard.press("Escape");
		await page.waitFor(".popover.cqg-hover", "detached");
		expect(await focused(".mod-root .cm-content")).toBe(true);
		expect((await page.editorState()).cursor).toEqual(before.cursor);
		expect((await page.editorState()).text).toBe(before.text);
	});

	it("reading view: with focusable mentions Tab reaches a term, Enter shows its preview, Escape returns to the term", async () => {
		const p = page.page;
		await page.host((h) => h.setMode("preview"));
		await page.waitFor(".mod-root .markdown-reading-view .cqg-mention[tabindex='0']");
		await p.locator(".mod-root .view-header-title").click();
		expect(await tabUntil(page, ".markdown-reading-view .cqg-mention")).toBe(true);
		const term = await p.evaluate(() => document.activeElement?.getAttribute("data-term"));
		expect(await p.locator(".markdown-reading-view .cqg-mention:focus").getAttribute("role")).toBe("button");
		await p.keyboard.press("Enter");
		await page.waitFor(".popover.cqg-hover");
		expect(await p.evaluate(() => document.activeElement?.matches(".popover.cqg-hover"))).toBe(true);
		expect(await p.locator(".popover.cqg-hover .cqg-hover-term").textContent()).toBeTruthy();
		await p.keyboard.press("Escape");
		await page.waitFor(".popover.cqg-hover", "detached");
		expect(await p.evaluate(() => document.activeElement?.getAttribute("data-term"))).toBe(term);
		// The command works on the focused term too, from the palette (which takes focus while it is open).
		await runFromPalette(page, "Show preview of term at cursor");
		await page.waitFor(".popover.cqg-hover");
		expect(await p.evaluate(() => document.activeElement?.matches(".popover.cqg-hover"))).toBe(true);
		await p.keyboard.press("Escape");
		await page.waitFor(".popover.cqg-hover", "detached");
		expect(await p.evaluate(() => document.activeElement?.getAttribute("data-term"))).toBe(term);
		await page.host((h) => h.setMode("live"));
	});

	it("throws nothing", async () => {
		expect(await page.errors()).toEqual([]);
	});
});
