/**
 * Editor mention decorations and hover lookups on a 5 MB note with 5,000 terms.
 *
 * - decorate_viewport_ms: rebuilding the decorations of one viewport (what the ViewPlugin does on every
 *   scroll, keystroke or index change): skipped blocks from the state field, glossary blocks around the
 *   visible lines, the matcher over the visible slices, the RangeSet. Median over viewports spread over
 *   the whole note. Target < 1 ms.
 * - hover_lookup_us: from a mention's `data-term` to its TermRecord (what a hover does before rendering).
 *   Target < 50 µs.
 * - keystroke_decorations_ms: what one keystroke costs the decorations: mapped through the change, the
 *   edited line matched again (keystroke_rebuild_ms: the whole viewport rebuilt, as before).
 * Also printed: the one-off skipped-blocks scan and glossary-blocks read of the note, and the cost of a
 * keystroke for the skipped-blocks field.
 */
import { EditorState } from "@codemirror/state";
import { findMentions } from "../src/core/matcher";
import { findGlossaryBlocks, parseNote } from "../src/core/note-parser";
import { TermIndex } from "../src/core/term-index";
import type { GlossaryEntry } from "../src/core/types";
import { decorationsFor, glossarySpans, MarkCache, mentionsInRanges, patchMentionDecorations, scanSkippedBlocks, skippedBlocksField, SYNC_GLOSSARY_CHARS } from "../src/ui/mentions/editor-decorations";
import type { MentionSource } from "../src/ui/mentions/editor-decorations";
import { seedNotes } from "./corpus";
import { bestOf, figure, medianOf, seededRandom, utf8Bytes, type Benchmark } from "./harness";

const NOTE_BYTES = 5 * 1024 * 1024;
const TERMS = 5000;
/** About what CodeMirror keeps in its viewport for a full-height editor (screen plus margins). */
const VIEWPORT_CHARS = 6000;

/** One 5 MB note: the seed notes one after another, repeated. */
function bigNote(): { text: string; seeds: string[] } {
	const seeds = seedNotes().notes.map((n) => n.text);
	const parts: string[] = [];
	let bytes = 0;
	for (let i = 0; bytes < NOTE_BYTES; i++) {
		const seed = seeds[i % seeds.length].replace(/^---\n[\s\S]*?\n---\n/, "");
		parts.push(seed);
		bytes += utf8Bytes(seed) + 2;
	}
	return { text: `---\ntags: [Conference]\n---\n${parts.join("\n\n")}`, seeds };
}

/** 5,000 terms: every glossary entry of the seeds, common words of the seeds, and made-up jargon. */
function termEntries(seeds: string[], random: () => number): GlossaryEntry[] {
	const entries: GlossaryEntry[] = [];
	const seen = new Set<string>();
	const add = (term: string, aliases: string[] = []) => {
		const key = term.toLowerCase();
		if (seen.has(key) || entries.length >= TERMS) return;
		seen.add(key);
		entries.push({ term, aliases, definition: `${term} means something.`, definitionMarkdown: `${term} means **something**.`, line: entries.length + 1, endLine: entries.length + 2 });
	};
	for (const seed of seeds) for (const g of parseNote(seed, "seed.md", { requireTag: false })?.glossary ?? []) add(g.term, g.aliases);
	// Words that occur in the notes, so viewports hold many mentions (a busier vault than most).
	const counts = new Map<string, number>();
	for (const seed of seeds) for (const w of seed.split(/[^\p{L}\p{N}]+/u)) if (w.length >= 3 && w.length <= 12) counts.set(w, (counts.get(w) ?? 0) + 1);
	const common = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(40, 440);
	for (const [w] of common) add(w);
	const latin = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
	while (entries.length < TERMS) {
		if (random() < 0.5) {
			let t = "";
			for (let i = 0, n = 3 + Math.floor(random() * 4); i < n; i++) t += latin[Math.floor(random() * 26)];
			add(t);
		} else {
			let t = "";
			for (let i = 0, n = 2 + Math.floor(random() * 3); i < n; i++) t += String.fromCharCode(0xac00 + Math.floor(random() * 11172));
			add(random() < 0.3 ? `${t} ${String.fromCharCode(0xac00 + Math.floor(random() * 11172))}리스크` : t);
		}
	}
	return entries;
}

const bench: Benchmark = async (log) => {
	const random = seededRandom(6);
	const { text, seeds } = bigNote();
	const index = new TermIndex();
	index.setNote("Glossary/all.md", termEntries(seeds, random));
	const matcher = index.matcher();
	log(`note: ${(utf8Bytes(text) / (1024 * 1024)).toFixed(1)} MB, ${text.split("\n").length} lines; terms: ${index.size} (${matcher.size} names)`);

	const source: MentionSource = {
		find: (t) => findMentions(t, matcher, { blocks: false }),
		glossaryBlocks: findGlossaryBlocks,
		display: () => ({ enabled: true, markedOnly: false, underline: "dotted" }),
	};

	let state = EditorState.create({ doc: text });
	const scanMs = bestOf(() => scanSkippedBlocks(state.doc), 1000, 3);
	state = EditorState.create({ doc: text, extensions: [skippedBlocksField] });

	// Viewports spread over the note, line-aligned like CodeMirror's.
	const viewports: { from: number; to: number }[] = [];
	for (let i = 0; i < 200; i++) {
		const line = state.doc.lineAt(Math.floor(random() * (state.doc.length - VIEWPORT_CHARS)));
		viewports.push({ from: line.from, to: state.doc.lineAt(line.from + VIEWPORT_CHARS).to });
	}
	// The glossary-blocks field: read once when the note opens, re-read when typing pauses.
	const glossaryMs = bestOf(() => glossarySpans(state.doc, findGlossaryBlocks), 1000, 3);
	const glossary = glossarySpans(state.doc, findGlossaryBlocks);
	const syncDoc = EditorState.create({ doc: text.slice(0, SYNC_GLOSSARY_CHARS) }).doc;
	const syncGlossaryMs = medianOf(() => glossarySpans(syncDoc, findGlossaryBlocks), 30);
	let mentions = 0;
	for (const vp of viewports) mentions += mentionsInRanges(state, [vp], source.find, glossary).length;
	const display = source.display(true);
	const marks = new MarkCache();
	const perViewport: number[] = [];
	for (const vp of viewports) {
		perViewport.push(medianOf(() => decorationsFor(mentionsInRanges(state, [vp], source.find, glossary), display, marks), 15));
	}
	perViewport.sort((a, b) => a - b);
	const decorateMs = perViewport[Math.floor(perViewport.length / 2)];
	const p95 = perViewport[Math.floor(perViewport.length * 0.95)];

	// A keystroke: the skipped-blocks field maps its ranges; typing a fence marker rescans.
	const middle = state.doc.lineAt(Math.floor(state.doc.length / 2)).to;
	const keystrokeMs = medianOf(() => state.update({ changes: { from: middle, insert: "a" } }).state.field(skippedBlocksField), 200);
	const fenceMs = medianOf(() => state.update({ changes: { from: middle, insert: "\n```" } }).state.field(skippedBlocksField), 20);

	// A keystroke in the middle of a viewport: rebuild the viewport's decorations (before) or patch them (map,
	// then match the edited line again, as the ViewPlugin does now).
	const typingViewports = viewports.slice(0, 50);
	const rebuildMs: number[] = [];
	const patchMs: number[] = [];
	for (const vp of typingViewports) {
		const before = decorationsFor(mentionsInRanges(state, [vp], source.find, glossary), display, marks);
		const at = state.doc.lineAt(Math.floor((vp.from + vp.to) / 2)).to;
		const tr = state.update({ changes: { from: at, insert: "a" } });
		const visible = [{ from: vp.from, to: vp.to + 1 }];
		const mappedGlossary = glossary.map((g) => ({ from: tr.changes.mapPos(g.from, -1), to: tr.changes.mapPos(g.to, 1) }));
		rebuildMs.push(medianOf(() => decorationsFor(mentionsInRanges(tr.state, visible, source.find, mappedGlossary), display, marks), 15));
		patchMs.push(medianOf(() => patchMentionDecorations(before, tr.changes, tr.state, visible, source, mappedGlossary, display, marks), 15));
	}
	const keystrokeRebuildMs = rebuildMs.sort((a, b) => a - b)[Math.floor(rebuildMs.length / 2)];
	const keystrokePatchMs = patchMs.sort((a, b) => a - b)[Math.floor(patchMs.length / 2)];

	// Hover: data-term → record, over spellings the matcher returns (canonical terms) and typed variants.
	const names = index.records().map((r) => r.term);
	const probes = Array.from({ length: 4096 }, (_, i) => (i % 4 === 3 ? names[i % names.length].toUpperCase() : names[(i * 7919) % names.length]));
	let found = 0;
	const rounds = 50;
	const lookupMs = bestOf(() => {
		for (let r = 0; r < rounds; r++) for (const p of probes) if (index.lookup(p)) found++;
	}, 500, 3);
	const lookupUs = (lookupMs * 1000) / (rounds * probes.length);

	figure(log, "decorate: one viewport (median of 200)", decorateMs, "ms", "< 1 ms");
	figure(log, "decorate: one viewport (p95)", p95, "ms");
	log(`(${VIEWPORT_CHARS} chars per viewport, ${(mentions / viewports.length).toFixed(1)} mentions on average; ratio to target ${(decorateMs / 1).toFixed(2)})`);
	figure(log, "skipped blocks: full scan of the note (on open)", scanMs, "ms");
	figure(log, "glossary blocks: read of the note (on open, typing pauses)", glossaryMs, "ms");
	figure(log, `glossary blocks: a keystroke in a ${SYNC_GLOSSARY_CHARS / 1000}k-char note (re-read)`, syncGlossaryMs, "ms");
	figure(log, "skipped blocks: a keystroke (mapped)", keystrokeMs, "ms");
	figure(log, "skipped blocks: typing a fence marker (rescan)", fenceMs, "ms");
	figure(log, "keystroke: viewport decorations rebuilt (before)", keystrokeRebuildMs, "ms");
	figure(log, "keystroke_decorations_ms: patched (mapped, edited line matched again)", keystrokePatchMs, "ms", `${(keystrokeRebuildMs / keystrokePatchMs).toFixed(0)}× less`);
	figure(log, "hover: data-term → record", lookupUs, "µs", "< 50 µs");
	log(`(ratio to target ${(lookupUs / 50).toFixed(3)}; ${found > 0 ? "all" : "no"} probes found)`);
	return {
		decorate_viewport_ms: Number(decorateMs.toFixed(4)),
		keystroke_decorations_ms: Number(keystrokePatchMs.toFixed(4)),
		keystroke_rebuild_ms: Number(keystrokeRebuildMs.toFixed(4)),
		hover_lookup_us: Number(lookupUs.toFixed(3)),
	};
};

export default bench;
