/**
 * The vault report: the JSON shape `npm run extract` (the CLI, scripts/extract.ts) prints, also read by
 * the demo and the approval test. Notes that carry the tag, with talks, Q&A, glossary entries and term
 * mentions as plain text, and glossary health when asked. Other tools build on this shape; keep it stable.
 */
import { noteHealth, vaultHealth, type GlossaryHealth, type HealthNote } from "./health";
import { findMentions } from "./matcher";
import { parseNote } from "./note-parser";
import { cleanTagList, DEFAULT_TAGS } from "./tags";
import { TermIndex } from "./term-index";
import type { GlossaryEntry, NoteRecord, TermMention } from "./types";

export interface SourceFile {
	path: string;
	text: string;
}

export interface VaultReportOptions {
	tags?: readonly string[];
	/** Add glossary health per note and vault-wide. */
	health?: boolean;
}

export interface NoteJson {
	path: string;
	title: string;
	tags: string[];
	talks: { title: string; speaker: string | null; line: number }[];
	qa: { question: string; answer: string; line: number; answerLine: number; talk: number | null }[];
	glossary: { term: string; aliases: string[]; definition: string; line: number }[];
	mentions: { line: number; column: number; text: string; term: string; marked: boolean }[];
	health?: HealthJson;
}

export interface HealthJson {
	undefinedMarked: { text: string; path: string; line: number; column: number }[];
	conflicting: { term: string; definitions: { definition: string; path: string; line: number }[] }[];
	unused: { term: string; path: string; line: number }[];
}

export interface VaultReport {
	notes: NoteJson[];
	health?: HealthJson;
}

export interface ParsedSource {
	record: NoteRecord;
	text: string;
}

/** Parses every file and keeps the tagged ones, in input order. */
export function parseSources(files: readonly SourceFile[], options: VaultReportOptions = {}): ParsedSource[] {
	const parsed: ParsedSource[] = [];
	const mayCarry = tagPrefilter(options.tags ?? DEFAULT_TAGS);
	for (const file of files) {
		if (!mayCarry(file.text)) continue;
		const record = parseNote(file.text, file.path, { tags: options.tags });
		if (record) parsed.push({ record, text: file.text });
	}
	return parsed;
}

/**
 * A quick test that a text may carry one of the tags: a note whose text contains none of the tag names
 * (in any case) carries none of them, so it need not be parsed. Only for ASCII tag names, whose spelling
 * NFC normalisation cannot change; with any other tag every text passes.
 */
function tagPrefilter(tags: readonly string[]): (text: string) => boolean {
	const names = cleanTagList(tags);
	if (names.length === 0 || names.some((t) => !/^[\x21-\x7e]+$/.test(t))) return () => true;
	const pattern = new RegExp(names.map((t) => t.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")).join("|"), "iu");
	return (text) => pattern.test(text);
}

/** Line ranges of a note's glossary blocks, which mention finding skips. */
export function glossaryBlocks(glossary: readonly GlossaryEntry[]): { line: number; endLine: number }[] {
	return glossary.map((g) => ({ line: g.line, endLine: g.endLine }));
}

/** The mentions of every indexed term in one note's text, its glossary blocks skipped. */
export function noteMentions(source: ParsedSource, index: TermIndex): TermMention[] {
	return findMentions(source.text, index.matcher(), { excludeLines: glossaryBlocks(source.record.glossary) });
}

/**
 * The vault report, what `npm run extract` prints: the tagged notes with their mentions of every term
 * defined in any of them, and with `health` per note and vault-wide when asked.
 */
export function vaultReport(files: readonly SourceFile[], options: VaultReportOptions = {}): VaultReport {
	const notes: NoteJson[] = [];
	const health = streamVaultReport(files, options, (note) => notes.push(note));
	return health ? { notes, health } : { notes };
}

/**
 * `vaultReport` one note at a time, for a caller that writes each note as it comes: calls `onNote` for
 * every tagged note in input order, and returns the vault-wide health when `options.health` is set.
 */
export function streamVaultReport(files: readonly SourceFile[], options: VaultReportOptions, onNote: (note: NoteJson) => void): HealthJson | undefined {
	const parsed = parseSources(files, options);
	const index = new TermIndex();
	for (const { record } of parsed) index.setNote(record.path, record.glossary);
	const healthNotes: HealthNote[] = [];
	for (const source of parsed) {
		const mentions = noteMentions(source, index);
		const json = noteToJson(source.record, mentions);
		if (options.health) {
			const note: HealthNote = { path: source.record.path, text: source.text, glossary: source.record.glossary, mentions };
			healthNotes.push(note);
			json.health = healthToJson(noteHealth(note, index));
		}
		onNote(json);
	}
	return options.health ? healthToJson(vaultHealth(healthNotes, index)) : undefined;
}

export function healthToJson(health: GlossaryHealth): HealthJson {
	return {
		undefinedMarked: health.undefinedMarked.map((m) => ({ text: m.text, path: m.path, line: m.line, column: m.column })),
		conflicting: health.conflicting.map((c) => ({
			term: c.term,
			definitions: c.definitions.map((d) => ({ definition: d.definition, path: d.path, line: d.line })),
		})),
		unused: health.unused.map((u) => ({ term: u.term, path: u.path, line: u.line })),
	};
}

/** The JSON object for one note. */
export function noteToJson(record: NoteRecord, mentions: readonly TermMention[]): NoteJson {
	return {
		path: record.path,
		title: record.title,
		tags: record.tags,
		talks: record.talks.map((t) => ({ title: t.title, speaker: t.speaker, line: t.line })),
		qa: record.qa.map((q) => ({ question: q.question, answer: q.answer, line: q.line, answerLine: q.answerLine, talk: q.talk })),
		glossary: record.glossary.map((g) => ({ term: g.term, aliases: g.aliases, definition: g.definition, line: g.line })),
		mentions: mentions.map((m) => ({ line: m.line, column: m.column, text: m.text, term: m.term, marked: m.marked })),
	};
}
