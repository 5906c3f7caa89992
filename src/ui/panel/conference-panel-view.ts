/**
 * The conference panel: an ItemView in the right sidebar with a search box, a "Current note only"
 * switch, and the tree PanelRenderer builds. It follows the index and the active note, opens notes at
 * the line the user picks, and is driven by mouse or keyboard (roving tabindex over the tree's rows).
 */
import {
	Component,
	debounce,
	ItemView,
	Keymap,
	MarkdownRenderer,
	Menu,
	Notice,
	type App,
	type Plugin,
	type WorkspaceLeaf,
	type WorkspaceSidedock,
} from "obsidian";
import { compileQuery, type SearchQuery } from "../../core/search";
import { lookupTerm } from "../../core/term-lookup";
import type { ConferenceIndex } from "../../obsidian/conference-index";
import { openNoteAtLine } from "../../obsidian/open-note";
import type { SettingsStore } from "../../obsidian/settings-store";
import { definitionToMarkdown, noteToMarkdown, qaToMarkdown, talkToMarkdown, termToMarkdown } from "./panel-copy";
import { buildPanelModel, type PanelModel } from "./panel-model";
import { HealthTracker } from "./panel-health";
import { GLOSSARY_MORE, GLOSSARY_SECTION_KEY, PanelRenderer, type EmptyReason, type RowInfo } from "./panel-render";
import { t } from "../../i18n";

/** The view id, saved in users' workspaces: never change it without migrating their leaves. */
export const VIEW_TYPE_CONFERENCE_PANEL = "cqg-conference-panel";
const ICON = "message-square";
const PAGE_SIZE = 200;
const SEARCH_DELAY_MS = 120;

export class ConferencePanelView extends ItemView {
	private readonly renderer = new PanelRenderer();
	/** Owns what MarkdownRenderer attaches to rendered answers; replaced on every render, unloaded on close. */
	private renderScope: Component | null = null;
	private bodyEl!: HTMLElement;
	private searchEl!: HTMLInputElement;
	private currentToggleEl!: HTMLInputElement;
	private currentLabelEl!: HTMLElement;
	private clearEl!: HTMLElement;
	private query: SearchQuery | null = null;
	private readonly expanded = new Set<string>();
	private readonly collapsed = new Set<string>();
	private readonly pageLimits = new Map<string, number>();
	private activePath: string | null = null;
	/** Key of the row that holds the roving tabindex. */
	private focusKey: string | null = null;
	private lastModel: PanelModel | null = null;
	/** Background changes arrived while the panel was hidden: the tree is out of date. */
	private stale = false;
	/** … and one of them was an index change, so glossary health is out of date too. */
	private healthStale = false;
	private renders = 0;
	private readonly searchLater = debounce((text: string) => this.setQuery(text), SEARCH_DELAY_MS, true);
	/** Glossary-health warnings, computed in the background after the index changes. */
	readonly health: HealthTracker;

	constructor(
		leaf: WorkspaceLeaf,
		private readonly index: ConferenceIndex,
		private readonly settings: SettingsStore,
	) {
		super(leaf);
		this.health = new HealthTracker(index, () => this.refresh());
	}

	getViewType(): string {
		return VIEW_TYPE_CONFERENCE_PANEL;
	}

	getDisplayText(): string {
		return t("panel.title");
	}

	getIcon(): string {
		return ICON;
	}

	/** The model of the last render (tests and other views may read it). */
	get model(): PanelModel | null {
		return this.lastModel;
	}

	protected async onOpen(): Promise<void> {
		this.activePath = this.app.workspace.getActiveFile()?.path ?? null;
		this.contentEl.empty();
		this.contentEl.addClass("cqg-panel");
		this.buildToolbar(this.contentEl.createDiv({ cls: "cqg-panel-toolbar" }));
		this.bodyEl = this.contentEl.createDiv({ cls: "cqg-panel-body", attr: { role: "tree", "aria-label": t("panel.treeLabel") } });

		this.registerDomEvent(this.bodyEl, "click", (evt) => this.onClick(evt));
		this.registerDomEvent(this.bodyEl, "keydown", (evt) => this.onKeyDown(evt));
		this.registerDomEvent(this.bodyEl, "contextmenu", (evt) => this.onContextMenu(evt));
		this.registerDomEvent(this.bodyEl, "focusin", (evt) => this.onFocusIn(evt));

		this.registerEvent(this.index.on("changed", () => this.refresh(true)));
		// Changes that arrived while the panel was hidden show when it does (sidebar expanded, tab chosen).
		this.registerEvent(this.app.workspace.on("layout-change", () => this.catchUp()));
		this.registerEvent(this.app.workspace.on("resize", () => this.catchUp()));
		this.registerDomEvent(this.containerEl, "pointerenter", () => this.catchUp());
		this.registerDomEvent(this.containerEl, "focusin", () => this.catchUp());
		this.registerEvent(
			this.app.workspace.on("file-open", (file) => {
				const path = file?.path ?? null;
				if (path === this.activePath) return;
				this.activePath = path;
				if (this.settings.current.currentNoteOnly) this.refresh();
			}),
		);
		this.registerEvent(
			this.settings.on("changed", (keys) => {
				if (keys.includes("currentNoteOnly")) this.currentToggleEl.checked = this.settings.current.currentNoteOnly;
				if (keys.includes("language")) this.relabel();
				if (keys.includes("currentNoteOnly") || keys.includes("expandAnswers") || keys.includes("language")) this.render();
			}),
		);
		const collapse = this.addAction("chevrons-down-up", t("panel.collapseAll"), () => this.collapseAll());
		// A button to assistive technology and the keyboard, whatever element Obsidian draws the action with.
		collapse.setAttrs({ role: "button", tabindex: "0" });
		this.registerDomEvent(collapse, "keydown", (evt) => {
			if (evt.key !== "Enter" && evt.key !== " ") return;
			evt.preventDefault();
			this.collapseAll();
		});
		this.render();
		this.health.refresh();
	}

	onResize(): void {
		this.catchUp();
	}

	/** True when the user can see the panel: its leaf is shown and the sidebar holding it is not collapsed. */
	isVisible(): boolean {
		if (!this.containerEl.isShown()) return false;
		const root = (this.leaf as Partial<Pick<WorkspaceLeaf, "getRoot">>).getRoot?.();
		const { leftSplit, rightSplit } = this.app.workspace;
		return !(root !== undefined && (root === leftSplit || root === rightSplit) && (root as WorkspaceSidedock).collapsed);
	}

	/** How many times the tree was built (tests and the benchmark). */
	get renderCount(): number {
		return this.renders;
	}

	/**
	 * A change from the background (index, glossary health, the open note): rendered now when the panel is
	 * visible, otherwise remembered and rendered once when it shows (`catchUp`). `health`: the index changed,
	 * so the glossary health needs another pass too.
	 */
	private refresh(health = false): void {
		if (!this.bodyEl) return;
		if (!this.isVisible()) {
			this.stale = true;
			this.healthStale ||= health;
			return;
		}
		this.render();
		if (health) this.health.refresh();
	}

	/** Renders what changed while the panel was hidden, once it can be seen. */
	private catchUp(): void {
		if (!this.stale || !this.isVisible()) return;
		const health = this.healthStale;
		this.healthStale = false;
		this.render();
		if (health) this.health.refresh();
	}

	protected async onClose(): Promise<void> {
		this.health.stop();
		this.searchLater.cancel();
		this.dropRenderScope();
	}

	/** Filters the panel by `text` (case-insensitive, NFC, spacing ignored). */
	setQuery(text: string): void {
		this.searchLater.cancel();
		if (this.searchEl.value !== text) this.searchEl.value = text;
		this.searchEl.parentElement?.toggleClass("has-query", text.length > 0);
		const query = compileQuery(text);
		if (query?.key === this.query?.key) return;
		this.query = query;
		this.render();
	}

	/**
	 * Shows the glossary at the term `name` stands for (looked up as hovers do: any case or spacing, an
	 * alias, a Korean particle after it): the glossary opens and the term's row is focused and scrolled
	 * into view. Without the term in the unfiltered list (current note only, a long list), the search
	 * narrows to it. False, with the search set to `name`, when no term has that name.
	 */
	showTerm(name: string): boolean {
		const record = lookupTerm(this.index.terms, name);
		if (!record) {
			this.setQuery(name);
			return false;
		}
		this.collapsed.delete(GLOSSARY_SECTION_KEY);
		this.setQuery("");
		this.render();
		let row = this.renderer.elementFor(record.key);
		if (!row) {
			this.setQuery(record.term);
			row = this.renderer.elementFor(record.key);
		}
		if (!row) return false;
		this.focusRow(row);
		row.scrollIntoView({ block: "center" });
		return true;
	}

	/** Rebuilds the tree from the index, keeping expansion, focus and scroll position. */
	render(): void {
		if (!this.bodyEl) return;
		this.stale = false;
		this.renders++;
		const current = this.settings.current;
		const notePath = current.currentNoteOnly ? this.activePath : null;
		const notes = this.index.notes();
		let model: PanelModel;
		if (current.currentNoteOnly && (notePath === null || !this.index.note(notePath))) {
			// No conference note is showing: the counts say 0, not the vault's totals.
			model = buildPanelModel([], [], { query: this.query, notePath });
		} else {
			model = buildPanelModel(notes, this.index.terms.records(), { query: this.query, notePath });
		}
		this.lastModel = model;

		const hadFocus = this.bodyEl.contains(this.bodyEl.ownerDocument.activeElement);
		const scrollTop = this.bodyEl.scrollTop;
		this.dropRenderScope();
		const scope = new Component();
		this.renderScope = this.addChild(scope);
		this.renderer.render(this.bodyEl, model, {
			query: this.query,
			expanded: this.expanded,
			collapsed: this.collapsed,
			expandAnswers: current.expandAnswers,
			emptyReason: this.emptyReason(notePath),
			warnings: this.health.warnings(notePath),
			renderMarkdown: (markdown, el, sourcePath) => MarkdownRenderer.render(this.app, markdown, el, sourcePath, scope),
			pageSize: PAGE_SIZE,
			pageLimits: this.pageLimits,
		});
		this.bodyEl.scrollTop = scrollTop;
		this.restoreFocus(hadFocus);
	}

	private emptyReason(notePath: string | null): EmptyReason | null {
		const current = this.settings.current;
		if (!this.index.ready && this.index.notes().length === 0) return "indexing";
		if (current.currentNoteOnly) {
			if (notePath === null) return "no-active-note";
			if (!this.index.note(notePath)) return "not-conference-note";
		}
		if (this.index.notes().length === 0) return "no-notes";
		return null;
	}

	private buildToolbar(toolbar: HTMLElement): void {
		const search = toolbar.createDiv({ cls: "search-input-container cqg-panel-search" });
		this.searchEl = search.createEl("input", {
			type: "search",
			placeholder: t("panel.searchPlaceholder"),
			attr: { "aria-label": t("panel.searchLabel"), spellcheck: "false", enterkeyhint: "search" },
		});
		const clear = search.createDiv({ cls: "search-input-clear-button", attr: { "aria-label": t("panel.clearSearch"), role: "button", tabindex: "0" } });
		this.clearEl = clear;
		this.registerDomEvent(clear, "click", () => {
			this.setQuery("");
			this.searchEl.focus();
		});
		this.registerDomEvent(clear, "keydown", (evt) => {
			if (evt.key !== "Enter" && evt.key !== " ") return;
			evt.preventDefault();
			clear.click();
		});
		this.registerDomEvent(this.searchEl, "input", () => {
			search.toggleClass("has-query", this.searchEl.value.length > 0);
			this.searchLater(this.searchEl.value);
		});
		this.registerDomEvent(this.searchEl, "keydown", (evt) => {
			if (evt.key === "Escape" && this.searchEl.value !== "") {
				evt.preventDefault();
				this.setQuery("");
			} else if (evt.key === "ArrowDown" || evt.key === "Enter") {
				evt.preventDefault();
				this.setQuery(this.searchEl.value);
				this.focusRow(this.rows()[0]);
			}
		});

		const label = toolbar.createEl("label", { cls: "cqg-panel-current" });
		this.currentToggleEl = label.createEl("input", { type: "checkbox" });
		this.currentToggleEl.checked = this.settings.current.currentNoteOnly;
		this.currentLabelEl = label.createSpan({ text: t("panel.currentNoteOnly") });
		this.registerDomEvent(this.currentToggleEl, "change", () => {
			void this.settings.update({ currentNoteOnly: this.currentToggleEl.checked });
		});
	}

	/** Shows the toolbar's texts in the current language (after the language setting changed). */
	private relabel(): void {
		this.searchEl.placeholder = t("panel.searchPlaceholder");
		this.searchEl.setAttr("aria-label", t("panel.searchLabel"));
		this.clearEl.setAttr("aria-label", t("panel.clearSearch"));
		this.currentLabelEl.setText(t("panel.currentNoteOnly"));
		this.bodyEl.setAttr("aria-label", t("panel.treeLabel"));
	}

	private dropRenderScope(): void {
		if (this.renderScope) this.removeChild(this.renderScope);
		this.renderScope = null;
	}

	// ----- rows and focus -----

	private rows(): HTMLElement[] {
		return Array.from(this.bodyEl.querySelectorAll<HTMLElement>(".cqg-panel-row"));
	}

	private focusRow(row: HTMLElement | undefined): void {
		if (!row) return;
		for (const el of this.bodyEl.querySelectorAll<HTMLElement>('.cqg-panel-row[tabindex="0"]')) el.tabIndex = -1;
		row.tabIndex = 0;
		row.focus();
		this.focusKey = this.renderer.keyOf(row) ?? null;
	}

	private restoreFocus(hadFocus: boolean): void {
		if (this.focusKey === null) return;
		const row = this.renderer.elementFor(this.focusKey);
		if (!row) return;
		for (const el of this.bodyEl.querySelectorAll<HTMLElement>('.cqg-panel-row[tabindex="0"]')) el.tabIndex = -1;
		row.tabIndex = 0;
		if (hadFocus) row.focus();
	}

	private onFocusIn(evt: FocusEvent): void {
		const hit = this.renderer.rowOf(evt.target);
		if (hit && hit.el.tabIndex !== 0) this.focusRow(hit.el);
		else if (hit) this.focusKey = hit.info.key;
	}

	// ----- expanding -----

	private setExpanded(key: string, open: boolean): void {
		if (open) {
			this.collapsed.delete(key);
			this.expanded.add(key);
		} else {
			this.expanded.delete(key);
			this.collapsed.add(key);
		}
	}

	private toggle(row: HTMLElement, open?: boolean): void {
		const key = this.renderer.keyOf(row);
		const state = row.getAttribute("aria-expanded");
		if (key === undefined || state === null) return;
		const next = open ?? state !== "true";
		if (next === (state === "true")) return;
		this.setExpanded(key, next);
		this.focusKey = key;
		this.render();
	}

	private collapseAll(): void {
		for (const row of this.rows()) {
			const info = this.renderer.rowOf(row)?.info;
			if (info && info.kind !== "section" && row.getAttribute("aria-expanded") === "true") this.setExpanded(info.key, false);
		}
		this.render();
	}

	private showMore(key: string): void {
		const shown = Math.max(PAGE_SIZE, this.pageLimits.get(key) ?? 0);
		this.pageLimits.set(key, shown + PAGE_SIZE);
		// Keep the keyboard where the new rows begin.
		const next =
			key === GLOSSARY_MORE
				? this.lastModel?.terms[shown]?.key
				: this.lastModel?.notes.flatMap((n) => n.talks).find((t) => t.key === key)?.items[shown]?.key;
		if (next) this.focusKey = next;
		this.render();
	}

	// ----- acting on rows -----

	private onClick(evt: MouseEvent): void {
		const hit = this.renderer.rowOf(evt.target);
		if (!hit) return;
		const { el, info } = hit;
		this.focusRow(el);
		const target = evt.target as HTMLElement;
		if (target.closest(".cqg-panel-chevron")) {
			this.toggle(el);
			return;
		}
		if (info.kind === "answer") {
			const link = target.closest("a");
			if (link) {
				this.followLink(link, info.item.note.path, evt);
				return;
			}
		}
		this.activate(el, info, evt);
	}

	/** Enter or click: open the line a row stands for, or fold a heading row. */
	private activate(el: HTMLElement, info: RowInfo, evt: MouseEvent | KeyboardEvent): void {
		switch (info.kind) {
			case "section":
			case "note":
			case "talk":
				this.toggle(el);
				return;
			case "more":
				this.showMore(info.key);
				return;
			case "question":
				void this.openAt(info.item.note.path, info.item.pair.line, evt);
				return;
			case "answer":
				void this.openAt(info.item.note.path, info.item.pair.answerLine, evt);
				return;
			case "term": {
				const first = info.term.definitions[0];
				if (first) void this.openAt(first.path, first.line, evt);
				return;
			}
			case "definition":
				void this.openAt(info.definition.path, info.definition.line, evt);
				return;
			case "warning":
				if (info.warning.path !== undefined) void this.openAt(info.warning.path, info.warning.line ?? 1, evt);
				return;
		}
	}

	/** Internal links inside a rendered answer open like links in a note; other links keep their default. */
	private followLink(link: HTMLAnchorElement, sourcePath: string, evt: MouseEvent): void {
		if (!link.hasClass("internal-link")) return;
		evt.preventDefault();
		const target = link.getAttr("data-href") ?? link.getAttr("href");
		if (target) void this.app.workspace.openLinkText(target, sourcePath, Keymap.isModEvent(evt));
	}

	/** Opens `path` at 1-based `line` (a new tab with Ctrl/Cmd); see `openNoteAtLine`. */
	async openAt(path: string, line: number, evt?: MouseEvent | KeyboardEvent): Promise<void> {
		await openNoteAtLine(this.app, path, line, Keymap.isModEvent(evt));
	}

	private onKeyDown(evt: KeyboardEvent): void {
		const hit = this.renderer.rowOf(evt.target);
		if (!hit) return;
		const { el, info } = hit;
		const rows = this.rows();
		const at = rows.indexOf(el);
		const expanded = el.getAttribute("aria-expanded");
		switch (evt.key) {
			case "ArrowDown":
				this.focusRow(rows[at + 1]);
				break;
			case "ArrowUp":
				if (at === 0) this.searchEl.focus();
				else this.focusRow(rows[at - 1]);
				break;
			case "Home":
				this.focusRow(rows[0]);
				break;
			case "End":
				this.focusRow(rows[rows.length - 1]);
				break;
			case "ArrowRight":
				if (expanded === "false") this.toggle(el, true);
				else if (expanded === "true") this.focusRow(rows[at + 1]);
				break;
			case "ArrowLeft":
				if (expanded === "true") this.toggle(el, false);
				else this.focusRow(this.parentRow(rows, at));
				break;
			case "Enter":
				this.activate(el, info, evt);
				break;
			case " ":
				if (expanded !== null) this.toggle(el);
				else this.activate(el, info, evt);
				break;
			case "ContextMenu":
				this.showMenu(info, el, null);
				break;
			case "F10":
				if (!evt.shiftKey) return;
				this.showMenu(info, el, null);
				break;
			default:
				return;
		}
		evt.preventDefault();
	}

	private parentRow(rows: HTMLElement[], at: number): HTMLElement | undefined {
		const level = Number(rows[at]?.getAttribute("aria-level") ?? 1);
		for (let i = at - 1; i >= 0; i--) if (Number(rows[i].getAttribute("aria-level")) < level) return rows[i];
		return undefined;
	}

	// ----- context menu -----

	private onContextMenu(evt: MouseEvent): void {
		const hit = this.renderer.rowOf(evt.target);
		if (!hit) return;
		evt.preventDefault();
		this.focusRow(hit.el);
		this.showMenu(hit.info, hit.el, evt);
	}

	private showMenu(info: RowInfo, el: HTMLElement, evt: MouseEvent | null): void {
		const menu = new Menu();
		const copy = (title: string, markdown: () => string) =>
			menu.addItem((item) => item.setTitle(title).setIcon("copy").onClick(() => void this.copy(markdown())));
		const open = (title: string, path: string, line: number) =>
			menu.addItem((item) => item.setTitle(title).setIcon("file-symlink").onClick(() => void this.openAt(path, line, new MouseEvent("click", { ctrlKey: true }))));
		switch (info.kind) {
			case "question":
			case "answer":
				copy(t("menu.copyQa"), () => qaToMarkdown(info.item.pair));
				copy(t("menu.copyQuestion"), () => info.item.pair.question);
				open(t("menu.openInNewTab"), info.item.note.path, info.kind === "answer" ? info.item.pair.answerLine : info.item.pair.line);
				break;
			case "talk":
				copy(t("menu.copyTalk"), () => talkToMarkdown(info.note.note, info.group.talk));
				if (info.group.talk) open(t("menu.openInNewTab"), info.note.note.path, info.group.talk.line);
				break;
			case "note":
				copy(t("menu.copyNote"), () => noteToMarkdown(info.group.note));
				open(t("menu.openInNewTab"), info.group.note.path, 1);
				break;
			case "term":
				copy(t("menu.copyEntry"), () => termToMarkdown(info.term.definitions));
				if (info.term.definitions[0]) open(t("menu.openInNewTab"), info.term.definitions[0].path, info.term.definitions[0].line);
				break;
			case "definition":
				copy(t("menu.copyEntry"), () => definitionToMarkdown(info.definition));
				open(t("menu.openInNewTab"), info.definition.path, info.definition.line);
				break;
			default:
				return;
		}
		if (evt) menu.showAtMouseEvent(evt);
		else {
			const rect = el.getBoundingClientRect();
			menu.showAtPosition({ x: rect.left, y: rect.bottom });
		}
	}

	private async copy(markdown: string): Promise<void> {
		try {
			await navigator.clipboard.writeText(markdown);
			new Notice(t("notice.copied"));
		} catch {
			new Notice(t("notice.copyFailed"));
		}
	}
}

/**
 * Shows a leaf, expanding its sidebar. `Workspace.revealLeaf` is in the API long before 1.5 and is what
 * Obsidian's docs use for this; its typings carry `@since 1.7.2` because 1.7.2 made it return a promise
 * (it loads deferred views). So it is looked up and awaited either way, with focusing the leaf as the
 * fallback should it ever be missing.
 */
async function revealLeaf(app: App, leaf: WorkspaceLeaf): Promise<void> {
	const workspace = app.workspace as unknown as { revealLeaf?: (leaf: WorkspaceLeaf) => Promise<void> | void };
	if (typeof workspace.revealLeaf === "function") await workspace.revealLeaf(leaf);
	else app.workspace.setActiveLeaf(leaf, { focus: true });
}

/** Reveals the panel, creating it in the right sidebar the first time. */
export async function openConferencePanel(app: App): Promise<void> {
	const existing = app.workspace.getLeavesOfType(VIEW_TYPE_CONFERENCE_PANEL)[0];
	if (existing) {
		await revealLeaf(app, existing);
		return;
	}
	const leaf = app.workspace.getRightLeaf(false);
	if (!leaf) return;
	await leaf.setViewState({ type: VIEW_TYPE_CONFERENCE_PANEL, active: true });
	await revealLeaf(app, leaf);
}

/** Registers the panel's view, ribbon icon and "Open conference panel" command. */
export function registerConferencePanel(plugin: Plugin, index: ConferenceIndex, settings: SettingsStore): void {
	plugin.registerView(VIEW_TYPE_CONFERENCE_PANEL, (leaf) => new ConferencePanelView(leaf, index, settings));
	plugin.addRibbonIcon(ICON, t("ribbon.openPanel"), () => void openConferencePanel(plugin.app));
	plugin.addCommand({ id: "open-panel", name: t("command.openPanel"), callback: () => void openConferencePanel(plugin.app) });
}
