/**
 * MarkdownView: a note in the main area, with Obsidian's two modes.
 * - Editing ("source"): a real CodeMirror 6 EditorView with undo history and the default and history
 *   keymaps, the editor extensions plugins registered, and `editorLivePreviewField` (Live Preview on by
 *   default, as in Obsidian, styled by ./live-preview: markup hidden off the cursor line, frontmatter as
 *   properties). `editor` is the
 *   test stub's Editor adapter over that view. Edits are saved to the vault shortly after typing stops,
 *   which makes the metadata cache emit `changed` as in Obsidian.
 * - Reading ("preview"): the note rendered by the host's renderer (never executing HTML), one element per
 *   block, with every registered Markdown post-processor run on each block and `getSectionInfo` answering
 *   its source lines.
 * `setEphemeralState({ line })` scrolls to the 0-based line (it does not move the cursor);
 * `{ cursor: { from, to } }` also selects.
 */
import { history, historyKeymap, defaultKeymap } from "@codemirror/commands";
import { Compartment, EditorSelection, EditorState, type Extension } from "@codemirror/state";
import { EditorView, highlightActiveLine, keymap } from "@codemirror/view";
import { Component } from "../../stubs/obsidian/component";
import { Editor, type EditorPosition } from "../../stubs/obsidian/editor";
import { editorLivePreviewField, setLivePreview } from "../../stubs/obsidian/hover";
import { MarkdownRenderChild } from "../../stubs/obsidian/markdown";
import { TFile, type TAbstractFile } from "../../stubs/obsidian/vault";
import { ItemView, type WorkspaceLeaf } from "../../stubs/obsidian/views";
import type { HostApp } from "./app";
import { codeBlockWidgets } from "./code-block-widgets";
import { frontmatterLines, hostLivePreview } from "./live-preview";
import { renderMarkdown } from "./markdown-render";

export const VIEW_TYPE_MARKDOWN = "markdown";
/** Obsidian saves about two seconds after typing stops; the host is quicker so tests stay short. */
const SAVE_DELAY_MS = 400;

export type MarkdownViewMode = "source" | "preview";

export interface SectionInfo {
	text: string;
	lineStart: number;
	lineEnd: number;
}

export interface PostProcessorContext {
	docId: string;
	sourcePath: string;
	frontmatter: unknown;
	addChild(child: MarkdownRenderChild): void;
	getSectionInfo(el: HTMLElement): SectionInfo | null;
}

export type PostProcessor = (el: HTMLElement, ctx: PostProcessorContext) => unknown;

let docCounter = 0;

/** Runs every registered post-processor on each rendered section (errors are reported, not thrown). */
export function runPostProcessors(
	app: HostApp,
	sections: { el: HTMLElement; lineStart: number; lineEnd: number }[],
	sourcePath: string,
	owner: Component,
	sourceText: string | null,
): Promise<unknown> {
	const byEl = new Map(sections.map((s) => [s.el, s]));
	const docId = `doc-${++docCounter}`;
	const jobs: Promise<unknown>[] = [];
	for (const section of sections) {
		const ctx: PostProcessorContext = {
			docId,
			sourcePath,
			frontmatter: null,
			addChild: (child) => owner.addChild(child),
			getSectionInfo: (el) => {
				const hit = byEl.get(el);
				return hit && sourceText !== null ? { text: sourceText, lineStart: hit.lineStart, lineEnd: hit.lineEnd } : null;
			},
		};
		// A fenced block in a language a plugin registered is handed to its processor instead of shown as code.
		runCodeBlockProcessor(app, section.el, ctx);
		for (const processor of app.markdownPostProcessors as PostProcessor[]) {
			try {
				jobs.push(Promise.resolve(processor(section.el, ctx)));
			} catch (error) {
				app.reportError(error);
			}
		}
	}
	return Promise.all(jobs.map((job) => job.catch((error: unknown) => app.reportError(error))));
}

/**
 * Obsidian's code-block processors: a section that is one fenced block (`pre > code.language-X`) whose
 * language has a processor becomes `div.block-language-X`, and the processor gets the block's inner text.
 */
function runCodeBlockProcessor(app: HostApp, sectionEl: HTMLElement, ctx: PostProcessorContext): void {
	const pre = sectionEl.firstElementChild;
	const code = pre?.tagName === "PRE" && sectionEl.childElementCount === 1 ? pre.firstElementChild : null;
	const language = code?.className.match(/^language-(\S+)$/)?.[1];
	const processor = language === undefined ? undefined : app.codeBlockProcessors.get(language);
	if (!code || !processor) return;
	const source = code.textContent ?? "";
	sectionEl.empty();
	const el = sectionEl.createDiv({ cls: `block-language-${language}` });
	try {
		Promise.resolve(processor(source, el, ctx)).catch((error: unknown) => app.reportError(error));
	} catch (error) {
		app.reportError(error);
	}
}

/** The reading view of a MarkdownView (`view.previewMode`). */
export class MarkdownPreviewView extends Component {
	readonly containerEl: HTMLElement;
	readonly sizerEl: HTMLElement;
	/** Resolves when the last render's post-processors finished. */
	rendered: Promise<unknown> = Promise.resolve();
	private scope: Component | null = null;

	constructor(
		private readonly view: MarkdownView,
		parent: HTMLElement,
	) {
		super();
		const reading = parent.createDiv({ cls: "markdown-reading-view" });
		this.containerEl = reading.createDiv({ cls: "markdown-preview-view markdown-rendered" });
		this.sizerEl = this.containerEl.createDiv({ cls: "markdown-preview-sizer markdown-preview-section" });
	}

	/** Renders the note again (Obsidian's `rerender(full)`). */
	rerender(_full?: boolean): void {
		if (this.scope) this.removeChild(this.scope);
		const scope = this.addChild(new Component());
		this.scope = scope;
		this.sizerEl.empty();
		const text = this.view.getViewData();
		const sections = renderMarkdown(this.sizerEl, text);
		for (const section of sections) section.el.setAttrs({ "data-line-start": section.lineStart, "data-line-end": section.lineEnd });
		this.rendered = runPostProcessors(this.view.hostApp, sections, this.view.file?.path ?? "", scope, text);
	}

	/** Scrolls the block holding 0-based `line` to the top. */
	scrollToLine(line: number): void {
		const sections = Array.from(this.sizerEl.children) as HTMLElement[];
		const target = sections.find((el) => Number(el.dataset.lineEnd) >= line) ?? sections[sections.length - 1];
		target?.scrollIntoView({ block: "start" });
	}
}

export class MarkdownView extends ItemView {
	file: TFile | null = null;
	readonly editor: Editor;
	readonly previewMode: MarkdownPreviewView;
	readonly sourceEl: HTMLElement;
	private mode: MarkdownViewMode = "source";
	private readonly extensions = new Compartment();
	private saveTimer: number | null = null;
	private savedText = "";

	constructor(leaf: WorkspaceLeaf) {
		super(leaf);
		this.navigation = true;
		this.contentEl.addClass("markdown-view-content");
		this.containerEl.querySelector(".view-header")?.createDiv({ cls: "view-header-title", text: "No file", prepend: true });
		this.sourceEl = this.contentEl.createDiv({ cls: "markdown-source-view cm-s-obsidian mod-cm6 is-live-preview" });
		const cm = new EditorView({ state: this.freshState(""), parent: this.sourceEl });
		this.editor = new Editor(cm);
		this.previewMode = this.addChild(new MarkdownPreviewView(this, this.contentEl));
		this.applyMode();
		this.registerEvent(this.hostApp.vault.on("modify", (file: TAbstractFile) => this.onExternalModify(file)));
		this.registerEvent(this.hostApp.vault.on("rename", (file: TAbstractFile) => this.onRename(file)));
		this.registerEvent(this.hostApp.vault.on("delete", (file: TAbstractFile) => this.onDelete(file)));
	}

	get hostApp(): HostApp {
		return this.app as unknown as HostApp;
	}

	get currentMode(): { type: MarkdownViewMode } {
		return { type: this.mode };
	}

	getViewType(): string {
		return VIEW_TYPE_MARKDOWN;
	}

	getDisplayText(): string {
		return this.file?.basename ?? "No file";
	}

	getIcon(): string {
		return "document";
	}

	getMode(): MarkdownViewMode {
		return this.mode;
	}

	/** Whether the editor is in Live Preview (true) or source mode (false). */
	get livePreview(): boolean {
		return this.editor.cm.state.field(editorLivePreviewField, false) === true;
	}

	getViewData(): string {
		return this.editor.getValue();
	}

	getState(): Record<string, unknown> {
		return { file: this.file?.path ?? null, mode: this.mode, source: !this.livePreview };
	}

	/** Loads `file` into the editor with a fresh undo history, as opening a note in Obsidian does. */
	async loadFile(file: TFile): Promise<void> {
		await this.save();
		const text = await this.hostApp.vault.read(file);
		this.file = file;
		this.savedText = text;
		const live = this.livePreview;
		this.editor.cm.setState(this.freshState(text, live));
		// Obsidian puts the cursor below the properties, so they show as properties, not as YAML.
		const fm = frontmatterLines(this.editor.cm.state);
		if (fm) this.editor.cm.dispatch({ selection: EditorSelection.cursor(this.editor.cm.state.doc.line(Math.min(fm.last + 1, this.editor.cm.state.doc.lines)).from) });
		this.containerEl.querySelector(".view-header-title")?.setText(file.basename);
		if (this.mode === "preview") this.previewMode.rerender(true);
	}

	/** "live" = editing in Live Preview, "source" = editing in source mode, "preview" = reading view. */
	setMode(mode: "live" | "source" | "preview"): void {
		if (mode === "preview") {
			this.mode = "preview";
			this.previewMode.rerender(true);
		} else {
			this.mode = "source";
			const live = mode === "live";
			if (live !== this.livePreview) this.editor.cm.dispatch({ effects: setLivePreview.of(live) });
		}
		this.applyMode();
	}

	setEphemeralState(state: unknown): void {
		super.setEphemeralState(state);
		const eState = (state ?? {}) as { line?: number; cursor?: { from: EditorPosition; to: EditorPosition } };
		if (this.mode === "preview") {
			if (typeof eState.line === "number") this.previewMode.scrollToLine(eState.line);
			return;
		}
		const cm = this.editor.cm;
		if (eState.cursor) {
			cm.dispatch({ selection: EditorSelection.range(this.editor.posToOffset(eState.cursor.from), this.editor.posToOffset(eState.cursor.to)) });
		}
		if (typeof eState.line === "number") {
			const line = Math.max(0, Math.min(eState.line, this.editor.lineCount() - 1));
			cm.dispatch({ effects: EditorView.scrollIntoView(this.editor.posToOffset({ line, ch: 0 }), { y: "start", yMargin: 40 }) });
		}
	}

	/** Applies the registered editor extensions again (after `workspace.updateOptions`). */
	reconfigure(): void {
		this.editor.cm.dispatch({ effects: this.extensions.reconfigure(this.pluginExtensions()) });
	}

	/** Writes the editor's text to the vault now when it changed. */
	async save(): Promise<void> {
		if (this.saveTimer !== null) window.clearTimeout(this.saveTimer);
		this.saveTimer = null;
		const file = this.file;
		const text = this.editor.getValue();
		if (!file || text === this.savedText) return;
		this.savedText = text;
		await this.hostApp.vault.modify(file, text);
	}

	protected async onClose(): Promise<void> {
		await this.save();
		this.editor.cm.destroy();
	}

	private pluginExtensions(): Extension {
		return [...(this.hostApp.editorExtensions as Extension[])];
	}

	private freshState(text: string, live = true): EditorState {
		return EditorState.create({
			doc: text,
			extensions: [
				history(),
				keymap.of([...defaultKeymap, ...historyKeymap]),
				EditorView.lineWrapping,
				highlightActiveLine(),
				editorLivePreviewField.init(() => live),
				codeBlockWidgets(this.hostApp, () => this.file?.path ?? ""),
				hostLivePreview,
				EditorView.updateListener.of((update) => {
					if (update.docChanged) this.onEdit();
					if (update.transactions.some((tr) => tr.effects.some((e) => e.is(setLivePreview)))) this.applyMode();
				}),
				this.extensions.of(this.pluginExtensions()),
			],
		});
	}

	private onEdit(): void {
		this.hostApp.workspace.trigger("editor-change", this.editor, this);
		if (this.saveTimer !== null) window.clearTimeout(this.saveTimer);
		this.saveTimer = window.setTimeout(() => void this.save(), SAVE_DELAY_MS);
	}

	private onExternalModify(file: TAbstractFile): void {
		if (!(file instanceof TFile) || file !== this.file) return;
		const text = this.hostApp.vault.contentOf(file);
		if (text === undefined || text === this.editor.getValue()) return;
		// Changed outside this editor: show the new text (Obsidian merges; the host replaces).
		this.savedText = text;
		this.editor.cm.dispatch({ changes: { from: 0, to: this.editor.cm.state.doc.length, insert: text } });
		if (this.mode === "preview") this.previewMode.rerender(true);
	}

	/** The open note was renamed (or moved): the header and the tab show its new name. */
	private onRename(file: TAbstractFile): void {
		if (file !== this.file) return;
		this.containerEl.querySelector(".view-header-title")?.setText(this.file.basename);
		(this.leaf as { refreshHeader?: () => void }).refreshHeader?.();
	}

	/** The open note was deleted: its tab closes, as in Obsidian. */
	private onDelete(file: TAbstractFile): void {
		if (file !== this.file) return;
		if (this.saveTimer !== null) window.clearTimeout(this.saveTimer);
		this.saveTimer = null;
		this.savedText = this.editor.getValue();
		this.file = null;
		this.leaf.detach();
	}

	private applyMode(): void {
		const reading = this.mode === "preview";
		this.sourceEl.toggleClass("is-hidden", reading);
		this.sourceEl.toggleClass("is-live-preview", this.livePreview);
		this.previewMode.containerEl.parentElement?.toggleClass("is-hidden", !reading);
		this.containerEl.setAttr("data-mode", reading ? "preview" : this.livePreview ? "live" : "source");
	}
}
