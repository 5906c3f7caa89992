/**
 * The CLI's JSON shape (`npm run extract`): notes that carry the tag, with talks, Q&A, glossary entries
 * and term mentions as plain text. Other tools build on this shape; keep it stable.
 */
import { parseNote } from "./note-parser";
import type { NoteRecord, TermMention } from "./types";

export interface SourceFile {
	path: string;
	text: string;
}

export interface ExtractOptions {
	tags?: readonly string[];
}

export interface NoteJson {
	path: string;
	title: string;
	tags: string[];
	talks: { title: string; speaker: string | null; line: number }[];
	qa: { question: string; answer: string; line: number; answerLine: number; talk: number | null }[];
	glossary: { term: string; aliases: string[]; definition: string; line: number }[];
	mentions: { line: number; column: number; text: string; term: string; marked: boolean }[];
}

export interface ParsedSource {
	record: NoteRecord;
	text: string;
}

/** Parses every file and keeps the tagged ones, in input order. */
export function parseSources(files: readonly SourceFile[], options: ExtractOptions = {}): ParsedSource[] {
	const parsed: ParsedSource[] = [];
	for (const file of files) {
		const record = parseNote(file.text, file.path, { tags: options.tags });
		if (record) parsed.push({ record, text: file.text });
	}
	return parsed;
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
