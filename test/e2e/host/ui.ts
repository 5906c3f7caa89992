/**
 * The visible parts of Obsidian's UI helpers, on top of the test stub's records: notices appear in a
 * notice container and fade out, menus show at the pointer and close on a pick, Escape or a click
 * elsewhere, `setIcon` draws a few icons, and modals close on Escape or a click on the backdrop and
 * focus their first input, as in Obsidian.
 */
import { Menu as StubMenu, Notice as StubNotice } from "../../stubs/obsidian/misc";
import { Modal } from "../../stubs/obsidian/modal";

const NOTICE_MS = 4000;

function noticeContainer(): HTMLElement {
	return document.body.querySelector<HTMLElement>(".notice-container") ?? document.body.createDiv({ cls: "notice-container" });
}

export class Notice extends StubNotice {
	readonly noticeEl: HTMLElement;

	constructor(message: string | DocumentFragment, duration?: number) {
		super(message, duration);
		this.noticeEl = noticeContainer().createDiv({ cls: "notice", text: this.message });
		const ms = duration ?? NOTICE_MS;
		if (ms > 0) window.setTimeout(() => this.hide(), ms);
		this.noticeEl.addEventListener("click", () => this.hide());
	}

	setMessage(message: string | DocumentFragment): this {
		super.setMessage(message);
		this.noticeEl.setText(this.message);
		return this;
	}

	hide(): void {
		this.noticeEl.remove();
	}
}

export class Menu extends StubMenu {
	private menuEl: HTMLElement | null = null;
	private cleanup: (() => void) | null = null;

	showAtPosition(position: { x: number; y: number }): this {
		super.showAtPosition(position);
		this.removeDom();
		const el = document.body.createDiv({ cls: "menu", attr: { role: "menu" } });
		this.menuEl = el;
		for (const item of this.items) {
			const row = el.createDiv({ cls: "menu-item", attr: { role: "menuitem", tabindex: "-1" } });
			if (item.disabled) row.addClass("is-disabled");
			row.createDiv({ cls: "menu-item-icon", attr: { "data-icon": item.icon ?? "" } });
			row.createDiv({ cls: "menu-item-title", text: item.title });
			row.addEventListener("click", () => {
				if (item.disabled) return;
				this.hide();
				item.click();
			});
		}
		el.setCssProps({ "--host-menu-left": `${Math.round(position.x)}px`, "--host-menu-top": `${Math.round(position.y)}px` });
		const onDown = (ev: PointerEvent) => {
			if (!el.contains(ev.target as Node)) this.hide();
		};
		const onKey = (ev: KeyboardEvent) => {
			if (ev.key === "Escape") this.hide();
		};
		document.addEventListener("pointerdown", onDown, true);
		document.addEventListener("keydown", onKey, true);
		this.cleanup = () => {
			document.removeEventListener("pointerdown", onDown, true);
			document.removeEventListener("keydown", onKey, true);
		};
		return this;
	}

	hide(): this {
		this.removeDom();
		return super.hide();
	}

	private removeDom(): void {
		this.cleanup?.();
		this.cleanup = null;
		this.menuEl?.remove();
		this.menuEl = null;
	}
}

/** A few icons as simple outlines (Obsidian draws Lucide icons); any other id gets a dot. */
const ICONS: Record<string, string[]> = {
	"message-square": ["M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z"],
	"chevrons-down-up": ["m7 20 5-5 5 5", "m7 4 5 5 5-5"],
	"chevron-right": ["m9 18 6-6-6-6"],
	"chevron-down": ["m6 9 6 6 6-6"],
	copy: ["M8 8h12v12H8z", "M4 16V4h12"],
	search: ["M11 4a7 7 0 1 0 0 14a7 7 0 1 0 0-14", "m21 21-4.3-4.3"],
	document: ["M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8z", "M14 2v6h6"],
	"book-open": ["M2 4h6a4 4 0 0 1 4 4v13a3 3 0 0 0-3-3H2z", "M22 4h-6a4 4 0 0 0-4 4v13a3 3 0 0 1 3-3h7z"],
};

const SVG_NS = "http://www.w3.org/2000/svg";

export function setIcon(parent: HTMLElement, iconId: string): void {
	parent.empty();
	parent.setAttr("data-icon", iconId);
	const svg = document.createElementNS(SVG_NS, "svg");
	for (const [name, value] of Object.entries({
		class: `svg-icon ${iconId}`,
		viewBox: "0 0 24 24",
		width: "18",
		height: "18",
		fill: "none",
		stroke: "currentColor",
		"stroke-width": "2",
		"stroke-linecap": "round",
		"stroke-linejoin": "round",
	}))
		svg.setAttribute(name, value);
	for (const d of ICONS[iconId] ?? ["M12 11a1 1 0 1 0 0 2a1 1 0 1 0 0-2"]) {
		const path = document.createElementNS(SVG_NS, "path");
		path.setAttribute("d", d);
		svg.appendChild(path);
	}
	parent.appendChild(svg);
}

/**
 * Obsidian's modal habits, for every Modal: Escape and a backdrop click close the top modal; the input
 * takes focus on open, and focus goes back where it was (the editor) on close; in a suggester, Enter and
 * the arrow keys do not reach the page.
 */
export function installModalBehaviour(): void {
	// eslint-disable-next-line @typescript-eslint/unbound-method -- wrapped below and called with .call(this)
	const open = Modal.prototype.open;
	// eslint-disable-next-line @typescript-eslint/unbound-method -- wrapped below and called with .call(this)
	const close = Modal.prototype.close;
	const returnFocus = new WeakMap<Modal, HTMLElement>();
	Modal.prototype.open = function (this: Modal): void {
		const active = document.activeElement;
		if (active instanceof HTMLElement && !returnFocus.has(this)) returnFocus.set(this, active);
		open.call(this);
		this.containerEl.addEventListener("mousedown", (ev) => {
			if (ev.target === this.containerEl) this.close();
		});
		// Like Obsidian's suggesters, the keys that move and choose are not also typed into what gets focus next.
		if (this.modalEl.hasClass("prompt")) {
			this.modalEl.addEventListener(
				"keydown",
				(ev) => {
					if ((ev.key === "Enter" || ev.key === "ArrowUp" || ev.key === "ArrowDown") && !ev.isComposing) ev.preventDefault();
				},
				true,
			);
		}
		// At once, so a key typed right after the one that opened the modal lands in it (Ctrl+P, then typing);
		// again after a task, for modals that build their content after open().
		const focusFirst = () => {
			if (this.modalEl.contains(document.activeElement)) return;
			this.modalEl.querySelector<HTMLElement>("input, textarea, select, button, [tabindex='0']")?.focus();
		};
		focusFirst();
		window.setTimeout(focusFirst, 0);
	};
	Modal.prototype.close = function (this: Modal): void {
		const wasOpen = this.opened;
		close.call(this);
		const back = returnFocus.get(this);
		returnFocus.delete(this);
		if (wasOpen && back?.isConnected && !document.querySelector(".modal-container")) back.focus();
	};
	// Capture phase: the top modal closes before a SuggestModal's own Escape handler would see the key.
	document.addEventListener(
		"keydown",
		(ev) => {
			if (ev.key !== "Escape") return;
			const top = Modal.openModals[Modal.openModals.length - 1];
			if (top) {
				ev.preventDefault();
				top.close();
			}
		},
		true,
	);
}
