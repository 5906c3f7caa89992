/**
 * The plugin's settings on disk (data.json): loaded once through mergeSettings (unknown keys and wrong
 * types dropped, defaults copied, never shared), changed through `update`, which saves and tells every
 * listener which keys changed.
 */
import { Events, type EventRef, type Plugin } from "obsidian";
import { mergeSettings, type PluginSettings } from "../core/settings";

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

	private constructor(
		private readonly plugin: Plugin,
		stored: unknown,
	) {
		this.data = mergeSettings(stored);
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
		await this.plugin.saveData(next);
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
