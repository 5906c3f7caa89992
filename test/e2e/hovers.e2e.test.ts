/**
 * Hover previews in a real browser on the reference note: the pointer resting on `ECPM*` shows the
 * eCPM definition (written `eCPM` in the note's glossary), in the editor (Live Preview and source mode)
 * and in reading view; the preview closes when the pointer leaves.
 */
import type { Locator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, NO_CHROMIUM_REASON } from "./support/browser";
import { Session, type HostPage } from "./support/session";
import { exampleVaultFiles, hasReferenceNote, referenceNoteFile, REFERENCE_NOTE_PATH, REFERENCE_SKIP_REASON } from "./support/vault-files";

if (!hasChromium) console.warn(NO_CHROMIUM_REASON);
else if (!hasReferenceNote) console.warn(REFERENCE_SKIP_REASON);

/** Words of the eCPM entry's definition in the reference note. */
const ECPM_DEFINITION = "유효 노출당 비용";
const POPOVER = ".popover.cqg-hover";

/** The first mention whose text is exactly `text` inside `scope`. */
function mention(page: HostPage, scope: string, text: string): Locator {
	return page.page.locator(`${scope} .cqg-mention`).filter({ hasText: new RegExp(`^${text}$`) }).first();
}

async function hoverAndRead(page: HostPage, target: Locator): Promise<{ term: string; text: string }> {
	const p = page.page;
	await target.scrollIntoViewIfNeeded();
	await target.hover();
	await page.waitFor(POPOVER);
	const popover = p.locator(POPOVER);
	return { term: (await popover.locator(".cqg-hover-term").innerText()).trim(), text: await popover.innerText() };
}

async function leave(page: HostPage): Promise<void> {
	await page.page.mouse.move(2, 2);
	await page.waitFor(POPOVER, "detached");
}

describe.skipIf(!hasChromium || !hasReferenceNote)("hover previews in the browser (reference note)", () => {
	let session: Session;
	let page: HostPage;

	beforeAll(async () => {
		session = await Session.start({ files: [referenceNoteFile()], openFile: REFERENCE_NOTE_PATH });
		page = await session.open();
	});

	afterAll(async () => {
		await session?.close();
	});

	it("editor (Live Preview): hovering ECPM* shows the eCPM definition, and leaving closes it", async () => {
		expect((await page.editorState()).mode).toBe("live");
		const target = mention(page, ".mod-root .cm-content", "ECPM");
		await target.waitFor();
		expect(await target.getAttribute("data-term")).toMatch(/^ecpm$/i);
		const shown = await hoverAndRead(page, target);
		expect(shown.term).toBe("eCPM");
		expect(shown.text).toContain(ECPM_DEFINITION);
		await leave(page);
	});

	it("editor (source mode): the same mention shows the same preview", async () => {
		await page.host((h) => h.setMode("source"));
		expect((await page.editorState()).mode).toBe("source");
		const shown = await hoverAndRead(page, mention(page, ".mod-root .cm-content", "ECPM"));
		expect(shown.term).toBe("eCPM");
		expect(shown.text).toContain(ECPM_DEFINITION);
		await leave(page);
	});

	it("reading view: hovering ECPM* in the rendered note shows the eCPM definition", async () => {
		await page.host((h) => h.setMode("preview"));
		const target = mention(page, ".mod-root .markdown-reading-view", "ECPM");
		await target.waitFor();
		const shown = await hoverAndRead(page, target);
		expect(shown.term).toBe("eCPM");
		expect(shown.text).toContain(ECPM_DEFINITION);
		await leave(page);
		await page.host((h) => h.setMode("live"));
	});

	it("throws nothing", async () => {
		expect(await page.errors()).toEqual([]);
	});
});

describe.skipIf(!hasChromium)("hover previews on a touch screen (example vault)", () => {
	let session: Session;
	let page: HostPage;

	beforeAll(async () => {
		session = await Session.start({ files: exampleVaultFiles(), openFile: "Conferences/Seoul Reliability Day 2025.md", pluginData: { glossaryFolders: ["Glossary"] } });
		page = await session.open({ touch: true });
	});

	afterAll(async () => {
		await session?.close();
	});

	for (const mode of ["live", "preview"] as const) {
		it(`${mode === "live" ? "editor" : "reading view"}: a tap on a mention opens its preview, a second tap closes it`, async () => {
			await page.host((h, m) => h.setMode(m), mode);
			const scope = mode === "live" ? ".mod-root .cm-content" : ".mod-root .markdown-reading-view";
			const target = mention(page, scope, "SLO");
			await target.waitFor();
			await target.tap();
			await page.waitFor(POPOVER);
			expect(await page.page.locator(`${POPOVER} .cqg-hover-term`).innerText()).toBe("SLO");
			expect(await page.page.locator(POPOVER).innerText()).toContain("Service Level Objective");
			await target.tap();
			await page.waitFor(POPOVER, "detached");
		});
	}

	it("throws nothing", async () => {
		expect(await page.errors()).toEqual([]);
	});
});
