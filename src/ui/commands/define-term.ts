/**
 * "Define term under cursor": a known term gets its definition, an unknown word an empty entry; with
 * nothing under the cursor, the note's marked jargon that has no definition anywhere is offered.
 */
import { Notice, type App, type Editor } from "obsidian";
import { findMarkedJargon, localContext, textLines, wordsOf, type MarkedJargon, type TextLine } from "../../core/insertion";
import { termKey } from "../../core/term-key";
import type { GlossaryEntry } from "../../core/types";
import { t } from "../../i18n";
import { PickModal, type PickItem } from "../pick-modal";
import type { CommandIndex } from "./command-index";
import { knownTermAtCursor, selectedName, wordAtCursor } from "./cursor";
import { insertDefinitionOf, insertEntry } from "./insert-entry";

/**
 * The line of each name (term or alias, by term key) the note defines: read fresh around the cursor and in
 * the note's glossary sections (the insert commands' local parse), and as last indexed for the rest, so a
 * 5 MB note is not parsed whole and a note with thousands of entries is looked up once per name.
 */
function noteDefinitions(index: CommandIndex, path: string, text: string, offset: number, lines: readonly TextLine[]): Map<string, number> {
	const lineOf = new Map<string, number>();
	const add = (entries: readonly GlossaryEntry[]) => {
		for (const entry of entries) {
			for (const name of [entry.term, ...entry.aliases]) {
				const key = termKey(name);
				if (key && !lineOf.has(key)) lineOf.set(key, entry.line);
			}
		}
	};
	add(localContext(text, offset, lines).glossary);
	add(index.note(path)?.glossary ?? []);
	return lineOf;
}

interface Jargon {
	text: string;
	from: number;
	line: number;
}

const MAX_WORDS_IN_TERM = 4;

/**
 * True when a defined term ends right at a jargon marker, read as the matcher and `--health` read it: the
 * longest run of up to four words before the `*` (`에러 버짓*`, `카나리 배포*`), not only its last word.
 */
function definedAtMarker(text: string, lines: readonly TextLine[], jargon: MarkedJargon, isDefined: (name: string) => boolean): boolean {
	const line = lines[jargon.line];
	const words = wordsOf(text.slice(line.from, jargon.marker), line.from);
	let first = words.length - 1;
	while (first > 0 && words.length - first < MAX_WORDS_IN_TERM && /^[ \t\u00a0]{0,2}$/.test(text.slice(words[first - 1].to, words[first].from))) first--;
	for (let s = first; s < words.length; s++) if (isDefined(text.slice(words[s].from, jargon.marker))) return true;
	return false;
}

/** The note's marked jargon (`XYZ*`) that has no definition anywhere, once per term, nearest to `offset` first. */
export function undefinedJargon(text: string, lines: readonly TextLine[], inNote: ReadonlyMap<string, number>, index: CommandIndex, offset: number): Jargon[] {
	const seen = new Map<string, Jargon>();
	const isDefined = (name: string) => index.terms.lookup(name) !== undefined || inNote.has(termKey(name));
	for (const j of findMarkedJargon(text)) {
		if (definedAtMarker(text, lines, j, isDefined)) continue;
		const key = termKey(j.text);
		const previous = seen.get(key);
		if (!previous || Math.abs(j.from - offset) < Math.abs(previous.from - offset)) seen.set(key, { text: j.text, from: j.from, line: j.line });
	}
	return [...seen.values()].sort((a, b) => Math.abs(a.from - offset) - Math.abs(b.from - offset));
}

/**
 * "Define term under cursor": the selection, the known term or the word under the cursor. A known term
 * gets its definition (a choice when several); an unknown word gets a skeleton entry with the cursor on
 * its empty definition line. With nothing under the cursor, the note's marked jargon that has no
 * definition anywhere is offered, nearest first.
 */
export function defineTermUnderCursor(app: App, index: CommandIndex, editor: Editor, path: string): void {
	const text = editor.getValue();
	const lines = textLines(text);
	const offset = editor.posToOffset(editor.getCursor());
	const inNote = noteDefinitions(index, path, text, offset, lines);
	const name = selectedName(editor) ?? knownTermAtCursor(editor, index) ?? wordAtCursor(editor);
	if (name) {
		const line = inNote.get(termKey(name));
		if (line === undefined) {
			const record = index.terms.lookup(name);
			if (record) insertDefinitionOf(app, editor, path, record);
			else insertEntry(editor, path, { kind: "skeleton", term: name });
			return;
		}
		const others = undefinedJargon(text, lines, inNote, index, offset);
		new Notice(t(others.length > 0 ? "notice.alreadyDefinedPick" : "notice.alreadyDefined", { name, line }));
		if (others.length > 0) offerJargon(app, editor, path, others);
		return;
	}
	const jargon = undefinedJargon(text, lines, inNote, index, offset);
	if (jargon.length === 0) {
		new Notice(t("notice.nothingToDefine"));
		return;
	}
	offerJargon(app, editor, path, jargon);
}

function offerJargon(app: App, editor: Editor, path: string, jargon: readonly Jargon[]): void {
	const insert = (j: Jargon) => insertEntry(editor, path, { kind: "skeleton", term: j.text }, j.from);
	if (jargon.length === 1) {
		insert(jargon[0]);
		return;
	}
	const items: PickItem<Jargon>[] = jargon.map((j) => ({ value: j, title: j.text, note: t("pick.jargonNote", { line: j.line + 1 }) }));
	new PickModal(app, items, insert, { placeholder: t("pick.jargonPlaceholder") }).open();
}
