/**
 * Small helpers from the `obsidian` module: Notice, Menu, setIcon, setTooltip, Platform, debounce,
 * Keymap and normalizePath. Notices and menus are recorded (`Notice.shown`, `Menu.lastShown`) so tests
 * can read what the user would see; menu items are clicked with `item.click()`.
 */
import { Component } from "./component";

export class Notice {
	/** Every notice shown, in order (tests clear it). */
	static shown: string[] = [];
	message: string;

	constructor(message: string | DocumentFragment, readonly duration?: number) {
		this.message = typeof message === "string" ? message : (message.textContent ?? "");
		Notice.shown.push(this.message);
	}

	setMessage(message: string | DocumentFragment): this {
		this.message = typeof message === "string" ? message : (message.textContent ?? "");
		return this;
	}

	hide(): void {}
}

export class MenuItem {
	title = "";
	icon: string | null = null;
	section = "";
	disabled = false;
	private callback: ((evt: MouseEvent | KeyboardEvent) => unknown) | null = null;

	setTitle(title: string | DocumentFragment): this {
		this.title = typeof title === "string" ? title : (title.textContent ?? "");
		return this;
	}

	setIcon(icon: string | null): this {
		this.icon = icon;
		return this;
	}

	setSection(section: string): this {
		this.section = section;
		return this;
	}

	setDisabled(disabled: boolean): this {
		this.disabled = disabled;
		return this;
	}

	setChecked(_checked: boolean | null): this {
		return this;
	}

	setWarning(_isWarning: boolean): this {
		return this;
	}

	onClick(callback: (evt: MouseEvent | KeyboardEvent) => unknown): this {
		this.callback = callback;
		return this;
	}

	/** Test helper: the user picks this item. */
	click(): unknown {
		return this.callback?.(new MouseEvent("click"));
	}
}

export class Menu extends Component {
	/** The last menu shown (tests reset it). */
	static lastShown: Menu | null = null;
	readonly items: MenuItem[] = [];
	position: { x: number; y: number } | null = null;
	private hideCallbacks: (() => unknown)[] = [];

	addItem(cb: (item: MenuItem) => unknown): this {
		const item = new MenuItem();
		cb(item);
		this.items.push(item);
		return this;
	}

	addSeparator(): this {
		return this;
	}

	setNoIcon(): this {
		return this;
	}

	showAtMouseEvent(evt: MouseEvent): this {
		return this.showAtPosition({ x: evt.clientX, y: evt.clientY });
	}

	showAtPosition(position: { x: number; y: number }): this {
		this.position = position;
		Menu.lastShown = this;
		return this;
	}

	hide(): this {
		for (const cb of this.hideCallbacks.splice(0)) cb();
		if (Menu.lastShown === this) Menu.lastShown = null;
		return this;
	}

	close(): void {
		this.hide();
	}

	onHide(callback: () => unknown): void {
		this.hideCallbacks.push(callback);
	}
}

/** Marks the element with the icon id (the real one inserts an SVG). */
export function setIcon(parent: HTMLElement, iconId: string): void {
	parent.replaceChildren();
	parent.setAttribute("data-icon", iconId);
	const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
	svg.setAttribute("class", `svg-icon ${iconId}`);
	parent.appendChild(svg);
}

export function setTooltip(el: HTMLElement, tooltip: string): void {
	el.setAttribute("aria-label", tooltip);
}

export const Platform = {
	isDesktop: true,
	isMobile: false,
	isDesktopApp: true,
	isMobileApp: false,
	isIosApp: false,
	isAndroidApp: false,
	isPhone: false,
	isTablet: false,
	isMacOS: false,
	isWin: false,
	isLinux: true,
	isSafari: false,
};

export interface Debouncer<T extends unknown[], V> {
	(...args: [...T]): this;
	cancel(): this;
	run(): V | void;
}

/** Obsidian's debounce: calls `cb` once `timeout` ms after the first (or, with resetTimer, the last) call. */
export function debounce<T extends unknown[], V>(cb: (...args: [...T]) => V, timeout = 0, resetTimer = false): Debouncer<T, V> {
	let timer: ReturnType<typeof setTimeout> | null = null;
	let lastArgs: T | null = null;
	const fire = (): V | void => {
		timer = null;
		if (lastArgs === null) return;
		const args = lastArgs;
		lastArgs = null;
		return cb(...args);
	};
	const debounced = ((...args: T) => {
		lastArgs = args;
		if (timer !== null && resetTimer) {
			clearTimeout(timer);
			timer = null;
		}
		timer ??= setTimeout(fire, timeout);
		return debounced;
	}) as Debouncer<T, V>;
	debounced.cancel = () => {
		if (timer !== null) clearTimeout(timer);
		timer = null;
		lastArgs = null;
		return debounced;
	};
	debounced.run = () => {
		if (timer !== null) clearTimeout(timer);
		return fire();
	};
	return debounced;
}

export type PaneTypeOrFalse = "tab" | "split" | "window" | boolean;

export class Keymap {
	static isModifier(evt: MouseEvent | TouchEvent | KeyboardEvent, modifier: string): boolean {
		const e = evt as MouseEvent;
		switch (modifier) {
			case "Mod":
			case "Ctrl":
				return e.ctrlKey || (modifier === "Mod" && e.metaKey);
			case "Meta":
				return e.metaKey;
			case "Shift":
				return e.shiftKey;
			case "Alt":
				return e.altKey;
			default:
				return false;
		}
	}

	static isModEvent(evt?: MouseEvent | KeyboardEvent | TouchEvent | null): PaneTypeOrFalse {
		if (!evt) return false;
		const e = evt as MouseEvent;
		const mod = e.ctrlKey || e.metaKey;
		if (mod && e.altKey && e.shiftKey) return "window";
		if (mod && e.altKey) return "split";
		if (mod || (typeof e.button === "number" && e.button === 1)) return "tab";
		return false;
	}
}

/** Obsidian's normalizePath: one slash between parts, no leading/trailing slash, NFC, plain spaces. */
export function normalizePath(path: string): string {
	let p = path.replace(/[\\/]+/g, "/").replace(/^\/+|\/+$/g, "");
	if (p === "") p = "/";
	return p.replace(/[\u00A0\u202F]/g, " ").normalize("NFC");
}

/**
 * Obsidian's interface language (1.8.7+): the code chosen in Settings → General → Language, which
 * Obsidian keeps in localStorage under `language`; English ("en") when none was chosen.
 */
export function getLanguage(): string {
	return (typeof localStorage === "undefined" ? null : localStorage.getItem("language")) ?? "en";
}

/**
 * The part of Obsidian's bundled moment the plugin reads: `moment.locale()`, which Obsidian sets to its
 * interface language at startup (how plugins learnt the language before `getLanguage()`).
 */
export const moment = {
	locale(): string {
		return getLanguage();
	},
};
