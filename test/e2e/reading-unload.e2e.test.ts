/**
 * Unloading the plugin leaves nothing behind in reading views that stay open, in a real browser. The
 * page wraps `EventTarget.prototype.addEventListener`/`removeEventListener` before the note is rendered
 * and books every listener the plugin's main.js adds (its stack names `plugin:conference-qa-glossary`);
 * the reading view keeps its sections across the unload, as Obsidian does until the next render.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, NO_CHROMIUM_REASON } from "./support/browser";
import { Session, type HostPage } from "./support/session";

if (!hasChromium) console.warn(NO_CHROMIUM_REASON);

const NOTE = {
	path: "Conferences/Cache Day 2025.md",
	text: [
		"---",
		"tags: [Conference]",
		"---",
		"## 캐시 설계 - 박미나",
		"",
		"**Q. TTL* 은 얼마로 두나요?**  ",
		"A. 페이지는 하루, API 는 한 시간 정도로 TTL 을 둠.",
		"",
		"**Q. CDN 앞단에서도 같은가요?**  ",
		"A. CDN 은 TTL 을 더 길게 잡음.",
		"",
		"그냥 메모 한 줄, 용어 없음.",
		"",
		"> TTL (Time To Live)",
		"> 캐시된 사본이 유효한 시간",
		"",
		"> CDN (Content Delivery Network)",
		"> 가까운 서버에서 파일을 내려 주는 망",
		"",
	].join("\n"),
};

const POPOVER = ".popover.cqg-hover";
const READING = ".mod-root .markdown-reading-view";

/** Installs the listener ledger in the page: `window.__cqgLedger.live(selector)` counts what is still attached. */
async function installLedger(page: HostPage): Promise<void> {
	await page.page.evaluate(() => {
		type Entry = { target: EventTarget; type: string; listener: unknown; capture: boolean };
		const live: Entry[] = [];
		const proto = EventTarget.prototype;
		// The page's own methods, called with the target as `this` below.
		const add = Object.getOwnPropertyDescriptor(proto, "addEventListener")?.value as (this: EventTarget, ...args: Parameters<EventTarget["addEventListener"]>) => void;
		const remove = Object.getOwnPropertyDescriptor(proto, "removeEventListener")?.value as (this: EventTarget, ...args: Parameters<EventTarget["removeEventListener"]>) => void;
		const capture = (options?: boolean | EventListenerOptions) => (typeof options === "boolean" ? options : options?.capture === true);
		proto.addEventListener = function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) {
			const fromPlugin = (new Error().stack ?? "").includes("plugin:conference-qa-glossary");
			if (fromPlugin && !live.some((e) => e.target === this && e.type === type && e.listener === listener && e.capture === capture(options))) {
				live.push({ target: this, type, listener, capture: capture(options) });
			}
			add.call(this, type, listener, options);
		};
		proto.removeEventListener = function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions) {
			const i = live.findIndex((e) => e.target === this && e.type === type && e.listener === listener && e.capture === capture(options));
			if (i >= 0) live.splice(i, 1);
			remove.call(this, type, listener, options);
		};
		(window as unknown as { __cqgLedger: unknown }).__cqgLedger = {
			/** Plugin listeners on elements matching `selector` or inside them; every one (window, document too) for "*". */
			live: (selector: string) => {
				if (selector === "*") return live.map((e) => e.type);
				const scopes = Array.from(document.querySelectorAll(selector));
				return live.filter((e) => e.target instanceof Node && scopes.some((s) => s.contains(e.target as Node))).map((e) => e.type);
			},
		};
	});
}

function liveListeners(page: HostPage, selector = READING): Promise<string[]> {
	return page.page.evaluate((s) => (window as unknown as { __cqgLedger: { live(s: string): string[] } }).__cqgLedger.live(s), selector);
}

/** Rendered sections of the reading view that hold a mention. */
function sectionsWithMentions(page: HostPage): Promise<number> {
	return page.page.evaluate((scope) => Array.from(document.querySelectorAll(`${scope} .markdown-preview-sizer > *`)).filter((el) => el.querySelector(".cqg-mention")).length, READING);
}

describe.skipIf(!hasChromium)("unloading the plugin with reading views open (browser)", () => {
	let session: Session;
	let page: HostPage;

	beforeAll(async () => {
		session = await Session.start({ files: [NOTE], openFile: NOTE.path });
		page = await session.open();
		await installLedger(page);
		await page.host((h) => h.setMode("preview"));
		await page.page.locator(`${READING} .cqg-mention`).first().waitFor();
		await page.waitForSettledReadingView();
	});

	afterAll(async () => {
		await session?.close();
	});

	it("each section with mentions has the plugin's four delegated listeners, and a re-render replaces them", async () => {
		const sections = await sectionsWithMentions(page);
		// The two Q&A paragraphs; the glossary quotes hold no marks (entries are never marked).
		expect(sections).toBe(2);
		const types = await liveListeners(page);
		expect(types.sort()).toEqual(Array.from({ length: sections }, () => ["click", "mouseout", "mouseover", "pointerdown"]).flat().sort());
		// Rendering again (as after an edit) releases the old sections' listeners.
		for (let i = 0; i < 3; i++) await page.host((h) => h.setMode("preview"));
		await page.page.locator(`${READING} .cqg-mention`).first().waitFor();
		expect(await liveListeners(page)).toHaveLength(4 * sections);
	});

	it("a mention in reading view opens the preview while the plugin is loaded", async () => {
		const target = page.page.locator(`${READING} .cqg-mention`).filter({ hasText: /^CDN$/ }).first();
		await target.scrollIntoViewIfNeeded();
		await target.hover();
		await page.waitFor(POPOVER);
		expect(await page.page.locator(`${POPOVER} .cqg-hover-term`).innerText()).toBe("CDN");
		await page.page.mouse.move(2, 2);
		await page.waitFor(POPOVER, "detached");
	});

	it("after unload: no plugin listener anywhere, no marks, and hovering or tapping the old mention does nothing", async () => {
		const p = page.page;
		// Keep the rendered span and where it sat, to poke them after the unload.
		const span = await p.locator(`${READING} .cqg-mention`).filter({ hasText: /^CDN$/ }).first().elementHandle();
		const box = await span.boundingBox();
		await page.host((h) => h.unloadPlugin());

		expect(await liveListeners(page, "*")).toEqual([]);
		expect(await p.locator(`${READING} .cqg-mention`).count()).toBe(0);
		// The reading view was not re-rendered: its text is all still there.
		expect(await p.locator(READING).innerText()).toContain("CDN 은 TTL 을 더 길게 잡음.");

		await p.mouse.move(box!.x + box!.width / 2, box!.y + box!.height / 2);
		await p.waitForTimeout(600);
		expect(await p.locator(".cqg-hover").count()).toBe(0);
		await span.evaluate((el) => {
			el.dispatchEvent(new PointerEvent("pointerdown", { bubbles: true, pointerType: "touch" }));
			el.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
			el.dispatchEvent(new MouseEvent("click", { bubbles: true }));
		});
		await p.waitForTimeout(600);
		expect(await p.locator(".cqg-hover").count()).toBe(0);
		expect(await page.errors()).toEqual([]);
	});
});
