/**
 * The plugin's texts in the user's language: `t(key, vars)` looks a message up in the active table
 * (en.ts or ko.ts) and fills it in (format.ts). Obsidian's language is read once when the plugin loads
 * (`registerLanguage` from main.ts); the plugin's "Interface language" setting can override it. Korean
 * for `ko`, English for everything else. Every view calls `t` when it renders, so it follows a change.
 */
import * as obsidian from "obsidian";
import type { Plugin } from "obsidian";
import { en, type MessageKey, type MessageTable } from "./en";
import { format, formatParts, type MessagePart, type Placeholders } from "./format";
import { ko } from "./ko";

export type { MessageKey } from "./en";
export type { MessagePart } from "./format";

export type Language = "en" | "ko";
/** The setting: follow Obsidian, or a fixed language. */
export type LanguageChoice = "auto" | Language;

const TABLES: Readonly<Record<Language, Readonly<Record<MessageKey, string>>>> = { en, ko };

/** Obsidian's language code, read once at load. */
let obsidianCode = "en";
/** The language setting, read at every lookup (so a change applies to whatever renders next, in any order). */
let readChoice: () => LanguageChoice = () => "auto";

/**
 * Where Obsidian tells its language: `getLanguage()` from 1.8.7 on; before, the locale Obsidian gives
 * moment at startup (its language code, "en" by default).
 */
export interface LanguageSources {
	getLanguage?: () => string;
	momentLocale?: () => string;
}

function obsidianSources(): LanguageSources {
	const api = obsidian as unknown as { getLanguage?: unknown; moment?: { locale?: unknown } };
	const locale = api.moment?.locale;
	return {
		getLanguage: typeof api.getLanguage === "function" ? (api.getLanguage as () => string) : undefined,
		momentLocale: typeof locale === "function" ? () => String((locale as () => string).call(api.moment)) : undefined,
	};
}

/** Obsidian's interface language code (`en`, `ko`, `zh-TW`…), or "en" when it cannot be read. */
export function obsidianLanguage(sources: LanguageSources = obsidianSources()): string {
	try {
		if (sources.getLanguage) return sources.getLanguage() || "en";
		return sources.momentLocale?.() || "en";
	} catch {
		return "en";
	}
}

/** The plugin's language for a setting and Obsidian's language code: Korean for `ko` (and `ko-KR`), else English. */
export function resolveLanguage(choice: LanguageChoice, obsidianCode: string): Language {
	if (choice === "en" || choice === "ko") return choice;
	return /^ko(?:[-_]|$)/i.test(obsidianCode) ? "ko" : "en";
}

/** Reads Obsidian's language and fixes the setting to `choice` (tests; the plugin uses registerLanguage). Returns the language. */
export function applyLanguage(choice: LanguageChoice = "auto", sources?: LanguageSources): Language {
	obsidianCode = obsidianLanguage(sources);
	readChoice = () => choice;
	return currentLanguage();
}

let resolved: { choice: LanguageChoice; code: string; language: Language } | null = null;

/** The active language (resolved once per setting and Obsidian language: panels call `t` for every row). */
export function currentLanguage(): Language {
	const choice = readChoice();
	if (resolved?.choice !== choice || resolved.code !== obsidianCode) resolved = { choice, code: obsidianCode, language: resolveLanguage(choice, obsidianCode) };
	return resolved.language;
}

/** Keys of messages without placeholders (tables of labels hold these). */
export type PlainKey = { [K in MessageKey]: [Placeholders<MessageTable[K]>] extends [never] ? K : never }[MessageKey];

type VarsFor<K extends MessageKey> = [Placeholders<MessageTable[K]>] extends [never] ? [] : [Readonly<Record<Placeholders<MessageTable[K]>, string | number>>];

/** The message `key` in the active language, with its placeholders filled in. */
export function t<K extends MessageKey>(key: K, ...vars: VarsFor<K>): string {
	return format(TABLES[currentLanguage()][key], vars[0]);
}

/** The same as parts, so a view can style the values (a term in a warning) without building sentences. */
export function tParts<K extends MessageKey>(key: K, ...vars: VarsFor<K>): MessagePart[] {
	return formatParts(TABLES[currentLanguage()][key], vars[0]);
}

/** A message in a given language (tests, and the export writer's file texts). */
export function tIn<K extends MessageKey>(language: Language, key: K, ...vars: VarsFor<K>): string {
	return format(TABLES[language][key], vars[0]);
}

/** The tables, for tests. */
export const MESSAGE_TABLES = TABLES;

/** What `registerLanguage` reads: the settings store (or anything like it). */
export interface LanguageSettings {
	readonly current: { readonly language: LanguageChoice };
}

/**
 * Reads Obsidian's language once at load and follows the plugin's language setting from then on: views
 * re-render in the new language when the setting changes; command names keep theirs until the plugin
 * reloads (Obsidian reads them once). Unloading goes back to English.
 */
export function registerLanguage(plugin: Plugin, settings: LanguageSettings, sources?: LanguageSources): Language {
	obsidianCode = obsidianLanguage(sources);
	readChoice = () => settings.current.language;
	plugin.register(() => {
		obsidianCode = "en";
		readChoice = () => "auto";
	});
	return currentLanguage();
}
