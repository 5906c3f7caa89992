/**
 * The harness itself: the production main.js loads in the browser host like in Obsidian (CommonJS,
 * `require` answered by the host), registers its commands, ribbon icon and views, and runs without errors.
 */
import { readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, NO_CHROMIUM_REASON } from "./support/browser";
import { PLUGIN_EXTERNALS, PROJECT_ROOT } from "./support/build";
import { Session, type HostPage } from "./support/session";
import { exampleVaultFiles } from "./support/vault-files";

if (!hasChromium) console.warn(NO_CHROMIUM_REASON);

describe("the harness builds main.js like npm run build", () => {
	it("uses esbuild.config.mjs's externals, format and target", () => {
		const config = readFileSync(join(PROJECT_ROOT, "esbuild.config.mjs"), "utf8");
		const listed = [...config.matchAll(/^\s*"((?:@[a-z-]+\/)?[a-z-]+)",$/gm)].map((m) => m[1]);
		expect(listed.length).toBeGreaterThan(5);
		expect(listed.filter((name) => !PLUGIN_EXTERNALS.includes(name))).toEqual([]);
		expect(PLUGIN_EXTERNALS.filter((name) => !name.startsWith("node:") && !builtinModules.includes(name) && !listed.includes(name))).toEqual([]);
		expect(config).toContain("...builtinModules");
		expect(config).toContain('format: "cjs"');
		expect(config).toContain('target: "es2020"');
		expect(config).toContain("minify: production");
	});
});

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

describe.skipIf(!hasChromium)("browser host: the preview page and unloading", () => {
	let session: Session;
	let page: HostPage;

	beforeAll(async () => {
		session = await Session.start({
			files: exampleVaultFiles(),
			openFile: "Conferences/Seoul Reliability Day 2025.md",
			openPanel: true,
			preview: true,
			pluginData: { glossaryFolders: ["Glossary"] },
		});
		page = await session.open();
		await page.page.locator(".cqg-panel-body .cqg-panel-note").first().waitFor();
	});

	afterAll(async () => {
		await session?.close();
	});

	it("npm run preview's page: file list, command palette with the plugin's commands, settings tab", async () => {
		const p = page.page;
		await p.locator(".host-file-list .nav-file-title").filter({ hasText: "DevOps Days Lisbon 2025" }).click();
		expect((await page.editorState()).text).toContain("# DevOps Days Lisbon 2025");
		await p.keyboard.press("Control+p");
		await p.locator(".prompt .suggestion-item").first().waitFor();
		const commands = await p.locator(".prompt .suggestion-item").allInnerTexts();
		expect(commands).toContain("Open conference panel");
		expect(commands).toContain("Insert term definition");
		await p.keyboard.press("Escape");
		await p.locator(".host-settings-button").click();
		await p.locator(".modal .setting-item").first().waitFor();
		expect(await p.locator(".modal .setting-item-name").allInnerTexts()).toContain("Tags to index");
		await p.keyboard.press("Escape");
		expect(await p.locator(".modal-container").count()).toBe(0);
	});

	it("unloading the plugin removes its commands, ribbon icon, panel, editor marks and hover", async () => {
		const p = page.page;
		expect(await p.locator(".mod-root .cm-content .cqg-mention").count()).toBeGreaterThan(0);
		await page.host((h) => h.unloadPlugin());
		expect(await page.host((h) => h.commandIds())).toEqual([]);
		expect(await p.locator(".workspace-ribbon .side-dock-ribbon-action").count()).toBe(0);
		expect(await p.locator("[data-type='cqg-conference-panel']").count()).toBe(0);
		expect(await p.locator(".mod-root .cm-content .cqg-mention").count()).toBe(0);
		await page.host((h) => h.setMode("preview"));
		expect(await p.locator(".mod-root .markdown-reading-view .cqg-mention").count()).toBe(0);
		expect(await p.locator(".cqg-hover").count()).toBe(0);
		expect(await page.errors()).toEqual([]);
	});
});
