/**
 * First render of the conference panel with 2,000 Q&A, under happy-dom (a DOM much slower than a browser's,
 * so real renders are faster): the real index over the stub vault, the real view, opened through the
 * workspace like the command does. Two vaults: one note holding all 2,000 questions (shown expanded,
 * since it is the only note: the hard case) and 40 notes of 50 (listed collapsed). Also: filtering the
 * 2,000 by a search and rendering the result.
 */
import { performance } from "node:perf_hooks";
import { Window } from "happy-dom";
import { figure, type Log } from "./harness";
import { conferenceNote } from "./synthetic-vault";
import { seededRandom } from "./harness";

const RUNS = 7;
/** Note edits while the panel is open (visible, then with its sidebar collapsed). */
const EDITS = 20;

/** Puts a happy-dom window's DOM on the global scope, as vitest's happy-dom environment does. */
function installDom(): void {
	const window = new Window({ url: "https://obsidian.md/" });
	const g = globalThis as unknown as Record<string, unknown>;
	const w = window as unknown as Record<string, unknown>;
	// DOM classes Node lacks, plus the event classes the DOM must own.
	const always = new Set(["Event", "CustomEvent", "EventTarget", "MouseEvent", "KeyboardEvent", "FocusEvent", "navigator", "document", "getComputedStyle"]);
	for (const name of Object.getOwnPropertyNames(w)) {
		if (!always.has(name) && (name in g || !/^[A-Z]/.test(name))) continue;
		const value = w[name];
		if (value !== undefined) Object.defineProperty(g, name, { value, configurable: true, writable: true });
	}
	for (const name of always) if (!(name in g)) Object.defineProperty(g, name, { value: w[name], configurable: true, writable: true });
	Object.defineProperty(g, "window", { value: window, configurable: true, writable: true });
}

export default async function panelBench(log: Log): Promise<Record<string, number>> {
	installDom();
	await import("./obsidian-alias");
	const stub = await import("../test/stubs/obsidian");
	stub.installDomHelpers();
	stub.installMoreDomHelpers();
	const { registerConferenceIndex } = await import("../src/obsidian/conference-index");
	const { SettingsStore } = await import("../src/obsidian/settings-store");
	const { ConferencePanelView, VIEW_TYPE_CONFERENCE_PANEL, registerConferencePanel } = await import("../src/ui/panel/conference-panel-view");
	type ObsidianPlugin = import("obsidian").Plugin;

	const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
	const manifest = { id: "conference-qa-glossary", name: "Conference Q&A Glossary", version: "0", minAppVersion: "1.5.0", description: "", author: "" };
	class BenchPlugin extends stub.Plugin {}

	/** A vault whose conference notes hold `qa` questions in all, and a panel ready to open on it. */
	async function setup(notes: { talks: number; perTalk: number }[]) {
		const rand = seededRandom(7);
		const app = new stub.App();
		notes.forEach((shape, i) => app.metadataCache.seed(`Talks/conference ${i}.md`, conferenceNote(rand, i + 1, shape.talks, shape.perTalk)));
		const plugin = new BenchPlugin(app, manifest);
		plugin.load();
		const host = plugin as unknown as ObsidianPlugin;
		const settings = await SettingsStore.load(host);
		const index = registerConferenceIndex(host, settings, { yieldToUi: tick });
		registerConferencePanel(host, index, settings);
		app.workspace.triggerLayoutReady();
		while (!index.ready) await tick();
		const qa = index.notes().reduce((n, note) => n + note.qa.length, 0);
		/** Opens a fresh panel; returns the time of its first render (onOpen builds the toolbar and the tree). */
		const open = async () => {
			const leaf = app.workspace.getRightLeaf(false);
			if (!leaf) throw new Error("no leaf");
			const t0 = performance.now();
			await leaf.setViewState({ type: VIEW_TYPE_CONFERENCE_PANEL, active: true });
			const ms = performance.now() - t0;
			const view = leaf.view;
			if (!(view instanceof ConferencePanelView)) throw new Error("no panel");
			return { ms, view, close: () => leaf.detach() };
		};
		return { app, plugin, index, qa, open };
	}

	async function firstRender(label: string, notes: { talks: number; perTalk: number }[]) {
		const vault = await setup(notes);
		const times: number[] = [];
		let rowsShown = 0;
		for (let run = 0; run < RUNS; run++) {
			const { ms, view, close } = await vault.open();
			times.push(ms);
			rowsShown = view.containerEl.querySelectorAll(".cqg-panel-question").length;
			close();
			await tick();
		}
		times.sort((a, b) => a - b);
		log(`${label}: ${vault.qa} Q&A in ${notes.length} ${notes.length === 1 ? "note" : "notes"}, ${rowsShown} question rows in the first render`);
		return { vault, first: times[0], median: times[Math.floor(times.length / 2)], coldest: times[times.length - 1] };
	}

	const one = await firstRender("one long note", [{ talks: 20, perTalk: 100 }]);
	figure(log, "panel, 2,000 Q&A in one note: first render (median)", one.median, "ms", `< 50 (${(one.median / 50).toFixed(2)}x)`);
	figure(log, "  first open of all (includes warm-up)", one.coldest, "ms");
	const many = await firstRender("40 notes", Array.from({ length: 40 }, () => ({ talks: 5, perTalk: 10 })));
	figure(log, "panel, 2,000 Q&A in 40 notes: first render (median)", many.median, "ms", "< 50");

	// Typing a query: filter all 2,000 and render the matches.
	const { view, close } = await one.vault.open();
	// For reference only: every one of the 2,000 rows unfolded at once (the user would unfold 20 talks).
	const internals = view as unknown as { expanded: Set<string> };
	for (const talk of view.model?.notes[0]?.talks ?? []) internals.expanded.add(talk.key);
	const t0all = performance.now();
	view.render();
	const allOpen = performance.now() - t0all;
	const allRows = view.containerEl.querySelectorAll(".cqg-panel-question").length;
	internals.expanded.clear();
	view.render();
	const searchTimes: number[] = [];
	for (let run = 0; run < RUNS; run++) {
		const t0 = performance.now();
		view.setQuery(run % 2 === 0 ? "CTR" : "광고 플랫폼");
		searchTimes.push(performance.now() - t0);
	}
	const shown = view.containerEl.querySelectorAll(".cqg-panel-question").length;
	view.setQuery("");
	// Unfolding a talk of 100 questions (a click re-renders the tree with the talk open).
	const expandTimes: number[] = [];
	for (let run = 0; run < RUNS; run++) {
		const talk = view.containerEl.querySelectorAll<HTMLElement>(".cqg-panel-talk")[run % 5];
		const t0 = performance.now();
		talk.click();
		expandTimes.push(performance.now() - t0);
		view.containerEl.querySelectorAll<HTMLElement>(".cqg-panel-talk")[run % 5].click();
	}
	close();
	expandTimes.sort((a, b) => a - b);
	const expand = expandTimes[Math.floor(expandTimes.length / 2)];
	searchTimes.sort((a, b) => a - b);
	const search = searchTimes[Math.floor(searchTimes.length / 2)];
	figure(log, `panel search over 2,000 Q&A (${shown} shown): filter + render`, search, "ms", "< 50");
	figure(log, "panel, unfold a talk of 100 questions", expand, "ms", "< 50");
	figure(log, `  for reference: all ${allRows} question rows unfolded, one render`, allOpen, "ms");
	// Edits arriving while the panel is open: with the sidebar expanded every index change re-renders the tree;
	// collapsed, nothing renders until the sidebar opens again (then once).
	const edits = async (collapsed: boolean) => {
		const { app, index } = many.vault;
		const { view: panel, close: closePanel } = await many.vault.open();
		if (collapsed) app.workspace.rightSplit.collapse();
		const renders = panel.renderCount;
		const t0 = performance.now();
		for (let i = 0; i < EDITS; i++) {
			const file = app.vault.getAbstractFileByPath(`Talks/conference ${i % 40}.md`);
			if (!(file instanceof stub.TFile)) throw new Error("no note");
			const text = await app.vault.cachedRead(file);
			await app.vault.modify(file, `${text}\n**Q. Added question ${i}?**\nA. Yes.\n`);
			await app.metadataCache.whenIdle();
			await index.whenIdle();
			await panel.health.whenIdle();
		}
		const ms = (performance.now() - t0) / EDITS;
		const hiddenRenders = panel.renderCount - renders;
		const s0 = performance.now();
		if (collapsed) app.workspace.rightSplit.expand();
		const showMs = performance.now() - s0;
		closePanel();
		return { ms, renders: hiddenRenders, showMs };
	};
	const expanded = await edits(false);
	const hidden = await edits(true);
	figure(log, `panel, ${EDITS} edits with the sidebar expanded (${expanded.renders} renders): per edit`, expanded.ms, "ms");
	figure(log, `panel, ${EDITS} edits with the sidebar collapsed (${hidden.renders} renders): per edit`, hidden.ms, "ms", `< ${round(expanded.ms)}`);
	figure(log, "  then expanding the sidebar: one catch-up render", hidden.showMs, "ms");
	one.vault.plugin.unload();
	many.vault.plugin.unload();
	return {
		panel_edit_visible_ms: round(expanded.ms),
		panel_edit_visible_renders: expanded.renders,
		panel_edit_collapsed_ms: round(hidden.ms),
		panel_edit_collapsed_renders: hidden.renders,
		panel_catch_up_ms: round(hidden.showMs),
		panel_render_2000_ms: round(one.median),
		panel_render_2000_collapsed_ms: round(many.median),
		panel_search_2000_ms: round(search),
		panel_expand_talk_ms: round(expand),
	};
}

function round(value: number): number {
	return Math.round(value * 100) / 100;
}
