/**
 * What the editor marks and the reading-view spans share: the mention's CSS classes and selector, the
 * preview popover's class, and the delegated pointer handling (hover with a mouse, tap on touch) that both
 * wire to the preview. No module state: every function works on the root and callbacks it is given.
 */

/** Every mention, in the editor and in reading view, carries this class and a `data-term` attribute. */
export const MENTION_CLASS = "cqg-mention";
/** A mention written with the `*` jargon marker. */
export const MENTION_MARKED_CLASS = "cqg-mention-marked";
/** A mention drawn without its underline (the "none" underline style). */
export const MENTION_PLAIN_CLASS = "cqg-mention-plain";
/** A mention element with its term. */
export const MENTION_SELECTOR = `.${MENTION_CLASS}[data-term]`;
/** The preview popover (its own text is never marked, and its mentions do not count as the page's). */
export const PREVIEW_CLASS = "cqg-hover";

export type UnderlineStyle = "dotted" | "none";

/** Class list shared by reading-view spans and editor marks. */
export function mentionClass(marked: boolean, underline: UnderlineStyle): string {
	let cls = MENTION_CLASS;
	if (marked) cls += ` ${MENTION_MARKED_CLASS}`;
	if (underline === "none") cls += ` ${MENTION_PLAIN_CLASS}`;
	return cls;
}

/** The mention element an event happened in, when it lies under `root` and outside the preview; else null. */
export function mentionFromEvent(event: Event, root: HTMLElement): HTMLElement | null {
	const target = event.target as Node | null;
	if (!target || target.nodeType !== Node.ELEMENT_NODE) return null;
	const el = (target as Element).closest<HTMLElement>(`.${MENTION_CLASS}`);
	return el && root.contains(el) && !el.closest(`.${PREVIEW_CLASS}`) ? el : null;
}

/** What a mention does under the pointer. */
export interface MentionPointerCallbacks {
	hover(el: HTMLElement, term: string, event: MouseEvent): void;
	leave(el: HTMLElement): void;
	tap(el: HTMLElement, term: string): void;
}

/** The delegated listeners for the mentions under one root; the caller registers each on that root. */
export interface MentionPointerListeners {
	readonly pointerdown: (event: PointerEvent) => void;
	readonly mouseover: (event: MouseEvent) => void;
	readonly mouseout: (event: MouseEvent) => void;
	readonly click: (event: MouseEvent) => void;
}

/**
 * Pointer handling for the mentions under `root`: with a mouse, hovering a mention opens its preview and
 * leaving it starts the close; with touch or a pen (or on a phone or tablet, `isMobile`), a click is a tap.
 */
export function mentionPointerListeners(root: HTMLElement, on: MentionPointerCallbacks, isMobile: () => boolean = () => false): MentionPointerListeners {
	let lastPointer = "mouse";
	const isTouch = () => lastPointer === "touch" || lastPointer === "pen" || isMobile();
	const withTerm = (event: Event, act: (el: HTMLElement, term: string) => void) => {
		const el = mentionFromEvent(event, root);
		const term = el?.getAttribute("data-term");
		if (el && term) act(el, term);
	};
	return {
		pointerdown: (event) => {
			lastPointer = event.pointerType || "mouse";
		},
		mouseover: (event) => {
			if (!isTouch()) withTerm(event, (el, term) => on.hover(el, term, event));
		},
		mouseout: (event) => {
			const el = mentionFromEvent(event, root);
			if (!el) return;
			const to = event.relatedTarget as Node | null;
			if (to && el.contains(to)) return;
			on.leave(el);
		},
		click: (event) => {
			if (isTouch()) withTerm(event, (el, term) => on.tap(el, term));
		},
	};
}
