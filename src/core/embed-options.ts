/**
 * The option lines of the ` ```conference-qa ` and ` ```conference-glossary ` code blocks, and what they
 * select. Pure: plain strings and records in, plain data out; nothing here touches Obsidian or throws.
 *
 * A block holds `key: value` lines (blank lines are ignored; keys in any case):
 *
 *   conference-qa        note: [[Note]] | this    tag: #conference/2025    talk: words of the title
 *                        search: words            limit: 50
 *   conference-glossary  note: [[Note]] | this    tag: #conference/2025    terms: marked | all
 *                        search: words
 *
 * Every problem becomes a structured `EmbedOptionError` (the UI words it); the options still come back
 * with the lines that were fine, but a block with errors shows its errors, not a guess.
 */
import { findMentions, type TermMatcher } from "./matcher";
import { compileQuery, matchesQuery, searchKey, type SearchQuery } from "./search";
import { hasTag, normalizeTag } from "./tags";
import { compareTerms } from "./term-key";
import type { NoteRecord, QaPair, Talk, TermDefinition, TermRecord } from "./types";

export type EmbedKind = "qa" | "glossary";

/** Which note a block is about: the note holding the block, or a linked note (target as written). */
export type NoteRef = { kind: "this" } | { kind: "link"; target: string };

export interface QaEmbedOptions {
	note: NoteRef | null;
	/** Tag without `#`; nested tags count (`conference` takes `conference/2025`). */
	tag: string | null;
	/** Words that must all appear in the talk's title or speaker (spacing and case ignored). */
	talk: string | null;
	/** Filters questions as the panel's search box does. */
	search: string | null;
	/** Most questions shown. */
	limit: number;
}

export interface GlossaryEmbedOptions {
	note: NoteRef | null;
	tag: string | null;
	/** `all`: terms defined in the notes in scope; `marked`: terms marked `word*` as jargon in them. */
	terms: "marked" | "all";
	search: string | null;
}

export type EmbedOptions = QaEmbedOptions | GlossaryEmbedOptions;

/** What a value should look like, for the error message. */
export type ExpectedValue = "note" | "tag" | "text" | "limit" | "terms";

export type EmbedOptionError =
	| { code: "unknown-key"; line: number; key: string; allowed: readonly string[] }
	| { code: "duplicate-key"; line: number; key: string }
	| { code: "missing-colon"; line: number; text: string }
	| { code: "bad-value"; line: number; key: string; value: string; expected: ExpectedValue };

export interface Parsed<T> {
	options: T;
	errors: EmbedOptionError[];
}

export const QA_KEYS = ["note", "tag", "talk", "search", "limit"] as const;
export const GLOSSARY_KEYS = ["note", "tag", "terms", "search"] as const;
/** Questions shown when the block has no `limit:`. */
export const DEFAULT_QA_LIMIT = 100;
/** The largest `limit:` (a block is a page of a note, not an export). */
export const MAX_QA_LIMIT = 1000;

/** Longest line read; longer lines are cut (a block is typed by hand, not pasted megabytes). */
const MAX_LINE = 2000;
const TAG_BODY = /^[\p{L}\p{N}_\-/]+$/u;
const ONLY_DIGITS = /^[\d/_-]+$/;

function defaultsFor(kind: EmbedKind): EmbedOptions {
	return kind === "qa"
		? { note: null, tag: null, talk: null, search: null, limit: DEFAULT_QA_LIMIT }
		: { note: null, tag: null, terms: "all", search: null };
}

/** Parses a block's source. Never throws; every problem is in `errors`, in line order. */
export function parseEmbedOptions(kind: "qa", source: string): Parsed<QaEmbedOptions>;
export function parseEmbedOptions(kind: "glossary", source: string): Parsed<GlossaryEmbedOptions>;
export function parseEmbedOptions(kind: EmbedKind, source: string): Parsed<EmbedOptions>;
export function parseEmbedOptions(kind: EmbedKind, source: string): Parsed<EmbedOptions> {
	const options = defaultsFor(kind) as unknown as Record<string, unknown>;
	const allowed: readonly string[] = kind === "qa" ? QA_KEYS : GLOSSARY_KEYS;
	const errors: EmbedOptionError[] = [];
	const seen = new Set<string>();
	const text = typeof source === "string" ? source : "";
	const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r\n|\r|\n/);
	for (let i = 0; i < lines.length; i++) {
		const line = i + 1;
		const raw = lines[i].slice(0, MAX_LINE).normalize("NFC").trim();
		if (raw === "") continue;
		const colon = raw.indexOf(":");
		if (colon <= 0) {
			errors.push({ code: "missing-colon", line, text: raw.slice(0, 80) });
			continue;
		}
		const key = raw.slice(0, colon).trim().toLowerCase();
		const value = raw.slice(colon + 1).trim();
		if (!allowed.includes(key)) {
			errors.push({ code: "unknown-key", line, key: raw.slice(0, colon).trim().slice(0, 40), allowed });
			continue;
		}
		if (seen.has(key)) {
			errors.push({ code: "duplicate-key", line, key });
			continue;
		}
		seen.add(key);
		const read = readValue(key, value);
		if (read.ok) options[key] = read.value;
		else errors.push({ code: "bad-value", line, key, value: value.slice(0, 80), expected: read.expected });
	}
	return { options: options as unknown as EmbedOptions, errors };
}

type ReadResult = { ok: true; value: unknown } | { ok: false; expected: ExpectedValue };

function readValue(key: string, value: string): ReadResult {
	switch (key) {
		case "note": {
			const ref = parseNoteRef(value);
			return ref ? { ok: true, value: ref } : { ok: false, expected: "note" };
		}
		case "tag": {
			const tag = parseTag(value);
			return tag ? { ok: true, value: tag } : { ok: false, expected: "tag" };
		}
		case "limit": {
			if (!/^\d{1,7}$/.test(value)) return { ok: false, expected: "limit" };
			const n = Number(value);
			return n >= 1 && n <= MAX_QA_LIMIT ? { ok: true, value: n } : { ok: false, expected: "limit" };
		}
		case "terms": {
			const v = value.toLowerCase();
			return v === "marked" || v === "all" ? { ok: true, value: v } : { ok: false, expected: "terms" };
		}
		default:
			// talk, search: any text with something to search for.
			return compileQuery(value) ? { ok: true, value } : { ok: false, expected: "text" };
	}
}

/** `this`, `[[Note]]`, `[[Folder/Note|shown]]`, `[[Note#Heading]]`, or a bare `Note` / `Folder/Note.md`. */
export function parseNoteRef(value: string): NoteRef | null {
	let v = value.trim();
	if (v.toLowerCase() === "this") return { kind: "this" };
	if (v.startsWith("[[")) {
		if (!v.endsWith("]]")) return null;
		v = v.slice(2, -2);
		if (v.includes("[[") || v.includes("]]")) return null;
	} else if (v.length >= 2 && (v[0] === '"' || v[0] === "'") && v[v.length - 1] === v[0]) {
		v = v.slice(1, -1);
	}
	const target = v.split("|")[0].split("#")[0].trim();
	if (target === "" || target.includes("[") || target.includes("]") || hasControl(target)) return null;
	return { kind: "link", target };
}

function hasControl(text: string): boolean {
	for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) < 0x20) return true;
	return false;
}

/** `#conference/2025` or `conference/2025` → `conference/2025`; null when it is not a tag. */
export function parseTag(value: string): string | null {
	const body = normalizeTag(value);
	if (body === "" || !TAG_BODY.test(body) || ONLY_DIGITS.test(body)) return null;
	return body;
}

// ----- selection: Q&A -----

export interface QaTalkGroup {
	/** Null for questions before the first talk heading. */
	talk: Talk | null;
	pairs: QaPair[];
}

export interface QaNoteGroup {
	note: NoteRecord;
	talks: QaTalkGroup[];
}

export interface QaSelection {
	notes: QaNoteGroup[];
	/** Questions shown (at most the limit). */
	shown: number;
	/** Questions that matched before the limit. */
	matched: number;
}

/** The notes a block looks at: one note (resolved path), or those with the tag, or all. */
export function notesInScope(notes: readonly NoteRecord[], scope: { notePath: string | null; tag: string | null }): NoteRecord[] {
	return notes.filter((note) => (scope.notePath === null || note.path === scope.notePath) && (scope.tag === null || hasTag(note.tags, [scope.tag])));
}

function talkWords(value: string | null): string[] {
	if (value === null) return [];
	return value
		.normalize("NFC")
		.split(/\s+/)
		.map((word) => searchKey(word))
		.filter((word) => word.length > 0);
}

function talkMatches(talk: Talk | null, words: readonly string[]): boolean {
	if (words.length === 0) return true;
	if (!talk) return false;
	const key = keyOf(talkKeys, talk, (t) => `${searchKey(t.title)}\u0000${searchKey(t.speaker ?? "")}`);
	return words.every((word) => key.includes(word));
}

// Search keys per text object: records are replaced (never mutated) when a note is re-parsed, so a block
// that re-renders after an edit elsewhere does not normalise every question again.
const pairKeys = new WeakMap<QaPair, string>();
const talkKeys = new WeakMap<Talk, string>();

function keyOf<T extends object>(cache: WeakMap<T, string>, item: T, make: (item: T) => string): string {
	let key = cache.get(item);
	if (key === undefined) cache.set(item, (key = make(item)));
	return key;
}

/** A question matches as in the panel: its own text, its answer, or its talk's title and speaker. */
export function qaMatches(pair: QaPair, talk: Talk | null, query: SearchQuery): boolean {
	const key = keyOf(pairKeys, pair, (p) => `${searchKey(p.question)}\u0000${searchKey(p.answer)}`);
	if (matchesQuery("", query, key)) return true;
	return talk !== null && matchesQuery("", query, keyOf(talkKeys, talk, (t) => `${searchKey(t.title)}\u0000${searchKey(t.speaker ?? "")}`));
}

/**
 * The Q&A a `conference-qa` block shows: notes in index order, talks and questions in note order,
 * cut at `limit` questions. `notePath` is the resolved `note:` (null: any note).
 */
export function selectQa(notes: readonly NoteRecord[], options: QaEmbedOptions, notePath: string | null): QaSelection {
	const query = options.search === null ? null : compileQuery(options.search);
	const words = talkWords(options.talk);
	const result: QaNoteGroup[] = [];
	let shown = 0;
	let matched = 0;
	for (const note of notesInScope(notes, { notePath, tag: options.tag })) {
		const groups = new Map<number, QaTalkGroup>();
		for (const pair of note.qa) {
			const talk = pair.talk === null ? null : (note.talks[pair.talk] ?? null);
			if (!talkMatches(talk, words)) continue;
			if (query && !qaMatches(pair, talk, query)) continue;
			matched++;
			if (shown >= options.limit) continue;
			shown++;
			const id = pair.talk ?? -1;
			let group = groups.get(id);
			if (!group) groups.set(id, (group = { talk, pairs: [] }));
			group.pairs.push(pair);
		}
		if (groups.size > 0) result.push({ note, talks: [...groups.values()] });
	}
	return { notes: result, shown, matched };
}

// ----- selection: glossary -----

export interface GlossaryItem {
	record: TermRecord;
	/** Definitions shown: those from the notes in scope, or every definition of a marked term. */
	definitions: TermDefinition[];
}

export interface GlossaryScope {
	/** Paths whose definitions count (null: every definition in the vault). */
	paths: ReadonlySet<string> | null;
	/** Keys (`TermRecord.key`) of the terms marked `word*` in the notes in scope, for `terms: marked`. */
	markedKeys: ReadonlySet<string>;
}

function termMatches(record: TermRecord, definitions: readonly TermDefinition[], query: SearchQuery): boolean {
	return record.names.some((name) => matchesQuery(name, query)) || definitions.some((d) => matchesQuery(d.definition, query));
}

/** The terms a `conference-glossary` block shows, in the panel's order (`compareTerms`). */
export function selectGlossary(records: readonly TermRecord[], options: GlossaryEmbedOptions, scope: GlossaryScope): GlossaryItem[] {
	const query = options.search === null ? null : compileQuery(options.search);
	const items: GlossaryItem[] = [];
	for (const record of records) {
		let definitions: TermDefinition[];
		if (options.terms === "marked") {
			if (!scope.markedKeys.has(record.key)) continue;
			definitions = record.definitions.slice();
		} else {
			const paths = scope.paths;
			definitions = paths === null ? record.definitions.slice() : record.definitions.filter((d) => paths.has(d.path));
			if (definitions.length === 0) continue;
		}
		if (query && !termMatches(record, definitions, query)) continue;
		items.push({ record, definitions });
	}
	return items.sort((a, b) => compareTerms(a.record.term, b.record.term));
}

/**
 * Canonical terms marked `word*` as jargon in a note's text, outside its glossary blocks, each once in
 * order of first mark (`glossary` gives the blocks' lines).
 */
export function markedTerms(text: string, glossary: readonly { line: number; endLine: number }[], matcher: TermMatcher): string[] {
	if (matcher.size === 0 || text.indexOf("*") === -1) return [];
	const excludeLines = glossary.map((e) => ({ line: e.line, endLine: Math.max(e.line, e.endLine) }));
	const terms = new Set<string>();
	for (const mention of findMentions(text, matcher, { excludeLines })) if (mention.marked) terms.add(mention.term);
	return [...terms];
}
