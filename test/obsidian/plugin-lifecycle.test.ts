// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import type { App as ObsidianApp, PluginManifest } from "obsidian";
import ConferenceQaGlossaryPlugin from "../../src/main";
import { VIEW_TYPE_CONFERENCE_PANEL } from "../../src/ui/panel/conference-panel-view";
import type { App } from "../stubs/obsidian";
import { appWith, tick } from "./fake-app";

const MANIFEST: PluginManifest = { id: "conference-qa-glossary", name: "Conference Q&A Glossary", version: "0.1.0", minAppVersion: "1.5.0", description: "", author: "" };
const TALK = "---\ntags: [Conference]\n---\n## Caching - Mina\n\n**Q. How long?**\nA. A day.\n\n> TTL\n> How long a cached copy stays valid.\n";

const EVENTS: Record<"vault" | "metadataCache" | "workspace", string[]> = {
	vault: ["create", "modify", "delete", "rename", "closed"],
	metadataCache: ["changed", "deleted", "resolve", "resolved"],
	workspace: ["file-open", "active-leaf-change", "layout-change", "editor-change", "css-change", "resize", "quick-preview", "file-menu", "editor-menu", "window-open", "window-close"],
};

/** Every listener count the plugin could have added to, plus what it registered with the app. */
function footprint(app: App): Record<string, number> {
	const out: Record<string, number> = {};
	for (const [owner, names] of Object.entries(EVENTS)) {
		const events = app[owner as keyof typeof EVENTS];
		for (const name of names) out[`${owner}.${name}`] = events.listenerCount(name);
	}
	out.commands = app.commands.size;
	out.ribbonIcons = app.ribbonIcons.length;
	out.settingTabs = app.settingTabs.length;
	out.viewTypes = app.workspace.viewTypeCount;
	out.postProcessors = app.markdownPostProcessors.length;
	out.editorExtensions = app.editorExtensions.length;
	out.codeBlockProcessors = app.codeBlockProcessors.size;
	out.protocolHandlers = app.protocolHandlers.size;
	return out;
}

async function loadPlugin(app: App): Promise<ConferenceQaGlossaryPlugin> {
	const plugin = new ConferenceQaGlossaryPlugin(app as unknown as ObsidianApp, MANIFEST);
	plugin.load();
	// onload awaits loadData; let it finish, as Obsidian awaits onload.
	for (let i = 0; i < 3; i++) await tick();
	return plugin;
}

describe("plugin lifecycle (main.ts wiring)", () => {
	it("does no vault work before the layout is ready", async () => {
		const app = appWith({ "a.md": TALK });
		const reads = app.vault.readCount;
		const plugin = await loadPlugin(app);
		expect(app.vault.readCount).toBe(reads);
		expect(app.commands.has("conference-qa-glossary:open-panel")).toBe(true);
		plugin.unload();
	});

	it("releases everything it registered on unload", async () => {
		const app = appWith({ "a.md": TALK });
		const before = footprint(app);
		const plugin = await loadPlugin(app);
		app.workspace.triggerLayoutReady();
		await app.metadataCache.whenIdle();
		for (let i = 0; i < 5; i++) await tick();
		expect(app.executeCommandById("conference-qa-glossary:open-panel")).toBe(true);
		for (let i = 0; i < 5; i++) await tick();
		const leaf = app.workspace.getLeavesOfType(VIEW_TYPE_CONFERENCE_PANEL)[0];
		expect(leaf).toBeDefined();
		expect(leaf?.view.containerEl.querySelectorAll(".cqg-panel-question")).toHaveLength(1);
		expect(footprint(app)).not.toEqual(before);

		plugin.unload();
		await tick();
		expect(footprint(app)).toEqual(before);
		// The panel's leaf stays where the user put it, but its view (and its listeners) are gone.
		expect(app.workspace.getLeavesOfType(VIEW_TYPE_CONFERENCE_PANEL)).toHaveLength(0);
	});

	it("can be loaded again after an unload (plugin update or re-enable)", async () => {
		const app = appWith({ "a.md": TALK });
		app.workspace.triggerLayoutReady();
		const first = await loadPlugin(app);
		first.unload();
		const second = await loadPlugin(app);
		for (let i = 0; i < 5; i++) await tick();
		expect(app.executeCommandById("conference-qa-glossary:open-panel")).toBe(true);
		for (let i = 0; i < 5; i++) await tick();
		expect(app.workspace.getLeavesOfType(VIEW_TYPE_CONFERENCE_PANEL)[0]?.view.containerEl.querySelectorAll(".cqg-panel-question")).toHaveLength(1);
		second.unload();
	});
});
