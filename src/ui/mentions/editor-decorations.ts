/**
 * Editor (Live Preview and source mode): a CodeMirror 6 ViewPlugin that marks term mentions in the
 * visible ranges only, with `Decoration.mark({ class: "cqg-mention", attributes: { "data-term" } })`.
 *
 * - `skippedBlocksField` keeps the frontmatter, fenced code, `$$` math and `%%` comment ranges of the document,
 *   read with the matcher's own block reader. It maps them through edits and rescans only when an edited
 *   line (before or after the edit) holds block syntax (a fence, `$$`, `%%`, a frontmatter delimiter), so a
 *   keystroke in a 5 MB note costs a few range mappings.
 * - A glossary-blocks field holds the note's own glossary blocks (a term line and its definition), read by
 *   the note parser over the whole note: on every edit for notes up to 100,000 characters, otherwise
 *   mapped through edits and read again once typing pauses.
 * - The plugin rebuilds on document, viewport and mode changes and on `refreshMentions` (dispatched when
 *   the term index or the settings change).
 */
import { RangeSetBuilder, StateEffect, StateField } from "@codemirror/state";
import type { ChangeSet, EditorState, Extension, Range, StateEffectType, Text } from "@codemirror/state";
import { Decoration, ViewPlugin } from "@codemirror/view";
import type { DecorationSet, EditorView, PluginValue, ViewUpdate } from "@codemirror/view";
import { findFrontmatterEnd, isFrontmatterDelimiter } from "../../core/frontmatter";
import { newBlockState, skipBlockLine } from "../../core/markdown-context";
import type { BlockState } from "../../core/markdown-context";
import type { TermMention } from "../../core/types";
import { mentionClass, mentionPointerListeners } from "./mention-dom";
import type { MentionPointerListeners, UnderlineStyle } from "./mention-dom";

/** Ask the mention plugin to recompute (the term index or the settings changed). */
export const refreshMentions = StateEffect.define<null>();

/** A document range `[from, to)`. */
export interface Span {
	from: number;
	to: number;
}

/** 1-based inclusive line range, as `findGlossaryBlocks` returns. */
export interface LineRange {
	line: number;
	endLine: number;
}

export interface MentionDisplay {
	/** Decorate in this editor mode at all. */
	enabled: boolean;
	/** Only mentions written with the `*` marker. */
	markedOnly: boolean;
	underline: UnderlineStyle;
}

/** What the editor extension needs from the plugin. */
export interface MentionSource {
	/** Mentions in plain lines of text (no frontmatter/fence handling): offsets into `text`. */
	find: (text: string) => TermMention[];
	/** Glossary blocks (term line + definition) of a whole note, 1-based lines (`findGlossaryBlocks`). */
	glossaryBlocks?: (text: string) => LineRange[];
	/** Display settings for Live Preview (`livePreview` true) or source mode. */
	display: (livePreview: boolean) => MentionDisplay;
	/**
	 * Whether an editor state is in Live Preview. In Obsidian: `state.field(editorLivePreviewField, false)`
	 * (passed in, so this module stays free of the `obsidian` runtime). Without it, every editor counts
	 * as source mode.
	 */
	isLivePreview?: (state: EditorState) => boolean;
	/** Called with every live editor view (to dispatch `refreshMentions`) and when it goes away. */
	attach?: (view: EditorView) => void;
	detach?: (view: EditorView) => void;
	/** Pointer events on a decorated mention. */
	hover?: (el: HTMLElement, term: string, event: MouseEvent, view: EditorView) => void;
	leave?: (el: HTMLElement, view: EditorView) => void;
	tap?: (el: HTMLElement, term: string, view: EditorView) => void;
	/** Phones and tablets: a click is a tap even without a touch pointer event. */
	isMobile?: () => boolean;
}

// ---------------------------------------------------------------------------------------------------
// Skipped blocks: frontmatter, fenced code, %% comments (the same reading as core/markdown-lines.ts).

export interface SkippedBlocks {
	/** Sorted, disjoint, line-aligned ranges (`to` is the end of the block's last line). */
	ranges: readonly Span[];
	/** Line 1 is `---` but no closing line was found: any new `---`/`...` line may close it. */
	openFrontmatter: boolean;
}

/**
 * Scans the whole document for skipped blocks, line by line with the matcher's own block reader
 * (`skipBlockLine`), so the editor skips exactly what `findMentions` skips.
 */
export function scanSkippedBlocks(doc: Text): SkippedBlocks {
	const ranges: Span[] = [];
	let openFrontmatter = false;
	let firstBodyLine = 1;
	const first = doc.line(1).text;
	if (doc.lines >= 2 && isFrontmatterDelimiter(first, false)) {
		const closed = findFrontmatterEnd(doc.lines, (i) => doc.line(i + 1).text) + 1;
		if (closed > 0) {
			ranges.push({ from: 0, to: doc.line(closed).to });
			firstBodyLine = closed + 1;
		} else {
			openFrontmatter = true;
		}
	}
	const state = newBlockState();
	let blockStart = -1;
	if (firstBodyLine > doc.lines) return { ranges, openFrontmatter };
	let pos = doc.line(firstBodyLine).from;
	for (const iter = doc.iterLines(firstBodyLine); !iter.next().done; ) {
		const text = iter.value;
		const from = pos;
		const to = pos + text.length;
		pos = to + 1;
		if (skipBlockLine(state, text, 0, text.length)) {
			if (blockStart < 0) blockStart = from;
			if (!inBlock(state)) {
				ranges.push({ from: blockStart, to });
				blockStart = -1;
			}
		}
	}
	if (blockStart >= 0) ranges.push({ from: blockStart, to: doc.length });
	return { ranges, openFrontmatter };
}

/** Whether the block reader is inside a multi-line block after its last line. */
function inBlock(state: BlockState): boolean {
	const probe = { ...state };
	// An empty line stays inside an open fence, math or comment block and is not skipped otherwise.
	return skipBlockLine(probe, "", 0, 0);
}

/** Block syntax that can open or close a skipped block. */
function hasBlockSyntax(text: string, frontmatterToo: boolean): boolean {
	return (
		text.includes("```") ||
		text.includes("~~~") ||
		text.includes("%%") ||
		text.includes("$$") ||
		(frontmatterToo && (text.includes("---") || text.includes("...")))
	);
}

/** True when `changes` may alter the skipped blocks of `before` (then the document is rescanned). */
export function changeTouchesBlocks(before: SkippedBlocks, oldDoc: Text, newDoc: Text, changes: ChangeSet): boolean {
	let touches = false;
	const frontmatterEnd = before.ranges.length > 0 && before.ranges[0].from === 0 && !before.openFrontmatter ? before.ranges[0].to : -1;
	changes.iterChangedRanges((fromA, toA, fromB, toB) => {
		if (touches) return;
		const frontmatterToo = before.openFrontmatter || fromA <= Math.max(frontmatterEnd, oldDoc.line(1).to);
		const oldText = oldDoc.sliceString(oldDoc.lineAt(fromA).from, oldDoc.lineAt(toA).to);
		const newText = newDoc.sliceString(newDoc.lineAt(fromB).from, newDoc.lineAt(toB).to);
		if (hasBlockSyntax(oldText, frontmatterToo) || hasBlockSyntax(newText, frontmatterToo)) touches = true;
		// A new first line can start frontmatter.
		if (fromB === 0 && isFrontmatterDelimiter(newDoc.line(1).text, false)) touches = true;
	});
	return touches;
}

function mapSkippedBlocks(blocks: SkippedBlocks, changes: ChangeSet): SkippedBlocks {
	const ranges: Span[] = [];
	for (const r of blocks.ranges) {
		const from = changes.mapPos(r.from, -1);
		const to = changes.mapPos(r.to, 1);
		if (to > from) ranges.push({ from, to });
	}
	return { ranges, openFrontmatter: blocks.openFrontmatter };
}

export const skippedBlocksField = StateField.define<SkippedBlocks>({
	create: (state) => scanSkippedBlocks(state.doc),
	update(blocks, tr) {
		if (!tr.docChanged) return blocks;
		if (changeTouchesBlocks(blocks, tr.startState.doc, tr.newDoc, tr.changes)) return scanSkippedBlocks(tr.newDoc);
		return mapSkippedBlocks(blocks, tr.changes);
	},
});

// ---------------------------------------------------------------------------------------------------
// Mentions in ranges.

/** Subtracts sorted disjoint `holes` from `span`. */
function subtract(span: Span, holes: readonly Span[]): Span[] {
	const out: Span[] = [];
	let from = span.from;
	for (const h of holes) {
		if (h.to <= from) continue;
		if (h.from >= span.to) break;
		if (h.from > from) out.push({ from, to: h.from });
		from = Math.max(from, h.to);
		if (from >= span.to) break;
	}
	if (from < span.to) out.push({ from, to: span.to });
	return out;
}

/** First index in sorted `ranges` whose `to` is after `pos` (binary search). */
function firstEndingAfter(ranges: readonly Span[], pos: number): number {
	let lo = 0;
	let hi = ranges.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (ranges[mid].to <= pos) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

// ---------------------------------------------------------------------------------------------------
// Glossary blocks: the note's own term lines and definitions, read by the note parser over the whole
// document (the parser is stateful, so a slice could read differently). Short notes re-read them on
// every edit; long ones map them through edits and re-read once typing pauses.

/** Notes up to this many characters re-read their glossary blocks on every edit (about 2 ms, see the bench). */
export const SYNC_GLOSSARY_CHARS = 100_000;
/** Longer notes re-read them this long after the last edit. */
export const GLOSSARY_REREAD_DELAY_MS = 400;

export interface GlossaryBlocks {
	/** Sorted line-aligned document ranges (term line to the definition's last line). */
	ranges: readonly Span[];
	/** Mapped through edits since the last read (a long note while the user types). */
	stale: boolean;
}

/** Glossary blocks of the whole document as document ranges. */
export function glossarySpans(doc: Text, glossaryBlocks: (text: string) => LineRange[]): Span[] {
	const spans: Span[] = [];
	for (const b of glossaryBlocks(doc.toString())) {
		if (b.line < 1 || b.line > doc.lines) continue;
		spans.push({ from: doc.line(b.line).from, to: doc.line(Math.min(doc.lines, Math.max(b.line, b.endLine))).to });
	}
	return mergeSpans(spans);
}

function glossaryBlocksField(glossaryBlocks: (text: string) => LineRange[], reread: StateEffectType<readonly Span[]>, syncChars: number): StateField<GlossaryBlocks> {
	return StateField.define<GlossaryBlocks>({
		create: (state) => ({ ranges: glossarySpans(state.doc, glossaryBlocks), stale: false }),
		update(value, tr) {
			for (const e of tr.effects) if (e.is(reread) && !tr.docChanged) return { ranges: e.value, stale: false };
			if (!tr.docChanged) return value;
			if (tr.newDoc.length <= syncChars) return { ranges: glossarySpans(tr.newDoc, glossaryBlocks), stale: false };
			const ranges: Span[] = [];
			for (const r of value.ranges) {
				const from = tr.changes.mapPos(r.from, -1);
				const to = tr.changes.mapPos(r.to, 1);
				if (to > from) ranges.push({ from, to });
			}
			return { ranges, stale: true };
		},
	});
}

/** Sorted, merged copy of `spans`. */
function mergeSpans(spans: Span[]): Span[] {
	spans.sort((a, b) => a.from - b.from);
	const out: Span[] = [];
	for (const s of spans) {
		const prev = out[out.length - 1];
		if (prev && s.from <= prev.to) prev.to = Math.max(prev.to, s.to);
		else out.push({ from: s.from, to: s.to });
	}
	return out;
}

/**
 * The mentions in `ranges` (e.g. `view.visibleRanges`), outside frontmatter, fenced code, comments and the
 * `glossary` ranges, with document offsets. Ranges are widened to whole lines for matching; mentions that
 * do not overlap a given range are dropped.
 */
export function mentionsInRanges(state: EditorState, ranges: readonly Span[], find: (text: string) => TermMention[], glossary: readonly Span[] = []): TermMention[] {
	const doc = state.doc;
	const skipped = state.field(skippedBlocksField, false)?.ranges ?? scanSkippedBlocks(doc).ranges;
	const lines = mergeSpans(ranges.map((r) => ({ from: doc.lineAt(r.from).from, to: doc.lineAt(Math.min(r.to, doc.length)).to })));
	const result: TermMention[] = [];
	for (const span of lines) {
		const holes: Span[] = [];
		for (let k = firstEndingAfter(skipped, span.from); k < skipped.length && skipped[k].from < span.to; k++) holes.push(skipped[k]);
		for (let k = firstEndingAfter(glossary, span.from); k < glossary.length && glossary[k].from < span.to; k++) holes.push(glossary[k]);
		for (const piece of subtract(span, mergeSpans(holes))) {
			const text = doc.sliceString(piece.from, piece.to);
			for (const m of find(text)) {
				const from = m.from + piece.from;
				const to = m.to + piece.from;
				if (!overlapsAny(ranges, from, to)) continue;
				const line = doc.lineAt(from);
				result.push({ ...m, from, to, line: line.number, column: from - line.from + 1 });
			}
		}
	}
	return result;
}

function overlapsAny(ranges: readonly Span[], from: number, to: number): boolean {
	for (const r of ranges) if (from < r.to && to > r.from) return true;
	return false;
}

/** Reuses one mark decoration per (class, term), so rebuilding a viewport allocates only the range set. */
export class MarkCache {
	private readonly marks = new Map<string, Decoration>();

	get(term: string, cls: string): Decoration {
		const key = `${cls}\u0000${term}`;
		let mark = this.marks.get(key);
		if (!mark) {
			if (this.marks.size > 20_000) this.marks.clear();
			mark = Decoration.mark({ class: cls, attributes: { "data-term": term } });
			this.marks.set(key, mark);
		}
		return mark;
	}
}

/** Decorations for `mentions` (sorted by `from`), with the classes the display settings ask for. */
export function decorationsFor(mentions: readonly TermMention[], display: MentionDisplay, marks = new MarkCache()): DecorationSet {
	if (!display.enabled) return Decoration.none;
	const builder = new RangeSetBuilder<Decoration>();
	let last = -1;
	for (const m of mentions) {
		if (display.markedOnly && !m.marked) continue;
		if (m.from < last || m.to <= m.from) continue;
		builder.add(m.from, m.to, marks.get(m.term, mentionClass(m.marked, display.underline)));
		last = m.to;
	}
	return builder.finish();
}

function isLivePreview(source: MentionSource, state: EditorState): boolean {
	return source.isLivePreview?.(state) === true;
}

/** Decorations for what `view` shows now. */
export function buildMentionDecorations(view: EditorView, source: MentionSource, glossary: readonly Span[] = [], marks?: MarkCache): DecorationSet {
	const display = source.display(isLivePreview(source, view.state));
	if (!display.enabled) return Decoration.none;
	return decorationsFor(mentionsInRanges(view.state, view.visibleRanges, source.find, glossary), display, marks);
}

// ---------------------------------------------------------------------------------------------------
// An edit: map the decorations and redo the touched lines (as CodeMirror's MatchDecorator.updateDeco).

/** Edits longer than this rebuild the viewport instead (a paste, a replace-all). */
export const INCREMENTAL_CHANGE_CHARS = 1000;

/** Whether `after` is `before` mapped through `changes` the way the block fields map their ranges. */
export function sameMappedSpans(before: readonly Span[], after: readonly Span[], changes: ChangeSet): boolean {
	let k = 0;
	for (const r of before) {
		const from = changes.mapPos(r.from, -1);
		const to = changes.mapPos(r.to, 1);
		if (to <= from) continue;
		const other = after[k++];
		if (!other || other.from !== from || other.to !== to) return false;
	}
	return k === after.length;
}

/**
 * The decorations after an edit, from the ones before it: mapped through `changes`, with the lines the
 * edit touched inside `visible` matched again. Null when the edit is too long to patch (rebuild instead).
 * The caller rebuilds too when the edit changed which blocks are skipped or which lines are glossary.
 */
export function patchMentionDecorations(
	previous: DecorationSet,
	changes: ChangeSet,
	state: EditorState,
	visible: readonly Span[],
	source: Pick<MentionSource, "find">,
	glossary: readonly Span[],
	display: MentionDisplay,
	marks: MarkCache,
): DecorationSet | null {
	if (!display.enabled) return Decoration.none;
	let from = Number.MAX_SAFE_INTEGER;
	let to = -1;
	changes.iterChangedRanges((_fromA, _toA, fromB, toB) => {
		from = Math.min(from, fromB);
		to = Math.max(to, toB);
	});
	const mapped = previous.map(changes);
	if (to < 0) return mapped;
	if (to - from > INCREMENTAL_CHANGE_CHARS) return null;
	const doc = state.doc;
	const lineFrom = doc.lineAt(from).from;
	const lineTo = doc.lineAt(to).to;
	const ranges: Span[] = [];
	for (const r of visible) {
		const a = Math.max(r.from, lineFrom);
		const b = Math.min(r.to, lineTo);
		if (b >= a) ranges.push({ from: a, to: b });
	}
	if (ranges.length === 0) return mapped;
	const add = decorationsFor(mentionsInRanges(state, ranges, source.find, glossary), display, marks);
	return mapped.update({
		filter: (markFrom, markTo) => markTo < lineFrom || markFrom > lineTo,
		filterFrom: lineFrom,
		filterTo: lineTo,
		add: rangesOf(add),
	});
}

function rangesOf(set: DecorationSet): Range<Decoration>[] {
	const out: Range<Decoration>[] = [];
	for (const cursor = set.iter(); cursor.value; cursor.next()) out.push(cursor.value.range(cursor.from, cursor.to));
	return out;
}

export interface MentionExtensionOptions {
	/** Notes longer than this map their glossary blocks through edits and re-read them when typing pauses. */
	syncGlossaryChars?: number;
	rereadDelayMs?: number;
}

/** The editor extension: the skipped-blocks and glossary-blocks fields and the mention plugin with its pointer handlers. */
export function mentionDecorations(source: MentionSource, options: MentionExtensionOptions = {}): Extension {
	const reread = StateEffect.define<readonly Span[]>();
	const glossaryBlocks = source.glossaryBlocks;
	const glossaryField = glossaryBlocks ? glossaryBlocksField(glossaryBlocks, reread, options.syncGlossaryChars ?? SYNC_GLOSSARY_CHARS) : null;
	const rereadDelay = options.rereadDelayMs ?? GLOSSARY_REREAD_DELAY_MS;
	const marks = new MarkCache();
	const glossaryOf = (state: EditorState) => (glossaryField ? state.field(glossaryField).ranges : []);
	/** The glossary lines changed other than by moving with the text (an entry typed, removed, re-read). */
	const glossaryMoved = (update: ViewUpdate) => {
		if (!glossaryField) return false;
		const before = update.startState.field(glossaryField);
		const after = update.state.field(glossaryField);
		if (before === after) return false;
		return !update.docChanged || !sameMappedSpans(before.ranges, after.ranges, update.changes);
	};

	const plugin = ViewPlugin.fromClass(
		class implements PluginValue {
			decorations: DecorationSet;
			/** The delegated pointer listeners of this editor's mentions (hover with a mouse, tap on touch). */
			readonly pointer: MentionPointerListeners;
			private rereadTimer: number | null = null;

			constructor(readonly view: EditorView) {
				this.decorations = buildMentionDecorations(view, source, glossaryOf(view.state), marks);
				this.pointer = mentionPointerListeners(
					view.contentDOM,
					{
						hover: (el, term, event) => source.hover?.(el, term, event, view),
						leave: (el) => source.leave?.(el, view),
						tap: (el, term) => source.tap?.(el, term, view),
					},
					() => source.isMobile?.() === true,
				);
				source.attach?.(view);
			}

			update(update: ViewUpdate): void {
				if (!this.patch(update) && (update.docChanged || update.viewportChanged || glossaryMoved(update) || modeChanged(source, update) || hasRefresh(update))) {
					this.decorations = buildMentionDecorations(update.view, source, glossaryOf(update.state), marks);
				}
				if (update.docChanged && glossaryField && glossaryBlocks && update.state.field(glossaryField).stale) this.scheduleReread(glossaryBlocks);
			}

			/**
			 * Typing: patch the decorations (map them, redo the touched lines) when nothing else changed: the
			 * viewport did not move, the skipped blocks and glossary lines only moved with the text, and neither
			 * the mode nor the terms changed. False when the caller must rebuild.
			 */
			patch(update: ViewUpdate): boolean {
				if (!update.docChanged || update.viewportMoved || modeChanged(source, update) || hasRefresh(update) || glossaryMoved(update)) return false;
				const skippedBefore = update.startState.field(skippedBlocksField).ranges;
				const skippedAfter = update.state.field(skippedBlocksField).ranges;
				if (skippedBefore !== skippedAfter && !sameMappedSpans(skippedBefore, skippedAfter, update.changes)) return false;
				const display = source.display(isLivePreview(source, update.state));
				const next = patchMentionDecorations(this.decorations, update.changes, update.state, update.view.visibleRanges, source, glossaryOf(update.state), display, marks);
				if (!next) return false;
				this.decorations = next;
				return true;
			}

			/** A long note: read its glossary blocks again once typing pauses. */
			scheduleReread(read: (text: string) => LineRange[]): void {
				const win = this.view.dom.ownerDocument.defaultView ?? window;
				if (this.rereadTimer !== null) win.clearTimeout(this.rereadTimer);
				this.rereadTimer = win.setTimeout(() => {
					this.rereadTimer = null;
					this.view.dispatch({ effects: reread.of(glossarySpans(this.view.state.doc, read)) });
				}, rereadDelay);
			}

			destroy(): void {
				if (this.rereadTimer !== null) (this.view.dom.ownerDocument.defaultView ?? window).clearTimeout(this.rereadTimer);
				source.detach?.(this.view);
			}
		},
		{
			decorations: (v) => v.decorations,
			eventHandlers: {
				pointerdown(event: PointerEvent) {
					this.pointer.pointerdown(event);
				},
				mouseover(event: MouseEvent) {
					this.pointer.mouseover(event);
				},
				mouseout(event: MouseEvent) {
					this.pointer.mouseout(event);
				},
				click(event: MouseEvent) {
					this.pointer.click(event);
				},
			},
		},
	);
	return glossaryField ? [skippedBlocksField, glossaryField, plugin] : [skippedBlocksField, plugin];
}

function modeChanged(source: MentionSource, update: ViewUpdate): boolean {
	return isLivePreview(source, update.startState) !== isLivePreview(source, update.state);
}

function hasRefresh(update: ViewUpdate): boolean {
	for (const tr of update.transactions) for (const e of tr.effects) if (e.is(refreshMentions)) return true;
	return false;
}

/** Asks every view in `views` to recompute its mentions. Safe to call at any time outside an update. */
export function refreshViews(views: Iterable<EditorView>): void {
	for (const view of views) view.dispatch({ effects: refreshMentions.of(null) });
}
