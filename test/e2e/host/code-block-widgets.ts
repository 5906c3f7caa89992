/**
 * Code-block processors in the host's Live Preview, as Obsidian shows them: a fenced block whose language
 * a plugin registered is replaced by a block widget holding `div.block-language-X`, which the processor
 * fills, unless the selection is inside the block (then its source shows for editing). Each widget owns a
 * Component that the processor's `ctx.addChild` children join; CodeMirror destroying the widget (the block
 * edited, the cursor moving in, the note closed) unloads it. Source mode shows plain text.
 */
import { StateField, type EditorState, type Extension, type Range } from "@codemirror/state";
import { Decoration, EditorView, WidgetType, type DecorationSet } from "@codemirror/view";
import { Component } from "../../stubs/obsidian/component";
import { editorLivePreviewField } from "../../stubs/obsidian/hover";
import type { HostApp } from "./app";

const OPEN = /^ {0,3}(`{3,}|~{3,})[ \t]*([^\s`]+)?/;

interface Block {
	from: number;
	to: number;
	language: string;
	source: string;
}

/** Fenced blocks in a registered language (closed or running to the end of the note). */
function registeredBlocks(state: EditorState, app: HostApp): Block[] {
	const blocks: Block[] = [];
	const doc = state.doc;
	for (let n = 1; n <= doc.lines; n++) {
		const open = OPEN.exec(doc.line(n).text);
		if (!open) continue;
		const fence = open[1];
		let end = n + 1;
		while (end <= doc.lines && !new RegExp(`^ {0,3}${fence[0] === "`" ? "`" : "~"}{${fence.length},}\\s*$`).test(doc.line(end).text)) end++;
		const last = Math.min(end, doc.lines);
		const language = open[2];
		if (language !== undefined && app.codeBlockProcessors.has(language)) {
			const body: string[] = [];
			for (let k = n + 1; k < end && k <= doc.lines; k++) body.push(doc.line(k).text);
			blocks.push({ from: doc.line(n).from, to: doc.line(last).to, language, source: body.join("\n") });
		}
		n = last;
	}
	return blocks;
}

class CodeBlockWidget extends WidgetType {
	private readonly owners = new WeakMap<HTMLElement, Component>();

	constructor(
		private readonly app: HostApp,
		private readonly block: Block,
		private readonly sourcePath: string,
	) {
		super();
	}

	eq(other: CodeBlockWidget): boolean {
		return other.block.language === this.block.language && other.block.source === this.block.source && other.sourcePath === this.sourcePath;
	}

	toDOM(): HTMLElement {
		const wrap = createDiv({ cls: "cm-embed-block cm-preview-code-block markdown-rendered" });
		const el = wrap.createDiv({ cls: `block-language-${this.block.language}` });
		const owner = new Component();
		owner.load();
		this.owners.set(wrap, owner);
		const processor = this.app.codeBlockProcessors.get(this.block.language);
		try {
			const ctx = { docId: "live-preview", sourcePath: this.sourcePath, frontmatter: null, addChild: (child: Component) => owner.addChild(child), getSectionInfo: () => null };
			if (processor) Promise.resolve(processor(this.block.source, el, ctx)).catch((error: unknown) => this.app.reportError(error));
		} catch (error) {
			this.app.reportError(error);
		}
		return wrap;
	}

	destroy(dom: HTMLElement): void {
		this.owners.get(dom)?.unload();
		this.owners.delete(dom);
	}

	/** Clicks and keys inside the rendered block stay with it (its links), as in Obsidian. */
	ignoreEvent(): boolean {
		return true;
	}
}

/** The Live Preview widgets of registered code blocks in a note at `sourcePath()`. */
export function codeBlockWidgets(app: HostApp, sourcePath: () => string): Extension {
	const build = (state: EditorState): DecorationSet => {
		if (state.field(editorLivePreviewField, false) !== true || app.codeBlockProcessors.size === 0) return Decoration.none;
		const head = state.selection.main;
		const ranges: Range<Decoration>[] = [];
		for (const block of registeredBlocks(state, app)) {
			if (head.to >= block.from && head.from <= block.to) continue;
			ranges.push(Decoration.replace({ widget: new CodeBlockWidget(app, block, sourcePath()), block: true }).range(block.from, block.to));
		}
		return Decoration.set(ranges);
	};
	return StateField.define<DecorationSet>({
		create: build,
		update: (value, tr) => (tr.docChanged || tr.selection || tr.startState.field(editorLivePreviewField, false) !== tr.state.field(editorLivePreviewField, false) || tr.reconfigured ? build(tr.state) : value),
		provide: (field) => EditorView.decorations.from(field),
	});
}
