/**
 * The plugin on a phone (390 x 844) and a tablet (820 x 1180) with touch, the host emulating Obsidian
 * mobile (Platform.isMobile, is-mobile/is-phone, sidebars as drawers): nothing runs off the screen, every
 * control of the panel and the preview is at least 24 x 24 CSS px to tap, and a tapped term's preview
 * fits inside the window without covering the term, in the editor and in reading view.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, NO_CHROMIUM_REASON } from "./support/browser";
import { Session, type HostPage } from "./support/session";
import { exampleVaultFiles } from "./support/vault-files";

if (!hasChromium) console.warn(NO_CHROMIUM_REASON);

const NOTE = "Conferences/Seoul Reliability Day 2025.md";
const MIN_TARGET = 24;

const DEVICES = [
	{ name: "phone", viewport: { width: 390, height: 844 }, phone: true },
	{ name: "tablet", viewport: { width: 820, height: 1180 }, phone: false },
] as const;

interface Rect {
	left: number;
	top: number;
	right: number;
	bottom: number;
}

/**
 * Interactive elements under `root` smaller than 24 x 24 to tap, described. A control's tap area is its
 * box, or its label's when it sits in one; a question's chevron is tested by tapping points of a 24 x 24
 * square around its centre (its hit area is a transparent pseudo-element).
 */
async function smallTargets(page: HostPage, root: string): Promise<string[]> {
	return page.page.evaluate(
		([rootSelector, min]) => {
			const out: string[] = [];
			const name = (el: Element) => `${el.tagName.toLowerCase()}.${Array.from(el.classList).slice(0, 2).join(".")} "${(el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 30)}"`;
			for (const scope of Array.from(document.querySelectorAll(rootSelector))) {
				const els = scope.querySelectorAll<HTMLElement>("button, input, select, textarea, a[href], [role='button'], [role='treeitem'], [role='switch'], [tabindex]:not([tabindex='-1']), .clickable-icon");
				for (const el of Array.from(els)) {
					const box = (el.closest("label") ?? el).getBoundingClientRect();
					if (box.width === 0 && box.height === 0) continue;
					if (box.width < min || box.height < min) out.push(`${name(el)}: ${box.width.toFixed(1)}x${box.height.toFixed(1)}`);
				}
				for (const chevron of Array.from(scope.querySelectorAll<HTMLElement>(".cqg-panel-chevron"))) {
					const r = chevron.getBoundingClientRect();
					if (r.width === 0) continue;
					const cx = r.left + r.width / 2;
					const cy = r.top + r.height / 2;
					const h = min / 2 - 0.5;
					// Only chevrons scrolled fully into view can be tapped (and tested).
					const view = chevron.closest(".cqg-panel-body")?.getBoundingClientRect();
					if (!view || cy - h < view.top || cy + h > view.bottom) continue;
					const missed = [
						[cx - h, cy - h],
						[cx + h, cy - h],
						[cx - h, cy + h],
						[cx + h, cy + h],
					].filter(([x, y]) => document.elementFromPoint(x, y) !== chevron);
					if (missed.length > 0) out.push(`chevron at ${cx.toFixed(0)},${cy.toFixed(0)}: ${missed.length} corners of a ${min} px square miss it`);
				}
			}
			return out;
		},
		[root, MIN_TARGET] as const,
	);
}

async function overflow(page: HostPage): Promise<{ scrollWidth: number; width: number; wide: string[] }> {
	return page.page.evaluate(() => {
		const width = window.innerWidth;
		const wide = Array.from(document.querySelectorAll(".cqg-panel *, .cqg-hover, .cqg-hover *"))
			.filter((el) => {
				const r = el.getBoundingClientRect();
				return r.width > 0 && (r.right > width + 0.5 || r.left < -0.5);
			})
			.map((el) => `${el.tagName.toLowerCase()}.${el.className}`)
			.slice(0, 5);
		return { scrollWidth: document.documentElement.scrollWidth, width, wide };
	});
}

function inside(inner: Rect, outer: Rect): boolean {
	return inner.left >= outer.left && inner.top >= outer.top && inner.right <= outer.right && inner.bottom <= outer.bottom;
}

function overlaps(a: Rect, b: Rect): boolean {
	return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

async function rectOf(page: HostPage, selector: string): Promise<Rect> {
	const box = await page.page.locator(selector).first().boundingBox();
	if (!box) throw new Error(`${selector} is not on screen`);
	return { left: box.x, top: box.y, right: box.x + box.width, bottom: box.y + box.height };
}

for (const device of DEVICES) {
	describe.skipIf(!hasChromium)(`${device.name} ${device.viewport.width}x${device.viewport.height} with touch (browser)`, () => {
		let session: Session;
		let page: HostPage;
		const screen: Rect = { left: 0, top: 0, right: device.viewport.width, bottom: device.viewport.height };

		beforeAll(async () => {
			session = await Session.start({ files: exampleVaultFiles(), openFile: NOTE, openPanel: true, pluginData: { glossaryFolders: ["Glossary"] } });
			page = await session.open({ mobile: true, viewport: device.viewport });
		});

		afterAll(async () => {
			await session?.close();
		});

		it("the host emulates Obsidian mobile: Platform.isMobile, body classes, viewport meta, drawers closed", async () => {
			const state = await page.page.evaluate(() => ({
				body: document.body.className,
				meta: document.querySelector("meta[name='viewport']")?.getAttribute("content") ?? "",
				rightCollapsed: document.querySelector(".mod-right-split")?.classList.contains("is-collapsed") ?? false,
				touch: "ontouchstart" in window,
			}));
			expect(await page.host((h) => (h as unknown as { mobile: { mobile: boolean; phone: boolean } }).mobile)).toEqual({ mobile: true, phone: device.phone });
			expect(state.body).toContain("is-mobile");
			expect(state.body).toContain(device.phone ? "is-phone" : "is-tablet");
			expect(state.meta).toContain("width=device-width");
			expect(state.rightCollapsed).toBe(true);
			expect(state.touch).toBe(true);
		});

		it("the panel opens as a drawer inside the screen (full width on a phone), nothing runs off the side", async () => {
			await page.page.locator(".mobile-navbar .host-open-right").tap();
			await page.waitFor(".mod-right-split .cqg-panel-body .cqg-panel-note");
			const drawer = await rectOf(page, ".mod-right-split");
			expect(inside(drawer, screen)).toBe(true);
			if (device.phone) expect(drawer.right - drawer.left).toBe(device.viewport.width);
			const note = page.page.locator(".cqg-panel-body .cqg-panel-note").filter({ hasText: "서울 신뢰성 데이" }).first();
			await note.tap();
			const question = page.page.locator(".cqg-panel-body .cqg-panel-question").first();
			await question.waitFor();
			// The chevron's hit area unfolds the answer, with the note staying where it is.
			await question.locator(".cqg-panel-chevron").tap();
			await page.page.locator(".cqg-panel-body .cqg-panel-answer").first().waitFor();
			expect(await question.getAttribute("aria-expanded")).toBe("true");
			await page.page.locator(".cqg-panel-search input").fill("SLO");
			await page.page.locator(".cqg-panel-search.has-query .search-input-clear-button").waitFor();
			const { scrollWidth, width, wide } = await overflow(page);
			expect(wide).toEqual([]);
			expect(scrollWidth).toBeLessThanOrEqual(width);
		});

		it("every control of the panel is at least 24 x 24 CSS px (rows, chevrons, search, clear, checkbox, buttons)", async () => {
			expect(await page.page.locator(".cqg-panel-body .cqg-panel-chevron").count()).toBeGreaterThan(0);
			expect(await smallTargets(page, ".workspace-leaf-content[data-type='cqg-conference-panel']")).toEqual([]);
			await page.page.locator(".cqg-panel-search .search-input-clear-button").tap();
			await page.page.locator(".host-drawer-close").last().tap();
			await page.waitFor(".mod-right-split", "detached").catch(() => undefined);
			expect(await page.page.locator(".mod-right-split").evaluate((el) => el.classList.contains("is-collapsed"))).toBe(true);
		});

		for (const mode of ["live", "preview"] as const) {
			it(`${mode === "live" ? "editor" : "reading view"}: a tapped term's preview fits the screen, leaves the term visible, and its controls are big enough`, async () => {
				await page.host((h, m) => h.setMode(m), mode);
				const scope = mode === "live" ? ".mod-root .cm-content" : ".mod-root .markdown-reading-view";
				// A mention low on the screen, so the preview must go above it or shrink to fit.
				const mentions = page.page.locator(`${scope} .cqg-mention`);
				await mentions.first().waitFor();
				const boxes = await mentions.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().bottom));
				const index = boxes.findIndex((b) => b > device.viewport.height * 0.55 && b < device.viewport.height - 80);
				const target = mentions.nth(index >= 0 ? index : 0);
				await target.tap();
				await page.waitFor(".popover.cqg-hover");
				const term = await target.boundingBox();
				const popover = await rectOf(page, ".popover.cqg-hover");
				expect(term).not.toBeNull();
				const termRect = { left: term!.x, top: term!.y, right: term!.x + term!.width, bottom: term!.y + term!.height };
				expect(inside(popover, screen)).toBe(true);
				expect(overlaps(popover, termRect)).toBe(false);
				const box = await page.page.locator(".popover.cqg-hover").evaluate((el) => ({ sizing: getComputedStyle(el).boxSizing, overflowY: getComputedStyle(el).overflowY, scroll: el.scrollWidth, client: el.clientWidth }));
				expect(box.sizing).toBe("border-box");
				expect(box.overflowY).toBe("auto");
				expect(box.scroll).toBeLessThanOrEqual(box.client);
				if (!device.phone) expect(popover.right - popover.left).toBeLessThanOrEqual(450);
				expect(await smallTargets(page, ".popover.cqg-hover")).toEqual([]);
				const { scrollWidth, width } = await overflow(page);
				expect(scrollWidth).toBeLessThanOrEqual(width);
				await target.tap();
				await page.waitFor(".popover.cqg-hover", "detached");
			});
		}

		it("throws nothing", async () => {
			expect(await page.errors()).toEqual([]);
		});
	});
}
