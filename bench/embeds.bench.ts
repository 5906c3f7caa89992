/**
 * What a code-block embed costs each time the index changes: selecting its Q&A from 2,000 questions in
 * 40 notes (no options, a search, a talk filter) and its glossary from every term. Blocks re-select on
 * every index change and redraw only when the selection changed, so this is the price of an edit
 * elsewhere in the vault, per block on screen.
 */
import { DEFAULT_QA_LIMIT, selectGlossary, selectQa } from "../src/core/embed-options";
import { parseNote } from "../src/core/note-parser";
import { TermIndex } from "../src/core/term-index";
import type { NoteRecord } from "../src/core/types";
import { bestOf, figure, seededRandom, type Log } from "./harness";
import { conferenceNote } from "./synthetic-vault";

export default async function embedsBench(log: Log): Promise<Record<string, number>> {
	const rand = seededRandom(15);
	const notes: NoteRecord[] = [];
	const terms = new TermIndex();
	for (let i = 0; i < 40; i++) {
		const record = parseNote(conferenceNote(rand, i + 1, 5, 10), `Talks/conference ${i}.md`, { requireTag: false });
		if (!record) continue;
		notes.push(record);
		terms.setNote(record.path, record.glossary);
	}
	const qa = notes.reduce((n, note) => n + note.qa.length, 0);
	const base = { note: null, tag: null, talk: null, search: null, limit: DEFAULT_QA_LIMIT };
	const all = bestOf(() => selectQa(notes, base, null));
	const search = bestOf(() => selectQa(notes, { ...base, search: "지표" }, null));
	const talk = bestOf(() => selectQa(notes, { ...base, talk: "플랫폼 설계" }, null));
	const records = terms.records();
	const glossary = bestOf(() => selectGlossary(records, { note: null, tag: null, terms: "all", search: null }, { paths: null, markedKeys: new Set() }));
	figure(log, `select Q&A, no options (${qa} questions)`, all, "ms", "< 2");
	figure(log, "select Q&A, search (keys cached)", search, "ms", "< 5");
	figure(log, "select Q&A, talk words", talk, "ms", "< 5");
	figure(log, `select glossary, every term (${records.length})`, glossary, "ms", "< 2");
	return { embed_select_qa_ms: all, embed_select_search_ms: search, embed_select_talk_ms: talk, embed_select_glossary_ms: glossary };
}
