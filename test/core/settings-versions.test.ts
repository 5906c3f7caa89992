/** data.json files of every earlier version (and hand-edited, damaged and newer ones) load without losing a valid value. */
import { describe, expect, it } from "vitest";
import type { Plugin } from "obsidian";
import { DEFAULT_SETTINGS, type PluginSettings } from "../../src/core/settings";
import { SETTINGS_VERSION, loadSettings, migrateSettings, readHandEdits, saveSettings, storedVersion } from "../../src/core/settings-versions";
import { SettingsStore } from "../../src/obsidian/settings-store";

/** What plugin 0.1.0 wrote (version 0: every setting, no settingsVersion), with values a user changed. */
const V0_DATA_JSON = `{
  "tags": ["Conference", "meetup"],
  "excludedFolders": ["Templates"],
  "glossaryFolders": ["Glossary"],
  "glossaryTags": [],
  "currentNoteOnly": true,
  "expandAnswers": false,
  "hoverReadingView": true,
  "hoverLivePreview": false,
  "hoverSourceMode": true,
  "hoverRequireModifier": true,
  "decorateMentions": "marked",
  "underlineStyle": "none",
  "exportFolder": "Exports/Conferences"
}`;

const V0_SETTINGS: PluginSettings = {
	tags: ["Conference", "meetup"],
	excludedFolders: ["Templates"],
	glossaryFolders: ["Glossary"],
	glossaryTags: [],
	currentNoteOnly: true,
	expandAnswers: false,
	hoverReadingView: true,
	hoverLivePreview: false,
	hoverSourceMode: true,
	hoverRequireModifier: true,
	// Added after 0.1.0: a file without it gets the default.
	focusableMentions: false,
	decorateMentions: "marked",
	underlineStyle: "none",
	exportFolder: "Exports/Conferences",
	// Added after 0.1.0: a file without it follows Obsidian's language.
	language: "auto",
};

/** A version-0 file someone edited by hand: some values typed as text, some nonsense, a stray key. */
const HAND_EDITED_DATA_JSON = `{
  "tags": "Conference, #meetup  세미나",
  "excludedFolders": "Templates\\nArchive/Old, Drafts",
  "glossaryTags": ["glossary", 42, null, "", "glossary"],
  "glossaryFolders": {"oops": true},
  "currentNoteOnly": "TRUE",
  "expandAnswers": "yes",
  "hoverReadingView": false,
  "decorateMentions": "Marked",
  "underlineStyle": "wavy",
  "exportFolder": "  Exports  ",
  "colour": "red"
}`;

describe("settings versions", () => {
	it("loads plugin 0.1.0's data.json (version 0) with every value kept", () => {
		const loaded = loadSettings(JSON.parse(V0_DATA_JSON));
		expect(loaded).toEqual({ settings: V0_SETTINGS, from: 0, newer: null });
	});

	it("loads a hand-edited, partly invalid version-0 file, keeping every value that can be read and defaulting the rest", () => {
		const { settings } = loadSettings(JSON.parse(HAND_EDITED_DATA_JSON));
		expect(settings).toEqual({
			...DEFAULT_SETTINGS,
			tags: ["Conference", "meetup", "세미나"],
			excludedFolders: ["Templates", "Archive/Old", "Drafts"],
			glossaryTags: ["glossary", "42"],
			glossaryFolders: [],
			currentNoteOnly: true,
			expandAnswers: false,
			hoverReadingView: false,
			decorateMentions: "marked",
			underlineStyle: "dotted",
			exportFolder: "Exports",
		});
		expect(settings).not.toHaveProperty("colour");
	});

	it("loads its own version's file as saved, and saves with the current version", () => {
		const saved = saveSettings(V0_SETTINGS, null, []);
		expect(saved).toEqual({ settingsVersion: SETTINGS_VERSION, ...V0_SETTINGS });
		expect(loadSettings(JSON.parse(JSON.stringify(saved)))).toEqual({ settings: V0_SETTINGS, from: SETTINGS_VERSION, newer: null });
	});

	it("gives the defaults for a missing or damaged data.json", () => {
		for (const stored of [null, undefined, "", "tags", 3, [], ["Conference"], true]) {
			expect(loadSettings(stored)).toEqual({ settings: { ...DEFAULT_SETTINGS }, from: 0, newer: null });
		}
	});

	it("reads the version as a whole number (text too), else 0", () => {
		expect([1, "1", " 2 ", -1, 1.5, "one", null, undefined].map((settingsVersion) => storedVersion({ settingsVersion }))).toEqual([1, 1, 2, 0, 0, 0, 0, 0]);
	});

	it("migrates without changing its input", () => {
		const stored = JSON.parse(V0_DATA_JSON) as Record<string, unknown>;
		const copy = structuredClone(stored);
		migrateSettings(stored);
		readHandEdits(stored);
		expect(stored).toEqual(copy);
	});

	it("keeps what a newer version stored: reads what it knows, saves only the changed keys", () => {
		const newer = { settingsVersion: SETTINGS_VERSION + 1, tags: ["Conference"], hoverReadingView: { mode: "always" }, futureSetting: [1, 2] };
		const loaded = loadSettings(newer);
		expect(loaded.from).toBe(SETTINGS_VERSION + 1);
		expect(loaded.settings.hoverReadingView).toBe(true);
		expect(loaded.newer).toEqual(newer);
		const changed = { ...loaded.settings, exportFolder: "Out" };
		expect(saveSettings(changed, loaded.newer, ["exportFolder"])).toEqual({ ...newer, exportFolder: "Out" });
	});
});

describe("SettingsStore across versions", () => {
	function host(stored: unknown) {
		const saves: unknown[] = [];
		const plugin = {
			loadData: () => Promise.resolve(stored),
			saveData: (data: unknown) => {
				saves.push(JSON.parse(JSON.stringify(data)));
				return Promise.resolve();
			},
		};
		return { plugin: plugin as unknown as Plugin, saves };
	}

	it("loads a version-0 file, does not write at load, and saves every value with the version on the first change", async () => {
		const { plugin, saves } = host(JSON.parse(V0_DATA_JSON));
		const store = await SettingsStore.load(plugin);
		expect(store.current).toEqual(V0_SETTINGS);
		expect(saves).toEqual([]);
		await store.update({ expandAnswers: true });
		expect(saves).toEqual([{ settingsVersion: SETTINGS_VERSION, ...V0_SETTINGS, expandAnswers: true }]);
	});

	it("writes a newer version's file back with its own keys and version kept", async () => {
		const newer = { settingsVersion: SETTINGS_VERSION + 1, tags: ["Conference"], futureSetting: "kept" };
		const { plugin, saves } = host(newer);
		const store = await SettingsStore.load(plugin);
		await store.update({ tags: ["Conference", "meetup"] });
		await store.update({ currentNoteOnly: true });
		expect(saves).toEqual([
			{ ...newer, tags: ["Conference", "meetup"] },
			{ ...newer, tags: ["Conference", "meetup"], currentNoteOnly: true },
		]);
	});
});
