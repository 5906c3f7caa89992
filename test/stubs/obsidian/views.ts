/**
 * View, ItemView and WorkspaceLeaf with Obsidian's lifecycle: a leaf creates a view from the
 * registered creator, `open` loads it and calls onOpen; closing calls onClose and then unloads it.
 * The view's containerEl holds a header and a `view-content` element (`contentEl`), as in Obsidian.
 */
import { Component, Events } from "./component";
import type { TFile } from "./vault";
import type { Workspace } from "./workspace";
import type { App } from "./app";

export interface ViewState {
	type: string;
	state?: Record<string, unknown>;
	active?: boolean;
	pinned?: boolean;
}

export interface OpenViewState {
	state?: Record<string, unknown>;
	eState?: Record<string, unknown>;
	active?: boolean;
}

export type PaneType = "tab" | "split" | "window";

export abstract class View extends Component {
	app: App;
	icon = "";
	navigation = false;
	leaf: WorkspaceLeaf;
	containerEl: HTMLElement;
	/** Test record of the last ephemeral state the view received. */
	ephemeralState: Record<string, unknown> = {};

	constructor(leaf: WorkspaceLeaf) {
		super();
		this.leaf = leaf;
		this.app = leaf.app;
		this.containerEl = document.createElement("div");
		this.containerEl.className = "workspace-leaf-content";
		this.containerEl.setAttribute("data-type", "");
	}

	abstract getViewType(): string;
	abstract getDisplayText(): string;

	getIcon(): string {
		return this.icon;
	}

	getState(): Record<string, unknown> {
		return {};
	}

	async setState(_state: unknown, _result: { history: boolean }): Promise<void> {}

	getEphemeralState(): Record<string, unknown> {
		return this.ephemeralState;
	}

	setEphemeralState(state: unknown): void {
		this.ephemeralState = (state ?? {}) as Record<string, unknown>;
	}

	onResize(): void {}

	protected async onOpen(): Promise<void> {}

	protected async onClose(): Promise<void> {}

	/** Called by the leaf: load, then onOpen. */
	async open(parentEl: HTMLElement): Promise<void> {
		this.containerEl.setAttribute("data-type", this.getViewType());
		parentEl.appendChild(this.containerEl);
		this.load();
		await this.onOpen();
	}

	/** Called by the leaf: onClose, then unload. */
	async close(): Promise<void> {
		await this.onClose();
		this.unload();
		this.containerEl.remove();
	}
}

export abstract class ItemView extends View {
	contentEl: HTMLElement;
	private actionsEl: HTMLElement;

	constructor(leaf: WorkspaceLeaf) {
		super(leaf);
		const header = document.createElement("div");
		header.className = "view-header";
		this.actionsEl = document.createElement("div");
		this.actionsEl.className = "view-actions";
		header.appendChild(this.actionsEl);
		this.contentEl = document.createElement("div");
		this.contentEl.className = "view-content";
		this.containerEl.appendChild(header);
		this.containerEl.appendChild(this.contentEl);
	}

	addAction(icon: string, title: string, callback: (evt: MouseEvent) => unknown): HTMLElement {
		const el = document.createElement("a");
		el.className = "view-action clickable-icon";
		el.setAttribute("aria-label", title);
		el.setAttribute("data-icon", icon);
		el.addEventListener("click", (e) => callback(e));
		this.actionsEl.appendChild(el);
		return el;
	}
}

/** The view an empty leaf shows. */
export class EmptyView extends ItemView {
	getViewType(): string {
		return "empty";
	}
	getDisplayText(): string {
		return "New tab";
	}
}

export type WorkspaceSide = "main" | "left" | "right";

export class WorkspaceLeaf extends Events {
	view: View;
	readonly app: App;
	readonly side: WorkspaceSide;
	readonly containerEl: HTMLElement;
	/** The file shown by this leaf (the stub does not create Markdown views). */
	file: TFile | null = null;
	/** The last OpenViewState passed to openFile. */
	openState: OpenViewState | null = null;
	pinned = false;

	constructor(private readonly workspace: Workspace, side: WorkspaceSide) {
		super();
		this.app = workspace.app;
		this.side = side;
		this.containerEl = document.createElement("div");
		this.containerEl.className = "workspace-leaf";
		this.view = new EmptyView(this);
	}

	getViewState(): ViewState {
		return { type: this.view.getViewType(), state: this.view.getState(), pinned: this.pinned };
	}

	async setViewState(viewState: ViewState, eState?: unknown): Promise<void> {
		const creator = this.workspace.viewCreator(viewState.type);
		await this.view.close();
		this.file = null;
		this.view = creator ? creator(this) : new EmptyView(this);
		await this.view.open(this.containerEl);
		if (viewState.state) await this.view.setState(viewState.state, { history: false });
		if (eState !== undefined) this.view.setEphemeralState(eState);
		if (viewState.active) this.workspace.setActiveLeaf(this, { focus: true });
	}

	/** Called by the workspace when the view's type is unregistered: the view closes, the leaf stays. */
	replaceView(): void {
		void this.view.close();
		this.view = new EmptyView(this);
	}

	async openFile(file: TFile, openState?: OpenViewState): Promise<void> {
		this.file = file;
		this.openState = openState ?? null;
		this.workspace.recordOpen(this, file, openState);
		if (openState?.eState) this.view.setEphemeralState(openState.eState);
		if (openState?.active !== false) this.workspace.setActiveLeaf(this, { focus: true });
		this.workspace.trigger("file-open", file);
	}

	getEphemeralState(): unknown {
		return this.view.getEphemeralState();
	}

	setEphemeralState(state: unknown): void {
		this.view.setEphemeralState(state);
	}

	setPinned(pinned: boolean): void {
		this.pinned = pinned;
	}

	getDisplayText(): string {
		return this.view.getDisplayText();
	}

	/** The sidebar holding the leaf, or the main area. */
	getRoot(): unknown {
		return this.side === "left" ? this.workspace.leftSplit : this.side === "right" ? this.workspace.rightSplit : this.workspace.rootSplit;
	}

	getIcon(): string {
		return this.view.getIcon();
	}

	detach(): void {
		void this.view.close();
		this.workspace.removeLeaf(this);
	}
}
