/**
 * Which files the index reads: conference notes and glossary sources, from the metadata cache's tags and
 * the settings' folders. (The clock that cuts the scan into slices is slice-clock.ts.)
 */
import { getAllTags, normalizePath, type CachedMetadata } from "obsidian";
import { cleanTagList, hasTag, normalizeTag } from "../core/tags";
import type { PluginSettings } from "../core/settings";

/** How a note takes part in the index. */
export type SourceKind = "conference" | "glossary";

/** The settings that decide which notes are indexed, normalised once per scan. */
export interface ScanRules {
	tags: string[];
	excludedFolders: string[];
	glossaryFolders: string[];
	glossaryTags: string[];
}

function cleanFolders(folders: readonly string[]): string[] {
	const out: string[] = [];
	for (const folder of folders) {
		const trimmed = folder.trim();
		if (trimmed === "") continue;
		const path = normalizePath(trimmed);
		// "/" (the vault root) would exclude or include everything; take it literally.
		out.push(path === "/" ? "" : path);
	}
	return out;
}

/** The settings' tags and folders, cleaned once per scan. */
export function scanRules(settings: Readonly<PluginSettings>): ScanRules {
	return {
		tags: cleanTagList(settings.tags),
		excludedFolders: cleanFolders(settings.excludedFolders),
		glossaryFolders: cleanFolders(settings.glossaryFolders),
		glossaryTags: cleanTagList(settings.glossaryTags),
	};
}

/** True when `path` lies inside `folder` (at any depth). The empty folder is the vault root. */
export function inFolder(path: string, folder: string): boolean {
	if (folder === "") return true;
	return path.length > folder.length && path.startsWith(folder) && path.charCodeAt(folder.length) === 47; /* / */
}

/** The note's tags without `#`, as Obsidian's cache knows them (frontmatter and inline). */
export function cachedTags(cache: CachedMetadata | null): string[] {
	if (!cache) return [];
	return (getAllTags(cache) ?? []).map(normalizeTag);
}

/**
 * Conference notes carry a configured tag; glossary sources sit in a glossary folder or carry a glossary
 * tag. Excluded folders win over both. Null: the note is not indexed.
 */
export function classifyNote(path: string, tags: readonly string[], rules: ScanRules): SourceKind | null {
	if (rules.excludedFolders.some((f) => inFolder(path, f))) return null;
	if (rules.tags.length > 0 && hasTag(tags, rules.tags)) return "conference";
	if (rules.glossaryFolders.some((f) => inFolder(path, f))) return "glossary";
	if (rules.glossaryTags.length > 0 && hasTag(tags, rules.glossaryTags)) return "glossary";
	return null;
}
