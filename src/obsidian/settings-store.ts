/**
 * The plugin's settings on disk (data.json): loaded once through loadSettings (older versions migrated,
 * hand edits read leniently, then mergeSettings: unknown keys and wrong types dropped, defaults copied,
 * never shared), changed through `update`, which saves (with the settings version) and tells every
 * listener which keys changed. A data.json from a newer plugin version keeps what this version does not know.
 */
import { Events, type EventRef, type Plugin } from "obsidian";
import { mergeSettings, type PluginSettings } from "../core/settings";
import { loadSettings, saveSettings, type StoredData } from "../core/settings-versions";

export type SettingsKey = keyof PluginSettings;

/** Settings that decide which notes the index holds: changing one re-runs the index. */
export const INDEX_KEYS: readonly SettingsKey[] = ["tags", "excludedFolders", "glossaryFolders", "glossaryTags"];

function sameValue(a: unknown, b: unknown): boolean {
	if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
	return a === b;
}

export class SettingsStore {
	private readonly events = new Events();
	private data: PluginSettings;
	/** data.json as a newer plugin version wrote it, else null (see saveSettings). */
	private newer: StoredData | null;

	private constructor(
		private readonly plugin: Plugin,
		stored: unknown,
	) {
		const loaded = loadSettings(stored);
		this.data = loaded.settings;
		this.newer = loaded.newer;
	}

	/** Reads data.json (missing or damaged data gives the defaults). */
	static async load(plugin: Plugin): Promise<SettingsStore> {
		return new SettingsStore(plugin, await plugin.loadData());
	}

	/** The current settings. Read-only: change them with `update`. */
	get current(): Readonly<PluginSettings> {
		return this.data;
	}

	/** Applies `patch`, saves, and fires `changed` with the keys whose value changed. */
	async update(patch: Partial<PluginSettings>): Promise<void> {
		const next = mergeSettings({ ...this.data, ...patch });
		const changed = (Object.keys(next) as SettingsKey[]).filter((key) => !sameValue(next[key], this.data[key]));
		if (changed.length === 0) return;
		this.data = next;
		const saved = saveSettings(next, this.newer, changed);
		if (this.newer !== null) this.newer = saved;
		await this.plugin.saveData(saved);
		this.events.trigger("changed", changed);
	}

	/** Fires after `update` changed something. */
	on(name: "changed", callback: (keys: SettingsKey[]) => void): EventRef {
		return this.events.on(name, callback as (...data: unknown[]) => unknown);
	}

	offref(ref: EventRef): void {
		this.events.offref(ref);
	}
}
