/**
 * The browser Workspace: a main area with tabs and two sidebars, laid out in real DOM with Obsidian's
 * class names. Leaves come from the test stub (WorkspaceLeaf: view lifecycle, ephemeral state); here
 * they live in the page, a leaf that opens a file shows a real MarkdownView, and focus inside a leaf
 * makes it the active leaf. `onLayoutReady` callbacks wait for `triggerLayoutReady`, as in Obsidian,
 * where plugins load before the layout is ready.
 */
import { Events } from "../../stubs/obsidian/component";
import { WorkspaceLeaf, type OpenViewState, type PaneType, type View, type ViewState, type WorkspaceSide } from "../../stubs/obsidian/views";
import type { Workspace as StubWorkspace } from "../../stubs/obsidian/workspace";
import type { TFile } from "../../stubs/obsidian/vault";
import type { HostApp } from "./app";
import { MarkdownView, VIEW_TYPE_MARKDOWN } from "./markdown-view";
import { setIcon } from "./ui";

export type ViewCreator = (leaf: WorkspaceLeaf) => View;

/** A leaf in the page. Opening a file turns it into a MarkdownView showing that file. */
export class HostLeaf extends WorkspaceLeaf {
	readonly tabHeaderEl: HTMLElement;

	constructor(
		private readonly host: HostWorkspace,
		side: WorkspaceSide,
	) {
		// The stub leaf talks to its workspace through the methods HostWorkspace implements.
		super(host as unknown as StubWorkspace, side);
		this.tabHeaderEl = createDiv({ cls: "workspace-tab-header", attr: { role: "tab" } });
		this.tabHeaderEl.createDiv({ cls: "workspace-tab-header-inner-title", text: "New tab" });
		this.tabHeaderEl.addEventListener("click", () => host.setActiveLeaf(this, { focus: true }));
		this.containerEl.addEventListener("focusin", () => host.setActiveLeaf(this, { focus: false }));
		this.containerEl.addEventListener("pointerdown", () => host.setActiveLeaf(this, { focus: false }));
	}

	async setViewState(viewState: ViewState, eState?: unknown): Promise<void> {
		await super.setViewState(viewState, eState);
		this.refreshHeader();
	}

	async openFile(file: TFile, openState?: OpenViewState): Promise<void> {
		if (!(this.view instanceof MarkdownView)) await super.setViewState({ type: VIEW_TYPE_MARKDOWN });
		const view = this.view as MarkdownView;
		await view.loadFile(file);
		const mode = openState?.state?.mode;
		if (mode === "preview") view.setMode("preview");
		else if (mode === "source") view.setMode(view.livePreview ? "live" : "source");
		await super.openFile(file, openState);
		this.refreshHeader();
		// `active: true` makes the note the active leaf with focus in its editor, as in Obsidian.
		if (openState?.active && this.side === "main" && view.getMode() === "source") view.editor.focus();
		// On a phone or tablet a note opened from a drawer (the panel, the file list) closes the drawers.
		if (this.side === "main" && document.body.hasClass("is-mobile")) {
			this.host.toggleSide("left", false);
			this.host.toggleSide("right", false);
		}
	}

	detach(): void {
		super.detach();
		this.containerEl.remove();
		this.tabHeaderEl.remove();
		this.host.showSomeLeaf(this.side);
	}

	refreshHeader(): void {
		const title = this.tabHeaderEl.querySelector(".workspace-tab-header-inner-title");
		title?.setText(this.getDisplayText());
		for (const action of Array.from(this.containerEl.querySelectorAll<HTMLElement>(".view-action[data-icon], .clickable-icon[data-icon]"))) {
			if (!action.querySelector("svg")) setIcon(action, action.getAttr("data-icon") ?? "");
		}
	}
}

interface Side {
	el: HTMLElement;
	headersEl: HTMLElement;
	leavesEl: HTMLElement;
}

export class HostWorkspace extends Events {
	layoutReady = false;
	activeLeaf: HostLeaf | null = null;
	readonly containerEl: HTMLElement;
	readonly ribbonEl: HTMLElement;
	readonly leftSplit: HTMLElement;
	readonly rootSplit: HTMLElement;
	readonly rightSplit: HTMLElement;
	/** Everything plugins asked to open, in order (as the stub records it). */
	readonly opened: { leaf: WorkspaceLeaf; file: TFile; openState: OpenViewState | undefined }[] = [];
	private readonly leaves: HostLeaf[] = [];
	private readonly creators = new Map<string, ViewCreator>();
	private readyCallbacks: (() => unknown)[] = [];
	private lastMainLeaf: HostLeaf | null = null;
	private readonly sides: Record<WorkspaceSide, Side>;

	constructor(readonly app: HostApp) {
		super();
		this.containerEl = createDiv({ cls: "workspace" });
		this.ribbonEl = this.containerEl.createDiv({ cls: "workspace-ribbon side-dock-ribbon mod-left" });
		this.leftSplit = this.containerEl.createDiv({ cls: "workspace-split mod-horizontal mod-sidedock mod-left-split" });
		this.rootSplit = this.containerEl.createDiv({ cls: "workspace-split mod-vertical mod-root" });
		this.rightSplit = this.containerEl.createDiv({ cls: "workspace-split mod-horizontal mod-sidedock mod-right-split" });
		const side = (el: HTMLElement): Side => {
			const tabs = el.createDiv({ cls: "workspace-tabs" });
			const headersEl = tabs.createDiv({ cls: "workspace-tab-header-container" });
			const leavesEl = tabs.createDiv({ cls: "workspace-tab-container" });
			return { el, headersEl, leavesEl };
		};
		this.sides = { left: side(this.leftSplit), main: side(this.rootSplit), right: side(this.rightSplit) };
		this.registerViewType(VIEW_TYPE_MARKDOWN, (leaf) => new MarkdownView(leaf));
	}

	// ----- layout -----

	onLayoutReady(callback: () => unknown): void {
		if (this.layoutReady) callback();
		else this.readyCallbacks.push(callback);
	}

	/** The host finished loading plugins and the layout: run the waiting callbacks. */
	triggerLayoutReady(): void {
		if (this.layoutReady) return;
		this.layoutReady = true;
		for (const cb of this.readyCallbacks.splice(0)) cb();
		this.trigger("layout-change");
	}

	/** Obsidian re-applies editor extensions to open editors when plugins call this. */
	updateOptions(): void {
		for (const leaf of this.leaves) if (leaf.view instanceof MarkdownView) leaf.view.reconfigure();
	}

	// ----- view types -----

	registerViewType(type: string, creator: ViewCreator): void {
		if (this.creators.has(type)) throw new Error(`Attempting to register an existing view type "${type}"`);
		this.creators.set(type, creator);
	}

	/** A plugin unloading takes its views with it: their leaves close, as when a plugin is disabled in Obsidian. */
	unregisterViewType(type: string): void {
		this.creators.delete(type);
		this.detachLeavesOfType(type);
	}

	viewCreator(type: string): ViewCreator | undefined {
		return this.creators.get(type);
	}

	// ----- leaves -----

	getLeaf(newLeaf?: PaneType | boolean): HostLeaf {
		if (!newLeaf) {
			const recent = this.lastMainLeaf && this.leaves.includes(this.lastMainLeaf) ? this.lastMainLeaf : this.leaves.find((l) => l.side === "main");
			if (recent && !recent.pinned) return recent;
		}
		return this.createLeaf("main");
	}

	getRightLeaf(_split: boolean): HostLeaf {
		return this.createLeaf("right");
	}

	getLeftLeaf(_split: boolean): HostLeaf {
		return this.createLeaf("left");
	}

	getLeavesOfType(viewType: string): HostLeaf[] {
		return this.leaves.filter((l) => l.view.getViewType() === viewType);
	}

	detachLeavesOfType(viewType: string): void {
		for (const leaf of this.getLeavesOfType(viewType)) leaf.detach();
	}

	iterateAllLeaves(callback: (leaf: WorkspaceLeaf) => unknown): void {
		for (const leaf of [...this.leaves]) callback(leaf);
	}

	iterateRootLeaves(callback: (leaf: WorkspaceLeaf) => unknown): void {
		for (const leaf of this.leaves.filter((l) => l.side === "main")) callback(leaf);
	}

	async revealLeaf(leaf: WorkspaceLeaf): Promise<void> {
		const host = leaf as HostLeaf;
		this.show(host);
		this.setActiveLeaf(host, { focus: true });
		return Promise.resolve();
	}

	setActiveLeaf(leaf: WorkspaceLeaf, _params?: { focus?: boolean }): void {
		const host = leaf as HostLeaf;
		if (!this.leaves.includes(host)) return;
		this.show(host);
		if (this.activeLeaf === host) return;
		this.activeLeaf?.containerEl.removeClass("mod-active");
		this.activeLeaf = host;
		host.containerEl.addClass("mod-active");
		if (host.side === "main") this.lastMainLeaf = host;
		this.trigger("active-leaf-change", host);
	}

	getActiveFile(): TFile | null {
		const leaf = this.lastMainLeaf && this.leaves.includes(this.lastMainLeaf) ? this.lastMainLeaf : null;
		return leaf?.view instanceof MarkdownView ? leaf.view.file : null;
	}

	getActiveViewOfType<T extends View>(type: abstract new (...args: never[]) => T): T | null {
		const view = this.activeLeaf?.view;
		return view instanceof type ? view : null;
	}

	/** The Markdown editor commands act on: the active main-area note, in editing mode. */
	get activeEditor(): MarkdownView | null {
		const leaf = this.lastMainLeaf && this.leaves.includes(this.lastMainLeaf) ? this.lastMainLeaf : null;
		const view = leaf?.view;
		return view instanceof MarkdownView && view.file && view.getMode() === "source" ? view : null;
	}

	async openLinkText(linktext: string, sourcePath: string, newLeaf?: PaneType | boolean, openViewState?: OpenViewState): Promise<void> {
		const file = this.app.metadataCache.getFirstLinkpathDest(linktext.split("#")[0], sourcePath);
		if (file) await this.getLeaf(newLeaf).openFile(file, openViewState);
	}

	/** Called by leaves (the stub's bookkeeping). */
	recordOpen(leaf: WorkspaceLeaf, file: TFile, openState: OpenViewState | undefined): void {
		this.opened.push({ leaf, file, openState });
		if (leaf.side === "main") this.lastMainLeaf = leaf as HostLeaf;
	}

	/** Called by leaves. */
	removeLeaf(leaf: WorkspaceLeaf): void {
		const i = this.leaves.indexOf(leaf as HostLeaf);
		if (i >= 0) this.leaves.splice(i, 1);
		if (this.activeLeaf === leaf) this.activeLeaf = null;
		if (this.lastMainLeaf === leaf) this.lastMainLeaf = null;
	}

	/** Opens (true), closes (false) or flips a sidebar; on mobile the sidebars are drawers over the note. */
	toggleSide(side: "left" | "right", open?: boolean): void {
		const el = this.sides[side].el;
		const next = open ?? el.hasClass("is-collapsed");
		el.toggleClass("is-collapsed", !next);
		if (next) {
			const other = side === "left" ? "right" : "left";
			if (document.body.hasClass("is-mobile")) this.sides[other].el.addClass("is-collapsed");
			const leaf = [...this.leaves].reverse().find((l) => l.side === side && l.containerEl.hasClass("is-shown"));
			leaf?.containerEl.querySelector<HTMLElement>("[tabindex='0'], input, button")?.focus();
		}
	}

	hasLeaves(side: WorkspaceSide): boolean {
		return this.leaves.some((l) => l.side === side);
	}

	/** After a leaf closed, show another leaf of the same side (or collapse the sidebar). */
	showSomeLeaf(side: WorkspaceSide): void {
		const next = [...this.leaves].reverse().find((l) => l.side === side);
		if (next) this.show(next);
		else if (side !== "main") this.sides[side].el.addClass("is-collapsed");
	}

	private show(leaf: HostLeaf): void {
		const side = this.sides[leaf.side];
		side.el.removeClass("is-collapsed");
		if (leaf.side !== "main" && document.body.hasClass("is-mobile")) this.sides[leaf.side === "left" ? "right" : "left"].el.addClass("is-collapsed");
		for (const other of this.leaves) {
			if (other.side !== leaf.side) continue;
			other.containerEl.toggleClass("is-shown", other === leaf);
			other.tabHeaderEl.toggleClass("is-active", other === leaf);
		}
	}

	private createLeaf(side: WorkspaceSide): HostLeaf {
		const leaf = new HostLeaf(this, side);
		this.leaves.push(leaf);
		this.sides[side].headersEl.appendChild(leaf.tabHeaderEl);
		this.sides[side].leavesEl.appendChild(leaf.containerEl);
		if (side === "main" && !this.lastMainLeaf) this.lastMainLeaf = leaf;
		this.show(leaf);
		return leaf;
	}
}
