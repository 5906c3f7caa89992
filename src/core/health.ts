/**
 * Glossary health: what a note's (or the vault's) glossary is missing or disagrees about.
 *
 * API (plain data in, plain data out; nothing here touches Obsidian):
 *
 *   noteHealth(note: HealthNote, index: TermIndex): GlossaryHealth
 *   vaultHealth(notes: readonly HealthNote[], index: TermIndex): GlossaryHealth
 *   findJargonMarkers(text: string, options?: ProseOptions): JargonMarker[]
 *
 * `HealthNote` is `{ path, text, glossary, mentions? }`: the note's text, its glossary entries (from the
 * parser) and, if the caller already has them, its mentions (`findMentions` with the glossary blocks
 * excluded; computed from `index.matcher()` when absent). `index` holds the glossary entries of every
 * indexed note (and extra glossary sources).
 *
 * `GlossaryHealth` has three lists:
 * - `undefinedMarked`: jargon marked with `*` (`XYZ*`) that no glossary defines. A marker is a `*` run
 *   right after a word, read with the matcher's rule (not emphasis: `*word*`, `**bold**`; not a list
 *   bullet, which follows no word). It is defined when a mention ends right at it (so `VAN 대리점*`,
 *   `티핑포인트*` and `SMBs*` count) or when its word is a known term or alias. The word reported is the
 *   run of Latin letters/digits (with inner `&`, `-`, `.`, `'`) or the Hangul word before the `*`.
 * - `conflicting`: terms defined more than once with different text (whitespace and Unicode form
 *   ignored), with every definition. A term and another term's alias of the same name are one concept
 *   (`TermIndex.concepts`), reported once with the definitions of both. Per note: those with at least
 *   one definition in that note.
 * - `unused`: defined terms that are never mentioned outside glossary blocks. Per note: terms defined in
 *   that note and not mentioned in that note (at the entry's line); vault-wide: terms mentioned in no
 *   note at all (at their first definition).
 * Lists are sorted: markers by path, line, column; terms by `compareTerms`.
 */
import { CLASS_HANGUL, CLASS_LATIN, getClassTable } from "./char-class";
import { EmphasisTracker, forEachProseSegment, type ProseOptions } from "./markdown-context";
import { findMentions, isJargonMarker } from "./matcher";
import { compareTerms } from "./term-key";
import type { TermIndex } from "./term-index";
import type { GlossaryEntry, TermDefinition, TermMention, TermRecord } from "./types";

export interface HealthNote {
	path: string;
	text: string;
	glossary: readonly GlossaryEntry[];
	/** The note's mentions with its glossary blocks excluded; computed when absent. */
	mentions?: readonly TermMention[];
}

/** A `word*` jargon marker: the word before the `*`. */
export interface JargonMarker {
	/** The marked word as written. */
	text: string;
	/** 1-based line and UTF-16 column of the word. */
	line: number;
	column: number;
	/** Offsets of the word in the text; the `*` is at `to`. */
	from: number;
	to: number;
}

export interface UndefinedMarked {
	text: string;
	path: string;
	line: number;
	column: number;
}

export interface ConflictingTerm {
	term: string;
	definitions: TermDefinition[];
}

export interface UnusedTerm {
	term: string;
	path: string;
	line: number;
}

export interface GlossaryHealth {
	undefinedMarked: UndefinedMarked[];
	conflicting: ConflictingTerm[];
	unused: UnusedTerm[];
}

/** Health of one note against the whole index. */
export function noteHealth(note: HealthNote, index: TermIndex): GlossaryHealth {
	const mentions = mentionsOf(note, index);
	const undefinedMarked = undefinedMarkers(note, mentions, index);

	const conflicting: ConflictingTerm[] = [];
	const unused: UnusedTerm[] = [];
	const mentioned = mentionedKeys(mentions, index);
	const seen = new Set<string>();
	const concepts = note.glossary.length > 0 ? index.concepts() : null;
	const conflictSeen = new Set<string>();
	for (const entry of note.glossary) {
		const record = index.lookup(entry.term);
		if (!record || seen.has(record.key)) continue;
		seen.add(record.key);
		const concept = concepts ? concepts.of(record) : [record];
		if (!concept.some((r) => conflictSeen.has(r.key))) {
			conflictSeen.add(record.key);
			const conflict = conceptConflict(concept);
			if (conflict) conflicting.push(conflict);
		}
		if (!mentioned.has(record.key)) unused.push({ term: record.term, path: note.path, line: entry.line });
	}
	return sortHealth({ undefinedMarked, conflicting, unused });
}

/** Health of every given note together: the lists of `noteHealth`, with `unused` taken vault-wide. */
export function vaultHealth(notes: readonly HealthNote[], index: TermIndex): GlossaryHealth {
	const undefinedMarked: UndefinedMarked[] = [];
	const mentioned = new Set<string>();
	for (const note of notes) {
		const mentions = mentionsOf(note, index);
		undefinedMarked.push(...undefinedMarkers(note, mentions, index));
		for (const key of mentionedKeys(mentions, index)) mentioned.add(key);
	}
	const conflicting: ConflictingTerm[] = [];
	const unused: UnusedTerm[] = [];
	const concepts = index.concepts();
	const conflictSeen = new Set<string>();
	for (const record of index.records()) {
		if (!conflictSeen.has(record.key)) {
			const concept = concepts.of(record);
			for (const r of concept) conflictSeen.add(r.key);
			const conflict = conceptConflict(concept);
			if (conflict) conflicting.push(conflict);
		}
		if (!mentioned.has(record.key)) {
			const first = record.definitions[0];
			unused.push({ term: record.term, path: first.path, line: first.line });
		}
	}
	return sortHealth({ undefinedMarked, conflicting, unused });
}

/** Every `word*` jargon marker in prose (same skipped contexts as `findMentions`). */
export function findJargonMarkers(text: string, options: ProseOptions = {}): JargonMarker[] {
	const markers: JargonMarker[] = [];
	const cls = getClassTable();
	const emphasis = new EmphasisTracker();
	// The next `*` at or after a position, remembered across segments so that no search re-reads the
	// text beyond it: the whole scan reads the text once (segments come in order).
	let nextStar = -2;
	const starFrom = (p: number): number => {
		if (nextStar !== -1 && nextStar < p) nextStar = text.indexOf("*", p);
		return nextStar;
	};
	forEachProseSegment(text, options, (line, lineStart, from, to) => {
		for (let p = starFrom(from); p >= 0 && p < to; p = starFrom(p + 1)) {
			if (p === from || text.charCodeAt(p - 1) === 0x2a) continue;
			const start = wordStart(text, from, p, cls);
			if (start === p || isDigits(text, start, p)) continue;
			if (!isJargonMarker(text, lineStart, start, p, emphasis)) continue;
			markers.push({ text: text.slice(start, p), line, column: start - lineStart + 1, from: start, to: p });
		}
	});
	return markers;
}

function mentionsOf(note: HealthNote, index: TermIndex): readonly TermMention[] {
	return note.mentions ?? findMentions(note.text, index.matcher(), { excludeLines: glossaryBlocks(note.glossary) });
}

function glossaryBlocks(glossary: readonly GlossaryEntry[]): { line: number; endLine: number }[] {
	return glossary.map((e) => ({ line: e.line, endLine: Math.max(e.line, e.endLine) }));
}

function undefinedMarkers(note: HealthNote, mentions: readonly TermMention[], index: TermIndex): UndefinedMarked[] {
	const mentionEnds = new Set<number>();
	for (const m of mentions) mentionEnds.add(m.to);
	const result: UndefinedMarked[] = [];
	for (const marker of findJargonMarkers(note.text, { excludeLines: glossaryBlocks(note.glossary) })) {
		if (mentionEnds.has(marker.to) || index.lookup(marker.text)) continue;
		result.push({ text: marker.text, path: note.path, line: marker.line, column: marker.column });
	}
	return result;
}

function mentionedKeys(mentions: readonly TermMention[], index: TermIndex): Set<string> {
	const keys = new Set<string>();
	const byTerm = new Map<string, string | undefined>();
	for (const m of mentions) {
		if (!byTerm.has(m.term)) byTerm.set(m.term, index.lookup(m.term)?.key);
		const key = byTerm.get(m.term);
		if (key !== undefined) keys.add(key);
	}
	return keys;
}

/** The records of one concept as a conflict, when their definitions differ; named after its first record. */
function conceptConflict(concept: readonly TermRecord[]): ConflictingTerm | null {
	const definitions = concept.length === 1 ? concept[0].definitions : concept.flatMap((r) => r.definitions);
	if (definitions.length < 2) return null;
	const first = comparable(definitions[0].definition);
	if (!definitions.some((d) => comparable(d.definition) !== first)) return null;
	return { term: concept[0].term, definitions: definitions.slice() };
}

function comparable(definition: string): string {
	return definition.normalize("NFC").replace(/\s+/g, " ").trim();
}

/** Start of the word ending at `end`: a Latin run (inner `&`, `-`, `.`, `'` allowed) or a Hangul run. */
function wordStart(text: string, limit: number, end: number, cls: Uint8Array): number {
	const last = cls[text.charCodeAt(end - 1)];
	if (last !== CLASS_LATIN && last !== CLASS_HANGUL) return end;
	let p = end - 1;
	while (p > limit) {
		const c = text.charCodeAt(p - 1);
		if (cls[c] === last) {
			p--;
			continue;
		}
		const joiner = c === 0x26 || c === 0x2d || c === 0x2e || c === 0x27;
		if (last === CLASS_LATIN && joiner && p - 2 >= limit && cls[text.charCodeAt(p - 2)] === CLASS_LATIN) {
			p--;
			continue;
		}
		break;
	}
	return p;
}

function isDigits(text: string, from: number, to: number): boolean {
	for (let i = from; i < to; i++) {
		const c = text.charCodeAt(i);
		if (c < 0x30 || c > 0x39) return false;
	}
	return true;
}

function sortHealth(health: GlossaryHealth): GlossaryHealth {
	health.undefinedMarked.sort((a, b) => (a.path !== b.path ? (a.path < b.path ? -1 : 1) : a.line - b.line || a.column - b.column));
	health.conflicting.sort((a, b) => compareTerms(a.term, b.term));
	health.unused.sort((a, b) => compareTerms(a.term, b.term) || (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line));
	return health;
}
