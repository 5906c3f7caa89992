/**
 * Builds the conference panel's tree from a PanelModel with createEl (never HTML strings): the Q&A section
 * (notes → talks → questions, answers rendered on expand) and the glossary section (terms, aliases,
 * definitions with their sources, health warnings). Every row is a treeitem that knows what it stands
 * for, so the view handles clicks and keys with one listener each.
 */
import { highlightRuns, matchRanges, matchSnippet, type SearchQuery } from "../../core/search";
import type { TermDefinition } from "../../core/types";
import type { NoteGroup, PanelModel, QaItem, TalkGroup, TermItem } from "./panel-model";
import { noteName } from "../../core/text";
import { t, tParts, type MessagePart } from "../../i18n";

export type RowInfo =
	| { kind: "section"; key: string; section: "qa" | "glossary" }
	| { kind: "note"; key: string; group: NoteGroup }
	| { kind: "talk"; key: string; note: NoteGroup; group: TalkGroup }
	| { kind: "question"; key: string; item: QaItem }
	| { kind: "answer"; key: string; item: QaItem }
	| { kind: "term"; key: string; term: TermItem }
	| { kind: "definition"; key: string; term: TermItem; definition: TermDefinition }
	| { kind: "warning"; key: string; warning: HealthWarning }
	| { kind: "more"; key: string };

/** A glossary-health warning, ready to show. */
export interface HealthWarning {
	/** The term the warning is about. */
	term: string;
	/**
	 * Marked as jargon (`XYZ*`) without a definition, in `count` places; or `count` different definitions;
	 * or a note (its path in `term`) that could not be read or parsed, for `reason`.
	 */
	kind: "undefined" | "conflict" | "unreadable" | "unparsable";
	count: number;
	/** Why a note could not be read (the error's first line). */
	reason?: string;
	/** Where to go to fix it. */
	path?: string;
	line?: number;
}

/** Writes a warning's sentence into `el`, the term as a span of class `termClass` (Korean puts its particle right after it). */
export function renderWarningText(el: HTMLElement, warning: HealthWarning, termClass: string): void {
	// The term is a value of the message (Korean puts its particle right after it), styled as a span.
	for (const part of warningParts(warning)) {
		if (part.name === "term") el.createSpan({ cls: termClass, text: part.text });
		else el.appendText(part.text);
	}
}

export interface RenderOptions {
	query: SearchQuery | null;
	/** Keys the user expanded. */
	expanded: ReadonlySet<string>;
	/** Keys the user collapsed (for rows that start expanded). */
	collapsed: ReadonlySet<string>;
	/** Settings: answers start expanded. */
	expandAnswers: boolean;
	/** Why the lists may be empty, for the empty states. */
	emptyReason: EmptyReason | null;
	warnings: readonly HealthWarning[];
	/** Renders an answer's Markdown into `el` (the view owns the component). */
	renderMarkdown: (markdown: string, el: HTMLElement, sourcePath: string) => Promise<void>;
	/** Rows shown per talk before a "Show more" row (keeps huge notes fast). */
	pageSize: number;
	/** Talks whose list the user extended with "Show more": key → rows to show. */
	pageLimits: ReadonlyMap<string, number>;
}

export type EmptyReason = "indexing" | "no-notes" | "not-conference-note" | "no-active-note";

const QA_SECTION = "section:qa";
const GLOSSARY_SECTION = "section:glossary";
/** Key of the glossary section's header row. */
export const GLOSSARY_SECTION_KEY = GLOSSARY_SECTION;
/** Key of the glossary's "Show more" row (its page limit lives in `pageLimits` under this key). */
export const GLOSSARY_MORE = "glossary:more";
/**
 * Talks start open when their note shows at most this many questions; a longer note starts as its
 * list of talks. Large vaults stay fast to open: the DOM holds what the user unfolds.
 */
export const AUTO_OPEN_QUESTIONS = 150;
/** The same while searching: the matches are what the user asked to see. */
export const AUTO_OPEN_MATCHES = 300;
/** Terms with more definitions than this start folded. */
export const TERM_OPEN_DEFINITIONS = 3;

/** Appends `text` to `parent`, wrapping query matches in <mark>. */
export function appendHighlighted(parent: HTMLElement, text: string, query: SearchQuery | null): void {
	if (!query) {
		parent.appendText(text);
		return;
	}
	for (const run of highlightRuns(text, matchRanges(text, query))) {
		if (run.match) parent.createEl("mark", { cls: "cqg-panel-match", text: run.text });
		else parent.appendText(run.text);
	}
}

/** Wraps query matches inside already rendered content (an answer's Markdown) in <mark>. */
export function highlightRendered(root: HTMLElement, query: SearchQuery | null): void {
	if (!query) return;
	const doc = root.ownerDocument;
	const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
	const texts: Text[] = [];
	for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
	for (const node of texts) {
		const value = node.nodeValue ?? "";
		const ranges = matchRanges(value, query);
		if (ranges.length === 0 || node.parentElement?.closest("code, pre, mark")) continue;
		const parent = node.parentElement;
		if (!parent) continue;
		for (const run of highlightRuns(value, ranges)) {
			const piece = run.match ? parent.createEl("mark", { cls: "cqg-panel-match", text: run.text }) : doc.createTextNode(run.text);
			parent.insertBefore(piece, node);
		}
		node.remove();
	}
}

function countText(shown: number, total: number, filtered: boolean): string {
	return filtered && shown !== total ? `${shown} / ${total}` : String(total);
}

/** Builds the tree and remembers what each row stands for. */
export class PanelRenderer {
	private rows = new WeakMap<HTMLElement, RowInfo>();
	private byKey = new Map<string, HTMLElement>();

	/** The row element of a key in the current tree. */
	elementFor(key: string): HTMLElement | undefined {
		return this.byKey.get(key);
	}

	/** The key of a row element. */
	keyOf(el: HTMLElement): string | undefined {
		return this.rows.get(el)?.key;
	}

	/** What a row stands for (from any element inside it). */
	rowOf(target: EventTarget | null): { el: HTMLElement; info: RowInfo } | null {
		const el = target instanceof HTMLElement ? target.closest<HTMLElement>(".cqg-panel-row") : null;
		const info = el ? this.rows.get(el) : undefined;
		return el && info ? { el, info } : null;
	}

	/** Renders the whole tree into `body` (emptied first). */
	render(body: HTMLElement, model: PanelModel, options: RenderOptions): void {
		this.rows = new WeakMap();
		this.byKey = new Map();
		body.empty();
		this.renderQa(body, model, options);
		this.renderGlossary(body, model, options);
		const first = body.querySelector<HTMLElement>(".cqg-panel-row");
		if (first) first.tabIndex = 0;
	}

	/** Expanded state of a row key, with its default. */
	isExpanded(key: string, byDefault: boolean, options: RenderOptions): boolean {
		if (options.expanded.has(key)) return true;
		if (options.collapsed.has(key)) return false;
		return byDefault;
	}

	/**
	 * One treeitem. Foldable rows carry aria-expanded (their chevron is drawn by CSS from it); question
	 * rows get a chevron element of their own, since a click on it folds while a click on the text opens.
	 */
	private row(parent: HTMLElement, info: RowInfo, level: number, cls: string, expanded?: boolean): HTMLElement {
		const attr: Record<string, string | number> = { role: "treeitem", "aria-level": level, tabindex: -1 };
		if (expanded !== undefined) attr["aria-expanded"] = expanded ? "true" : "false";
		const el = parent.createDiv({ cls: `cqg-panel-row ${cls}`, attr });
		if (expanded !== undefined && (info.kind === "question" || info.kind === "term")) el.createSpan({ cls: "cqg-panel-chevron", attr: { "aria-hidden": "true" } });
		this.rows.set(el, info);
		this.byKey.set(info.key, el);
		return el;
	}

	private sectionHeader(parent: HTMLElement, key: string, section: "qa" | "glossary", title: string, count: string, expanded: boolean): HTMLElement {
		const container = parent.createDiv({ cls: `cqg-panel-section cqg-panel-section-${section}` });
		const header = this.row(container, { kind: "section", key, section }, 1, "cqg-panel-section-header", expanded);
		header.createSpan({ cls: "cqg-panel-label", text: title });
		header.createSpan({ cls: "cqg-panel-count", text: count });
		return container.createDiv({ cls: "cqg-panel-children", attr: { role: "group" } });
	}

	private renderQa(parent: HTMLElement, model: PanelModel, options: RenderOptions): void {
		const filtered = options.query !== null;
		const open = this.isExpanded(QA_SECTION, true, options);
		const children = this.sectionHeader(parent, QA_SECTION, "qa", t("panel.qaHeading"), countText(model.qaCount, model.qaTotal, filtered), open);
		if (!open) {
			children.remove();
			return;
		}
		if (model.notes.length === 0) {
			this.emptyState(children, qaEmptyText(model, options));
			return;
		}
		// One note (or a search with few results) opens its notes; many notes start as a list of titles.
		const openByDefault = model.notes.length === 1 || (filtered && model.qaCount <= AUTO_OPEN_MATCHES);
		for (const group of model.notes) this.renderNote(children, group, options, openByDefault);
	}

	private renderNote(parent: HTMLElement, group: NoteGroup, options: RenderOptions, openByDefault: boolean): void {
		const filtered = options.query !== null;
		const open = this.isExpanded(group.key, openByDefault, options);
		const row = this.row(parent, { kind: "note", key: group.key, group }, 2, "cqg-panel-note", open);
		row.createSpan({ cls: "cqg-panel-label", text: group.note.title });
		row.createSpan({ cls: "cqg-panel-count", text: countText(group.count, group.total, filtered), attr: { "aria-label": t("panel.questionCount", { count: group.count }) } });
		if (!open) return;
		const children = parent.createDiv({ cls: "cqg-panel-children", attr: { role: "group" } });
		if (group.talks.length === 0) {
			children.createDiv({ cls: "cqg-panel-empty-inline", text: t("panel.noQuestionsInNote") });
			return;
		}
		const talksOpen = group.count <= (options.query ? AUTO_OPEN_MATCHES : AUTO_OPEN_QUESTIONS);
		for (const talk of group.talks) this.renderTalk(children, group, talk, options, talksOpen);
	}

	private renderTalk(parent: HTMLElement, note: NoteGroup, group: TalkGroup, options: RenderOptions, openByDefault: boolean): void {
		const filtered = options.query !== null;
		const open = this.isExpanded(group.key, openByDefault, options);
		const row = this.row(parent, { kind: "talk", key: group.key, note, group }, 3, "cqg-panel-talk", open);
		const label = row.createSpan({ cls: "cqg-panel-label" });
		if (group.talk) {
			appendHighlighted(label, group.talk.title, options.query);
			if (group.talk.speaker) {
				const speaker = label.createSpan({ cls: "cqg-panel-speaker" });
				appendHighlighted(speaker, group.talk.speaker, options.query);
			}
		} else {
			label.setText(t("panel.beforeFirstTalk"));
		}
		row.createSpan({ cls: "cqg-panel-count", text: countText(group.items.length, group.total, filtered) });
		if (!open) return;
		const children = parent.createDiv({ cls: "cqg-panel-children", attr: { role: "group" } });
		if (group.items.length === 0) {
			children.createDiv({ cls: "cqg-panel-empty-inline", text: t("panel.noQuestionsForTalk") });
			return;
		}
		const limit = Math.max(options.pageSize, options.pageLimits.get(group.key) ?? 0);
		const shown = group.items.length > limit ? group.items.slice(0, limit) : group.items;
		for (const item of shown) this.renderQuestion(children, item, options);
		if (shown.length < group.items.length) {
			const more = this.row(children, { kind: "more", key: group.key }, 4, "cqg-panel-more");
			more.setText(t("panel.showMore", { count: Math.min(options.pageSize, group.items.length - shown.length), rest: group.items.length - shown.length }));
		}
	}

	private renderQuestion(parent: HTMLElement, item: QaItem, options: RenderOptions): void {
		const hasAnswer = item.pair.answer.length > 0 || item.pair.answerMarkdown.trim().length > 0;
		const open = hasAnswer && this.isExpanded(item.key, options.expandAnswers, options);
		const row = this.row(parent, { kind: "question", key: item.key, item }, 4, hasAnswer ? "cqg-panel-question" : "cqg-panel-question cqg-panel-unanswered", hasAnswer ? open : undefined);
		// The text goes straight into the row: one element less per question keeps long lists fast.
		appendHighlighted(row, item.pair.question, options.query);
		if (!open) {
			if (hasAnswer && options.query) this.answerSnippet(row, item, options.query);
			return;
		}
		const answer = this.row(parent, { kind: "answer", key: `${item.key}#answer`, item }, 5, "cqg-panel-answer markdown-rendered");
		const query = options.query;
		void options.renderMarkdown(item.pair.answerMarkdown || item.pair.answer, answer, item.note.path).then(() => highlightRendered(answer, query));
	}

	/** Under a question whose folded answer the search hit: the words around the hit, highlighted. */
	private answerSnippet(row: HTMLElement, item: QaItem, query: SearchQuery): void {
		const snippet = matchSnippet(item.pair.answer, query);
		if (!snippet) return;
		const el = row.createDiv({ cls: "cqg-panel-snippet" });
		for (const run of highlightRuns(snippet.text, snippet.ranges)) {
			if (run.match) el.createEl("mark", { cls: "cqg-panel-match", text: run.text });
			else el.appendText(run.text);
		}
	}

	private renderGlossary(parent: HTMLElement, model: PanelModel, options: RenderOptions): void {
		const filtered = options.query !== null;
		const open = this.isExpanded(GLOSSARY_SECTION, true, options);
		const children = this.sectionHeader(parent, GLOSSARY_SECTION, "glossary", t("panel.glossaryHeading"), countText(model.terms.length, model.termTotal, filtered), open);
		if (!open) {
			children.remove();
			return;
		}
		if (options.warnings.length > 0 && !filtered) this.renderWarnings(children, options.warnings);
		if (model.terms.length === 0) {
			this.emptyState(children, glossaryEmptyText(model, options));
			return;
		}
		const limit = Math.max(options.pageSize, options.pageLimits.get(GLOSSARY_MORE) ?? 0);
		const shown = model.terms.length > limit ? model.terms.slice(0, limit) : model.terms;
		for (const term of shown) this.renderTerm(children, term, options);
		if (shown.length < model.terms.length) {
			const rest = model.terms.length - shown.length;
			const more = this.row(children, { kind: "more", key: GLOSSARY_MORE }, 2, "cqg-panel-more");
			more.setText(t("panel.showMoreTerms", { count: Math.min(options.pageSize, rest), rest }));
		}
	}

	private renderWarnings(parent: HTMLElement, warnings: readonly HealthWarning[]): void {
		const box = parent.createDiv({ cls: "cqg-panel-warnings", attr: { role: "group", "aria-label": t("panel.warnings") } });
		for (const warning of warnings) {
			const el = this.row(box, { kind: "warning", key: `warning:${warning.term}:${warning.path ?? ""}:${warning.line ?? 0}`, warning }, 2, "cqg-panel-warning");
			renderWarningText(el, warning, "cqg-panel-warning-term");
		}
	}

	private renderTerm(parent: HTMLElement, term: TermItem, options: RenderOptions): void {
		// A term with many definitions starts folded (its count shows); the others show every definition.
		const foldable = term.definitions.length > TERM_OPEN_DEFINITIONS;
		const open = !foldable || this.isExpanded(term.key, false, options);
		const row = this.row(parent, { kind: "term", key: term.key, term }, 2, "cqg-panel-term", foldable ? open : undefined);
		const name = row.createSpan({ cls: "cqg-panel-term-name" });
		appendHighlighted(name, term.record.term, options.query);
		const aliases = term.record.names.filter((n) => n !== term.record.term);
		if (aliases.length > 0) {
			const aliasEl = row.createSpan({ cls: "cqg-panel-aliases" });
			appendHighlighted(aliasEl, aliases.join(", "), options.query);
		}
		if (foldable || new Set(term.record.definitions.map((d) => d.definition)).size > 1) {
			row.createSpan({ cls: "cqg-panel-badge", text: t("panel.definitionCount", { count: term.definitions.length }) });
		}
		if (!open) return;
		for (const definition of term.definitions) {
			const def = this.row(parent, { kind: "definition", key: `${term.key}#${definition.path}:${definition.line}`, term, definition }, 3, "cqg-panel-definition");
			appendHighlighted(def, definition.definition, options.query);
			def.createSpan({ cls: "cqg-panel-source", text: t("panel.definitionSource", { note: noteName(definition.path), line: definition.line }) });
		}
	}

	private emptyState(parent: HTMLElement, text: { title: string; hint: string }): void {
		const el = parent.createDiv({ cls: "cqg-panel-empty" });
		el.createDiv({ cls: "cqg-panel-empty-title", text: text.title });
		el.createDiv({ cls: "cqg-panel-empty-hint", text: text.hint });
	}
}

function qaEmptyText(model: PanelModel, options: RenderOptions): { title: string; hint: string } {
	switch (options.emptyReason) {
		case "indexing":
			return { title: t("panel.emptyIndexingTitle"), hint: t("panel.emptyIndexingHint") };
		case "no-notes":
			return { title: t("panel.emptyNoNotesTitle"), hint: t("panel.emptyNoNotesHint") };
		case "no-active-note":
			return { title: t("panel.emptyNoActiveTitle"), hint: t("panel.emptyNoActiveHint") };
		case "not-conference-note":
			return { title: t("panel.emptyNotConferenceTitle"), hint: t("panel.emptyNotConferenceHint") };
		default:
			break;
	}
	if (options.query && model.qaTotal > 0) {
		return { title: t("panel.emptyNoMatchTitle", { query: options.query.text.trim() }), hint: t("panel.emptyNoMatchHint") };
	}
	return { title: t("panel.emptyNoQuestionsTitle"), hint: t("panel.emptyNoQuestionsHint") };
}

function glossaryEmptyText(model: PanelModel, options: RenderOptions): { title: string; hint: string } {
	if (options.emptyReason === "indexing") return { title: t("panel.glossaryIndexingTitle"), hint: t("panel.glossaryIndexingHint") };
	if (options.query && model.termTotal > 0) {
		return { title: t("panel.glossaryNoMatchTitle", { query: options.query.text.trim() }), hint: t("panel.emptyNoMatchHint") };
	}
	return { title: t("panel.glossaryEmptyTitle"), hint: t("panel.glossaryEmptyHint") };
}

/** A warning's sentence, as parts (the term or path is styled). */
function warningParts(warning: HealthWarning): MessagePart[] {
	const { term, count } = warning;
	const reason = warning.reason ?? "";
	switch (warning.kind) {
		case "unreadable":
			return tParts("panel.warnUnreadable", { term, reason });
		case "unparsable":
			return tParts("panel.warnUnparsable", { term, reason });
		case "conflict":
			return tParts("panel.warnConflict", { term, count });
		default:
			return tParts(count > 1 ? "panel.warnUndefinedMany" : "panel.warnUndefined", { term, count });
	}
}
