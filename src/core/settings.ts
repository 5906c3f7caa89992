import { DEFAULT_TAGS } from "./tags";

/** The plugin's settings as plain data. The settings tab edits a copy; defaults are never mutated. */
export interface PluginSettings {
	/** Notes carrying any of these tags are indexed (case-insensitive, nested tags count). */
	tags: string[];
	/** Folders whose notes are never indexed. */
	excludedFolders: string[];
	/** Extra glossary sources: every note in these folders contributes its glossary entries. */
	glossaryFolders: string[];
	/** Extra glossary sources: every note with one of these tags contributes its glossary entries. */
	glossaryTags: string[];
	/** Conference panel: show only the active note. */
	currentNoteOnly: boolean;
	/** Conference panel: answers start expanded. */
	expandAnswers: boolean;
	/** Hover previews in reading view. */
	hoverReadingView: boolean;
	/** Hover previews in Live Preview. */
	hoverLivePreview: boolean;
	/** Hover previews in source mode. */
	hoverSourceMode: boolean;
	/** Show a preview only while Ctrl (Cmd on macOS) is held, like Page preview. */
	hoverRequireModifier: boolean;
	/** Reading view: every mention is a tab stop, and Enter or Space shows its preview. */
	focusableMentions: boolean;
	/** Which mentions get decorated: only marked jargon (`XYZ*`) or every mention. */
	decorateMentions: "marked" | "all";
	/** Underline style of decorated mentions. */
	underlineStyle: "dotted" | "none";
	/** Folder where exported digests and files are written ("" = vault root). */
	exportFolder: string;
	/** Interface language: Obsidian's ("auto"), or English or Korean whatever Obsidian uses. */
	language: "auto" | "en" | "ko";
}

export const DEFAULT_SETTINGS: Readonly<PluginSettings> = Object.freeze({
	tags: [...DEFAULT_TAGS],
	excludedFolders: [],
	glossaryFolders: [],
	glossaryTags: [],
	currentNoteOnly: false,
	expandAnswers: false,
	hoverReadingView: true,
	hoverLivePreview: true,
	hoverSourceMode: true,
	hoverRequireModifier: false,
	focusableMentions: false,
	decorateMentions: "all",
	underlineStyle: "dotted",
	exportFolder: "",
	language: "auto",
});

/** Merges stored data over the defaults, dropping unknown keys and values of the wrong type. */
export function mergeSettings(stored: unknown): PluginSettings {
	const result: PluginSettings = {
		...DEFAULT_SETTINGS,
		tags: [...DEFAULT_SETTINGS.tags],
		excludedFolders: [],
		glossaryFolders: [],
		glossaryTags: [],
	};
	if (!stored || typeof stored !== "object") return result;
	const data = stored as Record<string, unknown>;
	const target = result as unknown as Record<string, unknown>;
	for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof PluginSettings)[]) {
		const value = data[key];
		const fallback = DEFAULT_SETTINGS[key];
		if (value === undefined) continue;
		if (Array.isArray(fallback)) {
			if (Array.isArray(value)) target[key] = value.filter((v): v is string => typeof v === "string");
		} else if (typeof value === typeof fallback) {
			if (key === "decorateMentions" && value !== "marked" && value !== "all") continue;
			if (key === "underlineStyle" && value !== "dotted" && value !== "none") continue;
			if (key === "language" && value !== "auto" && value !== "en" && value !== "ko") continue;
			target[key] = value;
		}
	}
	return result;
}
