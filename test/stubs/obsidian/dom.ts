/**
 * Obsidian's DOM helpers (createEl, createDiv, setText, empty, addClass…), installed on the DOM
 * prototypes when a DOM exists (happy-dom tests). They build elements; nothing here parses HTML.
 */
export interface DomElementInfo {
	cls?: string | string[];
	text?: string | DocumentFragment;
	attr?: Record<string, string | number | boolean | null>;
	title?: string;
	parent?: Node;
	value?: string;
	type?: string;
	prepend?: boolean;
	placeholder?: string;
	href?: string;
}

function classesOf(cls: string | string[] | undefined): string[] {
	if (!cls) return [];
	return (Array.isArray(cls) ? cls : cls.split(" ")).filter((c) => c.length > 0);
}

function applyInfo(el: HTMLElement, info: DomElementInfo | string | undefined): void {
	if (info === undefined) return;
	if (typeof info === "string") {
		el.className = info;
		return;
	}
	for (const c of classesOf(info.cls)) el.classList.add(c);
	if (info.text !== undefined) {
		if (typeof info.text === "string") el.textContent = info.text;
		else el.appendChild(info.text);
	}
	if (info.attr) {
		for (const [k, v] of Object.entries(info.attr)) {
			if (v === null || v === false) el.removeAttribute(k);
			else el.setAttribute(k, String(v));
		}
	}
	if (info.title !== undefined) el.setAttribute("title", info.title);
	if (info.value !== undefined && "value" in el) (el as HTMLInputElement).value = info.value;
	if (info.type !== undefined) el.setAttribute("type", info.type);
	if (info.placeholder !== undefined) el.setAttribute("placeholder", info.placeholder);
	if (info.href !== undefined) el.setAttribute("href", info.href);
}

export function createEl<K extends keyof HTMLElementTagNameMap>(
	tag: K,
	info?: DomElementInfo | string,
	callback?: (el: HTMLElementTagNameMap[K]) => void,
): HTMLElementTagNameMap[K] {
	const el = document.createElement(tag);
	applyInfo(el, info);
	if (typeof info === "object" && info.parent) {
		if (info.prepend) info.parent.insertBefore(el, info.parent.firstChild);
		else info.parent.appendChild(el);
	}
	callback?.(el);
	return el;
}

export function createDiv(info?: DomElementInfo | string, callback?: (el: HTMLDivElement) => void): HTMLDivElement {
	return createEl("div", info, callback);
}

export function createSpan(info?: DomElementInfo | string, callback?: (el: HTMLSpanElement) => void): HTMLSpanElement {
	return createEl("span", info, callback);
}

export function createFragment(callback?: (el: DocumentFragment) => void): DocumentFragment {
	const fragment = document.createDocumentFragment();
	callback?.(fragment);
	return fragment;
}

function childEl<K extends keyof HTMLElementTagNameMap>(
	parent: Node,
	tag: K,
	info?: DomElementInfo | string,
	callback?: (el: HTMLElementTagNameMap[K]) => void,
): HTMLElementTagNameMap[K] {
	const el = document.createElement(tag);
	applyInfo(el, info);
	if (typeof info === "object" && info.prepend) parent.insertBefore(el, parent.firstChild);
	else parent.appendChild(el);
	callback?.(el);
	return el;
}

let installed = false;

/** Adds the helpers to Node/Element prototypes and the global scope. Safe to call twice. */
export function installDomHelpers(): void {
	if (installed || typeof globalThis.document === "undefined" || typeof globalThis.Node === "undefined") return;
	installed = true;
	const nodeProto = Node.prototype as unknown as Record<string, unknown>;
	const elProto = Element.prototype as unknown as Record<string, unknown>;
	const fragProto = DocumentFragment.prototype as unknown as Record<string, unknown>;
	const define = (proto: Record<string, unknown>, name: string, fn: unknown) =>
		Object.defineProperty(proto, name, { value: fn, configurable: true, writable: true });

	for (const proto of [nodeProto, fragProto]) {
		define(proto, "createEl", function (this: Node, tag: keyof HTMLElementTagNameMap, info?: DomElementInfo | string, cb?: (el: HTMLElement) => void) {
			return childEl(this, tag, info, cb);
		});
		define(proto, "createDiv", function (this: Node, info?: DomElementInfo | string, cb?: (el: HTMLElement) => void) {
			return childEl(this, "div", info, cb);
		});
		define(proto, "createSpan", function (this: Node, info?: DomElementInfo | string, cb?: (el: HTMLElement) => void) {
			return childEl(this, "span", info, cb);
		});
		define(proto, "empty", function (this: Node) {
			while (this.firstChild) this.removeChild(this.firstChild);
		});
		define(proto, "detach", function (this: Node) {
			this.parentNode?.removeChild(this);
		});
		define(proto, "instanceOf", function (this: Node, type: abstract new (...args: never[]) => unknown) {
			return this instanceof type;
		});
		define(proto, "setText", function (this: Node, text: string) {
			this.textContent = text;
		});
	}
	define(elProto, "getText", function (this: Element) {
		return this.textContent ?? "";
	});
	define(elProto, "addClass", function (this: Element, ...classes: string[]) {
		for (const c of classes) this.classList.add(c);
	});
	define(elProto, "addClasses", function (this: Element, classes: string[]) {
		for (const c of classes) this.classList.add(c);
	});
	define(elProto, "removeClass", function (this: Element, ...classes: string[]) {
		for (const c of classes) this.classList.remove(c);
	});
	define(elProto, "toggleClass", function (this: Element, classes: string | string[], value: boolean) {
		for (const c of Array.isArray(classes) ? classes : [classes]) this.classList.toggle(c, value);
	});
	define(elProto, "hasClass", function (this: Element, cls: string) {
		return this.classList.contains(cls);
	});
	define(elProto, "setAttr", function (this: Element, name: string, value: string | number | boolean | null) {
		if (value === null || value === false) this.removeAttribute(name);
		else this.setAttribute(name, String(value));
	});
	define(elProto, "setAttrs", function (this: Element, attrs: Record<string, string | number | boolean | null>) {
		for (const [k, v] of Object.entries(attrs)) (this as unknown as { setAttr: (n: string, v: unknown) => void }).setAttr(k, v);
	});
	define(elProto, "find", function (this: Element, selector: string) {
		return this.querySelector(selector);
	});
	define(elProto, "findAll", function (this: Element, selector: string) {
		return Array.from(this.querySelectorAll(selector));
	});
	define(elProto, "onClickEvent", function (this: Element, listener: (ev: MouseEvent) => unknown, options?: AddEventListenerOptions) {
		this.addEventListener("click", listener as EventListener, options);
	});
	define(elProto, "toggle", function (this: HTMLElement, show: boolean) {
		this.toggleClass("is-hidden", !show);
	});
	const g = globalThis as unknown as Record<string, unknown>;
	g.createEl = createEl;
	g.createDiv = createDiv;
	g.createSpan = createSpan;
	g.createFragment = createFragment;
	g.activeDocument = document;
	g.activeWindow = window;
}

installDomHelpers();
