/**
 * Opens the conference panel the way a user would, against the stub: a plugin with the index, the settings
 * store and the panel registered, the layout ready, then the "Open conference panel" command.
 */
import { expect } from "vitest";
import type { Plugin as ObsidianPlugin } from "obsidian";
import { Plugin, type App } from "../../stubs/obsidian";
import type { PluginSettings } from "../../../src/core/settings";
import { registerConferenceIndex, type ConferenceIndex } from "../../../src/obsidian/conference-index";
import { SettingsStore } from "../../../src/obsidian/settings-store";
import { ConferencePanelView, openConferencePanel, registerConferencePanel, VIEW_TYPE_CONFERENCE_PANEL } from "../../../src/ui/panel/conference-panel-view";
import { appWith, asObsidian, tick } from "../../obsidian/fake-app";

export const MANIFEST = { id: "conference-qa-glossary", name: "Conference Q&A Glossary", version: "0.0.0", minAppVersion: "1.5.0", description: "", author: "" };

export class TestPlugin extends Plugin {}

export interface Panel {
	app: App;
	plugin: TestPlugin;
	index: ConferenceIndex;
	settings: SettingsStore;
	view: ConferencePanelView;
	/** Waits for the metadata cache, the index, the panel's health pass and timers. */
	settle: (ms?: number) => Promise<void>;
}

export async function openPanel(files: Record<string, string>, patch: Partial<PluginSettings> = {}): Promise<Panel> {
	const app = appWith(files);
	if (Object.keys(patch).length > 0) app.pluginData.set(MANIFEST.id, JSON.stringify(patch));
	const plugin = new TestPlugin(app, MANIFEST);
	plugin.load();
	const host = plugin as unknown as ObsidianPlugin;
	const settings = await SettingsStore.load(host);
	const index = registerConferenceIndex(host, settings, { yieldToUi: () => tick() });
	registerConferencePanel(host, index, settings);
	app.workspace.triggerLayoutReady();
	const settle = async (ms = 0) => {
		for (let i = 0; i < 4; i++) {
			await app.metadataCache.whenIdle();
			await index.whenIdle();
			const view = app.workspace.getLeavesOfType(VIEW_TYPE_CONFERENCE_PANEL)[0]?.view;
			if (view instanceof ConferencePanelView) await view.health.whenIdle();
			await tick(ms);
		}
	};
	await settle();
	expect(app.executeCommandById(`${MANIFEST.id}:open-panel`)).toBe(true);
	await settle();
	const view = app.workspace.getLeavesOfType(VIEW_TYPE_CONFERENCE_PANEL)[0]?.view;
	if (!(view instanceof ConferencePanelView)) throw new Error("panel did not open");
	document.body.appendChild(view.containerEl);
	await settle();
	return { app, plugin, index, settings, view, settle };
}

export { openConferencePanel, asObsidian };

/** Rows of a kind, by class. */
export function rows(view: ConferencePanelView, cls: string): HTMLElement[] {
	return Array.from(view.containerEl.querySelectorAll<HTMLElement>(`.${cls}`));
}

export function text(el: Element | null | undefined): string {
	return el?.textContent ?? "";
}

