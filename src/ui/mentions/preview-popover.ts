/**
 * The term preview popover: one per plugin, reused for every mention. It owns its DOM, its position
 * (kept inside the window), its lifecycle (hover delay, stay while hovered, close on leave/Escape/tap
 * outside) and a child Component per opening that owns the rendered Markdown and is unloaded on close.
 *
 * Note text reaches the DOM only as text (`setText`/`createEl({ text })`) or through
 * `MarkdownRenderer.render`, which sanitises; nothing here builds an href or parses HTML.
 */
import { Component, Keymap, MarkdownRenderer } from "obsidian";
import type { App, PaneType } from "obsidian";
import type { TermDefinition, TermRecord } from "../../core/types";
import { openNoteAtLine } from "../../obsidian/open-note";
import { noteName } from "../../core/text";
import { t } from "../../i18n";
import { PREVIEW_CLASS } from "./mention-dom";

/** Obsidian's hover delay for Page preview is about this long. */
export const HOVER_OPEN_DELAY_MS = 300;
/** Grace period to move the pointer from the mention onto the popover (and back). */
export const HOVER_CLOSE_DELAY_MS = 300;
/** Gap between the mention and the popover, and minimum distance to the window edge, in px. */
const GAP_PX = 6;
const EDGE_MARGIN_PX = 8;

export interface Box {
	left: number;
	top: number;
	width: number;
	height: number;
}

export interface Placement {
	left: number;
	top: number;
	/** Where the popover sits relative to the mention. */
	side: "below" | "above";
	/** Height available on the chosen side (the popover scrolls beyond it). */
	maxHeight: number;
}

/**
 * Where to put a popover of `size` next to `anchor` so that it stays inside `viewport`:
 * below the anchor when it fits, else above, else on the roomier side; left-aligned with the anchor,
 * shifted left to stay inside the right edge, never past the left edge.
 */
export function placePopover(anchor: Box, size: { width: number; height: number }, viewport: { width: number; height: number }): Placement {
	const below = viewport.height - (anchor.top + anchor.height) - GAP_PX - EDGE_MARGIN_PX;
	const above = anchor.top - GAP_PX - EDGE_MARGIN_PX;
	const side: Placement["side"] = size.height <= below || below >= above ? "below" : "above";
	const maxHeight = Math.max(0, side === "below" ? below : above);
	const height = Math.min(size.height, maxHeight);
	const top = side === "below" ? anchor.top + anchor.height + GAP_PX : anchor.top - GAP_PX - height;
	const maxLeft = viewport.width - EDGE_MARGIN_PX - size.width;
	const left = Math.max(EDGE_MARGIN_PX, Math.min(anchor.left, maxLeft));
	return { left: Math.round(left), top: Math.round(Math.max(EDGE_MARGIN_PX, top)), side, maxHeight: Math.floor(maxHeight) };
}

/** What the preview needs from the rest of the plugin. */
export interface HoverPreviewHost {
	app: App;
	/** The term record for a mention's `data-term` (canonical term), or undefined when it is no longer defined. */
	lookup(term: string): TermRecord | undefined;
	/** Opens a definition's source note at its line. Defaults to `openNoteAtLine`. */
	openSource?(definition: TermDefinition, newLeaf: PaneType | boolean): void;
}

/** How a preview was asked for. */
export interface OpenOptions {
	/**
	 * From the keyboard (the command, Enter on a focused mention): focus moves into the preview, and back
	 * to `returnFocus` (or what had focus before) when Escape closes it.
	 */
	focus?: boolean;
	returnFocus?: HTMLElement | null;
}

export interface HoverRequest {
	/** Only open while Ctrl/Cmd is held (Page preview habit); pressing it while hovering opens too. */
	requireModifier?: boolean;
	/** Override the open delay (taps open at once). */
	delayMs?: number;
}

/** Opens a definition's note at its (1-based) line, with the cursor there in the editor. */
export function openDefinitionSource(app: App, definition: TermDefinition, newLeaf: PaneType | boolean): void {
	void openNoteAtLine(app, definition.path, definition.line, newLeaf);
}

export class HoverPreview extends Component {
	/** The open popover, or null. */
	el: HTMLElement | null = null;
	/** The mention the open popover belongs to. */
	target: HTMLElement | null = null;
	/** Term shown in the open popover. */
	term: string | null = null;

	private content: Component | null = null;
	private openTimer: number | null = null;
	private closeTimer: number | null = null;
	private followFrame: number | null = null;
	private followWin: Window | null = null;
	/** A mention under the pointer that waits for the delay or the modifier key. */
	private pending: { target: HTMLElement; term: string; requireModifier: boolean } | null = null;
	private pendingCleanup: (() => void) | null = null;
	/** Where focus goes back to when a keyboard-opened preview closes with Escape. */
	private returnFocus: HTMLElement | null = null;

	constructor(private readonly host: HoverPreviewHost) {
		super();
	}

	onunload(): void {
		this.clearPending();
		this.close();
	}

	/** The pointer entered a mention: open after the hover delay (or when the modifier is pressed). */
	hover(target: HTMLElement, term: string, event: MouseEvent | null, request: HoverRequest = {}): void {
		this.cancelClose();
		if (this.el && this.term === term && (this.target === target || !this.target?.isConnected)) {
			// Same mention, or the editor redrew it: keep the open popover.
			this.target = target;
			return;
		}
		this.clearPending();
		const requireModifier = request.requireModifier === true;
		this.pending = { target, term, requireModifier };
		if (requireModifier && !(event && Keymap.isModifier(event, "Mod"))) {
			// Page preview habit: pressing Ctrl/Cmd while over the mention opens it.
			const doc = target.ownerDocument;
			const onKey = (ev: KeyboardEvent) => {
				if (this.pending?.target === target && isModKey(ev)) this.schedule(0);
			};
			doc.addEventListener("keydown", onKey);
			this.pendingCleanup = () => doc.removeEventListener("keydown", onKey);
			return;
		}
		this.schedule(request.delayMs ?? HOVER_OPEN_DELAY_MS);
	}

	/** The pointer left a mention: forget a pending open, close the popover unless the pointer reaches it. */
	unhover(target: HTMLElement): void {
		if (this.pending?.target === target) this.clearPending();
		if (this.el && this.target === target) this.scheduleClose();
	}

	/** A tap (touch or pen) on a mention: open at once, or close when it is already open for it. */
	tap(target: HTMLElement, term: string): void {
		this.clearPending();
		if (this.el && this.target === target && this.term === term) {
			this.close();
			return;
		}
		this.open(target, term);
	}

	/** Shows the preview for `term` next to `target`. Returns false when the term is not (or no longer) defined. */
	open(target: HTMLElement, term: string, options: OpenOptions = {}): boolean {
		this.clearPending();
		this.cancelClose();
		const record = this.host.lookup(term);
		if (!record || record.definitions.length === 0) {
			this.close();
			return false;
		}
		this.close();
		const doc = target.ownerDocument;
		const content = this.addChild(new Component());
		this.content = content;
		const el = doc.body.createDiv({ cls: `popover hover-popover ${PREVIEW_CLASS}`, attr: { role: "dialog", "aria-label": record.term, tabindex: "-1" } });
		this.el = el;
		this.target = target;
		this.term = term;
		const rendered = this.fill(el, record, content);
		this.place(el, target);
		// Rendering can finish later (embeds, images): fit the popover again once it has.
		void Promise.allSettled(rendered).then(() => {
			if (this.content === content && this.el === el) this.place(el, target);
		});

		content.registerDomEvent(el, "mouseenter", () => this.cancelClose());
		content.registerDomEvent(el, "mouseleave", () => this.scheduleClose());
		content.registerDomEvent(doc, "keydown", (ev: KeyboardEvent) => {
			if (ev.key === "Escape") {
				ev.preventDefault();
				this.close({ restoreFocus: true });
			}
		});
		if (options.focus) {
			const active = doc.activeElement;
			this.returnFocus = options.returnFocus ?? (active instanceof HTMLElement && active !== doc.body ? active : null);
			el.focus();
			// Tabbing out of the preview closes it, leaving focus where the user took it.
			content.registerDomEvent(el, "focusout", (ev: FocusEvent) => {
				const next = ev.relatedTarget as Node | null;
				if (next && !el.contains(next)) this.close();
			});
		}
		content.registerDomEvent(doc, "pointerdown", (ev: PointerEvent) => {
			const node = ev.target as Node | null;
			if (node && (el.contains(node) || this.target?.contains(node))) return;
			this.close();
		});
		// The popover is fixed to the window: when the page under it scrolls or the window resizes (a mobile
		// keyboard appearing), it follows its mention, and closes once the mention is gone or off screen.
		content.registerDomEvent(
			doc,
			"scroll",
			(ev: Event) => {
				const node = ev.target as Node | null;
				if (!node || !el.contains(node)) this.requestFollow(el);
			},
			{ capture: true, passive: true },
		);
		const win = doc.defaultView;
		if (win) content.registerDomEvent(win, "resize", () => this.requestFollow(el));
		return true;
	}

	/**
	 * Closes the popover and unloads everything it rendered. With `restoreFocus` (Escape), a preview opened
	 * from the keyboard gives focus back to where it came from.
	 */
	close(options: { restoreFocus?: boolean } = {}): void {
		const back = this.returnFocus;
		this.returnFocus = null;
		const hadFocus = this.el?.contains(this.el.ownerDocument.activeElement) === true;
		this.cancelClose();
		this.cancelFollow();
		if (this.content) {
			const content = this.content;
			this.content = null;
			this.removeChild(content);
		}
		this.el?.remove();
		this.el = null;
		this.target = null;
		this.term = null;
		if (back?.isConnected && (options.restoreFocus === true || hadFocus)) back.focus();
	}

	private fill(el: HTMLElement, record: TermRecord, content: Component): Promise<void>[] {
		const header = el.createDiv({ cls: "cqg-hover-header" });
		header.createDiv({ cls: "cqg-hover-term", text: record.term });
		const aliases = record.names.filter((name) => name !== record.term);
		if (aliases.length > 0) header.createDiv({ cls: "cqg-hover-aliases", text: aliases.join(", ") });

		const list = el.createDiv({ cls: "cqg-hover-definitions" });
		return record.definitions.map((definition) => this.fillDefinition(list, record, definition, content));
	}

	private fillDefinition(list: HTMLElement, record: TermRecord, definition: TermDefinition, content: Component): Promise<void> {
		const item = list.createDiv({ cls: "cqg-hover-definition" });
		if (definition.term !== record.term) item.createDiv({ cls: "cqg-hover-definition-term", text: definition.term });
		const body = item.createDiv({ cls: "cqg-hover-body markdown-rendered" });
		const markdown = definition.definitionMarkdown.length > 0 ? definition.definitionMarkdown : definition.definition;
		const rendered = MarkdownRenderer.render(this.host.app, markdown, body, definition.path, content).catch(() => {
			body.empty();
			body.setText(definition.definition);
		});

		const footer = item.createDiv({ cls: "cqg-hover-source" });
		footer.createSpan({ cls: "cqg-hover-note", text: noteName(definition.path), attr: { title: definition.path } });
		// Together they read `Note name, line 13`, as the panel and the pickers write it; the name alone may be cut short.
		footer.createSpan({ cls: "cqg-hover-line", text: t("hover.line", { line: definition.line }) });
		const open = footer.createEl("button", { cls: "cqg-hover-open", text: t("hover.open"), attr: { "aria-label": t("hover.openLabel", { path: definition.path, line: definition.line }) } });
		content.registerDomEvent(open, "click", (ev: MouseEvent) => {
			ev.preventDefault();
			const newLeaf = Keymap.isModEvent(ev);
			this.close();
			if (this.host.openSource) this.host.openSource(definition, newLeaf);
			else openDefinitionSource(this.host.app, definition, newLeaf);
		});
		return rendered;
	}

	private place(el: HTMLElement, target: HTMLElement): void {
		const win = target.ownerDocument.defaultView;
		const rect = target.getBoundingClientRect();
		const viewport = { width: win?.innerWidth ?? 1024, height: win?.innerHeight ?? 768 };
		const size = { width: el.offsetWidth, height: el.offsetHeight };
		const placement = placePopover({ left: rect.left, top: rect.top, width: rect.width, height: rect.height }, size, viewport);
		el.toggleClass("is-above", placement.side === "above");
		el.setCssProps({
			"--cqg-hover-left": `${placement.left}px`,
			"--cqg-hover-top": `${placement.top}px`,
			"--cqg-hover-max-height": `${placement.maxHeight}px`,
		});
	}

	private requestFollow(el: HTMLElement): void {
		const win = el.ownerDocument.defaultView;
		if (!win || this.followFrame !== null) return;
		this.followWin = win;
		this.followFrame = win.requestAnimationFrame(() => {
			this.followFrame = null;
			const target = this.target;
			if (this.el !== el || !target) return;
			const rect = target.getBoundingClientRect();
			if (!target.isConnected || rect.bottom < 0 || rect.top > win.innerHeight) this.close();
			else this.place(el, target);
		});
	}

	private cancelFollow(): void {
		if (this.followFrame !== null) this.followWin?.cancelAnimationFrame(this.followFrame);
		this.followFrame = null;
	}

	private schedule(delayMs: number): void {
		const pending = this.pending;
		if (!pending) return;
		if (this.openTimer !== null) window.clearTimeout(this.openTimer);
		this.openTimer = window.setTimeout(() => {
			this.openTimer = null;
			if (this.pending !== pending || !pending.target.isConnected) return;
			this.open(pending.target, pending.term);
		}, delayMs);
	}

	private scheduleClose(): void {
		this.cancelClose();
		this.closeTimer = window.setTimeout(() => {
			this.closeTimer = null;
			this.close();
		}, HOVER_CLOSE_DELAY_MS);
	}

	private cancelClose(): void {
		if (this.closeTimer !== null) window.clearTimeout(this.closeTimer);
		this.closeTimer = null;
	}

	private clearPending(): void {
		if (this.openTimer !== null) window.clearTimeout(this.openTimer);
		this.openTimer = null;
		this.pendingCleanup?.();
		this.pendingCleanup = null;
		this.pending = null;
	}
}

function isModKey(ev: KeyboardEvent): boolean {
	return ev.key === "Control" || ev.key === "Meta";
}
