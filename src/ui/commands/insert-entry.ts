/**
 * Writing a glossary entry into the note: in the note's own glossary style, where its glossary is (or
 * after the paragraph it explains), as ONE editor transaction (one undo step) at the end of an existing
 * line, never a whole-file rewrite.
 */
import type { App, Editor } from "obsidian";
import { detectGlossaryStyle, formatGlossaryEntry, formatSkeleton, type FormattedEntry, type GlossaryStyle } from "../../core/glossary-format";
import { cursorPosition, insertionLine, localContext, planBlockInsertion, planLineInsertion, sectionLastLine, textLines, type Insertion, type LocalContext, type TextLine } from "../../core/insertion";
import { termKey } from "../../core/term-key";
import type { TermDefinition, TermRecord } from "../../core/types";
import { distinctDefinitions, pickDefinition } from "../definition-pick";

/** A definition from the vault, or an empty entry (a skeleton) for a new term. */
export type EntrySpec = { kind: "definition"; definition: TermDefinition; aliases: readonly string[] } | { kind: "skeleton"; term: string };

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

/** Lets the user pick one of `record`'s definitions (when several differ) and inserts it. */
export function insertDefinitionOf(app: App, editor: Editor, path: string, record: TermRecord, anchor?: number): void {
	pickDefinition(app, record, distinctDefinitions(record), (definition) =>
		insertEntry(editor, path, { kind: "definition", definition, aliases: aliasesFor(definition, record) }, anchor),
	);
}
