/**
 * A small picker over a short fixed list (a term's definitions, undefined jargon, an export format): a
 * title, an optional second line and a note at the right per item. Typing filters with the jamo-aware
 * fuzzy match and highlights what matched.
 */
import { SuggestModal, type App } from "obsidian";
import { fuzzyFilter, type FuzzyMatch } from "../core/fuzzy";

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
