/**
 * The command-palette commands: insert a term definition, define the term under the cursor, go to a
 * term's definition, and export the current note or every conference note.
 *
 * Every edit is ONE editor transaction (one undo step) at the end of an existing line: never a whole-file
 * rewrite. Editor commands appear only with an editor; export commands only where they apply. None has a
 * default hotkey. When there is nothing to do, a notice says why.
 */
import { Notice, type App, type Editor, type Plugin } from "obsidian";
import { EXPORT_FORMATS, type ExportFormat, type ExportFormatInfo } from "../core/export";
import { detectGlossaryStyle, formatGlossaryEntry, formatSkeleton, type FormattedEntry, type GlossaryStyle } from "../core/glossary-format";
import { cursorPosition, findMarkedJargon, insertionLine, localContext, planBlockInsertion, planLineInsertion, sectionLastLine, termAt, textLines, wordAt, wordsOf, type Insertion, type LocalContext, type MarkedJargon, type TextLine } from "../core/insertion";
import { parseNote } from "../core/note-parser";
import type { PluginSettings } from "../core/settings";
import { termKey } from "../core/term-key";
import type { NoteRecord, TermDefinition, TermRecord } from "../core/types";
import { ExportWriter, type ExportWriterOptions } from "../obsidian/export-writer";
import { openNoteAtLine } from "../obsidian/open-note";
import { distinctDefinitions, pickDefinition, PickModal, preview, type PickItem } from "./definition-pick-modal";
import { TermSuggestModal } from "./term-suggest-modal";
import { t, type PlainKey } from "../i18n";
import { noteName } from "../core/text";

/** What the commands read from the index (ConferenceIndex provides it). */
export interface CommandIndex {
	readonly terms: {
		lookup(name: string): TermRecord | undefined;
		records(): TermRecord[];
		readonly size: number;
	};
	notes(): NoteRecord[];
	note(path: string): NoteRecord | undefined;
	readonly ready: boolean;
}

export const COMMAND_IDS = {
	insert: "insert-term-definition",
	define: "define-term-under-cursor",
	goTo: "go-to-term-definition",
	exportNote: "export-current-note",
	exportAll: "export-all-notes",
} as const;

export interface CommandOptions {
	/** Test seam for the export writer (how it asks before replacing a file). */
	writer?: ExportWriterOptions;
}

/** Registers the commands on the plugin; they are removed when it unloads. */
export function registerCommands(plugin: Plugin, index: CommandIndex, getSettings: () => Readonly<PluginSettings>, options: CommandOptions = {}): void {
	const app = plugin.app;
	const writer = new ExportWriter(app, options.writer);

	plugin.addCommand({
		id: COMMAND_IDS.insert,
		name: t("command.insert"),
		editorCheckCallback: (checking, editor, ctx) => {
			if (!checking) insertTermDefinition(app, index, editor, ctx.file?.path ?? "");
			return true;
		},
	});

	plugin.addCommand({
		id: COMMAND_IDS.define,
		name: t("command.define"),
		editorCheckCallback: (checking, editor, ctx) => {
			if (!checking) defineTermUnderCursor(app, index, editor, ctx.file?.path ?? "");
			return true;
		},
	});

	plugin.addCommand({
		id: COMMAND_IDS.goTo,
		name: t("command.goTo"),
		editorCheckCallback: (checking, editor, ctx) => {
			if (!checking) goToTermDefinition(app, index, editor, ctx.file?.path ?? "");
			return true;
		},
	});

	plugin.addCommand({
		id: COMMAND_IDS.exportNote,
		name: t("command.exportNote"),
		checkCallback: (checking) => {
			const file = app.workspace.getActiveFile();
			const note = file ? index.note(file.path) : undefined;
			if (!note) return false;
			if (!checking) {
				chooseExportFormat(app, (format) => {
					void writer.write({ input: { notes: [note] }, format, allNotes: false, folder: getSettings().exportFolder });
				});
			}
			return true;
		},
	});

	plugin.addCommand({
		id: COMMAND_IDS.exportAll,
		name: t("command.exportAll"),
		checkCallback: (checking) => {
			if (checking) return true;
			const notes = index.notes();
			if (notes.length === 0) {
				new Notice(index.ready ? t("notice.exportNoNotes") : t("notice.exportIndexing"));
				return true;
			}
			chooseExportFormat(app, (format) => {
				void writer.write({ input: { notes: index.notes(), terms: index.terms.records() }, format, allNotes: true, folder: getSettings().exportFolder });
			});
			return true;
		},
	});
}

// ---------------------------------------------------------------------------------------------------------
// Reading the editor

const MAX_SEED_CHARS = 80;

/** The selection when it is a short single line. */
function selectedName(editor: Editor): string | null {
	if (!editor.somethingSelected()) return null;
	const text = editor.getSelection().trim();
	if (text === "" || text.length > MAX_SEED_CHARS || /[\r\n]/.test(text)) return null;
	return text;
}

/** The known term (as the index knows it) under the cursor, looked up on the cursor's line only. */
function knownTermAtCursor(editor: Editor, index: CommandIndex): string | null {
	const cursor = editor.getCursor();
	const line = editor.getLine(cursor.line);
	return termAt(line, cursor.ch, (name) => index.terms.lookup(name) !== undefined)?.text ?? null;
}

function wordAtCursor(editor: Editor): string | null {
	const cursor = editor.getCursor();
	return wordAt(editor.getLine(cursor.line), cursor.ch)?.text ?? null;
}

// ---------------------------------------------------------------------------------------------------------
// Inserting

type EntrySpec = { kind: "definition"; definition: TermDefinition; aliases: readonly string[] } | { kind: "skeleton"; term: string };

function formatEntry(spec: EntrySpec, style: GlossaryStyle): FormattedEntry {
	if (spec.kind === "skeleton") return formatSkeleton(spec.term, style);
	const d = spec.definition;
	return formatGlossaryEntry({ term: d.term, aliases: spec.aliases, definition: d.definitionMarkdown.trim() ? d.definitionMarkdown : d.definition }, style);
}

/**
 * The aliases to write with a definition: its own, then the other names the vault knows for the term
 * (`ROAS` defined bare in one note still gets `(Return on Ad Spend)` from another), once per spelling.
 */
export function aliasesFor(definition: TermDefinition, record: TermRecord): string[] {
	const seen = new Set([termKey(definition.term)]);
	const out: string[] = [];
	for (const name of [...definition.aliases, ...record.names]) {
		const key = termKey(name);
		if (!key || seen.has(key)) continue;
		seen.add(key);
		out.push(name);
	}
	return out;
}

/** Where the entry goes: a glossary list or heading section gets it at its end; otherwise after the paragraph holding `anchor`. */
function planEntry(text: string, lines: readonly TextLine[], anchor: number, style: GlossaryStyle, entry: FormattedEntry, note: LocalContext): Insertion {
	if (style.kind === "list" && style.sectionLine >= 0) return planLineInsertion(text, sectionLastLine(text, style.sectionLine), entry.lines, entry.cursor);
	if (style.kind === "heading" && style.sectionLine >= 0) return planBlockInsertion(text, sectionLastLine(text, style.sectionLine), entry.lines, entry.cursor, lines);
	return planBlockInsertion(text, insertionLine(text, anchor, note, lines), entry.lines, entry.cursor, lines);
}

/**
 * Inserts an entry in the note's own glossary style as one editor transaction (one undo step), then
 * places the cursor after the definition, or on the empty definition line of a skeleton. `anchor` is the
 * offset whose paragraph the entry follows (default: the cursor).
 */
export function insertEntry(editor: Editor, path: string, spec: EntrySpec, anchor?: number): void {
	const text = editor.getValue();
	const lines = textLines(text);
	const place = anchor ?? editor.posToOffset(editor.getCursor("to"));
	// A local parse (the section around the cursor and the glossary sections), not the whole note.
	const note = localContext(text, place, lines);
	const style = detectGlossaryStyle(text, note.glossary, lines);
	const entry = formatEntry(spec, style);
	const plan = planEntry(text, lines, place, style, entry, note);
	const at = editor.offsetToPos(plan.at);
	const cursor = cursorPosition(at, plan);
	// One change transaction, then the cursor: a selection-only update is no undo step of its own, so one
	// undo removes the entry. (Setting the cursor apart keeps its position unambiguous: it is in the new text.)
	editor.transaction({ changes: [{ from: at, to: at, text: plan.text }] });
	editor.setCursor(cursor);
	editor.scrollIntoView({ from: cursor, to: cursor });
}

function insertDefinitionOf(app: App, editor: Editor, path: string, record: TermRecord, anchor?: number): void {
	pickDefinition(app, record, distinctDefinitions(record), (definition) =>
		insertEntry(editor, path, { kind: "definition", definition, aliases: aliasesFor(definition, record) }, anchor),
	);
}

function emptyGlossaryNotice(index: CommandIndex): void {
	new Notice(index.ready ? t("notice.glossaryEmpty") : t("notice.glossaryIndexing"));
}

/** "Insert term definition": pick a term (the one under the cursor is typed in) and insert its definition. */
export function insertTermDefinition(app: App, index: CommandIndex, editor: Editor, path: string): void {
	if (index.terms.size === 0) {
		emptyGlossaryNotice(index);
		return;
	}
	const seed = selectedName(editor) ?? knownTermAtCursor(editor, index) ?? wordAtCursor(editor) ?? "";
	new TermSuggestModal(app, index.terms.records(), {
		seed,
		onChoose: (record) => insertDefinitionOf(app, editor, path, record),
	}).open();
}

function definedInNote(note: NoteRecord | null, name: string): number | null {
	if (!note) return null;
	const key = termKey(name);
	const entry = note.glossary.find((g) => termKey(g.term) === key || g.aliases.some((a) => termKey(a) === key));
	return entry ? entry.line : null;
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
export function undefinedJargon(text: string, note: NoteRecord | null, index: CommandIndex, offset: number): Jargon[] {
	const seen = new Map<string, Jargon>();
	const lines = textLines(text);
	const isDefined = (name: string) => index.terms.lookup(name) !== undefined || definedInNote(note, name) !== null;
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
	const note = parseNote(text, path, { requireTag: false });
	const offset = editor.posToOffset(editor.getCursor());
	const name = selectedName(editor) ?? knownTermAtCursor(editor, index) ?? wordAtCursor(editor);
	if (name) {
		const line = definedInNote(note, name);
		if (line === null) {
			const record = index.terms.lookup(name);
			if (record) insertDefinitionOf(app, editor, path, record);
			else insertEntry(editor, path, { kind: "skeleton", term: name });
			return;
		}
		const others = undefinedJargon(text, note, index, offset);
		new Notice(t(others.length > 0 ? "notice.alreadyDefinedPick" : "notice.alreadyDefined", { name, line }));
		if (others.length > 0) offerJargon(app, editor, path, others);
		return;
	}
	const jargon = undefinedJargon(text, note, index, offset);
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

// ---------------------------------------------------------------------------------------------------------
// Going to a definition

/** "Go to term definition": opens the note defining the term under the cursor at the definition's line. */
export function goToTermDefinition(app: App, index: CommandIndex, editor: Editor, path: string): void {
	const selected = selectedName(editor);
	const name = selected && index.terms.lookup(selected) ? selected : knownTermAtCursor(editor, index);
	const record = name ? index.terms.lookup(name) : undefined;
	if (!record || record.definitions.length === 0) {
		const word = selected ?? wordAtCursor(editor);
		new Notice(word ? t("notice.noDefinitionOf", { word }) : t("notice.noTermUnderCursor"));
		return;
	}
	if (record.definitions.length === 1) {
		void openDefinition(app, editor, path, record.definitions[0]);
		return;
	}
	const items: PickItem<TermDefinition>[] = record.definitions.map((d) => ({
		value: d,
		title: t("pick.definitionAt", { note: noteName(d.path), line: d.line }),
		note: preview(d.definition),
	}));
	new PickModal(app, items, (d) => void openDefinition(app, editor, path, d), { placeholder: t("pick.goToPlaceholder", { term: record.term }) }).open();
}

/** Opens a definition at its (1-based) line: in this editor when it is in this note, else in the current tab. */
export async function openDefinition(app: App, editor: Editor, currentPath: string, definition: TermDefinition): Promise<void> {
	const line = Math.max(0, definition.line - 1);
	const pos = { line, ch: 0 };
	if (definition.path === currentPath) {
		editor.setCursor(pos);
		editor.scrollIntoView({ from: pos, to: pos }, true);
		return;
	}
	await openNoteAtLine(app, definition.path, definition.line);
}

// ---------------------------------------------------------------------------------------------------------
// Export

const FORMAT_TEXTS: Record<ExportFormat, { title: PlainKey; note: PlainKey }> = {
	md: { title: "export.md.title", note: "export.md.note" },
	csv: { title: "export.csv.title", note: "export.csv.note" },
	json: { title: "export.json.title", note: "export.json.note" },
	tsv: { title: "export.tsv.title", note: "export.tsv.note" },
};

export function chooseExportFormat(app: App, onChoose: (format: ExportFormat) => void): void {
	const items: PickItem<ExportFormatInfo>[] = EXPORT_FORMATS.map((f) => ({ value: f, title: t(FORMAT_TEXTS[f.format].title), note: t(FORMAT_TEXTS[f.format].note), aux: `.${f.extension}` }));
	new PickModal(app, items, (f) => onChoose(f.format), { placeholder: t("export.placeholder") }).open();
}
