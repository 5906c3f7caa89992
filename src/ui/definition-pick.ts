/**
 * Choosing one of a term's definitions (with where each comes from), and the one-line snippet the pickers
 * show of a definition.
 */
import type { App } from "obsidian";
import { collapseWhitespace, ellipsize, noteName } from "../core/text";
import type { TermDefinition, TermRecord } from "../core/types";
import { t } from "../i18n";
import { PickModal, type PickItem } from "./pick-modal";

const SNIPPET_CHARS = 160;

/** A definition (or any text) on one line, cut to 160 characters: what a picker row shows of it. */
export function definitionSnippet(text: string): string {
	return ellipsize(collapseWhitespace(text), SNIPPET_CHARS);
}

/**
 * The definitions worth choosing between: one per distinct text (the same text in two notes is one
 * choice, from the first note).
 */
export function distinctDefinitions(record: TermRecord): TermDefinition[] {
	const seen = new Set<string>();
	const out: TermDefinition[] = [];
	for (const d of record.definitions) {
		const key = collapseWhitespace(d.definition).toLowerCase();
		if (seen.has(key)) continue;
		seen.add(key);
		out.push(d);
	}
	return out;
}

/** Picks one definition of `record`: at once when there is one, else through a modal. */
export function pickDefinition(app: App, record: TermRecord, definitions: readonly TermDefinition[], onChoose: (definition: TermDefinition) => void): void {
	if (definitions.length === 0) return;
	if (definitions.length === 1) {
		onChoose(definitions[0]);
		return;
	}
	const items: PickItem<TermDefinition>[] = definitions.map((d) => ({
		value: d,
		title: definitionSnippet(d.definition),
		note: `${d.term}${d.aliases.length > 0 ? ` (${d.aliases.join(", ")})` : ""}`,
		aux: t("pick.definitionAt", { note: noteName(d.path), line: d.line }),
	}));
	new PickModal(app, items, onChoose, { placeholder: t("pick.definitionPlaceholder", { term: record.term }) }).open();
}
