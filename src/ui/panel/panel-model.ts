/**
 * What the conference panel shows, as plain data: conference notes grouped into talks and Q&A, and the
 * glossary, filtered by the search query and the "current note only" switch. No DOM here.
 */
import { compareTerms } from "../../core/term-key";
import { compileQuery, matchesQuery, searchKey, type SearchQuery } from "../../core/search";
import type { NoteRecord, QaPair, Talk, TermDefinition, TermRecord } from "../../core/types";

export interface QaItem {
	/** Stable identity across re-renders: note path + question line. */
	key: string;
	note: NoteRecord;
	pair: QaPair;
}

export interface TalkGroup {
	key: string;
	/** Null for questions asked before the first talk heading. */
	talk: Talk | null;
	items: QaItem[];
	/** Questions in the talk before filtering. */
	total: number;
}

export interface NoteGroup {
	key: string;
	note: NoteRecord;
	talks: TalkGroup[];
	/** Questions shown (after filtering). */
	count: number;
	/** Questions in the note. */
	total: number;
}

export interface TermItem {
	key: string;
	record: TermRecord;
	/** Definitions shown: all of them, or those of the current note when filtering by note. */
	definitions: TermDefinition[];
}

export interface PanelFilter {
	query: SearchQuery | null;
	/** Only this note, when "current note only" is on (null: every note). */
	notePath: string | null;
}

export interface PanelModel {
	notes: NoteGroup[];
	terms: TermItem[];
	qaCount: number;
	/**
	 * Q&A and terms before the search query, to tell "nothing indexed" from "nothing matches": of the
	 * current note only when the panel shows only it, so the counts follow that filter.
	 */
	qaTotal: number;
	termTotal: number;
}

export function panelFilter(query: string, notePath: string | null): PanelFilter {
	return { query: compileQuery(query), notePath };
}

/**
 * `compute(item)`, computed once per object: search keys are cached per text object (records are replaced
 * when a note is re-parsed, so a cached key never goes stale).
 */
function searchKeyCache<T extends object>(compute: (item: T) => string): (item: T) => string {
	const keys = new WeakMap<T, string>();
	return (item) => {
		let key = keys.get(item);
		if (key === undefined) {
			key = compute(item);
			keys.set(item, key);
		}
		return key;
	};
}

const pairKey = searchKeyCache<QaPair>((pair) => `${searchKey(pair.question)}\u0000${searchKey(pair.answer)}`);
const talkKey = searchKeyCache<Talk>((talk) => `${searchKey(talk.title)}\u0000${searchKey(talk.speaker ?? "")}`);
const definitionKey = searchKeyCache<TermDefinition>((definition) => searchKey(definition.definition));

/** A question matches through its own text, its answer, or its talk's title and speaker. */
function pairMatches(pair: QaPair, talk: Talk | null, query: SearchQuery): boolean {
	return matchesQuery("", query, pairKey(pair)) || (talk !== null && matchesQuery("", query, talkKey(talk)));
}

function groupNote(note: NoteRecord, query: SearchQuery | null): NoteGroup {
	const groups = new Map<number, TalkGroup>();
	const order: TalkGroup[] = [];
	let count = 0;
	const groupOf = (talkIndex: number | null): TalkGroup => {
		const id = talkIndex ?? -1;
		let group = groups.get(id);
		if (!group) {
			const talk = talkIndex === null ? null : (note.talks[talkIndex] ?? null);
			group = { key: `${note.path}#talk:${talk ? talk.line : 0}`, talk, items: [], total: 0 };
			groups.set(id, group);
			order.push(group);
		}
		return group;
	};
	// Talks without questions are listed too (in note order), so the outline matches the note.
	if (!query) for (let i = 0; i < note.talks.length; i++) groupOf(i);
	for (const pair of note.qa) {
		const group = groupOf(pair.talk);
		group.total++;
		if (query && !pairMatches(pair, group.talk, query)) continue;
		group.items.push({ key: `${note.path}#qa:${pair.line}`, note, pair });
		count++;
	}
	const talks = order
		.filter((g) => !query || g.items.length > 0)
		.sort((a, b) => (a.talk?.line ?? 0) - (b.talk?.line ?? 0));
	return { key: note.path, note, talks, count, total: note.qa.length };
}

function termMatches(record: TermRecord, definitions: readonly TermDefinition[], query: SearchQuery): boolean {
	for (const name of record.names) if (matchesQuery(name, query)) return true;
	for (const d of definitions) if (matchesQuery("", query, definitionKey(d))) return true;
	return false;
}

/** Builds the panel's content from the index. `notes` come sorted from the index. */
export function buildPanelModel(notes: readonly NoteRecord[], terms: readonly TermRecord[], filter: PanelFilter): PanelModel {
	const { query, notePath } = filter;
	const shownNotes: NoteGroup[] = [];
	let qaCount = 0;
	let qaTotal = 0;
	for (const note of notes) {
		if (notePath !== null && note.path !== notePath) continue;
		qaTotal += note.qa.length;
		const group = groupNote(note, query);
		if (query && group.count === 0) continue;
		shownNotes.push(group);
		qaCount += group.count;
	}
	const shownTerms: TermItem[] = [];
	let termTotal = 0;
	for (const record of terms) {
		const definitions = notePath === null ? record.definitions : record.definitions.filter((d) => d.path === notePath);
		if (definitions.length === 0) continue;
		termTotal++;
		if (query && !termMatches(record, definitions, query)) continue;
		shownTerms.push({ key: record.key, record, definitions });
	}
	shownTerms.sort((a, b) => compareTerms(a.record.term, b.record.term));
	return { notes: shownNotes, terms: shownTerms, qaCount, qaTotal, termTotal };
}
