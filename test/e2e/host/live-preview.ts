/**
 * The look of Obsidian's Live Preview in the host's editor: headings, bold text, bullet lists and block
 * quotes are styled and their Markdown markup (`## `, `**`, `- `, `> `) is hidden on every line but the
 * ones the selection touches; the frontmatter block shows as a Properties table until the cursor enters it.
 * Source mode (`editorLivePreviewField` false) shows the plain text. The note's text never changes: these
 * are decorations only, built with DOM methods (nothing from the note is parsed as HTML).
 */
import { StateField, type EditorState, type Range, type Transaction } from "@codemirror/state";
import { Decoration, EditorView, WidgetType, type DecorationSet } from "@codemirror/view";
import { editorLivePreviewField, setLivePreview } from "../../stubs/obsidian/hover";

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HEADING = /^(#{1,6})([ \t]+)(?=\S)/;
const BULLET = /^([ \t]*)([-*+])([ \t]+)(?=\S)/;
const QUOTE = /^ {0,3}>[ \t]?/;
/** Bold text may run over the lines of one paragraph (never over a blank line). */
const BOLD = /(\*\*|__)(?=\S)((?:(?!\n[ \t]*\n)[^])*?\S)\1/g;
/** Notes longer than this keep the plain text (the host renders whole documents at once). */
const MAX_CHARS = 500_000;

/** The frontmatter's lines (1-based, inclusive), or null. */
export function frontmatterLines(state: EditorState): { first: number; last: number } | null {
	const doc = state.doc;
	if (doc.lines < 2 || doc.line(1).text.trimEnd() !== "---") return null;
	for (let n = 2; n <= doc.lines; n++) {
		const text = doc.line(n).text.trimEnd();
		if (text === "---" || text === "...") return { first: 1, last: n };
	}
	return null;
}

/** `key: value` and `key:` + `  - item` pairs of simple YAML, in order (enough to show properties). */
export function parseProperties(lines: string[]): { key: string; values: string[] }[] {
	const out: { key: string; values: string[] }[] = [];
	for (const line of lines) {
		const item = /^\s+-\s*(.*)$/.exec(line);
		if (item && out.length > 0) {
			out[out.length - 1].values.push(unquote(item[1]));
			continue;
		}
		const pair = /^([^\s:#][^:]*):\s*(.*)$/.exec(line);
		if (!pair) continue;
		const value = pair[2].trim();
		const list = /^\[(.*)\]$/.exec(value);
		const values = list ? list[1].split(",").map((v) => unquote(v.trim())).filter((v) => v !== "") : value === "" ? [] : [unquote(value)];
		out.push({ key: pair[1].trim(), values });
	}
	return out;
}

function unquote(value: string): string {
	return /^(["']).*\1$/.test(value) ? value.slice(1, -1) : value;
}

class PropertiesWidget extends WidgetType {
	constructor(private readonly yaml: string) {
		super();
	}

	eq(other: PropertiesWidget): boolean {
		return other.yaml === this.yaml;
	}

	toDOM(): HTMLElement {
		const el = createDiv({ cls: "metadata-container", attr: { "data-property-count": "0" } });
		el.createDiv({ cls: "metadata-properties-heading", text: "Properties" });
		const props = parseProperties(this.yaml.split("\n"));
		el.setAttr("data-property-count", String(props.length));
		const list = el.createDiv({ cls: "metadata-content" });
		for (const prop of props) {
			const row = list.createDiv({ cls: "metadata-property", attr: { "data-property-key": prop.key } });
			row.createDiv({ cls: "metadata-property-key", text: prop.key });
			const value = row.createDiv({ cls: "metadata-property-value" });
			if (prop.key === "tags" || prop.values.length > 1) {
				for (const v of prop.values) value.createSpan({ cls: prop.key === "tags" ? "multi-select-pill tag" : "multi-select-pill", text: v });
			} else value.setText(prop.values[0] ?? "");
		}
		return el;
	}

	ignoreEvent(): boolean {
		// A click reaches the editor, which puts the cursor in the frontmatter and so reveals its text.
		return false;
	}
}

class BulletWidget extends WidgetType {
	eq(): boolean {
		return true;
	}

	toDOM(): HTMLElement {
		return createSpan({ cls: "list-bullet", text: "•" });
	}
}

const hide = Decoration.replace({});
const bullet = Decoration.replace({ widget: new BulletWidget() });
const strong = Decoration.mark({ class: "cm-strong" });

/** Lines (1-based) the selection touches: their markup stays visible. */
function activeLines(state: EditorState): Set<number> {
	const lines = new Set<number>();
	for (const range of state.selection.ranges) {
		const first = state.doc.lineAt(range.from).number;
		const last = state.doc.lineAt(range.to).number;
		for (let n = first; n <= last; n++) lines.add(n);
	}
	return lines;
}

export function livePreviewDecorations(state: EditorState): DecorationSet {
	if (state.field(editorLivePreviewField, false) !== true || state.doc.length > MAX_CHARS) return Decoration.none;
	const doc = state.doc;
	const active = activeLines(state);
	const decos: Range<Decoration>[] = [];
	let start = 1;
	const fm = frontmatterLines(state);
	if (fm) {
		start = fm.last + 1;
		const touched = [...active].some((n) => n >= fm.first && n <= fm.last);
		if (!touched) {
			const yaml = doc.sliceString(doc.line(2).from, doc.line(fm.last).from).replace(/\r/g, "");
			decos.push(Decoration.replace({ widget: new PropertiesWidget(yaml), block: true }).range(doc.line(fm.first).from, doc.line(fm.last).to));
		}
	}
	let fence: string | null = null;
	/** The first line of the paragraph being read (bold text is matched per paragraph), or 0. */
	let paragraph = 0;
	const endParagraph = (last: number) => {
		if (paragraph > 0 && last >= paragraph) boldDecorations(state, paragraph, last, active, decos);
		paragraph = 0;
	};
	for (let n = start; n <= doc.lines; n++) {
		const line = doc.line(n);
		const text = line.text;
		const fenceHit = FENCE.exec(text);
		if (fence !== null || fenceHit || HEADING.test(text) || text.trim() === "") endParagraph(n - 1);
		else if (paragraph === 0) paragraph = n;
		if (fence !== null) {
			decos.push(Decoration.line({ class: "HyperMD-codeblock" }).range(line.from));
			if (fenceHit && fenceHit[1][0] === fence[0] && fenceHit[1].length >= fence.length) fence = null;
			continue;
		}
		if (fenceHit) {
			fence = fenceHit[1];
			decos.push(Decoration.line({ class: "HyperMD-codeblock HyperMD-codeblock-begin" }).range(line.from));
			continue;
		}
		const shown = active.has(n);
		const heading = HEADING.exec(text);
		if (heading) {
			const level = heading[1].length;
			decos.push(Decoration.line({ class: `HyperMD-header HyperMD-header-${level}` }).range(line.from));
			if (!shown) decos.push(hide.range(line.from, line.from + heading[0].length));
			decos.push(Decoration.mark({ class: `cm-header cm-header-${level}` }).range(line.from + heading[0].length, line.to));
			continue;
		}
		let body = 0;
		const quote = QUOTE.exec(text);
		if (quote) {
			decos.push(Decoration.line({ class: "HyperMD-quote" }).range(line.from));
			if (!shown && quote[0].length > 0) decos.push(hide.range(line.from, line.from + quote[0].length));
			body = quote[0].length;
		}
		const list = BULLET.exec(text.slice(body));
		if (list) {
			decos.push(Decoration.line({ class: "HyperMD-list-line" }).range(line.from));
			const from = line.from + body + list[1].length;
			if (!shown) decos.push(bullet.range(from, from + list[2].length + list[3].length));
		}
	}
	endParagraph(doc.lines);
	return Decoration.set(decos, true);
}

/** `**bold**` in lines first..last (1-based): styled, its markers hidden unless the selection touches it. */
function boldDecorations(state: EditorState, first: number, last: number, active: Set<number>, decos: Range<Decoration>[]): void {
	const doc = state.doc;
	const from = doc.line(first).from;
	const text = doc.sliceString(from, doc.line(last).to);
	for (const m of text.matchAll(BOLD)) {
		const at = from + (m.index ?? 0);
		const mark = m[1].length;
		const end = at + m[0].length;
		const firstLine = doc.lineAt(at).number;
		const lastLine = doc.lineAt(end).number;
		let shown = false;
		for (let n = firstLine; n <= lastLine && !shown; n++) shown = active.has(n);
		if (!shown) {
			decos.push(hide.range(at, at + mark));
			decos.push(hide.range(end - mark, end));
		}
		decos.push(strong.range(at + mark, end - mark));
	}
}

function needsUpdate(tr: Transaction): boolean {
	return tr.docChanged || tr.selection !== undefined || tr.effects.some((e) => e.is(setLivePreview));
}

/** The extension the host's MarkdownView adds to every editor. */
export const hostLivePreview = StateField.define<DecorationSet>({
	create: (state) => livePreviewDecorations(state),
	update: (value, tr) => (needsUpdate(tr) ? livePreviewDecorations(tr.state) : value),
	provide: (field) => EditorView.decorations.from(field),
});
