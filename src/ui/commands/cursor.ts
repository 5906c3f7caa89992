/** What the editor commands read at the cursor: the selection, the known term or the word there. */
import type { Editor } from "obsidian";
import { termAt, wordAt } from "../../core/insertion";
import type { CommandIndex } from "./command-index";

const MAX_SEED_CHARS = 80;

/** The selection when it is a short single line. */
export function selectedName(editor: Editor): string | null {
	if (!editor.somethingSelected()) return null;
	const text = editor.getSelection().trim();
	if (text === "" || text.length > MAX_SEED_CHARS || /[\r\n]/.test(text)) return null;
	return text;
}

/** The known term (as the index knows it) under the cursor, looked up on the cursor's line only. */
export function knownTermAtCursor(editor: Editor, index: CommandIndex): string | null {
	const cursor = editor.getCursor();
	const line = editor.getLine(cursor.line);
	return termAt(line, cursor.ch, (name) => index.terms.lookup(name) !== undefined)?.text ?? null;
}

/** The word under the cursor, known term or not. */
export function wordAtCursor(editor: Editor): string | null {
	const cursor = editor.getCursor();
	return wordAt(editor.getLine(cursor.line), cursor.ch)?.text ?? null;
}
