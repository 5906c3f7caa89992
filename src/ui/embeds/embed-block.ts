/**
 * One ` ```conference-qa ` or ` ```conference-glossary ` block in a rendered note: a MarkdownRenderChild
 * (Obsidian unloads it when the block is re-rendered, edited away or its note closes) that reads its
 * options once, renders from the index, and renders again when the index changes what it shows.
 *
 * Q&A: notes → talks → question, answer (Markdown through `MarkdownRenderer.render`, owned by a child
 * component replaced on every render) and a link to the question's line. Glossary: a table of terms,
 * aliases, definitions and sources, with the glossary-health warnings that concern it. DOM through
 * createEl/setText only; note text never becomes HTML.
 */
import { Component, Keymap, MarkdownRenderChild, MarkdownRenderer, type App } from "obsidian";
import {
	markedTerms,
	notesInScope,
	parseEmbedOptions,
	selectGlossary,
	selectQa,
	type EmbedKind,
	type EmbedOptionError,
	type GlossaryEmbedOptions,
	type NoteRef,
	type QaEmbedOptions,
} from "../../core/embed-options";
import { noteName } from "../../core/text";
import type { NoteRecord, TermDefinition } from "../../core/types";
import type { ConferenceIndex } from "../../obsidian/conference-index";
import { openNoteAtLine } from "../../obsidian/open-note";
import { renderWarningText, type HealthWarning } from "../panel/panel-render";
import { EMBED_TEXT, optionErrorText } from "./embed-text";

export const EMBED_CLASS = "cqg-embed";

/** What a block needs from the plugin (one shared host for every block; see register-embeds.ts). */
export interface EmbedHost {
	readonly app: App;
	readonly index: ConferenceIndex;
	/** Glossary-health warnings known now, for every note (null) or one note. */
	warnings(notePath: string | null): HealthWarning[];
	/** Called when a block loads and unloads, so the host can tell it about changes. */
	attach(block: EmbedBlock): void;
	detach(block: EmbedBlock): void;
}

type Resolved = { path: string | null } | { message: string };

export class EmbedBlock extends MarkdownRenderChild {
	private readonly parsed: { options: QaEmbedOptions | GlossaryEmbedOptions; errors: EmbedOptionError[] };
	/** Owns the Markdown rendered by the last render. */
	private scope: Component | null = null;
	/** What the last render showed (objects compared by identity): an unchanged selection is not redrawn. */
	private shown: unknown[] | null = null;
	private readonly targets = new WeakMap<HTMLElement, { path: string; line: number }>();
	/** Number of renders (tests read it). */
	renders = 0;

	constructor(
		containerEl: HTMLElement,
		readonly kind: EmbedKind,
		source: string,
		readonly sourcePath: string,
		private readonly host: EmbedHost,
	) {
		super(containerEl);
		this.parsed = parseEmbedOptions(kind, source);
	}

	onload(): void {
		this.containerEl.addClass(EMBED_CLASS, `${EMBED_CLASS}-${this.kind}`);
		this.registerDomEvent(this.containerEl, "click", (evt) => this.onClick(evt));
		this.registerDomEvent(this.containerEl, "keydown", (evt) => {
			if (evt.key === "Enter") this.onClick(evt);
		});
		this.host.attach(this);
		this.update();
	}

	onunload(): void {
		this.host.detach(this);
		this.dropScope();
	}

	/** Renders again when what the block shows changed (the index calls this after every change). Never throws. */
	update(): void {
		try {
			this.refresh();
		} catch (error) {
			console.error("Conference Q&A Glossary: could not render a code block", error);
			this.showMessage(EMBED_TEXT.failed);
		}
	}

	private refresh(): void {
		if (this.parsed.errors.length > 0) {
			if (this.shown === null) this.renderErrors(this.parsed.errors);
			this.shown = [];
			return;
		}
		if (this.containerEl.parentElement?.closest(`.${EMBED_CLASS}`)) {
			this.message(EMBED_TEXT.nested);
			this.shown = [];
			return;
		}
		if (this.kind === "qa") this.updateQa(this.parsed.options as QaEmbedOptions);
		else this.updateGlossary(this.parsed.options as GlossaryEmbedOptions);
	}

	// ----- Q&A -----

	private updateQa(options: QaEmbedOptions): void {
		const index = this.host.index;
		const resolved = this.resolve(options.note, (path) => index.note(path) !== undefined);
		if ("message" in resolved) return this.showMessage(resolved.message);
		if (!index.ready && index.notes().length === 0) return this.showMessage(EMBED_TEXT.indexing);
		const selection = selectQa(index.notes(), options, resolved.path);
		const deps: unknown[] = [selection.matched];
		for (const group of selection.notes) for (const talk of group.talks) deps.push(group.note.title, talk.talk, ...talk.pairs);
		if (!this.changed(deps)) return;
		const root = this.startRender();
		if (selection.shown === 0) {
			this.empty(root, EMBED_TEXT.noQa);
			return;
		}
		const scope = this.scope as Component;
		const many = selection.notes.length > 1 || resolved.path === null;
		for (const group of selection.notes) {
			const noteEl = root.createDiv({ cls: "cqg-embed-note" });
			if (many) {
				const title = noteEl.createDiv({ cls: "cqg-embed-note-title" });
				title.createSpan({ text: group.note.title });
				const count = group.talks.reduce((n, t) => n + t.pairs.length, 0);
				title.createSpan({ cls: "cqg-embed-count", text: EMBED_TEXT.questions(count) });
			}
			for (const talk of group.talks) {
				const talkEl = noteEl.createDiv({ cls: "cqg-embed-talk" });
				const heading = talkEl.createDiv({ cls: "cqg-embed-talk-title" });
				if (talk.talk) {
					heading.appendText(talk.talk.title);
					if (talk.talk.speaker) heading.createSpan({ cls: "cqg-embed-speaker", text: talk.talk.speaker });
				} else {
					heading.setText(EMBED_TEXT.beforeFirstTalk);
				}
				for (const pair of talk.pairs) {
					const item = talkEl.createDiv({ cls: "cqg-embed-item" });
					const question = item.createDiv({ cls: "cqg-embed-question" });
					question.createSpan({ cls: "cqg-embed-question-text", text: pair.question });
					this.lineLink(question, group.note, pair.line);
					const markdown = pair.answerMarkdown || pair.answer;
					if (markdown.trim() === "") continue;
					const answer = item.createDiv({ cls: "cqg-embed-answer markdown-rendered" });
					void MarkdownRenderer.render(this.host.app, markdown, answer, group.note.path, scope);
				}
			}
		}
		if (selection.matched > selection.shown) root.createDiv({ cls: "cqg-embed-footer", text: EMBED_TEXT.shownOf(selection.shown, selection.matched) });
	}

	// ----- glossary -----

	private updateGlossary(options: GlossaryEmbedOptions): void {
		const index = this.host.index;
		const resolved = this.resolve(options.note, (path) => index.note(path) !== undefined || index.terms.entriesOf(path).length > 0, true);
		if ("message" in resolved) return this.showMessage(resolved.message);
		if (!index.ready && index.terms.size === 0) return this.showMessage(EMBED_TEXT.indexing);
		const scoped = resolved.path !== null || options.tag !== null;
		const scopeNotes = notesInScope(index.notes(), { notePath: resolved.path, tag: options.tag });
		const paths = scoped ? new Set(scopeNotes.map((n) => n.path)) : null;
		if (paths && resolved.path !== null) paths.add(resolved.path);
		const markedKeys = new Set<string>();
		if (options.terms === "marked") {
			const matcher = index.terms.matcher();
			for (const note of scopeNotes) {
				for (const term of markedTerms(index.text(note.path) ?? "", note.glossary, matcher)) {
					const record = index.terms.lookup(term);
					if (record) markedKeys.add(record.key);
				}
			}
		}
		const items = selectGlossary(index.terms.records(), options, { paths, markedKeys });
		// Warnings about the terms shown, and undefined jargon marked in the notes in scope.
		const everything = paths === null && options.search === null && options.terms === "all";
		const shownNames = new Set(items.flatMap((i) => i.record.names));
		const warnings = this.host
			.warnings(null)
			.filter((w) => everything || shownNames.has(w.term) || (paths !== null && w.path !== undefined && paths.has(w.path) && !index.terms.lookup(w.term)));
		const deps: unknown[] = [warnings.map((w) => `${w.term}\u0000${w.kind}:${w.count}\u0000${w.path ?? ""}:${w.line ?? 0}`).join("\n")];
		for (const item of items) deps.push(item.record, ...item.definitions);
		if (!this.changed(deps)) return;
		const root = this.startRender();
		if (warnings.length > 0) this.renderWarnings(root, warnings);
		if (items.length === 0) {
			this.empty(root, EMBED_TEXT.noTerms);
			return;
		}
		const scope = this.scope as Component;
		const table = root.createEl("table", { cls: "cqg-embed-table" });
		const head = table.createEl("thead").createEl("tr");
		for (const name of [EMBED_TEXT.columns.term, EMBED_TEXT.columns.aliases, EMBED_TEXT.columns.definition, EMBED_TEXT.columns.source]) head.createEl("th", { text: name });
		const body = table.createEl("tbody");
		for (const item of items) {
			const aliases = item.record.names.filter((n) => n !== item.record.term);
			item.definitions.forEach((definition, i) => {
				const row = body.createEl("tr", { cls: "cqg-embed-term", attr: { "data-term": item.record.term } });
				if (i === 0) {
					const span = item.definitions.length;
					row.createEl("td", { cls: "cqg-embed-term-name", text: item.record.term, attr: span > 1 ? { rowspan: span } : {} });
					row.createEl("td", { cls: "cqg-embed-aliases", text: aliases.join(", "), attr: span > 1 ? { rowspan: span } : {} });
				}
				const cell = row.createEl("td", { cls: "cqg-embed-definition markdown-rendered" });
				void MarkdownRenderer.render(this.host.app, definition.definitionMarkdown || definition.definition, cell, definition.path, scope);
				this.sourceLink(row.createEl("td", { cls: "cqg-embed-source" }), definition);
			});
		}
	}

	private renderWarnings(root: HTMLElement, warnings: readonly HealthWarning[]): void {
		const box = root.createDiv({ cls: "cqg-embed-warnings", attr: { role: "group", "aria-label": EMBED_TEXT.warningsLabel } });
		for (const warning of warnings) {
			const el = box.createDiv({ cls: "cqg-embed-warning" });
			renderWarningText(el, warning, "cqg-embed-warning-term");
			if (warning.path !== undefined) this.link(el, warning.path, warning.line ?? 1, EMBED_TEXT.lineIn(noteName(warning.path), warning.line ?? 1));
		}
	}

	// ----- shared pieces -----

	/** The path `note:` names: `this` is the block's note; a link resolves like a wiki link. */
	private resolve(ref: NoteRef | null, indexed: (path: string) => boolean, glossary = false): Resolved {
		if (ref === null) return { path: null };
		if (ref.kind === "this") {
			if (indexed(this.sourcePath)) return { path: this.sourcePath };
			return { message: (glossary ? EMBED_TEXT.noGlossary : EMBED_TEXT.notConference)(noteName(this.sourcePath)) };
		}
		const file = this.host.app.metadataCache.getFirstLinkpathDest(ref.target, this.sourcePath);
		if (!file) return { message: EMBED_TEXT.noteMissing(ref.target) };
		if (!indexed(file.path)) return { message: (glossary ? EMBED_TEXT.noGlossary : EMBED_TEXT.notConference)(noteName(file.path)) };
		return { path: file.path };
	}

	private changed(deps: unknown[]): boolean {
		const before = this.shown;
		this.shown = deps;
		return before === null || before.length !== deps.length || before.some((d, i) => d !== deps[i]);
	}

	private startRender(): HTMLElement {
		this.renders++;
		this.dropScope();
		this.scope = this.addChild(new Component());
		this.containerEl.empty();
		return this.containerEl;
	}

	private dropScope(): void {
		if (this.scope) this.removeChild(this.scope);
		this.scope = null;
	}

	private showMessage(text: string): void {
		if (!this.changed([text])) return;
		this.message(text);
	}

	private message(text: string): void {
		this.empty(this.startRender(), text);
	}

	private empty(root: HTMLElement, text: string): void {
		root.createDiv({ cls: "cqg-embed-empty", text });
	}

	private renderErrors(errors: readonly EmbedOptionError[]): void {
		const root = this.startRender();
		const box = root.createDiv({ cls: "cqg-embed-error", attr: { role: "alert" } });
		box.createDiv({ cls: "cqg-embed-error-title", text: EMBED_TEXT.errorsTitle });
		const list = box.createEl("ul");
		for (const error of errors) list.createEl("li", { text: optionErrorText(error) });
	}

	private lineLink(parent: HTMLElement, note: NoteRecord, line: number): void {
		const text = note.path === this.sourcePath ? EMBED_TEXT.line(line) : EMBED_TEXT.lineIn(noteName(note.path), line);
		this.link(parent, note.path, line, text);
	}

	private sourceLink(parent: HTMLElement, definition: TermDefinition): void {
		this.link(parent, definition.path, definition.line, EMBED_TEXT.lineIn(noteName(definition.path), definition.line));
	}

	private link(parent: HTMLElement, path: string, line: number, text: string): void {
		const a = parent.createEl("a", {
			cls: "cqg-embed-line",
			text,
			attr: { role: "link", tabindex: 0, "aria-label": EMBED_TEXT.openLine(noteName(path), line), "data-path": path, "data-line": line },
		});
		this.targets.set(a, { path, line });
	}

	private onClick(evt: MouseEvent | KeyboardEvent): void {
		const target = evt.target instanceof HTMLElement ? evt.target.closest<HTMLElement>(".cqg-embed-line") : null;
		const where = target ? this.targets.get(target) : undefined;
		if (!where) return;
		evt.preventDefault();
		void openNoteAtLine(this.host.app, where.path, where.line, Keymap.isModEvent(evt));
	}
}
