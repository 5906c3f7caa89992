/** "Insert term definition": pick a term of the vault glossary and insert its definition. */
import { Notice, type App, type Editor } from "obsidian";
import { t } from "../../i18n";
import { TermSuggestModal } from "../term-suggest-modal";
import type { CommandIndex } from "./command-index";
import { knownTermAtCursor, selectedName, wordAtCursor } from "./cursor";
import { insertDefinitionOf } from "./insert-entry";

/** Why there is nothing to insert: no term is defined yet, or the vault is still being indexed. */
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
