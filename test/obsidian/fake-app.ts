/**
 * Test helpers around the stub: an App with an in-memory vault, an index started the way Obsidian
 * starts it (layout ready after load), and a way to wait until everything has settled.
 */
import type { App as ObsidianApp } from "obsidian";
import { App, TFile } from "../stubs/obsidian";
import { mergeSettings, type PluginSettings } from "../../src/core/settings";
import { ConferenceIndex, type IndexOptions } from "../../src/obsidian/conference-index";

/** Yields to the event loop (timers run). */
export function tick(ms = 0): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The stub App typed as Obsidian's, for code under test. */
export function asObsidian(app: App): ObsidianApp {
	return app as unknown as ObsidianApp;
}

/** An App whose vault already holds `files` (with their metadata cache), as when Obsidian starts. */
export function appWith(files: Record<string, string> = {}): App {
	const app = new App();
	for (const [path, text] of Object.entries(files)) app.metadataCache.seed(path, text);
	return app;
}

export interface Started {
	index: ConferenceIndex;
	settings: PluginSettings;
	/** Paths of every `changed` event, in order. */
	events: string[][];
	/** Waits until the metadata cache and the index are idle. */
	settle: () => Promise<void>;
}

/** Loads an index, fires layout-ready, and waits for the initial scan. */
export async function startIndex(app: App, patch: Partial<PluginSettings> = {}, options: IndexOptions = {}): Promise<Started> {
	const settings = mergeSettings(patch);
	const index = new ConferenceIndex(asObsidian(app), () => settings, { yieldToUi: () => tick(), ...options });
	const events: string[][] = [];
	index.on("changed", (paths) => events.push(paths));
	index.load();
	app.workspace.triggerLayoutReady();
	const settle = async () => {
		for (let i = 0; i < 5; i++) {
			await app.metadataCache.whenIdle();
			await index.whenIdle();
			await tick();
		}
	};
	await settle();
	return { index, settings, events, settle };
}

/** The file at `path` (the test fails when there is none). */
export function fileAt(app: App, path: string): TFile {
	const file = app.vault.getAbstractFileByPath(path);
	if (!(file instanceof TFile)) throw new Error(`No file at ${path}`);
	return file;
}
