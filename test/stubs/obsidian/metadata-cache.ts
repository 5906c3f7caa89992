/**
 * MetadataCache fake: listens to the in-memory Vault like Obsidian's cache does and, a task later,
 * parses the file and emits `changed` (file, data, cache), then `resolve` (file), then `resolved` once
 * nothing is pending. Delete emits `deleted` (file, prevCache); rename moves the cache without `changed`.
 * Files seeded before start-up are cached silently (as Obsidian's persisted cache), unless
 * `seedUncached` leaves them for `computePending()`.
 *
 * It computes the parts of CachedMetadata the plugin reads: frontmatter (a small YAML subset),
 * frontmatterPosition, inline tags and headings. getAllTags returns `#`-prefixed tags like Obsidian.
 */
import { Events } from "./component";
import { TAbstractFile, TFile, type Vault } from "./vault";

export interface Loc {
	line: number;
	col: number;
	offset: number;
}
export interface Pos {
	start: Loc;
	end: Loc;
}
export interface TagCache {
	tag: string;
	position: Pos;
}
export interface HeadingCache {
	heading: string;
	level: number;
	position: Pos;
}
export type FrontMatterCache = Record<string, unknown>;
export interface CachedMetadata {
	frontmatter?: FrontMatterCache;
	frontmatterPosition?: Pos;
	tags?: TagCache[];
	headings?: HeadingCache[];
}

function loc(line: number, col: number, offset: number): Loc {
	return { line, col, offset };
}

function unquote(value: string): string {
	const v = value.trim();
	if (v.length >= 2 && ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'")))) return v.slice(1, -1);
	return v;
}

function scalar(value: string): unknown {
	const v = value.trim();
	if (v === "") return null;
	if (v.startsWith("[") && v.endsWith("]")) {
		const inner = v.slice(1, -1).trim();
		return inner === "" ? [] : inner.split(",").map((s) => unquote(s));
	}
	if (v === "true" || v === "false") return v === "true";
	if (/^-?\d+(\.\d+)?$/.test(v)) return Number(v);
	return unquote(v);
}

/** A YAML subset: `key: value`, `key: [a, b]`, and `key:` followed by `  - item` lines. */
function parseYaml(lines: string[]): FrontMatterCache {
	const out: FrontMatterCache = {};
	let listKey: string | null = null;
	for (const raw of lines) {
		const line = raw.replace(/\s+$/, "");
		if (line.trim() === "" || line.trim().startsWith("#")) continue;
		const item = /^\s*-\s*(.*)$/.exec(line);
		if (item && listKey) {
			const list = out[listKey];
			if (Array.isArray(list)) list.push(scalar(item[1]));
			continue;
		}
		const pair = /^([^\s:][^:]*):(?:\s+(.*))?$/.exec(line);
		if (!pair) continue;
		const key = pair[1].trim();
		const value = pair[2] ?? "";
		if (value.trim() === "") {
			out[key] = [];
			listKey = key;
		} else {
			out[key] = scalar(value);
			listKey = null;
		}
	}
	for (const [k, v] of Object.entries(out)) if (Array.isArray(v) && v.length === 0) out[k] = null;
	return out;
}

// Characters that end an inline tag (Obsidian's set, roughly): whitespace and ASCII punctuation
// other than `_`, `-` and `/`.
const TAG_BODY = /^[^\s!"#$%&'()*+,.:;<=>?@[\\\]^`{|}~]+/;

/** Computes the cache Obsidian would store for a markdown text. */
export function computeMetadata(text: string): CachedMetadata {
	const cache: CachedMetadata = {};
	const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
	let first = 0;
	let offset = 0;
	const lineOffsets: number[] = [];
	for (const l of lines) {
		lineOffsets.push(offset);
		offset += l.length + 1;
	}
	if (lines[0]?.trimEnd() === "---") {
		const end = lines.findIndex((l, i) => i > 0 && (l.trimEnd() === "---" || l.trimEnd() === "..."));
		if (end > 0) {
			cache.frontmatter = parseYaml(lines.slice(1, end));
			cache.frontmatterPosition = { start: loc(0, 0, 0), end: loc(end, 3, lineOffsets[end] + 3) };
			first = end + 1;
		}
	}
	const tags: TagCache[] = [];
	const headings: HeadingCache[] = [];
	let fence: string | null = null;
	for (let i = first; i < lines.length; i++) {
		const line = lines[i];
		const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
		if (fenceMatch) {
			if (fence === null) fence = fenceMatch[1][0];
			else if (fenceMatch[1][0] === fence) fence = null;
			continue;
		}
		if (fence !== null) continue;
		const heading = /^(#{1,6})\s+(.*)$/.exec(line);
		if (heading) {
			headings.push({
				heading: heading[2].trim(),
				level: heading[1].length,
				position: { start: loc(i, 0, lineOffsets[i]), end: loc(i, line.length, lineOffsets[i] + line.length) },
			});
		}
		const withoutCode = line.replace(/`[^`]*`/g, (m) => " ".repeat(m.length));
		for (let col = withoutCode.indexOf("#"); col >= 0; col = withoutCode.indexOf("#", col + 1)) {
			if (col > 0 && !/\s/.test(withoutCode[col - 1])) continue;
			const body = TAG_BODY.exec(withoutCode.slice(col + 1));
			if (!body || /^\d+$/.test(body[0])) continue;
			const tag = `#${body[0]}`;
			const start = lineOffsets[i] + col;
			tags.push({ tag, position: { start: loc(i, col, start), end: loc(i, col + tag.length, start + tag.length) } });
		}
	}
	if (tags.length > 0) cache.tags = tags;
	if (headings.length > 0) cache.headings = headings;
	return cache;
}

/** Obsidian's parseFrontMatterTags: `tags` or `tag`, a list or a comma/space separated string, `#`-prefixed. */
export function parseFrontMatterTags(frontmatter: FrontMatterCache | null | undefined): string[] | null {
	if (!frontmatter) return null;
	const out: string[] = [];
	for (const [key, value] of Object.entries(frontmatter)) {
		if (!/^tags?$/i.test(key)) continue;
		const items = Array.isArray(value) ? value : typeof value === "string" ? value.split(/[,\s]+/) : [];
		for (const item of items) {
			if (typeof item !== "string" && typeof item !== "number") continue;
			const t = String(item).trim();
			if (t === "") continue;
			out.push(t.startsWith("#") ? t : `#${t}`);
		}
	}
	return out.length > 0 ? out : null;
}

/** Obsidian's getAllTags: frontmatter tags then inline tags, each with its `#`, duplicates kept. */
export function getAllTags(cache: CachedMetadata): string[] | null {
	const out = [...(parseFrontMatterTags(cache.frontmatter) ?? []), ...(cache.tags ?? []).map((t) => t.tag)];
	return out.length > 0 ? out : null;
}

export class MetadataCache extends Events {
	private readonly caches = new Map<string, CachedMetadata>();
	private readonly pending = new Set<TFile>();
	private timer: ReturnType<typeof setTimeout> | null = null;
	private idleWaiters: (() => void)[] = [];
	private flushing = false;
	/** Test counter: how many times a file was parsed. */
	parseCount = 0;

	constructor(private readonly vault: Vault) {
		super();
		vault.on("create", (file: TAbstractFile) => {
			if (file instanceof TFile && file.extension === "md") this.schedule(file);
		});
		vault.on("modify", (file: TAbstractFile) => {
			if (file instanceof TFile && file.extension === "md") this.schedule(file);
		});
		vault.on("rename", (file: TAbstractFile, oldPath: string) => {
			const cache = this.caches.get(oldPath);
			if (cache === undefined) return;
			this.caches.delete(oldPath);
			this.caches.set(file.path, cache);
		});
		vault.on("delete", (file: TAbstractFile) => {
			if (!(file instanceof TFile)) return;
			const prev = this.caches.get(file.path) ?? null;
			this.caches.delete(file.path);
			this.pending.delete(file);
			if (file.extension === "md") this.trigger("deleted", file, prev);
		});
	}

	getFileCache(file: TFile): CachedMetadata | null {
		return this.caches.get(file.path) ?? null;
	}

	getCache(path: string): CachedMetadata | null {
		return this.caches.get(path) ?? null;
	}

	/** Resolves a link by path, path + ".md", then by file name (shortest path first), like Obsidian. */
	getFirstLinkpathDest(linkpath: string, _sourcePath: string): TFile | null {
		const path = linkpath.split("#")[0];
		const direct = this.vault.getFileByPath(path) ?? this.vault.getFileByPath(`${path}.md`);
		if (direct) return direct;
		const name = path.includes(".") ? path : `${path}.md`;
		const candidates = this.vault.getFiles().filter((f) => f.name === name || f.path.endsWith(`/${name}`));
		candidates.sort((a, b) => a.path.length - b.path.length);
		return candidates[0] ?? null;
	}

	/** Seeds a file into the vault with its cache already computed, as at start-up. No events. */
	seed(path: string, data: string): TFile {
		const file = this.vault.seed(path, data);
		if (file.extension === "md") {
			this.caches.set(path, computeMetadata(data));
			this.parseCount++;
		}
		return file;
	}

	/** Seeds a file whose cache is not computed yet (changed outside Obsidian); `computePending` parses it. */
	seedUncached(path: string, data: string): TFile {
		const file = this.vault.seed(path, data);
		if (file.extension === "md") this.pending.add(file);
		return file;
	}

	/** Parses everything pending now, emitting the events. */
	async computePending(): Promise<void> {
		if (this.timer !== null) clearTimeout(this.timer);
		this.timer = null;
		await this.flush();
	}

	/** Resolves once no parse is scheduled (after `resolved` fired). Files left by `seedUncached` wait for `computePending`. */
	whenIdle(): Promise<void> {
		if (this.timer === null && !this.flushing) return Promise.resolve();
		return new Promise((resolve) => this.idleWaiters.push(resolve));
	}

	private schedule(file: TFile): void {
		this.pending.add(file);
		this.timer ??= setTimeout(() => {
			this.timer = null;
			void this.flush();
		}, 0);
	}

	private async flush(): Promise<void> {
		this.flushing = true;
		const files = [...this.pending];
		this.pending.clear();
		for (const file of files) {
			const data = await this.vault.cachedRead(file).catch(() => null);
			if (data === null || this.vault.getAbstractFileByPath(file.path) !== file) continue;
			const cache = computeMetadata(data);
			this.parseCount++;
			this.caches.set(file.path, cache);
			this.trigger("changed", file, data, cache);
			this.trigger("resolve", file);
		}
		if (files.length > 0) this.trigger("resolved");
		this.flushing = false;
		if (this.timer === null) {
			for (const resolve of this.idleWaiters.splice(0)) resolve();
		}
	}
}
