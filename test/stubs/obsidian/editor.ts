/**
 * Obsidian's `Editor`, as an adapter over a real CodeMirror 6 EditorView (Obsidian's own editor is one too).
 * Positions are {line, ch}, 0-based. `transaction` dispatches ONE CodeMirror transaction, so with
 * `history()` it is one undo step; its `selection` is read in the new document, as in CodeMirror.
 * `Editor.create(text)` builds a view with undo history for tests.
 */
import { history, redo, undo } from "@codemirror/commands";
import { EditorSelection, EditorState, type ChangeSpec, type Extension, type Text } from "@codemirror/state";
import { EditorView } from "@codemirror/view";

export interface EditorPosition {
	line: number;
	ch: number;
}

export interface EditorRange {
	from: EditorPosition;
	to: EditorPosition;
}

export interface EditorRangeOrCaret {
	from: EditorPosition;
	to?: EditorPosition;
}

export interface EditorChange extends EditorRangeOrCaret {
	text: string;
}

export interface EditorSelectionRange {
	anchor: EditorPosition;
	head: EditorPosition;
}

export interface EditorSelectionOrCaret {
	anchor: EditorPosition;
	head?: EditorPosition;
}

export interface EditorTransaction {
	replaceSelection?: string;
	changes?: EditorChange[];
	selections?: EditorRangeOrCaret[];
	selection?: EditorRangeOrCaret;
}

function offsetIn(doc: Text, pos: EditorPosition): number {
	const lineNumber = Math.max(1, Math.min(doc.lines, pos.line + 1));
	const line = doc.line(lineNumber);
	return line.from + Math.max(0, Math.min(line.length, pos.ch));
}

function positionIn(doc: Text, offset: number): EditorPosition {
	const line = doc.lineAt(Math.max(0, Math.min(doc.length, offset)));
	return { line: line.number - 1, ch: Math.max(0, Math.min(doc.length, offset)) - line.from };
}

export class Editor {
	/** Ranges passed to scrollIntoView, in order (test record). */
	readonly scrolledTo: EditorRange[] = [];

	constructor(readonly cm: EditorView) {}

	/** A test editor over a real EditorView with undo history, the cursor at `cursor` (offset). */
	static create(text: string, options: { cursor?: number; extensions?: Extension[]; parent?: HTMLElement } = {}): Editor {
		const state = EditorState.create({
			doc: text,
			selection: EditorSelection.cursor(Math.min(options.cursor ?? 0, text.length)),
			extensions: [history(), ...(options.extensions ?? [])],
		});
		return new Editor(new EditorView({ state, parent: options.parent }));
	}

	private get doc(): Text {
		return this.cm.state.doc;
	}

	getDoc(): this {
		return this;
	}

	refresh(): void {}

	getValue(): string {
		return this.doc.toString();
	}

	setValue(content: string): void {
		this.cm.dispatch({ changes: { from: 0, to: this.doc.length, insert: content } });
	}

	getLine(line: number): string {
		if (line < 0 || line >= this.doc.lines) return "";
		return this.doc.line(line + 1).text;
	}

	setLine(n: number, text: string): void {
		const line = this.doc.line(n + 1);
		this.cm.dispatch({ changes: { from: line.from, to: line.to, insert: text } });
	}

	lineCount(): number {
		return this.doc.lines;
	}

	lastLine(): number {
		return this.doc.lines - 1;
	}

	getSelection(): string {
		const main = this.cm.state.selection.main;
		return this.cm.state.sliceDoc(main.from, main.to);
	}

	somethingSelected(): boolean {
		return !this.cm.state.selection.main.empty;
	}

	getRange(from: EditorPosition, to: EditorPosition): string {
		return this.cm.state.sliceDoc(this.posToOffset(from), this.posToOffset(to));
	}

	replaceSelection(replacement: string, origin?: string): void {
		this.cm.dispatch(this.cm.state.replaceSelection(replacement), { userEvent: origin ?? "input" });
	}

	replaceRange(replacement: string, from: EditorPosition, to?: EditorPosition, origin?: string): void {
		const a = this.posToOffset(from);
		const b = to ? this.posToOffset(to) : a;
		this.cm.dispatch({ changes: { from: Math.min(a, b), to: Math.max(a, b), insert: replacement }, userEvent: origin });
	}

	getCursor(side: "from" | "to" | "head" | "anchor" = "head"): EditorPosition {
		const main = this.cm.state.selection.main;
		const offset = side === "from" ? main.from : side === "to" ? main.to : side === "anchor" ? main.anchor : main.head;
		return this.offsetToPos(offset);
	}

	listSelections(): EditorSelectionRange[] {
		return this.cm.state.selection.ranges.map((r) => ({ anchor: this.offsetToPos(r.anchor), head: this.offsetToPos(r.head) }));
	}

	setCursor(pos: EditorPosition | number, ch?: number): void {
		const p = typeof pos === "number" ? { line: pos, ch: ch ?? 0 } : pos;
		this.cm.dispatch({ selection: EditorSelection.cursor(this.posToOffset(p)) });
	}

	setSelection(anchor: EditorPosition, head?: EditorPosition): void {
		this.cm.dispatch({ selection: EditorSelection.range(this.posToOffset(anchor), this.posToOffset(head ?? anchor)) });
	}

	setSelections(ranges: EditorSelectionOrCaret[], main?: number): void {
		const list = ranges.map((r) => EditorSelection.range(this.posToOffset(r.anchor), this.posToOffset(r.head ?? r.anchor)));
		this.cm.dispatch({ selection: EditorSelection.create(list, main ?? 0) });
	}

	focus(): void {
		this.cm.focus();
	}

	blur(): void {
		this.cm.contentDOM.blur();
	}

	hasFocus(): boolean {
		return this.cm.hasFocus;
	}

	getScrollInfo(): { top: number; left: number; height: number; width: number; clientHeight: number; clientWidth: number } {
		return { top: 0, left: 0, height: 0, width: 0, clientHeight: 0, clientWidth: 0 };
	}

	scrollTo(_x?: number | null, _y?: number | null): void {}

	scrollIntoView(range: EditorRange, center?: boolean): void {
		this.scrolledTo.push(range);
		this.cm.dispatch({ effects: EditorView.scrollIntoView(this.posToOffset(range.from), { y: center ? "center" : "nearest" }) });
	}

	undo(): void {
		undo(this.cm);
	}

	redo(): void {
		redo(this.cm);
	}

	exec(_command: string): void {}

	/** One CodeMirror transaction: all changes (positions in the current document) and the new selection (in the new one). */
	transaction(tx: EditorTransaction, origin?: string): void {
		const state = this.cm.state;
		const specs: ChangeSpec[] = (tx.changes ?? []).map((c) => {
			const a = this.posToOffset(c.from);
			const b = c.to ? this.posToOffset(c.to) : a;
			return { from: Math.min(a, b), to: Math.max(a, b), insert: c.text };
		});
		if (tx.replaceSelection !== undefined) {
			for (const r of state.selection.ranges) specs.push({ from: r.from, to: r.to, insert: tx.replaceSelection });
		}
		const changes = state.changes(specs);
		const next = changes.apply(state.doc);
		const wanted = tx.selections ?? (tx.selection ? [tx.selection] : null);
		const selection = wanted
			? EditorSelection.create(wanted.map((r) => EditorSelection.range(offsetIn(next, r.from), offsetIn(next, r.to ?? r.from))))
			: undefined;
		this.cm.dispatch({ changes, selection, userEvent: origin });
	}

	wordAt(pos: EditorPosition): EditorRange | null {
		const range = this.cm.state.wordAt(this.posToOffset(pos));
		return range ? { from: this.offsetToPos(range.from), to: this.offsetToPos(range.to) } : null;
	}

	posToOffset(pos: EditorPosition): number {
		return offsetIn(this.doc, pos);
	}

	offsetToPos(offset: number): EditorPosition {
		return positionIn(this.doc, offset);
	}

	/** Test helper: tears the view down. */
	destroy(): void {
		this.cm.destroy();
	}
}

