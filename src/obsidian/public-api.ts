/**
 * The plugin's public API (`plugin.api`), typed by api/conference-qa-glossary.d.ts. It reads the live
 * index and hands out frozen copies, so a caller can neither change the index nor see a copy change;
 * copies are cached per record (records are replaced, never mutated, when a note is re-parsed), so
 * repeated calls are cheap. `onChange` subscriptions end when the plugin unloads.
 */
import type { Plugin } from "obsidian";
import type {
	ApiDefinition,
	ApiGlossaryEntry,
	ApiMention,
	ApiNote,
	ApiQa,
	ApiTalk,
	ApiTerm,
	ConferenceQaGlossaryApi,
} from "../../api/conference-qa-glossary";
import { findMentions } from "../core/matcher";
import { lookupTerm } from "../core/term-lookup";
import type { GlossaryEntry, NoteRecord, QaPair, Talk, TermDefinition, TermRecord } from "../core/types";
import type { ConferenceIndex } from "./conference-index";

export const API_VERSION = 1;

/** Longest text `findMentions` reads (5 MB), so a caller cannot stall the app by accident. */
const MAX_TEXT = 5_000_000;

const freeze = Object.freeze;

function talkCopy(talk: Talk): ApiTalk {
	return freeze({ title: talk.title, speaker: talk.speaker, line: talk.line });
}

function qaCopy(pair: QaPair): ApiQa {
	return freeze({
		question: pair.question,
		answer: pair.answer,
		questionMarkdown: pair.questionMarkdown,
		answerMarkdown: pair.answerMarkdown,
		line: pair.line,
		answerLine: pair.answerLine,
		endLine: pair.endLine,
		talk: pair.talk,
	});
}

function entryCopy(entry: GlossaryEntry): ApiGlossaryEntry {
	return freeze({
		term: entry.term,
		aliases: freeze([...entry.aliases]),
		definition: entry.definition,
		definitionMarkdown: entry.definitionMarkdown,
		line: entry.line,
		endLine: entry.endLine,
	});
}

function definitionCopy(d: TermDefinition): ApiDefinition {
	return freeze({ term: d.term, aliases: freeze([...d.aliases]), definition: d.definition, definitionMarkdown: d.definitionMarkdown, path: d.path, line: d.line });
}

export function noteCopy(note: NoteRecord): ApiNote {
	return freeze({
		path: note.path,
		title: note.title,
		tags: freeze([...note.tags]),
		talks: freeze(note.talks.map(talkCopy)),
		qa: freeze(note.qa.map(qaCopy)),
		glossary: freeze(note.glossary.map(entryCopy)),
	});
}

export function termCopy(record: TermRecord): ApiTerm {
	return freeze({ term: record.term, names: freeze([...record.names]), definitions: freeze(record.definitions.map(definitionCopy)) });
}

/** Creates the API over `index`; subscriptions made through it end when `plugin` unloads. */
export function createPublicApi(plugin: Plugin, index: ConferenceIndex): ConferenceQaGlossaryApi {
	const notes = new WeakMap<NoteRecord, ApiNote>();
	const terms = new WeakMap<TermRecord, ApiTerm>();
	const note = (record: NoteRecord): ApiNote => {
		let copy = notes.get(record);
		if (!copy) notes.set(record, (copy = noteCopy(record)));
		return copy;
	};
	const term = (record: TermRecord): ApiTerm => {
		let copy = terms.get(record);
		if (!copy) terms.set(record, (copy = termCopy(record)));
		return copy;
	};
	const unsubscribers = new Set<() => void>();
	plugin.register(() => {
		for (const stop of [...unsubscribers]) stop();
	});

	const api: ConferenceQaGlossaryApi = {
		version: API_VERSION,
		ready: () => index.ready,
		notes: () => freeze(index.notes().map(note)),
		note: (path: string) => {
			const record = typeof path === "string" ? index.note(path) : undefined;
			return record ? note(record) : null;
		},
		terms: () => freeze(index.terms.records().map(term)),
		lookup: (name: string) => {
			const record = lookupTerm(index.terms, name);
			return record ? term(record) : null;
		},
		findMentions: (text: string): readonly ApiMention[] => {
			if (typeof text !== "string" || text.length === 0) return freeze([]);
			const mentions = findMentions(text.slice(0, MAX_TEXT), index.terms.matcher());
			return freeze(mentions.map((m) => freeze({ from: m.from, to: m.to, line: m.line, column: m.column, text: m.text, term: m.term, marked: m.marked })));
		},
		onChange: (callback) => {
			if (typeof callback !== "function") return () => undefined;
			const ref = index.on("changed", (paths) => {
				try {
					callback(freeze({ paths: freeze([...paths]) }));
				} catch (error) {
					console.error("Conference Q&A Glossary: an onChange callback failed", error);
				}
			});
			const stop = () => {
				if (!unsubscribers.delete(stop)) return;
				index.offref(ref);
			};
			unsubscribers.add(stop);
			return stop;
		},
	};
	return freeze(api);
}
