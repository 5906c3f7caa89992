/**
 * Glossary-health warnings for the conference panel, kept current without slowing renders down: jargon
 * markers (`XYZ*`) are found once per parsed note, and `noteHealth` (src/core/health.ts) runs only for
 * notes with a marker whose word is not a known term, again only when the glossary changed. The work runs
 * in time slices after a render; the panel shows what is known and re-renders when more is.
 */
import { findJargonMarkers, noteHealth, vaultHealth, type ConflictingTerm, type UndefinedMarked } from "../../core/health";
import { termKey } from "../../core/term-key";
import type { NoteRecord } from "../../core/types";
import { Notice, type Plugin } from "obsidian";
import type { ConferenceIndex, ReadFailure } from "../../obsidian/conference-index";
import { SliceClock, yieldWithTimer } from "../../obsidian/slice-clock";
import { t } from "../../i18n";
import type { HealthWarning } from "./panel-render";

interface NoteHealthCache {
	record: NoteRecord;
	/** Words marked with `*` outside glossary blocks. */
	marked: string[];
	/** Terms version the result below was computed for. */
	version: number;
	undefinedMarked: UndefinedMarked[];
}

function glossaryLines(record: NoteRecord): { line: number; endLine: number }[] {
	return record.glossary.map((e) => ({ line: e.line, endLine: Math.max(e.line, e.endLine) }));
}

export interface HealthOptions {
	yieldToUi?: () => Promise<void>;
	now?: () => number;
}

export class HealthTracker {
	private readonly cache = new Map<string, NoteHealthCache>();
	private running: Promise<void> | null = null;
	private again = false;
	private stopped = false;
	private readonly clock: SliceClock;

	constructor(
		private readonly index: ConferenceIndex,
		private readonly onUpdate: () => void,
		options: HealthOptions = {},
	) {
		this.clock = new SliceClock(6, options.yieldToUi ?? yieldWithTimer, options.now ?? (() => performance.now()));
	}

	/** Warnings known now, for every note or only `notePath`. */
	warnings(notePath: string | null = null): HealthWarning[] {
		const warnings: HealthWarning[] = readFailureWarnings(this.index.readFailures(), notePath);
		// Jargon marked in several places is one warning, pointing at its first place.
		const marked = new Map<string, { first: UndefinedMarked; count: number }>();
		for (const [path, entry] of this.cache) {
			if (notePath !== null && path !== notePath) continue;
			if (entry.version !== this.index.terms.version && entry.marked.length > 0) continue;
			for (const m of entry.undefinedMarked) {
				const key = termKey(m.text);
				const seen = marked.get(key);
				if (seen) seen.count++;
				else marked.set(key, { first: m, count: 1 });
			}
		}
		for (const { first, count } of marked.values()) {
			warnings.push({ term: first.text, kind: "undefined", count, path: first.path, line: first.line });
		}
		for (const conflict of this.conflicts()) {
			const own = notePath === null ? conflict.definitions : conflict.definitions.filter((d) => d.path === notePath);
			if (own.length === 0) continue;
			warnings.push({ term: conflict.term, kind: "conflict", count: conflict.definitions.length, path: own[0].path, line: own[0].line });
		}
		return warnings;
	}

	private conflictCache: { version: number; terms: ConflictingTerm[] } | null = null;

	/** Terms with different definitions (cheap, but cached per glossary version since renders are frequent). */
	private conflicts(): ConflictingTerm[] {
		const version = this.index.terms.version;
		if (this.conflictCache?.version !== version) this.conflictCache = { version, terms: vaultHealth([], this.index.terms).conflicting };
		return this.conflictCache.terms;
	}

	/** Brings the cache up to date in the background; calls onUpdate when warnings may have changed. */
	refresh(): void {
		if (this.stopped) return;
		if (this.running) {
			this.again = true;
			return;
		}
		this.running = this.update()
			.catch((error: unknown) => console.error("Conference Q&A Glossary: glossary health failed", error))
			.finally(() => {
				this.running = null;
				if (this.again && !this.stopped) {
					this.again = false;
					this.refresh();
				}
			});
	}

	stop(): void {
		this.stopped = true;
	}

	/** Resolves when the background work is done (tests). */
	async whenIdle(): Promise<void> {
		while (this.running) await this.running;
	}

	private async update(): Promise<void> {
		await this.clock.yield();
		const notes = this.index.notes();
		const live = new Set(notes.map((n) => n.path));
		let changed = false;
		for (const path of [...this.cache.keys()]) {
			if (!live.has(path)) {
				this.cache.delete(path);
				changed = true;
			}
		}
		for (const note of notes) {
			if (this.stopped) return;
			if (this.refreshNote(note)) changed = true;
			if (this.clock.spent) await this.clock.yield();
		}
		this.clock.close();
		if (changed && !this.stopped) this.onUpdate();
	}

	/** True when the note's warnings were recomputed. */
	private refreshNote(note: NoteRecord): boolean {
		const terms = this.index.terms;
		let entry = this.cache.get(note.path);
		if (!entry || entry.record !== note) {
			const text = this.index.text(note.path) ?? "";
			entry = { record: note, marked: findJargonMarkers(text, { excludeLines: glossaryLines(note) }).map((m) => m.text), version: -1, undefinedMarked: [] };
			this.cache.set(note.path, entry);
		}
		if (entry.version === terms.version) return false;
		const before = entry.undefinedMarked.length;
		entry.version = terms.version;
		// Most marked words are terms: only a note with an unknown one needs the full check (with mentions).
		if (entry.marked.every((word) => terms.lookup(word) !== undefined)) {
			entry.undefinedMarked = [];
		} else {
			const text = this.index.text(note.path) ?? "";
			entry.undefinedMarked = noteHealth({ path: note.path, text, glossary: note.glossary }, terms).undefinedMarked;
		}
		return before > 0 || entry.undefinedMarked.length > 0;
	}
}

/** What the user reads about why a note could not be read. */
function failureText(failure: ReadFailure): string {
	return failure.stage === "read" ? t("failure.read", { reason: failure.reason }) : t("failure.parse", { reason: failure.reason });
}

/** Notes that could not be read, as panel warnings (first in the health area: the note's content is missing). */
export function readFailureWarnings(failures: readonly ReadFailure[], notePath: string | null = null): HealthWarning[] {
	return failures
		.filter((f) => notePath === null || f.path === notePath)
		.map((f) => ({ term: f.path, kind: f.stage === "read" ? "unreadable" : "unparsable", count: 1, reason: f.reason, path: f.path }));
}

/** Notes listed by name in the notice; the rest are counted. */
const NOTICE_NAMED = 3;

/** The notice text for failures not announced yet. */
export function readFailureNotice(failures: readonly ReadFailure[]): string {
	const named = failures.slice(0, NOTICE_NAMED).map((f) => t("notice.readFailureItem", { path: f.path, why: failureText(f) }));
	const rest = failures.length - named.length;
	const list = rest > 0 ? t("notice.readFailureMore", { list: named.join("; "), count: rest }) : named.join("; ");
	return failures.length === 1 ? t("notice.readFailureOne", { list }) : t("notice.readFailureMany", { list, count: failures.length });
}
/**
 * Tells the user once, in a notice, about each note that could not be read (the panel keeps listing
 * them). A note announced once is announced again only after it has been read well or with another reason.
 */
export function registerReadFailureNotice(plugin: Plugin, index: ConferenceIndex): void {
	const announced = new Map<string, string>();
	plugin.registerEvent(
		index.on("changed", () => {
			const failures = index.readFailures();
			const current = new Set(failures.map((f) => f.path));
			for (const path of [...announced.keys()]) if (!current.has(path)) announced.delete(path);
			const fresh = failures.filter((f) => announced.get(f.path) !== `${f.stage}:${f.reason}`);
			if (fresh.length === 0) return;
			for (const f of fresh) announced.set(f.path, `${f.stage}:${f.reason}`);
			new Notice(readFailureNotice(fresh), NOTICE_MS);
		}),
	);
}

/** Notices about unreadable notes stay up long enough to read a path, ms. */
const NOTICE_MS = 10000;
