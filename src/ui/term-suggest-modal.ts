/**
 * "Insert term definition": every term and alias of the vault glossary, filtered as the user types Korean
 * or English (jamo-aware: `ㅋㅍ`, `컴플`, `ctr`), each shown with its first definition and where it comes
 * from. The term under the cursor (or the selection) is typed in for the user, so it is already first.
 */
import { SuggestModal, type App } from "obsidian";
import { fuzzyFilter, prepareTarget, type FuzzyMatch, type PreparedTarget } from "../core/fuzzy";
import type { TermRecord } from "../core/types";
import { definitionSnippet } from "./definition-pick";
import { renderHighlighted } from "./pick-modal";
import { noteName } from "../core/text";
import { t } from "../i18n";

export interface TermSuggestion {
	record: TermRecord;
	/** The name that matched best (the term or one of its aliases). */
	name: string;
	match: FuzzyMatch | null;
}

interface Candidate {
	record: TermRecord;
	targets: PreparedTarget[];
}

export interface TermSuggestOptions {
	/** Typed into the input on open: the term under the cursor or the selection. */
	seed?: string;
	onChoose: (record: TermRecord) => void;
}

export class TermSuggestModal extends SuggestModal<TermSuggestion> {
	private readonly candidates: Candidate[];

	constructor(
		app: App,
		records: readonly TermRecord[],
		private readonly options: TermSuggestOptions,
	) {
		super(app);
		this.candidates = records.map((record) => ({ record, targets: record.names.map(prepareTarget) }));
		this.limit = 200;
		this.emptyStateText = t("suggest.empty");
		this.setPlaceholder(t("suggest.placeholder"));
		this.setInstructions([
			{ command: "↑↓", purpose: t("suggest.navigate") },
			{ command: "↵", purpose: t("suggest.insert") },
			{ command: "esc", purpose: t("suggest.dismiss") },
		]);
	}

	open(): void {
		super.open();
		const seed = this.options.seed?.trim();
		if (seed) {
			this.inputEl.value = seed;
			this.inputEl.select();
			this.inputEl.dispatchEvent(new Event("input"));
		}
	}

	getSuggestions(query: string): TermSuggestion[] {
		const q = query.trim();
		if (q === "") return this.candidates.map(({ record }) => ({ record, name: record.term, match: null }));
		return fuzzyFilter(this.candidates, q, (c) => c.targets).map((r) => ({
			record: r.item.record,
			name: r.item.record.names[r.textIndex] ?? r.item.record.term,
			match: r.match,
		}));
	}

	renderSuggestion(suggestion: TermSuggestion, el: HTMLElement): void {
		const { record, name, match } = suggestion;
		el.addClass("cqg-term-suggestion");
		const content = el.createDiv({ cls: "suggestion-content" });
		const title = content.createDiv({ cls: "suggestion-title" });
		renderHighlighted(title, name, match?.ranges ?? []);
		if (name !== record.term) title.createSpan({ cls: "cqg-term-suggestion-canonical", text: ` → ${record.term}` });
		const others = record.names.filter((n) => n !== name && n !== record.term);
		if (others.length > 0) title.createSpan({ cls: "cqg-term-suggestion-aliases", text: ` (${others.join(", ")})` });
		const first = record.definitions[0];
		if (first) content.createDiv({ cls: "suggestion-note", text: definitionSnippet(first.definition) });
		const aux = el.createDiv({ cls: "suggestion-aux" });
		const sources = new Set(record.definitions.map((d) => d.path));
		const where = first ? noteName(first.path) : "";
		const more = record.definitions.length > 1 ? ` · ${t("suggest.definitions", { count: record.definitions.length })}` : "";
		aux.createSpan({ cls: "cqg-term-suggestion-source", text: `${where}${sources.size > 1 ? ` +${sources.size - 1}` : ""}${more}` });
	}

	onChooseSuggestion(suggestion: TermSuggestion): void {
		this.options.onChoose(suggestion.record);
	}
}
