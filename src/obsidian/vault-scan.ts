/**
 * What the indexer needs besides the parser: which files are conference notes or glossary sources
 * (from the metadata cache's tags and the settings' folders), and a clock that cuts long work into
 * slices that give the UI back its thread.
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

/** Measured slices of main-thread work. */
export interface SliceStats {
	/** Sum of all slices, ms. */
	totalMs: number;
	/** Longest slice, ms. */
	longestMs: number;
	/** Number of slices. */
	slices: number;
}

/**
 * Cuts work into slices of about `budgetMs`. A slice is the synchronous work between two yields to the
 * UI; waiting for file reads does not count (the clock pauses), but the reads do not end a slice either,
 * since a resolved promise runs before the UI gets a turn.
 */
export class SliceClock {
	private sliceMs = 0;
	private segmentStart = -1;
	private stats: SliceStats = { totalMs: 0, longestMs: 0, slices: 0 };

	constructor(
		private readonly budgetMs: number,
		private readonly yieldToUi: () => Promise<void>,
		private readonly now: () => number,
	) {}

	/** Starts (or continues) counting work. */
	resume(): void {
		if (this.segmentStart < 0) this.segmentStart = this.now();
	}

	/** Stops counting while waiting for I/O; the slice stays open. */
	pause(): void {
		if (this.segmentStart < 0) return;
		this.sliceMs += this.now() - this.segmentStart;
		this.segmentStart = -1;
	}

	/** True when the open slice has used its budget. */
	get spent(): boolean {
		const running = this.segmentStart < 0 ? 0 : this.now() - this.segmentStart;
		return this.sliceMs + running >= this.budgetMs;
	}

	/** Closes the slice, lets the UI run, and opens the next one. */
	async yield(): Promise<void> {
		this.close();
		await this.yieldToUi();
		this.resume();
	}

	/** Closes the open slice (end of a run of work). */
	close(): void {
		this.pause();
		if (this.sliceMs > 0) {
			this.stats.totalMs += this.sliceMs;
			this.stats.longestMs = Math.max(this.stats.longestMs, this.sliceMs);
			this.stats.slices++;
		}
		this.sliceMs = 0;
	}

	/** The figures since the last reset. */
	read(): SliceStats {
		return { ...this.stats };
	}

	reset(): void {
		this.stats = { totalMs: 0, longestMs: 0, slices: 0 };
	}
}

/** Yields to the event loop with a timer: input and rendering run before the callback (works on mobile, unlike requestIdleCallback on iOS). */
export function yieldWithTimer(): Promise<void> {
	return new Promise((resolve) => window.setTimeout(resolve, 0));
}
