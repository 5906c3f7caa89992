/**
 * Small pickers: one of several definitions of a term (with where each comes from), or one item of a
 * short list (undefined jargon, an export format). Typing filters with the jamo-aware fuzzy match.
 */
import { SuggestModal, type App } from "obsidian";
import { fuzzyFilter, type FuzzyMatch } from "../core/fuzzy";
import type { TermDefinition, TermRecord } from "../core/types";
import { noteName } from "../core/text";
import { t } from "../i18n";

export interface PickItem<T> {
	value: T;
	/** First line, searchable. */
	title: string;
	/** Second line (a definition, a source), searchable. */
	note?: string;
	/** Small text at the right (a count, a file name). */
	aux?: string;
}

interface Shown<T> {
	item: PickItem<T>;
	match: FuzzyMatch | null;
}

/** Appends `text` to `el`, wrapping the matched ranges in highlight spans. Text only, never HTML. */
export function renderHighlighted(el: HTMLElement, text: string, ranges: readonly [number, number][]): void {
	let at = 0;
	for (const [from, to] of ranges) {
		if (from > at) el.appendText(text.slice(at, from));
		el.createSpan({ cls: "suggestion-highlight", text: text.slice(from, to) });
		at = to;
	}
	if (at < text.length) el.appendText(text.slice(at));
}

/** A one-shot picker over a fixed list. `onChoose` runs once, after the modal has closed. */
export class PickModal<T> extends SuggestModal<Shown<T>> {
	constructor(
		app: App,
		private readonly items: readonly PickItem<T>[],
		private readonly onChoose: (value: T) => void,
		options: { placeholder?: string; emptyText?: string } = {},
	) {
		super(app);
		if (options.placeholder) this.setPlaceholder(options.placeholder);
		if (options.emptyText) this.emptyStateText = options.emptyText;
	}

	getSuggestions(query: string): Shown<T>[] {
		if (query.trim() === "") return this.items.map((item) => ({ item, match: null }));
		return fuzzyFilter(this.items, query.trim(), (item) => [item.title, item.note ?? ""]).map((r) => ({
			item: r.item,
			match: r.textIndex === 0 ? r.match : null,
		}));
	}

	renderSuggestion(shown: Shown<T>, el: HTMLElement): void {
		el.addClass("cqg-pick-item");
		const content = el.createDiv({ cls: "suggestion-content" });
		renderHighlighted(content.createDiv({ cls: "suggestion-title" }), shown.item.title, shown.match?.ranges ?? []);
		if (shown.item.note) content.createDiv({ cls: "suggestion-note", text: shown.item.note });
		if (shown.item.aux) el.createDiv({ cls: "suggestion-aux" }).createSpan({ cls: "cqg-pick-aux", text: shown.item.aux });
	}

	onChooseSuggestion(shown: Shown<T>): void {
		this.onChoose(shown.item.value);
	}
}

const PREVIEW_CHARS = 160;

export function preview(text: string): string {
	const flat = text.replace(/\s+/g, " ").trim();
	return flat.length > PREVIEW_CHARS ? `${flat.slice(0, PREVIEW_CHARS - 1)}…` : flat;
}

/**
 * The definitions worth choosing between: one per distinct text (the same text in two notes is one
 * choice, from the first note).
 */
export function distinctDefinitions(record: TermRecord): TermDefinition[] {
	const seen = new Set<string>();
	const out: TermDefinition[] = [];
	for (const d of record.definitions) {
		const key = d.definition.replace(/\s+/g, " ").trim().toLowerCase();
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
		title: preview(d.definition),
		note: `${d.term}${d.aliases.length > 0 ? ` (${d.aliases.join(", ")})` : ""}`,
		aux: t("pick.definitionAt", { note: noteName(d.path), line: d.line }),
	}));
	new PickModal(app, items, onChoose, { placeholder: t("pick.definitionPlaceholder", { term: record.term }) }).open();
}
