/**
 * data.json across plugin versions. `mergeSettings` keeps only the keys and types it knows, so a setting
 * renamed or reshaped in a later version would silently go back to its default. Instead, every change of
 * shape gets a version number here and a step that turns the previous shape into the next one; loading runs
 * the steps the file still needs, then reads hand edits leniently, then merges over the defaults.
 *
 *   version 0   plugin 0.1.0 (and any file without `settingsVersion`): the PluginSettings keys as they are
 *   version 1   the same keys, plus `settingsVersion`
 *
 * To change a setting's shape: raise SETTINGS_VERSION, add a step `{ to: N, migrate }` that moves the old
 * value into the new shape, and add a data.json of version N-1 to test/core/settings-versions.test.ts.
 *
 * A file from a newer version (the user went back to an older plugin) is read as far as this version
 * understands it; `saveSettings` then writes back only what the user changed, so nothing the newer
 * version stored is lost.
 */
import { DEFAULT_SETTINGS, mergeSettings, type PluginSettings } from "./settings";
import { cleanTagList } from "./tags";

export const SETTINGS_VERSION = 1;
export const VERSION_KEY = "settingsVersion";

export type StoredData = Record<string, unknown>;

interface Migration {
	/** The version this step produces from version `to - 1`. */
	to: number;
	migrate: (data: StoredData) => StoredData;
}

/** One step per change of shape, in order. */
const MIGRATIONS: readonly Migration[] = [
	// 0 → 1: the shape is unchanged; the version field is added when the settings are next saved.
	{ to: 1, migrate: (data) => data },
];

export interface LoadedSettings {
	settings: PluginSettings;
	/** The version the file was written by (0 for files without one). */
	from: number;
	/** The file as stored when it comes from a newer version (kept so saving loses nothing), else null. */
	newer: StoredData | null;
}

function isRecord(value: unknown): value is StoredData {
	return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The version a stored object was written by: a whole number ≥ 0 (also as text), else 0. */
export function storedVersion(data: StoredData): number {
	const raw = data[VERSION_KEY];
	const version = typeof raw === "string" && /^\d+$/.test(raw.trim()) ? Number(raw) : raw;
	return typeof version === "number" && Number.isInteger(version) && version >= 0 ? version : 0;
}

/** Runs the steps from the file's version up to SETTINGS_VERSION. The input is not changed. */
export function migrateSettings(stored: unknown): { data: StoredData; from: number } {
	if (!isRecord(stored)) return { data: {}, from: 0 };
	const from = storedVersion(stored);
	let data: StoredData = { ...stored };
	for (const step of MIGRATIONS) if (step.to > from) data = step.migrate(data);
	return { data, from };
}

const CHOICES: Partial<Record<keyof PluginSettings, readonly string[]>> = {
	decorateMentions: ["marked", "all"],
	underlineStyle: ["dotted", "none"],
	language: ["auto", "en", "ko"],
};

/** Items of a list setting typed by hand: an array (numbers become text) or one text with commas or lines. */
function readList(key: keyof PluginSettings, value: unknown): string[] | undefined {
	const items = Array.isArray(value) ? value : typeof value === "string" ? value.split(key === "tags" || key === "glossaryTags" ? /[,\s]+/ : /[,\r\n]+/) : null;
	if (items === null) return undefined;
	const texts = items.filter((item) => typeof item === "string" || typeof item === "number").map(String);
	if (key === "tags" || key === "glossaryTags") return cleanTagList(texts);
	const out: string[] = [];
	for (const item of texts) {
		const text = item.trim();
		if (text !== "" && !out.includes(text)) out.push(text);
	}
	return out;
}

/**
 * Reads values a person typed into data.json by hand as the settings mean them: a tag list written as
 * `"Conference, meetup"`, `"true"`/`"false"` for a switch, a choice in other capitals (`"All"`), numbers
 * in a list. What still makes no sense is left for mergeSettings to drop (the default applies).
 */
export function readHandEdits(data: StoredData): StoredData {
	const out: StoredData = { ...data };
	for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof PluginSettings)[]) {
		const value = data[key];
		if (value === undefined) continue;
		const fallback = DEFAULT_SETTINGS[key];
		if (Array.isArray(fallback)) {
			const list = readList(key, value);
			if (list !== undefined) out[key] = list;
		} else if (typeof fallback === "boolean" && typeof value === "string") {
			const word = value.trim().toLowerCase();
			if (word === "true" || word === "false") out[key] = word === "true";
		} else if (CHOICES[key] && typeof value === "string") {
			const choice = CHOICES[key].find((option) => option === value.trim().toLowerCase());
			if (choice !== undefined) out[key] = choice;
		} else if (key === "exportFolder" && typeof value === "string") {
			out[key] = value.trim();
		}
	}
	return out;
}

/** data.json (as loadData returns it, possibly null or damaged) → settings. */
export function loadSettings(stored: unknown): LoadedSettings {
	const { data, from } = migrateSettings(stored);
	return {
		settings: mergeSettings(readHandEdits(data)),
		from,
		newer: from > SETTINGS_VERSION && isRecord(stored) ? { ...stored } : null,
	};
}

/**
 * What to write to data.json: the settings with the current version, or, for a file from a newer version,
 * that file with only the `changed` keys replaced (its version kept).
 */
export function saveSettings(settings: PluginSettings, newer: StoredData | null, changed: readonly (keyof PluginSettings)[]): StoredData {
	if (newer === null) return { [VERSION_KEY]: SETTINGS_VERSION, ...settings };
	const out: StoredData = { ...newer };
	for (const key of changed) out[key] = settings[key];
	return out;
}
