// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import fc from "fast-check";
import { propertyRuns } from "../../helpers/property-runs";
import { EditorSelection, EditorState } from "@codemirror/state";
import type { Extension } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { editorLivePreviewField, setLivePreview } from "../../stubs/obsidian";
import { findMentions } from "../../../src/core/matcher";
import { findGlossaryBlocks, parseNote } from "../../../src/core/note-parser";
import { TermIndex } from "../../../src/core/term-index";
import type { GlossaryEntry, TermMention } from "../../../src/core/types";
import {
	changeTouchesBlocks,
	decorationsFor,
	glossarySpans,
	mentionDecorations,
	mentionsInRanges,
	refreshViews,
	scanSkippedBlocks,
	skippedBlocksField,
} from "../../../src/ui/mentions/editor-decorations";
import type { MentionDisplay, MentionSource, Span } from "../../../src/ui/mentions/editor-decorations";
import { hasSharedFixtures, readSharedFixture, REFERENCE_NOTE, SKIP_REASON } from "../../helpers/shared-fixtures";

const ALL: MentionDisplay = { enabled: true, markedOnly: false, underline: "dotted" };

function entry(term: string, line: number, aliases: string[] = []): GlossaryEntry {
	return { term, aliases, definition: `About ${term}.`, definitionMarkdown: `About ${term}.`, line, endLine: line + 1 };
}

/** The source registerHovers builds, over a TermIndex. */
function sourceFor(index: TermIndex, display: (livePreview: boolean) => MentionDisplay = () => ALL, extra: Partial<MentionSource> = {}): MentionSource & { views: Set<EditorView> } {
	const views = new Set<EditorView>();
	return {
		views,
		find: (text) => findMentions(text, index.matcher(), { blocks: false }),
		glossaryBlocks: findGlossaryBlocks,
		display,
		isLivePreview: (state) => state.field(editorLivePreviewField, false) === true,
		attach: (v) => views.add(v),
		detach: (v) => views.delete(v),
		...extra,
	};
}

/** mentionsInRanges with the note's glossary blocks, as the extension's field holds them. */
function inRanges(state: EditorState, ranges: readonly Span[], source: MentionSource): TermMention[] {
	const glossary = source.glossaryBlocks ? glossarySpans(state.doc, source.glossaryBlocks) : [];
	return mentionsInRanges(state, ranges, source.find, glossary);
}

/** What the core matcher finds in the whole note, glossary blocks excluded: the reference answer. */
function coreMentions(text: string, index: TermIndex): TermMention[] {
	return findMentions(text, index.matcher(), { excludeLines: findGlossaryBlocks(text) });
}

function decoratedRanges(view: EditorView): { from: number; to: number; term: string; cls: string }[] {
	const out: { from: number; to: number; term: string; cls: string }[] = [];
	for (const set of view.state.facet(EditorView.decorations)) {
		const value = typeof set === "function" ? set(view) : set;
		value.between(0, view.state.doc.length, (from, to, deco) => {
			const spec = deco.spec as { class: string; attributes: Record<string, string> };
			out.push({ from, to, term: spec.attributes["data-term"], cls: spec.class });
		});
	}
	return out.sort((a, b) => a.from - b.from);
}

function overlaps(m: { from: number; to: number }, ranges: readonly Span[]): boolean {
	return ranges.some((r) => m.from < r.to && m.to > r.from);
}

let views: EditorView[] = [];
function makeView(doc: string, extensions: Extension[]): EditorView {
	const parent = document.body.createDiv();
	const view = new EditorView({ state: EditorState.create({ doc, extensions }), parent });
	views.push(view);
	return view;
}

beforeEach(() => {
	document.body.empty();
});
afterEach(() => {
	for (const v of views) v.destroy();
	views = [];
});

describe("skipped blocks", () => {
	const index = new TermIndex();
	index.setNote("g.md", [entry("CTR", 1)]);
	const plain = sourceFor(index, () => ALL, { glossaryBlocks: undefined });
	/** Lines (1-based) of the mentions the core matcher finds in the whole text, blocks skipped. */
	const matcherLines = (text: string) => findMentions(text, index.matcher()).map((m) => m.line);
	/** The same through the editor's skipped-blocks field and slices. */
	const fieldLines = (text: string) => {
		const state = EditorState.create({ doc: text, extensions: [skippedBlocksField] });
		return inRanges(state, [{ from: 0, to: text.length }], plain).map((m) => m.line);
	};

	it("covers frontmatter, fences (also in quotes), math and comments like the matcher", () => {
		const text = ["---", "tags: CTR", "---", "CTR", "```js", "CTR", "```", "> ~~~", "> CTR", "> ~~~", "$$", "CTR", "$$", "%%", "CTR", "%%", "after CTR"].join("\n");
		expect(fieldLines(text)).toEqual(matcherLines(text));
		expect(fieldLines(text)).toEqual([4, 17]);
	});

	it("agrees with the matcher on any mix of block syntax (property)", () => {
		const piece = fc.constantFrom("---", "...", "```", "````", "``` js", "~~~", "~~~~", "$$", "$$ CTR $$", "%%", "%% CTR %%", "> ```", "  ```", "CTR", "text CTR", "", "- CTR", "# h", "```x`y", "\t~~~", "---  ", "``` CTR", "CTR $$");
		fc.assert(
			fc.property(fc.array(piece, { maxLength: 30 }), (lines) => {
				const text = lines.join("\n");
				expect(fieldLines(text)).toEqual(matcherLines(text));
			}),
			{ numRuns: 400 },
		);
	});

	it("follows edits: after any sequence of edits the field equals a fresh scan (property)", () => {
		const snippet = fc.constantFrom("```", "\n", "~~~\n", "$$", "%%", "---\n", "...", "CTR ", "\n```\n", "text\n", "> ", "`", "");
		const edit = fc.record({ at: fc.nat(), len: fc.nat({ max: 12 }), insert: snippet });
		const start = fc.array(fc.constantFrom("---", "a: 1", "---", "```", "code", "```", "text", "%%", "c", "%%", "$$", "m", "$$", "plain"), { maxLength: 25 });
		fc.assert(
			fc.property(start, fc.array(edit, { maxLength: 12 }), (lines, edits) => {
				let state = EditorState.create({ doc: lines.join("\n"), extensions: [skippedBlocksField] });
				for (const e of edits) {
					const from = Math.min(e.at, state.doc.length);
					const to = Math.min(from + e.len, state.doc.length);
					state = state.update({ changes: { from, to, insert: e.insert } }).state;
					expect(state.field(skippedBlocksField).ranges).toEqual(scanSkippedBlocks(state.doc).ranges);
				}
			}),
			{ numRuns: 300 },
		);
	});

	it("keeps mapping (no rescan) for an ordinary keystroke", () => {
		const state = EditorState.create({ doc: "```\ncode\n```\ntext", extensions: [skippedBlocksField] });
		const tr = state.update({ changes: { from: state.doc.length, insert: "x" } });
		expect(changeTouchesBlocks(state.field(skippedBlocksField), state.doc, tr.newDoc, tr.changes)).toBe(false);
		const inFence = state.update({ changes: { from: 5, insert: "more" } });
		expect(changeTouchesBlocks(state.field(skippedBlocksField), state.doc, inFence.newDoc, inFence.changes)).toBe(false);
		expect(inFence.state.field(skippedBlocksField).ranges).toEqual([{ from: 0, to: 16 }]);
		const fence = state.update({ changes: { from: 0, insert: "`" } });
		expect(changeTouchesBlocks(state.field(skippedBlocksField), state.doc, fence.newDoc, fence.changes)).toBe(true);
	});

	it("survives empty, CRLF-free one-liners, unclosed blocks and a BOM", () => {
		expect(scanSkippedBlocks(EditorState.create({ doc: "" }).doc).ranges).toEqual([]);
		expect(scanSkippedBlocks(EditorState.create({ doc: "```" }).doc).ranges).toEqual([{ from: 0, to: 3 }]);
		expect(scanSkippedBlocks(EditorState.create({ doc: "---" }).doc)).toEqual({ ranges: [], openFrontmatter: false });
		expect(scanSkippedBlocks(EditorState.create({ doc: "---\na" }).doc)).toEqual({ ranges: [], openFrontmatter: true });
		expect(scanSkippedBlocks(EditorState.create({ doc: "\ufeff---\na\n---\nb" }).doc).ranges).toEqual([{ from: 0, to: 10 }]);
	});
});

describe("mentionsInRanges", () => {
	const index = new TermIndex();
	index.setNote("g.md", [entry("CTR", 1, ["Click-Through Rate"]), entry("ROAS", 3), entry("티핑 포인트", 5)]);
	const source = sourceFor(index);

	it("finds mentions with document offsets and skips code, frontmatter and glossary blocks", () => {
		const doc = ["---", "title: CTR", "---", "CTR and ROAS*", "```", "CTR", "```", "> CTR (Click-Through Rate)", "> Clicks over views; ROAS too", "", "티핑포인트를 지나", "`CTR` inline code and [ROAS](https://x.io/CTR)"].join("\n");
		const state = EditorState.create({ doc, extensions: [skippedBlocksField] });
		const found = inRanges(state, [{ from: 0, to: doc.length }], source);
		expect(found.map((m) => [m.text, m.term, m.marked, m.line])).toEqual([
			["CTR", "CTR", false, 4],
			["ROAS", "ROAS", true, 4],
			["티핑포인트", "티핑 포인트", false, 11],
			["ROAS", "ROAS", false, 12],
		]);
		for (const m of found) expect(doc.slice(m.from, m.to)).toBe(m.text);
		expect(found.map((m) => ({ ...m }))).toEqual(coreMentions(doc, index));
	});

	it("sees a glossary block whose term line is above the visible range", () => {
		const doc = ["> CTR (Click-Through Rate)", "> Clicks over views; the CTR of ads.", "", "CTR later"].join("\n");
		const state = EditorState.create({ doc, extensions: [skippedBlocksField] });
		const second = state.doc.line(2);
		expect(inRanges(state, [{ from: second.from, to: state.doc.length }], source).map((m) => m.line)).toEqual([4]);
	});

	it("sees a glossary section whose heading is above the visible range", () => {
		const doc = ["## Glossary", "", "- **CTR**: clicks over views, see ROAS", "- **ROAS**: return on ad spend", "", "## Talk", "CTR went up"].join("\n");
		const state = EditorState.create({ doc, extensions: [skippedBlocksField] });
		const visible = { from: state.doc.line(4).from, to: state.doc.length };
		const expected = coreMentions(doc, index).filter((m) => overlaps(m, [visible]));
		expect(inRanges(state, [visible], source)).toEqual(expected);
		expect(expected.map((m) => m.line)).toEqual([7]);
	});

	it("a viewport starting inside a code block still sees the glossary quote after it", () => {
		const doc = ["```", "CTR in code", "```", "> ROAS", "> Return on ad spend, unlike CTR", "", "ROAS and CTR"].join("\n");
		const state = EditorState.create({ doc, extensions: [skippedBlocksField] });
		const visible = { from: state.doc.line(2).from, to: state.doc.length };
		expect(inRanges(state, [visible], source).map((m) => m.line)).toEqual([7, 7]);
		expect(inRanges(state, [visible], source)).toEqual(coreMentions(doc, index));
	});

	it("a viewport starting at a thematic break is not read as frontmatter", () => {
		const doc = ["intro", "---", "> CTR (Click-Through Rate)", "> Clicks over views", "---", "CTR"].join("\n");
		const state = EditorState.create({ doc, extensions: [skippedBlocksField] });
		const visible = { from: state.doc.line(2).from, to: state.doc.length };
		expect(inRanges(state, [visible], source)).toEqual(coreMentions(doc, index));
		expect(coreMentions(doc, index).map((m) => m.line)).toEqual([6]);
	});

	it("any viewport of a mixed note gives the core matcher's mentions in it (property)", () => {
		const piece = fc.constantFrom(
			"## Glossary",
			"## Talk",
			"### CTR",
			"# Notes",
			"- **CTR**: clicks over views",
			"  - see ROAS too",
			"> ROAS",
			"> Return on ad spend, see CTR",
			"> [!definition] CTR",
			"![chart](c.png)",
			"",
			"",
			"```",
			"CTR code",
			"---",
			"CTR and ROAS*",
			"티핑포인트를 지나",
			"ROAS :: return on ad spend",
			"$$",
			"%%",
		);
		fc.assert(
			fc.property(fc.array(piece, { minLength: 1, maxLength: 40 }), fc.nat(), fc.nat(), (lines, a, b) => {
				const doc = lines.join("\n");
				const state = EditorState.create({ doc, extensions: [skippedBlocksField] });
				const from = state.doc.lineAt(Math.min(a, doc.length)).from;
				const to = state.doc.lineAt(Math.min(doc.length, from + (b % 200))).to;
				const expected = coreMentions(doc, index).filter((m) => m.from < to && m.to > from);
				expect(inRanges(state, [{ from, to }], source)).toEqual(expected);
			}),
			{ numRuns: propertyRuns(500) },
		);
	});

	it("returns nothing with an empty index and for empty ranges", () => {
		const empty = sourceFor(new TermIndex());
		const state = EditorState.create({ doc: "CTR", extensions: [skippedBlocksField] });
		expect(inRanges(state, [{ from: 0, to: 3 }], empty)).toEqual([]);
		expect(inRanges(state, [], source)).toEqual([]);
	});

	it("decorationsFor honours marked-only and the underline style", () => {
		const state = EditorState.create({ doc: "CTR and ROAS*" });
		const found = inRanges(state, [{ from: 0, to: state.doc.length }], source);
		const classes = (display: MentionDisplay) => {
			const out: string[] = [];
			decorationsFor(found, display).between(0, 100, (from, to, d) => {
				out.push(`${from}-${to} ${(d.spec as { class: string }).class}`);
			});
			return out;
		};
		expect(classes(ALL)).toEqual(["0-3 cqg-mention", "8-12 cqg-mention cqg-mention-marked"]);
		expect(classes({ ...ALL, markedOnly: true, underline: "none" })).toEqual(["8-12 cqg-mention cqg-mention-marked cqg-mention-plain"]);
		expect(classes({ ...ALL, enabled: false })).toEqual([]);
	});
});

describe.skipIf(!hasSharedFixtures)("the reference note in a real EditorView", () => {
	if (!hasSharedFixtures) console.warn(SKIP_REASON);
	const text = hasSharedFixtures ? readSharedFixture(REFERENCE_NOTE) : "";
	const path = "Conferences/toss-makers-conference-25.md";

	function referenceIndex(): TermIndex {
		const index = new TermIndex();
		index.setNote(path, parseNote(text, path, { requireTag: false })!.glossary);
		return index;
	}

	it("decorates exactly the core matcher's mentions inside the visible ranges and none outside", () => {
		const index = referenceIndex();
		const source = sourceFor(index);
		const view = makeView(text, [mentionDecorations(source)]);
		const expectedAll = coreMentions(text, index);
		expect(expectedAll.length).toBeGreaterThan(20);
		// Three viewports: the top, the middle (scrolled to), the end.
		let inside = 0;
		for (const pos of [0, Math.floor(text.length / 2), text.length]) {
			view.dispatch({ effects: EditorView.scrollIntoView(pos, { y: "center" }) });
			const visible = view.visibleRanges;
			expect(visible.length).toBeGreaterThan(0);
			expect(visible[0].to - visible[0].from).toBeLessThan(text.length);
			const expected = expectedAll.filter((m) => overlaps(m, visible)).map((m) => ({ from: m.from, to: m.to, term: m.term }));
			const got = decoratedRanges(view).map(({ from, to, term }) => ({ from, to, term }));
			expect(got).toEqual(expected);
			for (const d of decoratedRanges(view)) expect(overlaps(d, visible)).toBe(true);
			// Something is decorated here and something outside is left for later.
			expect(expected.length).toBeGreaterThan(0);
			expect(expected.length).toBeLessThan(expectedAll.length);
			inside += expected.length;
		}
		expect(inside).toBeGreaterThan(2);
	});

	it("marks `ECPM*` and `갠또*` as jargon, the glossary blocks not at all", () => {
		const index = referenceIndex();
		const view = makeView(text, [mentionDecorations(sourceFor(index))]);
		const found = decoratedRanges(view).map((d) => [text.slice(d.from, d.to), d.term, d.cls]);
		expect(found.slice(0, 2)).toEqual([
			["ECPM", "eCPM", "cqg-mention cqg-mention-marked"],
			["갠또", "갠또", "cqg-mention cqg-mention-marked"],
		]);
		const glossaryLines = findGlossaryBlocks(text);
		for (const d of decoratedRanges(view)) {
			const line = view.state.doc.lineAt(d.from).number;
			expect(glossaryLines.some((b) => b.line <= line && line <= b.endLine)).toBe(false);
		}
	});

	it("follows typing: a defined term lights up, a deleted definition goes dark", () => {
		const index = referenceIndex();
		const source = sourceFor(index);
		const view = makeView(text, [mentionDecorations(source)]);
		view.dispatch({ effects: EditorView.scrollIntoView(text.length, { y: "center" }) });
		const end = view.state.doc.length;
		// Type a term at the end of the note.
		view.dispatch({ changes: { from: end, insert: "\n\n마지막으로 ROAS 이야기" }, selection: EditorSelection.cursor(end + 16) });
		const typed = decoratedRanges(view).filter((d) => d.from >= end);
		expect(typed.map((d) => view.state.sliceDoc(d.from, d.to))).toEqual(["ROAS"]);

		// Delete ROAS's glossary block from the note; the index re-parses it (as the indexer does on save).
		const roasBlock = findGlossaryBlocks(view.state.doc.toString()).find((b) => view.state.doc.line(b.line).text.startsWith("> ROAS"))!;
		const from = view.state.doc.line(roasBlock.line).from;
		const to = view.state.doc.line(roasBlock.endLine).to + 1;
		view.dispatch({ changes: { from, to, insert: "" } });
		index.setNote(path, parseNote(view.state.doc.toString(), path, { requireTag: false })!.glossary);
		expect(index.lookup("ROAS")).toBeUndefined();
		refreshViews(source.views);
		expect(decoratedRanges(view).filter((d) => d.term === "ROAS")).toEqual([]);
		// And the new text still matches what the core matcher says.
		view.dispatch({ effects: EditorView.scrollIntoView(0) });
		const doc = view.state.doc.toString();
		const visible = view.visibleRanges;
		expect(decoratedRanges(view).map(({ from: f, to: t }) => [f, t])).toEqual(
			coreMentions(doc, index)
				.filter((m) => overlaps(m, visible))
				.map((m) => [m.from, m.to]),
		);
	});

	it("a long note maps its glossary blocks while the user types and re-reads them when typing pauses", async () => {
		const index = referenceIndex();
		const source = sourceFor(index);
		const view = makeView(text, [mentionDecorations(source, { syncGlossaryChars: 1000, rereadDelayMs: 20 })]);
		view.dispatch({ effects: EditorView.scrollIntoView(text.length, { y: "center" }) });
		// Write a new glossary quote for ROAS at the end of the note.
		const end = view.state.doc.length;
		view.dispatch({ changes: { from: end, insert: "\n\n> ROAS  \n> 광고비 대비 매출" } });
		const roasAtEnd = () => decoratedRanges(view).filter((d) => d.from > end);
		// Until the note is read again, the new term line is an ordinary mention.
		expect(roasAtEnd().map((d) => d.term)).toEqual(["ROAS"]);
		await new Promise((resolve) => setTimeout(resolve, 60));
		expect(roasAtEnd()).toEqual([]);
		// Meanwhile the blocks above stayed in place through the edit.
		expect(decoratedRanges(view).map(({ from, to }) => [from, to])).toEqual(
			coreMentions(view.state.doc.toString(), index)
				.filter((m) => overlaps(m, view.visibleRanges))
				.map((m) => [m.from, m.to]),
		);
	});

	it("a term defined in another note lights up when the index changes", () => {
		const index = referenceIndex();
		const source = sourceFor(index);
		const view = makeView(text, [mentionDecorations(source)]);
		expect(decoratedRanges(view).some((d) => view.state.sliceDoc(d.from, d.to) === "제로투원")).toBe(false);
		index.setNote("Glossary/startup.md", [entry("제로투원", 3)]);
		refreshViews(source.views);
		expect(decoratedRanges(view).filter((d) => d.term === "제로투원")).toHaveLength(1);
		index.removeNote("Glossary/startup.md");
		refreshViews(source.views);
		expect(decoratedRanges(view).filter((d) => d.term === "제로투원")).toHaveLength(0);
	});
});

describe("modes, settings and events", () => {
	const index = new TermIndex();
	index.setNote("g.md", [entry("CTR", 1), entry("ROAS", 3)]);
	const doc = "CTR* and ROAS\n\nmore CTR";

	it("Live Preview and source mode follow their own setting, and switching modes redraws", () => {
		const display = (lp: boolean): MentionDisplay => ({ ...ALL, enabled: lp });
		const view = makeView(doc, [editorLivePreviewField.init(() => false), mentionDecorations(sourceFor(index, display))]);
		expect(decoratedRanges(view)).toEqual([]);
		view.dispatch({ effects: setLivePreview.of(true) });
		expect(decoratedRanges(view).map((d) => d.term)).toEqual(["CTR", "ROAS", "CTR"]);
		view.dispatch({ effects: setLivePreview.of(false) });
		expect(decoratedRanges(view)).toEqual([]);
	});

	it("settings changes apply on refresh", () => {
		let display: MentionDisplay = ALL;
		const source = sourceFor(index, () => display);
		const view = makeView(doc, [editorLivePreviewField, mentionDecorations(source)]);
		expect(decoratedRanges(view)).toHaveLength(3);
		display = { ...ALL, markedOnly: true };
		refreshViews(source.views);
		expect(decoratedRanges(view).map((d) => d.term)).toEqual(["CTR"]);
	});

	it("views register on creation and unregister when destroyed", () => {
		const source = sourceFor(index);
		const view = makeView(doc, [mentionDecorations(source)]);
		expect(source.views.has(view)).toBe(true);
		view.destroy();
		expect(source.views.size).toBe(0);
	});

	it("hovering a decorated mention reports its term; a touch tap taps; plain text does nothing", () => {
		const calls: string[] = [];
		const source = sourceFor(index, () => ALL, {
			hover: (el, term) => calls.push(`hover ${term} ${el.textContent}`),
			leave: (el) => calls.push(`leave ${el.textContent}`),
			tap: (el, term) => calls.push(`tap ${term}`),
		});
		const view = makeView(doc, [mentionDecorations(source)]);
		const marks = view.contentDOM.querySelectorAll<HTMLElement>(".cqg-mention");
		expect(Array.from(marks).map((m) => [m.textContent, m.getAttribute("data-term")])).toEqual([
			["CTR", "CTR"],
			["ROAS", "ROAS"],
			["CTR", "CTR"],
		]);
		marks[1].dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
		marks[1].dispatchEvent(new MouseEvent("mouseout", { bubbles: true, relatedTarget: view.contentDOM }));
		marks[0].click();
		view.contentDOM.querySelector(".cm-line")!.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
		marks[2].dispatchEvent(new PointerEvent("pointerdown", { bubbles: true, pointerType: "touch" }));
		marks[2].dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
		marks[2].click();
		expect(calls).toEqual(["hover ROAS ROAS", "leave ROAS", "tap CTR"]);
	});
});

describe("typing patches the decorations instead of rebuilding them", () => {
	const terms = new TermIndex();
	terms.setNote("Glossary.md", [entry("error budget", 1), entry("SLO", 3), entry("카나리 배포", 5, ["canary"]), entry("ECPM", 7)]);
	const NOTE = [
		"---",
		"tags: [Conference]",
		"---",
		"## SRE - Han",
		"Q. error budget을 다 쓰면 SLO는 어떻게 되나요?",
		"A. 카나리 배포를 멈추고 ECPM* 대신 canary 지표를 본다.",
		"",
		"```",
		"SLO inside a fence",
		"```",
		"",
		"> SLO",
		"> 서비스 수준 목표, error budget과 함께 본다.",
		"",
		"끝으로 SLO와 error budget 얘기.",
	].join("\n");

	/** The marks a fresh editor draws for the same text: what a patch must equal. */
	function fresh(text: string): ReturnType<typeof decoratedRanges> {
		return decoratedRanges(makeView(text, [mentionDecorations(sourceFor(terms))]));
	}

	it("a keystroke re-reads only its own line, and the marks equal a fresh editor's", () => {
		const read: string[] = [];
		const source = sourceFor(terms, () => ALL, { find: (text) => (read.push(text), findMentions(text, terms.matcher(), { blocks: false })) });
		const view = makeView(NOTE, [mentionDecorations(source)]);
		const line = view.state.doc.line(15);
		read.length = 0;
		view.dispatch({ changes: { from: line.to, insert: " SLO" } });
		expect(read).toEqual(["끝으로 SLO와 error budget 얘기. SLO"]);
		expect(decoratedRanges(view)).toEqual(fresh(view.state.doc.toString()));
		expect(decoratedRanges(view).filter((m) => m.from >= line.from).map((m) => m.term)).toEqual(["SLO", "error budget", "SLO"]);
	});

	it("typing a fence or a glossary entry still rebuilds (the skipped lines changed)", () => {
		const read: string[] = [];
		const source = sourceFor(terms, () => ALL, { find: (text) => (read.push(text), findMentions(text, terms.matcher(), { blocks: false })) });
		const view = makeView(NOTE, [mentionDecorations(source)]);
		read.length = 0;
		view.dispatch({ changes: { from: view.state.doc.line(14).from, insert: "```" } });
		expect(read.length).toBeGreaterThan(1);
		expect(decoratedRanges(view)).toEqual(fresh(view.state.doc.toString()));
		view.dispatch({ changes: { from: view.state.doc.line(7).from, insert: "> ECPM\n> 천 회 노출당 수익" } });
		expect(decoratedRanges(view)).toEqual(fresh(view.state.doc.toString()));
	});

	it("after any sequence of small edits, the marks equal a fresh editor's", () => {
		const pieces = ["S", "L", "O", "SLO", " ", "\n", "*", "`", "```", "> ", "error ", "budget", "카나리", " 배포", "를", "---", "$$", "%%", "#"];
		fc.assert(
			fc.property(
				fc.array(fc.record({ at: fc.nat(), cut: fc.nat({ max: 4 }), piece: fc.constantFrom(...pieces) }), { minLength: 1, maxLength: 12 }),
				(edits) => {
					const view = makeView(NOTE, [mentionDecorations(sourceFor(terms))]);
					for (const e of edits) {
						const from = e.at % (view.state.doc.length + 1);
						const to = Math.min(view.state.doc.length, from + e.cut);
						view.dispatch({ changes: { from, to, insert: e.piece } });
					}
					expect(decoratedRanges(view)).toEqual(fresh(view.state.doc.toString()));
					for (const v of views) v.destroy();
					views = [];
				},
			),
			{ numRuns: propertyRuns(200) },
		);
	});
});
