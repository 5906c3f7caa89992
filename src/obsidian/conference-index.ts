/**
 * The live index of conference notes: a Component owned by the plugin. It starts once the workspace
 * layout is ready (start-up never waits for it), scans the vault in time-sliced batches, then follows
 * the metadata cache and the vault so every change re-parses only the note it touches.
 *
 * Other parts read `notes()`, `note(path)` and `terms`, and listen to `changed`.
 */
import { Component, debounce, Events, TFile, type App, type CachedMetadata, type EventRef, type Plugin, type TAbstractFile } from "obsidian";
import { parseNote } from "../core/note-parser";
import type { PluginSettings } from "../core/settings";
import { TermIndex } from "../core/term-index";
import type { NoteRecord } from "../core/types";
import { INDEX_KEYS, type SettingsStore } from "./settings-store";
import { ellipsize } from "../core/text";
import { cachedTags, classifyNote, scanRules, type ScanRules, type SourceKind } from "./note-sources";
import { SliceClock, yieldWithTimer, type SliceStats } from "./slice-clock";

/** Tuning and test seams. Obsidian uses the defaults. */
export interface IndexOptions {
	/** Work per slice before yielding to the UI, ms (default 3: one note can add a garbage-collection pause of several ms on top, and slices must stay under 16). */
	sliceBudgetMs?: number;
	/** How to give the UI its turn (default: a zero-delay timer). */
	yieldToUi?: () => Promise<void>;
	/** Clock in ms (default performance.now). */
	now?: () => number;
	/** Files read concurrently per batch (default 64). */
	batchSize?: number;
}

/** Figures about the last scan, for the benchmark and the tests. */
export interface IndexStats extends SliceStats {
	/** Files looked at. */
	filesChecked: number;
	/** Files read and parsed. */
	filesParsed: number;
}

/** A note that could not be read or parsed: the user sees its path and a short reason. */
export interface ReadFailure {
	path: string;
	/** "read": the vault could not give its text; "parse": the parser failed on it. */
	stage: "read" | "parse";
	/** The error's first line. */
	reason: string;
}

/** Longest reason kept for the user (an error's first line, cut). */
const REASON_MAX = 120;

/** The first line of an error's message, short enough for a notice and a panel row. */
export function shortReason(error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	const line = message.split(/\r\n|\r|\n/, 1)[0].trim() || (error instanceof Error ? error.name : "unknown error");
	return ellipsize(line, REASON_MAX);
}

interface Entry {
	kind: SourceKind;
	record: NoteRecord;
	/** The text that was parsed (conference notes only: glossary health reads it). */
	text: string | null;
	/** mtime of the text that was parsed, so a re-scan after a settings change skips unchanged notes. */
	mtime: number;
}

interface Pending {
	/** Text handed over by the metadata cache's `changed` event, when there is one. */
	text?: string;
}

/** A queued path with nothing handed over: read the file. One shared object, as a cold scan queues every note. */
const READ_FILE: Pending = Object.freeze({});

/**
 * Paths waiting to be indexed, oldest first; queueing a path again keeps its place and takes the newer
 * pending state. Taken through one live cursor: a Map iterated afresh from its start walks over every
 * entry deleted before (V8 compacts the table only now and then), which made a 100,000-note scan
 * quadratic in the slices it took.
 */
class PathQueue {
	private readonly pending = new Map<string, Pending>();
	private cursor: MapIterator<[string, Pending]> | null = null;

	get size(): number {
		return this.pending.size;
	}

	get(path: string): Pending | undefined {
		return this.pending.get(path);
	}

	set(path: string, pending: Pending): void {
		this.pending.set(path, pending);
	}

	delete(path: string): void {
		this.pending.delete(path);
	}

	clear(): void {
		this.pending.clear();
		this.cursor = null;
	}

	/** Removes and returns the oldest queued path, or undefined when none. */
	shift(): [string, Pending] | undefined {
		let step = this.cursor?.next();
		if (!step || step.done) {
			// A finished cursor stays finished: paths queued after it ended need a fresh one.
			this.cursor = this.pending.entries();
			step = this.cursor.next();
		}
		if (step.done) return undefined;
		this.pending.delete(step.value[0]);
		return step.value;
	}
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });

function compareNotes(a: NoteRecord, b: NoteRecord): number {
	return collator.compare(a.title, b.title) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}

function emptyRecord(path: string): NoteRecord {
	return { path, title: path, tags: [], talks: [], qa: [], glossary: [] };
}

export class ConferenceIndex extends Component {
	/** The vault-wide glossary: conference notes and the extra glossary sources. */
	readonly terms = new TermIndex();

	private readonly entries = new Map<string, Entry>();
	/** Notes that could not be read or parsed: path → short reason. */
	private readonly failures = new Map<string, ReadFailure>();
	private readonly queue = new PathQueue();
	/**
	 * Files being read, each with the token of its read. Touching a path (change, delete, rename) deletes its
	 * token, so a read of an older state is dropped; a finished read deletes its own. Holds at most one batch.
	 */
	private readonly reads = new Map<string, number>();
	private readSeq = 0;
	private readonly events = new Events();
	private readonly clock: SliceClock;
	private readonly batchSize: number;
	private sorted: NoteRecord[] | null = null;
	private changedPaths = new Set<string>();
	private draining: Promise<void> | null = null;
	private idleWaiters: (() => void)[] = [];
	private alive = false;
	private started = false;
	private isReady = false;
	private rules: ScanRules;
	private stats: IndexStats = { totalMs: 0, longestMs: 0, slices: 0, filesChecked: 0, filesParsed: 0 };

	constructor(
		private readonly app: App,
		private readonly getSettings: () => PluginSettings,
		options: IndexOptions = {},
	) {
		super();
		this.clock = new SliceClock(options.sliceBudgetMs ?? 3, options.yieldToUi ?? yieldWithTimer, options.now ?? (() => performance.now()));
		this.batchSize = options.batchSize ?? 64;
		this.rules = scanRules(getSettings());
	}

	/** Indexed conference notes, by title then path. */
	notes(): NoteRecord[] {
		if (!this.sorted) {
			const notes: NoteRecord[] = [];
			for (const entry of this.entries.values()) if (entry.kind === "conference") notes.push(entry.record);
			this.sorted = notes.sort(compareNotes);
		}
		return this.sorted.slice();
	}

	/** The conference note at `path`, if it is indexed. */
	note(path: string): NoteRecord | undefined {
		const entry = this.entries.get(path);
		return entry?.kind === "conference" ? entry.record : undefined;
	}

	/** The text the record of a conference note was parsed from. */
	text(path: string): string | undefined {
		const entry = this.entries.get(path);
		return entry?.kind === "conference" && entry.text !== null ? entry.text : undefined;
	}

	/** Notes that could not be read or parsed at their last attempt, by path. */
	readFailures(): ReadFailure[] {
		return [...this.failures.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
	}

	/** Files being read right now (at most one batch; 0 when idle). */
	get readsInFlight(): number {
		return this.reads.size;
	}

	/** True once the initial scan has finished. */
	get ready(): boolean {
		return this.isReady;
	}

	/** Figures since the last full scan (initial or `reindexAll`) started, including the updates after it. */
	get lastScan(): Readonly<IndexStats> {
		return this.stats;
	}

	/** Fires after each batch of updates, with the paths whose records changed (added, updated, removed or renamed). */
	on(name: "changed", callback: (paths: string[]) => void): EventRef {
		return this.events.on(name, callback as (...data: unknown[]) => unknown);
	}

	offref(ref: EventRef): void {
		this.events.offref(ref);
	}

	onload(): void {
		this.alive = true;
		// Start-up stays fast: nothing is read until the workspace has finished loading.
		this.app.workspace.onLayoutReady(() => {
			if (this.alive) this.start();
		});
	}

	onunload(): void {
		this.alive = false;
		this.queue.clear();
		this.reads.clear();
		for (const resolve of this.idleWaiters.splice(0)) resolve();
	}

	/** Re-checks every note against the current settings (tags, excluded folders, glossary sources). */
	async reindexAll(): Promise<void> {
		this.rules = scanRules(this.getSettings());
		if (!this.started) return;
		this.enqueueAll();
		await this.whenIdle();
	}

	/** Resolves when nothing is queued or being processed. */
	whenIdle(): Promise<void> {
		if (!this.draining && this.queue.size === 0) return Promise.resolve();
		return new Promise((resolve) => this.idleWaiters.push(resolve));
	}

	private start(): void {
		this.started = true;
		const { vault, metadataCache } = this.app;
		// The metadata cache hands over the new text with `changed`: no second read is needed.
		this.registerEvent(metadataCache.on("changed", (file: TFile, data: string, cache: CachedMetadata) => this.changed(file, data, cache)));
		this.registerEvent(metadataCache.on("deleted", (file: TFile) => this.remove(file.path)));
		this.registerEvent(vault.on("delete", (file: TAbstractFile) => this.remove(file.path)));
		this.registerEvent(vault.on("rename", (file: TAbstractFile, oldPath: string) => this.rename(file, oldPath)));
		this.rules = scanRules(this.getSettings());
		this.enqueueAll();
	}

	private enqueueAll(): void {
		this.stats = { totalMs: 0, longestMs: 0, slices: 0, filesChecked: 0, filesParsed: 0 };
		this.clock.reset();
		for (const path of this.entries.keys()) this.queue.set(path, this.queue.get(path) ?? READ_FILE);
		for (const file of this.app.vault.getMarkdownFiles()) this.queue.set(file.path, this.queue.get(file.path) ?? READ_FILE);
		this.scheduleDrain();
	}

	private changed(file: TFile, data: string, cache: CachedMetadata): void {
		// Most notes are not conference notes: settle those here, without queueing their text.
		if (!this.entries.has(file.path) && !classifyNote(file.path, cachedTags(cache), this.rules)) return;
		this.enqueue(file.path, { text: data });
	}

	private enqueue(path: string, pending: Pending): void {
		this.bump(path);
		this.queue.set(path, pending);
		this.scheduleDrain();
	}

	/** The path changed: a read of it that is under way reads an older state and will be dropped. */
	private bump(path: string): void {
		this.reads.delete(path);
	}

	private remove(path: string): void {
		this.bump(path);
		this.queue.delete(path);
		if (this.drop(path)) this.emitSoon();
	}

	private rename(file: TAbstractFile, oldPath: string): void {
		if (!(file instanceof TFile)) return;
		this.bump(oldPath);
		const queued = this.queue.get(oldPath);
		this.queue.delete(oldPath);
		const entry = this.entries.get(oldPath);
		if (this.failures.delete(oldPath)) this.changedPaths.add(oldPath);
		if (entry) {
			// Move the record at once so nothing points at the old path, then re-check the note:
			// the new folder may be excluded or a glossary source, and a title may come from the file name.
			this.entries.delete(oldPath);
			this.entries.set(file.path, { ...entry, record: { ...entry.record, path: file.path }, mtime: -1 });
			this.terms.renameNote(oldPath, file.path);
			this.sorted = null;
			this.changedPaths.add(oldPath).add(file.path);
		}
		if (entry || queued || file.extension === "md") this.enqueue(file.path, queued ?? READ_FILE);
	}

	/** Removes a path from the index. True when something was removed. */
	private drop(path: string): boolean {
		const failed = this.failures.delete(path);
		if (failed) this.changedPaths.add(path);
		const entry = this.entries.get(path);
		if (!entry) return failed;
		this.entries.delete(path);
		this.terms.removeNote(path);
		if (entry.kind === "conference") this.sorted = null;
		this.changedPaths.add(path);
		return true;
	}

	private store(path: string, kind: SourceKind, record: NoteRecord, mtime: number, text: string | null): void {
		const before = this.entries.get(path);
		this.entries.set(path, { kind, record, mtime, text: kind === "conference" ? text : null });
		if (kind === "conference" || before?.kind === "conference") this.sorted = null;
		this.terms.setNote(path, record.glossary);
		this.changedPaths.add(path);
	}

	private scheduleDrain(): void {
		if (this.draining || !this.alive) return;
		this.draining = this.drain()
			.catch((error: unknown) => console.error("Conference Q&A Glossary: indexing failed", error))
			.finally(() => {
				this.draining = null;
				if (this.queue.size > 0 && this.alive) this.scheduleDrain();
				else for (const resolve of this.idleWaiters.splice(0)) resolve();
			});
	}

	/** Works through the queue in batches; each batch reads its files concurrently, then parses them in slices. */
	private async drain(): Promise<void> {
		// Let a burst of events coalesce, and keep start-up work out of the layout-ready callback.
		await this.clock.yield();
		while (this.alive && this.queue.size > 0) {
			const jobs = this.takeBatch();
			this.clock.pause();
			const texts = await Promise.all(jobs.map((job) => (job.text !== undefined ? Promise.resolve(job.text) : this.read(job.file))));
			this.clock.resume();
			for (let i = 0; i < jobs.length && this.alive; i++) {
				const job = jobs[i];
				const text = texts[i];
				const current = this.reads.get(job.path) === job.token;
				if (current) this.reads.delete(job.path);
				// The file changed, moved or went away while it was read: its newer state is queued.
				if (!current || job.file.path !== job.path) continue;
				if (typeof text !== "string") {
					this.fail({ path: job.path, stage: "read", reason: text.error });
					continue;
				}
				this.stats.filesParsed++;
				const parsed = this.parse(text, job.path);
				this.store(job.path, job.kind, parsed.record, job.file.stat.mtime, text);
				if (parsed.failure) this.fail(parsed.failure);
				else this.failures.delete(job.path);
				if (this.clock.spent) await this.clock.yield();
			}
			if (this.clock.spent) await this.clock.yield();
		}
		this.clock.close();
		this.finishBatch();
	}

	/** Takes up to `batchSize` files to read from the queue; settles the rest (not indexed, unchanged) on the way. */
	private takeBatch(): { path: string; file: TFile; kind: SourceKind; token: number; text?: string }[] {
		const jobs: { path: string; file: TFile; kind: SourceKind; token: number; text?: string }[] = [];
		while (jobs.length < this.batchSize && !this.clock.spent) {
			const next = this.queue.shift();
			if (!next) break;
			const [path, pending] = next;
			this.stats.filesChecked++;
			const file = this.app.vault.getAbstractFileByPath(path);
			if (!(file instanceof TFile) || file.extension !== "md") {
				this.drop(path);
				continue;
			}
			const cache: CachedMetadata | null = this.app.metadataCache.getFileCache(file);
			// No cache yet: the metadata cache parses the file soon and sends `changed`, which queues it again.
			if (!cache && pending.text === undefined) continue;
			const kind = classifyNote(path, cachedTags(cache), this.rules);
			if (!kind) {
				this.drop(path);
				continue;
			}
			const entry = this.entries.get(path);
			if (entry && pending.text === undefined && entry.mtime === file.stat.mtime) {
				// Same text as before (a settings change re-checks everything): only the role may change.
				if (entry.kind === kind) continue;
				// A note that becomes a conference note needs its text (glossary sources do not keep it).
				if (kind === "glossary" || entry.text !== null) {
					this.store(path, kind, entry.record, entry.mtime, entry.text);
					continue;
				}
			}
			const token = ++this.readSeq;
			this.reads.set(path, token);
			jobs.push({ path, file, kind, token, text: pending.text });
		}
		return jobs;
	}

	/** The file's text, or why it could not be read. */
	private read(file: TFile): Promise<string | { error: string }> {
		return this.app.vault.cachedRead(file).catch((error: unknown) => ({ error: shortReason(error) }));
	}

	/** Remembers why a note could not be read; the user sees it in the panel and once in a notice. */
	private fail(failure: ReadFailure): void {
		this.failures.set(failure.path, failure);
		this.changedPaths.add(failure.path);
	}

	/** The note's record; a note the parser fails on becomes an empty record titled with its path, and a failure. */
	private parse(text: string, path: string): { record: NoteRecord; failure?: ReadFailure } {
		try {
			return { record: parseNote(text, path, { requireTag: false }) ?? emptyRecord(path) };
		} catch (error) {
			console.error(`Conference Q&A Glossary: could not read ${path}`, error);
			return { record: emptyRecord(path), failure: { path, stage: "parse", reason: shortReason(error) } };
		}
	}

	private finishBatch(): void {
		if (!this.alive) return;
		const scan = this.clock.read();
		this.stats = { ...this.stats, ...scan };
		if (!this.isReady && this.started) {
			this.isReady = true;
			this.changedPaths.clear();
			this.events.trigger("changed", [...this.entries.keys()]);
			return;
		}
		this.emitChanged();
	}

	private emitSoon(): void {
		if (this.draining) return; // the running batch reports it
		queueMicrotask(() => {
			if (!this.draining) this.emitChanged();
		});
	}

	private emitChanged(): void {
		if (this.changedPaths.size === 0 || !this.isReady) return;
		const paths = [...this.changedPaths];
		this.changedPaths.clear();
		this.events.trigger("changed", paths);
	}
}

/** How long settings edits settle before the index re-runs, ms. */
const REINDEX_DELAY_MS = 800;

/**
 * Creates the plugin's index as a child of the plugin (so unloading the plugin unloads it), and re-runs
 * it when a setting that decides what is indexed changes.
 */
export function registerConferenceIndex(plugin: Plugin, settings: SettingsStore, options?: IndexOptions): ConferenceIndex {
	const index = plugin.addChild(new ConferenceIndex(plugin.app, () => settings.current, options));
	const reindex = debounce(() => void index.reindexAll(), REINDEX_DELAY_MS, true);
	plugin.registerEvent(
		settings.on("changed", (keys) => {
			if (keys.some((key) => INDEX_KEYS.includes(key))) reindex();
		}),
	);
	plugin.register(() => reindex.cancel());
	return index;
}
