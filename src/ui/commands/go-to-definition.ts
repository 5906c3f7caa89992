/** "Go to term definition": opens the note defining the term under the cursor, at the definition. */
import { Notice, type App, type Editor } from "obsidian";
import { noteName } from "../../core/text";
import type { TermDefinition } from "../../core/types";
import { t } from "../../i18n";
import { openNoteAtLine } from "../../obsidian/open-note";
import { definitionSnippet } from "../definition-pick";
import { PickModal, type PickItem } from "../pick-modal";
import type { CommandIndex } from "./command-index";
import { knownTermAtCursor, selectedName, wordAtCursor } from "./cursor";

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
		note: definitionSnippet(d.definition),
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
