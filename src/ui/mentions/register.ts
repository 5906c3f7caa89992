/**
 * Hover previews of term definitions, wired into Obsidian: one preview popover (a child component of the
 * plugin), a Markdown post-processor for reading view, and the CodeMirror extension for Live Preview and
 * source mode. Mentions come from the core matcher over the vault-wide term index; when the index's terms
 * or the hover settings change, open editors recompute their decorations and reading views re-render.
 */
import { Platform, debounce, editorLivePreviewField } from "obsidian";
import type { EventRef, MarkdownView, Plugin } from "obsidian";
import type { EditorView } from "@codemirror/view";
import { findMentions } from "../../core/matcher";
import { findGlossaryBlocks } from "../../core/note-parser";
import type { PluginSettings } from "../../core/settings";
import type { TermIndex } from "../../core/term-index";
import type { TermMention } from "../../core/types";
import { t } from "../../i18n";
import { HoverPreview } from "./preview-popover";
import { mentionDecorations, refreshViews } from "./editor-decorations";
import type { MentionDisplay } from "./editor-decorations";
import { mentionPostProcessor } from "./reading-view";
import type { MentionHandlers } from "./reading-view";
import { MENTION_SELECTOR, PREVIEW_CLASS } from "./mention-dom";

/** What the hovers read from the index (`ConferenceIndex` provides it). */
export interface HoverIndex {
	readonly terms: TermIndex;
	on(name: "changed", callback: (paths: string[]) => void): EventRef;
	offref(ref: EventRef): void;
}

/** The settings store (`SettingsStore`), or a plain getter. */
export type HoverSettings =
	| { readonly current: Readonly<PluginSettings>; on(name: "changed", callback: (keys: (keyof PluginSettings)[]) => void): EventRef }
	| (() => Readonly<PluginSettings>);

export interface HoverHandle {
	readonly preview: HoverPreview;
	/** Recompute editor decorations now and re-render reading views soon (after a settings change). */
	refresh(): void;
}

/** Settings whose change must redraw the mentions. */
const DISPLAY_KEYS: readonly (keyof PluginSettings)[] = ["hoverReadingView", "hoverLivePreview", "hoverSourceMode", "decorateMentions", "underlineStyle", "focusableMentions"];

/** The command that shows the preview of the term at the cursor or the focused mention. */
export const SHOW_PREVIEW_COMMAND = "show-term-preview";

/** Reading views re-render at most this often when terms change. */
const RERENDER_DELAY_MS = 1000;

export function registerHovers(plugin: Plugin, index: HoverIndex, settings: HoverSettings): HoverHandle {
	const getSettings = typeof settings === "function" ? settings : () => settings.current;
	// A term and another term's alias of the same name are one concept: the preview shows every definition of both.
	const lookup = (term: string) => {
		const record = index.terms.lookup(term);
		return record && index.terms.concepts().merged(record);
	};
	const preview = plugin.addChild(new HoverPreview({ app: plugin.app, lookup }));

	const find = (text: string): TermMention[] => {
		const matcher = index.terms.matcher();
		return matcher.size === 0 ? [] : findMentions(text, matcher, { blocks: false });
	};
	const handlers: MentionHandlers = {
		hover: (el, term, event) => preview.hover(el, term, event, { requireModifier: getSettings().hoverRequireModifier && !Platform.isMobile }),
		unhover: (el) => preview.unhover(el),
		tap: (el, term) => preview.tap(el, term),
		open: (el, term) => preview.open(el, term, { focus: true }),
	};
	const isMobile = () => Platform.isMobile;

	plugin.registerMarkdownPostProcessor(
		mentionPostProcessor({
			find,
			glossaryBlocks: findGlossaryBlocks,
			settings: () => {
				const s = getSettings();
				return { enabled: s.hoverReadingView, markedOnly: s.decorateMentions === "marked", underline: s.underlineStyle, focusable: s.focusableMentions };
			},
			handlers,
			isMobile,
			owner: plugin,
		}),
	);

	const views = new Set<EditorView>();
	plugin.registerEditorExtension(
		mentionDecorations({
			find,
			glossaryBlocks: findGlossaryBlocks,
			display: (livePreview): MentionDisplay => {
				const s = getSettings();
				return { enabled: livePreview ? s.hoverLivePreview : s.hoverSourceMode, markedOnly: s.decorateMentions === "marked", underline: s.underlineStyle };
			},
			isLivePreview: (state) => state.field(editorLivePreviewField, false) === true,
			attach: (view) => views.add(view),
			detach: (view) => views.delete(view),
			hover: (el, term, event) => handlers.hover(el, term, event),
			leave: (el) => handlers.unhover(el),
			tap: (el, term) => handlers.tap(el, term),
			isMobile,
		}),
	);

	// The mention that had focus last, so the command palette (which takes focus) can still act on it.
	let lastMention: HTMLElement | null = null;
	plugin.registerDomEvent(activeDocument, "focusin", (ev: FocusEvent) => {
		const el = ev.target instanceof HTMLElement ? ev.target : null;
		if (el?.matches(MENTION_SELECTOR)) lastMention = el;
		else if (!el?.closest(`.modal-container, .${PREVIEW_CLASS}`)) lastMention = null;
	});
	plugin.addCommand({
		id: SHOW_PREVIEW_COMMAND,
		name: t("command.showPreview"),
		checkCallback: (checking) => {
			const found = mentionForKeyboard(plugin, views, lastMention);
			if (!found) return false;
			if (!checking) preview.open(found.el, found.term, { focus: true, returnFocus: found.returnFocus });
			return true;
		},
	});

	const rerenderReadingViews = debounce(() => rerenderPreviews(plugin), RERENDER_DELAY_MS, true);
	plugin.register(() => rerenderReadingViews.cancel());
	const refresh = () => {
		refreshViews(views);
		rerenderReadingViews();
	};

	let seenVersion = index.terms.version;
	plugin.registerEvent(
		index.on("changed", () => {
			if (index.terms.version === seenVersion) return;
			seenVersion = index.terms.version;
			// A popover of a term that was just removed would show a definition that no longer exists.
			if (preview.term !== null && !index.terms.lookup(preview.term)) preview.close();
			refresh();
		}),
	);
	if (typeof settings !== "function") {
		plugin.registerEvent(
			settings.on("changed", (keys) => {
				if (keys.some((key) => DISPLAY_KEYS.includes(key))) refresh();
			}),
		);
	}
	return { preview, refresh };
}

/**
 * The mention the keyboard means: the focused mention (reading view, with focusable mentions), else the
 * decorated mention holding the cursor of the active note's editor. Focus returns to it (or the editor).
 */
export function mentionForKeyboard(
	plugin: Plugin,
	views: Iterable<EditorView>,
	lastMention: HTMLElement | null = null,
): { el: HTMLElement; term: string; returnFocus: HTMLElement } | null {
	const focused = activeDocument.activeElement;
	const active = focused instanceof HTMLElement && focused.closest(".modal-container") && lastMention?.isConnected ? lastMention : focused;
	if (active instanceof HTMLElement && active.matches(MENTION_SELECTOR) && !active.closest(`.${PREVIEW_CLASS}`)) {
		return { el: active, term: active.getAttribute("data-term") ?? "", returnFocus: active };
	}
	// The active note's editor (a MarkdownView is the usual activeEditor); hidden in reading view.
	const host = (plugin.app.workspace.activeEditor as Partial<{ containerEl: HTMLElement }> | null)?.containerEl;
	if (!host) return null;
	for (const view of views) {
		if (!host.contains(view.dom) || view.dom.getClientRects().length === 0) continue;
		const el = mentionAt(view, view.state.selection.main.head);
		const term = el?.getAttribute("data-term");
		return el && term ? { el, term, returnFocus: view.contentDOM } : null;
	}
	return null;
}

/** The mention mark drawn around document offset `pos` (its ends included), or null. */
export function mentionAt(view: EditorView, pos: number): HTMLElement | null {
	for (const el of Array.from(view.contentDOM.querySelectorAll<HTMLElement>(MENTION_SELECTOR))) {
		const from = view.posAtDOM(el, 0);
		const to = from + (el.textContent ?? "").length;
		if (pos >= from && pos <= to) return el;
	}
	return null;
}

/** Re-renders open reading views so their mentions follow the terms (post-processors run on render only). */
function rerenderPreviews(plugin: Plugin): void {
	for (const leaf of plugin.app.workspace.getLeavesOfType("markdown")) {
		const view = leaf.view as Partial<MarkdownView>;
		if (typeof view.getMode === "function" && view.getMode() === "preview") view.previewMode?.rerender(true);
	}
}
