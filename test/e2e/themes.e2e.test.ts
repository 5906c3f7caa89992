/**
 * Light and dark themes in a real browser: every piece of text the plugin draws in the conference panel and
 * in the hover preview keeps a contrast of at least 4.5:1 (WCAG AA for normal text) against what is
 * actually behind it, computed from getComputedStyle (colours blended over their ancestors' backgrounds).
 * The host defines Obsidian's theme variables for body.theme-light and body.theme-dark; the plugin's
 * styles.css decides which of them its text uses. Cues that are not text (the focus ring, the underline
 * of terms, warning marks, the mark of a search match) need 3:1 against what they are drawn on (WCAG 1.4.11).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, NO_CHROMIUM_REASON } from "./support/browser";
import { Session, type HostPage } from "./support/session";
import { exampleVaultFiles } from "./support/vault-files";

if (!hasChromium) console.warn(NO_CHROMIUM_REASON);

const MIN_CONTRAST = 4.5;

interface TextSample {
	selector: string;
	text: string;
	color: string;
	background: string;
	ratio: number;
}

/** Colour arithmetic shared by the page-side measurements below: RGBA parsing, alpha blending, backgrounds, luminance. */
interface ColourMath<Rgba> {
	parse: (value: string) => Rgba;
	over: (top: Rgba, bottom: Rgba) => Rgba;
	background: (el: Element | null) => Rgba;
	luminance: (color: Rgba) => number;
}

/** Puts the colour arithmetic into the page (`window.__cqgColour`) once, for the measurements to use. */
async function installColourMath(page: HostPage): Promise<void> {
	await page.page.evaluate(() => {
		type Rgba = [number, number, number, number];
		const parse = (value: string): Rgba => {
			const m = /rgba?\(([^)]+)\)/.exec(value);
			if (!m) return [0, 0, 0, 0];
			const parts = m[1].split(/[\s,/]+/).filter((x) => x !== "").map(Number);
			return [parts[0], parts[1], parts[2], parts.length > 3 ? parts[3] : 1];
		};
		const over = (top: Rgba, bottom: Rgba): Rgba => {
			const a = top[3] + bottom[3] * (1 - top[3]);
			if (a === 0) return [0, 0, 0, 0];
			const mix = (i: number) => (top[i] * top[3] + bottom[i] * bottom[3] * (1 - top[3])) / a;
			return [mix(0), mix(1), mix(2), a];
		};
		const background = (el: Element | null): Rgba => {
			// Blend the element's background over its ancestors' (the page is opaque at the root).
			const layers: Rgba[] = [];
			for (let e = el; e; e = e.parentElement) {
				const bg = parse(getComputedStyle(e).backgroundColor);
				if (bg[3] > 0) layers.push(bg);
				if (bg[3] >= 1) break;
			}
			let result: Rgba = [255, 255, 255, 1];
			for (const layer of layers.reverse()) result = over(layer, result);
			return result;
		};
		const luminance = ([r, g, b]: Rgba) => {
			const lin = (c: number) => {
				const s = c / 255;
				return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
			};
			return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
		};
		(window as unknown as { __cqgColour: unknown }).__cqgColour = { parse, over, background, luminance };
	});
}

/** Contrast of every visible text run under `rootSelector` (runs in the page). */
async function contrasts(page: HostPage, rootSelector: string): Promise<TextSample[]> {
	await installColourMath(page);
	return page.page.evaluate((root) => {
		type Rgba = [number, number, number, number];
		const { parse, over, background, luminance } = (window as unknown as { __cqgColour: ColourMath<Rgba> }).__cqgColour;
		const describe = (el: Element) => {
			const cls = Array.from(el.classList).slice(0, 2).join(".");
			return `${el.tagName.toLowerCase()}${cls ? `.${cls}` : ""}`;
		};
		const out: { selector: string; text: string; color: string; background: string; ratio: number }[] = [];
		// `style` is the element's (text nodes) or its pseudo-element's; a pseudo-element's own background lies over the element's.
		const sample = (el: Element, text: string, style: CSSStyleDeclaration, selector: string, pseudo: boolean) => {
			const rect = el.getBoundingClientRect();
			if (style.visibility === "hidden" || style.display === "none" || rect.width === 0 || rect.height === 0) return;
			let opacity = pseudo ? Number(style.opacity) : 1;
			for (let e: Element | null = el; e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
			const bg = pseudo ? over(parse(style.backgroundColor), background(el)) : background(el);
			const fgRaw = parse(style.color);
			const fg = over([fgRaw[0], fgRaw[1], fgRaw[2], fgRaw[3] * opacity], bg);
			const [l1, l2] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
			out.push({ selector, text: text.slice(0, 40), color: style.color, background: `rgb(${bg.slice(0, 3).map(Math.round).join(", ")})`, ratio: (l1 + 0.05) / (l2 + 0.05) });
		};
		for (const scope of Array.from(document.querySelectorAll(root))) {
			const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
			for (let node = walker.nextNode(); node; node = walker.nextNode()) {
				const text = (node.nodeValue ?? "").trim();
				const el = node.parentElement;
				if (text && el) sample(el, text, getComputedStyle(el), describe(el), false);
			}
			// Text that CSS adds (content: " · no answer") is text the user reads too.
			for (const el of [scope, ...Array.from(scope.querySelectorAll("*"))]) {
				for (const pseudo of ["::before", "::after"]) {
					const style = getComputedStyle(el, pseudo);
					const text = /^["'](.*)["']$/.exec(style.content)?.[1]?.trim() ?? "";
					if (/[\p{L}\p{N}]/u.test(text)) sample(el, text, style, `${describe(el)}${pseudo}`, true);
				}
			}
		}
		return out;
	}, rootSelector);
}

/** Contrast needed by cues that are not text (WCAG 1.4.11): focus rings, underlines, borders. */
const MIN_NON_TEXT = 3;

interface Cue {
	/** Elements to measure. */
	selector: string;
	/** Computed property holding the cue's colour (the first colour of a box-shadow). */
	property: "text-decoration-color" | "box-shadow" | "border-left-color" | "outline-color";
}

/**
 * Contrast of a cue's colour against what it is drawn on: the element's own background blended over its
 * ancestors' (an underline, an inset ring or a border lies over the element's box).
 */
async function cueContrasts(page: HostPage, cue: Cue): Promise<TextSample[]> {
	await installColourMath(page);
	return page.page.evaluate(({ selector, property }) => {
		type Rgba = [number, number, number, number];
		const { parse, over, background, luminance } = (window as unknown as { __cqgColour: ColourMath<Rgba> }).__cqgColour;
		const out: { selector: string; text: string; color: string; background: string; ratio: number }[] = [];
		for (const el of Array.from(document.querySelectorAll(selector))) {
			const rect = el.getBoundingClientRect();
			if (rect.width === 0 || rect.height === 0) continue;
			const style = getComputedStyle(el);
			const raw = style.getPropertyValue(property);
			const color = property === "box-shadow" ? (/rgba?\([^)]+\)/.exec(raw)?.[0] ?? "") : raw;
			const bg = background(el);
			const fg = over(parse(color), bg);
			const [l1, l2] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
			out.push({ selector: `${selector} ${property}`, text: (el.textContent ?? "").trim().slice(0, 30), color, background: `rgb(${bg.slice(0, 3).map(Math.round).join(", ")})`, ratio: (l1 + 0.05) / (l2 + 0.05) });
		}
		return out;
	}, cue);
}

function unreadable(samples: TextSample[], min = MIN_CONTRAST): string[] {
	return samples.filter((s) => s.ratio < min).map((s) => `${s.selector} "${s.text}": ${s.color} on ${s.background} = ${s.ratio.toFixed(2)}:1`);
}

describe.skipIf(!hasChromium)("light and dark themes (browser)", () => {
	let session: Session;
	let page: HostPage;

	beforeAll(async () => {
		session = await Session.start({
			files: exampleVaultFiles(),
			openFile: "Conferences/Seoul Reliability Day 2025.md",
			openPanel: true,
			pluginData: { glossaryFolders: ["Glossary"] },
		});
		page = await session.open();
		await page.page.locator(".cqg-panel-body .cqg-panel-note").first().waitFor();
		// Open a note and a talk, and search, so questions and highlights are on screen too.
		await page.page.locator(".cqg-panel-body .cqg-panel-note").first().click();
		await page.page.locator(".cqg-panel-body .cqg-panel-question").first().waitFor();
	});

	afterAll(async () => {
		await session?.close();
	});

	for (const theme of ["light", "dark"] as const) {
		it(`${theme}: panel text is readable (contrast ≥ ${MIN_CONTRAST}:1)`, async () => {
			await page.setTheme(theme);
			expect(await page.page.evaluate(() => document.body.className)).toContain(`theme-${theme}`);
			const samples = await contrasts(page, ".workspace-leaf-content[data-type='cqg-conference-panel'] .view-content");
			expect(samples.length).toBeGreaterThan(20);
			expect(unreadable(samples)).toEqual([]);
		});

		it(`${theme}: search highlights are readable`, async () => {
			await page.setTheme(theme);
			const search = page.page.locator(".cqg-panel-search input");
			await search.fill("SLO");
			await page.page.locator(".cqg-panel-body mark").first().waitFor();
			const samples = await contrasts(page, ".cqg-panel-body mark");
			expect(samples.length).toBeGreaterThan(0);
			expect(unreadable(samples)).toEqual([]);
			await search.fill("");
		});

		it(`${theme}: hover preview text is readable`, async () => {
			await page.setTheme(theme);
			const target = page.page.locator(".mod-root .cm-content .cqg-mention").first();
			await target.hover();
			await page.waitFor(".popover.cqg-hover");
			const samples = await contrasts(page, ".popover.cqg-hover");
			expect(samples.length).toBeGreaterThan(2);
			expect(unreadable(samples)).toEqual([]);
			await page.page.mouse.move(2, 2);
			await page.waitFor(".popover.cqg-hover", "detached");
		});
	}

	for (const theme of ["light", "dark"] as const) {
		it(`${theme}: cues that are not text reach ${MIN_NON_TEXT}:1 (focus ring, term underlines, warnings, search highlights)`, async () => {
			await page.setTheme(theme);
			const p = page.page;
			const samples: TextSample[] = [];
			// Term underlines in the editor, unmarked and marked (jargon written with "*").
			samples.push(...(await cueContrasts(page, { selector: ".mod-root .cm-content .cqg-mention:not(.cqg-mention-marked)", property: "text-decoration-color" })));
			samples.push(...(await cueContrasts(page, { selector: ".mod-root .cm-content .cqg-mention.cqg-mention-marked", property: "text-decoration-color" })));
			expect(samples.filter((s) => s.selector.includes(":not(")).length).toBeGreaterThan(0);
			expect(samples.filter((s) => s.selector.includes(".cqg-mention-marked text")).length).toBeGreaterThan(0);
			// Warnings: the wavy underline of the term and the box's edge.
			const warnings = [
				...(await cueContrasts(page, { selector: ".cqg-panel-warning-term", property: "text-decoration-color" })),
				...(await cueContrasts(page, { selector: ".cqg-panel-warnings", property: "border-left-color" })),
			];
			expect(warnings.length).toBeGreaterThan(1);
			samples.push(...warnings);
			// The keyboard focus ring of a panel row (reached with the keyboard, so it is :focus-visible).
			const search = p.locator(".cqg-panel-search input");
			await search.focus();
			await p.keyboard.press("ArrowDown");
			await p.locator(".cqg-panel-row:focus-visible").first().waitFor();
			const ring = await cueContrasts(page, { selector: ".cqg-panel-row:focus-visible", property: "box-shadow" });
			expect(ring.length).toBe(1);
			samples.push(...ring);
			// Search highlights: the underline that marks a match over its highlight colour.
			await search.fill("SLO");
			await p.locator(".cqg-panel-body mark").first().waitFor();
			const marks = await cueContrasts(page, { selector: ".cqg-panel-body mark", property: "text-decoration-color" });
			expect(marks.length).toBeGreaterThan(0);
			samples.push(...marks);
			await search.fill("");
			expect(unreadable(samples, MIN_NON_TEXT)).toEqual([]);
		});

		it(`${theme}: the empty state's text is readable`, async () => {
			await page.setTheme(theme);
			const toggle = page.page.locator(".cqg-panel-current input");
			await page.host((h) => h.openFile("Notes/Ops retro October.md"));
			await toggle.check();
			await page.page.locator(".cqg-panel-body .cqg-panel-empty").first().waitFor();
			const samples = await contrasts(page, ".cqg-panel-body .cqg-panel-empty");
			expect(samples.length).toBeGreaterThan(1);
			expect(unreadable(samples)).toEqual([]);
			await toggle.uncheck();
			await page.host((h) => h.openFile("Conferences/Seoul Reliability Day 2025.md"));
		});
	}

	it("throws nothing", async () => {
		expect(await page.errors()).toEqual([]);
	});
});
