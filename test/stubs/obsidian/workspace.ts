/**
 * Workspace with a main area and two sidebars. Like Obsidian it runs `onLayoutReady` callbacks once
 * the layout is ready (at once when it already is), emits `file-open`/`active-leaf-change`, and
 * creates views through the creators plugins register. Tests drive it with `triggerLayoutReady`,
 * `setActiveFile`, and read `opened` to see what a plugin asked to open.
 */
import { Events } from "./component";
import { WorkspaceLeaf, type OpenViewState, type PaneType, type View, type WorkspaceSide } from "./views";
import type { TFile } from "./vault";
import type { App } from "./app";

export type ViewCreator = (leaf: WorkspaceLeaf) => View;

export interface OpenRecord {
	leaf: WorkspaceLeaf;
	file: TFile;
	openState: OpenViewState | undefined;
}

export interface LinkRecord {
	linktext: string;
	sourcePath: string;
	newLeaf: PaneType | boolean | undefined;
	openViewState: OpenViewState | undefined;
}

/** A sidebar: collapsing or expanding it changes the layout, as in Obsidian. */
export class WorkspaceSidedock {
	collapsed = false;

	constructor(private readonly workspace: Workspace) {}

	collapse(): void {
		this.collapsed = true;
		this.workspace.trigger("layout-change");
	}

	expand(): void {
		this.collapsed = false;
		this.workspace.trigger("layout-change");
	}

	toggle(): void {
		if (this.collapsed) this.expand();
		else this.collapse();
	}
}

export class Workspace extends Events {
	layoutReady = false;
	readonly leftSplit = new WorkspaceSidedock(this);
	readonly rightSplit = new WorkspaceSidedock(this);
	/** The main area (the stub has no split tree: one object stands for it). */
	readonly rootSplit = {};
	activeLeaf: WorkspaceLeaf | null = null;
	/** Everything plugins asked to open, in order. */
	readonly opened: OpenRecord[] = [];
	readonly openedLinks: LinkRecord[] = [];
	/** The `newLeaf` argument of every getLeaf call, in order. */
	readonly leafRequests: (PaneType | boolean | undefined)[] = [];
	/** Leaves passed to revealLeaf, in order. */
	readonly revealed: WorkspaceLeaf[] = [];
	private readonly leaves: WorkspaceLeaf[] = [];
	private readonly creators = new Map<string, ViewCreator>();
	private readyCallbacks: (() => unknown)[] = [];
	private activeFile: TFile | null = null;

	private rootEl: HTMLElement | null = null;

	constructor(readonly app: App) {
		super();
	}

	/** Created on first use, so the workspace also works without a DOM (indexer tests in Node). */
	get containerEl(): HTMLElement {
		if (!this.rootEl) {
			this.rootEl = document.createElement("div");
			this.rootEl.className = "workspace";
		}
		return this.rootEl;
	}

	onLayoutReady(callback: () => unknown): void {
		if (this.layoutReady) callback();
		else this.readyCallbacks.push(callback);
	}

	/** Test helper: the layout finished loading. */
	triggerLayoutReady(): void {
		if (this.layoutReady) return;
		this.layoutReady = true;
		for (const cb of this.readyCallbacks.splice(0)) cb();
		this.trigger("layout-change");
	}

	registerViewType(type: string, creator: ViewCreator): void {
		if (this.creators.has(type)) throw new Error(`Attempting to register an existing view type "${type}"`);
		this.creators.set(type, creator);
	}

	/** Like Obsidian, views of a type whose plugin went away are closed (their leaves stay, empty). */
	unregisterViewType(type: string): void {
		this.creators.delete(type);
		for (const leaf of this.getLeavesOfType(type)) leaf.replaceView();
	}

	viewCreator(type: string): ViewCreator | undefined {
		return this.creators.get(type);
	}

	/** Test helper: how many view types are registered. */
	get viewTypeCount(): number {
		return this.creators.size;
	}

	getLeaf(newLeaf?: PaneType | boolean): WorkspaceLeaf {
		this.leafRequests.push(newLeaf);
		if (!newLeaf) {
			const recent = [...this.leaves].reverse().find((l) => l.side === "main" && !l.pinned);
			if (recent) return recent;
		}
		return this.createLeaf("main");
	}

	getRightLeaf(_split: boolean): WorkspaceLeaf | null {
		return this.createLeaf("right");
	}

	getLeftLeaf(_split: boolean): WorkspaceLeaf | null {
		return this.createLeaf("left");
	}

	getLeavesOfType(viewType: string): WorkspaceLeaf[] {
		return this.leaves.filter((l) => l.view.getViewType() === viewType);
	}

	detachLeavesOfType(viewType: string): void {
		for (const leaf of this.getLeavesOfType(viewType)) leaf.detach();
	}

	iterateAllLeaves(callback: (leaf: WorkspaceLeaf) => unknown): void {
		for (const leaf of [...this.leaves]) callback(leaf);
	}

	async revealLeaf(leaf: WorkspaceLeaf): Promise<void> {
		this.revealed.push(leaf);
		this.setActiveLeaf(leaf, { focus: true });
	}

	setActiveLeaf(leaf: WorkspaceLeaf, _params?: { focus?: boolean }): void {
		if (this.activeLeaf === leaf) return;
		this.activeLeaf = leaf;
		if (leaf.side === "main" && leaf.file !== this.activeFile) this.activeFile = leaf.file;
		this.trigger("active-leaf-change", leaf);
	}

	getActiveFile(): TFile | null {
		return this.activeFile;
	}

	getActiveViewOfType<T extends View>(type: abstract new (...args: never[]) => T): T | null {
		const view = this.activeLeaf?.view;
		return view instanceof type ? view : null;
	}

	async openLinkText(linktext: string, sourcePath: string, newLeaf?: PaneType | boolean, openViewState?: OpenViewState): Promise<void> {
		this.openedLinks.push({ linktext, sourcePath, newLeaf, openViewState });
		const file = this.app.metadataCache.getFirstLinkpathDest(linktext, sourcePath);
		if (file) await this.getLeaf(newLeaf).openFile(file, openViewState);
	}

	/** Test helper: the user switches the main area to `file` (or to no file). */
	setActiveFile(file: TFile | null): void {
		const leaf = this.getLeaf(false);
		leaf.file = file;
		this.activeFile = file;
		this.activeLeaf = leaf;
		this.trigger("file-open", file);
		this.trigger("active-leaf-change", leaf);
	}

	/** Called by leaves. */
	recordOpen(leaf: WorkspaceLeaf, file: TFile, openState: OpenViewState | undefined): void {
		this.opened.push({ leaf, file, openState });
		if (leaf.side === "main") this.activeFile = file;
	}

	/** Called by leaves. */
	removeLeaf(leaf: WorkspaceLeaf): void {
		const i = this.leaves.indexOf(leaf);
		if (i >= 0) this.leaves.splice(i, 1);
		if (this.activeLeaf === leaf) this.activeLeaf = null;
	}

	private createLeaf(side: WorkspaceSide): WorkspaceLeaf {
		const leaf = new WorkspaceLeaf(this, side);
		this.leaves.push(leaf);
		return leaf;
	}
}
