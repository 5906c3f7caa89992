/**
 * The harness itself: the production main.js loads in the browser host like in Obsidian (CommonJS,
 * `require` answered by the host), registers its commands, ribbon icon and views, and runs without errors.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, NO_CHROMIUM_REASON } from "./support/browser";
import { Session, type HostPage } from "./support/session";
import { exampleVaultFiles } from "./support/vault-files";

if (!hasChromium) console.warn(NO_CHROMIUM_REASON);

describe.skipIf(!hasChromium)("browser host: the plugin loads like in Obsidian", () => {
	let session: Session;
	let page: HostPage;

	beforeAll(async () => {
		session = await Session.start({ files: exampleVaultFiles(), openFile: "Conferences/Seoul Reliability Day 2025.md" });
		page = await session.open();
	});

	afterAll(async () => {
		await session?.close();
	});

	it("loads main.js as CommonJS and needs only modules Obsidian provides", async () => {
		const requested = await page.host((h) => h.requested);
		expect(requested).toContain("obsidian");
		for (const name of requested) expect(["obsidian", "@codemirror/state", "@codemirror/view", "@codemirror/commands", "@codemirror/language"]).toContain(name);
	});

	it("registers its commands and ribbon icon, and shows the note in a real CodeMirror editor", async () => {
		const ids = await page.host((h) => h.commandIds());
		expect(ids).toContain("conference-qa-glossary:open-panel");
		expect(await page.page.locator(".workspace-ribbon .side-dock-ribbon-action[aria-label='Open conference panel']").count()).toBe(1);
		const state = await page.editorState();
		expect(state.text).toContain("title: 서울 신뢰성 데이 2025");
		expect(await page.page.locator(".mod-root .cm-editor .cm-content").isVisible()).toBe(true);
	});

	it("throws nothing while loading", async () => {
		expect(await page.errors()).toEqual([]);
	});
});
