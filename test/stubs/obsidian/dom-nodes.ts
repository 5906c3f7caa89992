/**
 * More of Obsidian's DOM additions, installed next to dom.ts's: Node.appendText, doc/win, insertAfter,
 * indexOf, setChildrenInPlace; Element.getAttr, removeClasses, matchParent, isActiveElement;
 * HTMLElement.show/hide/isShown/toggleVisibility. Text goes in as text nodes; nothing parses HTML.
 */
let installed = false;

export function installMoreDomHelpers(): void {
	if (installed || typeof globalThis.document === "undefined" || typeof globalThis.Node === "undefined") return;
	installed = true;
	const define = (proto: object, name: string, value: unknown) =>
		Object.defineProperty(proto, name, { value, configurable: true, writable: true });
	const getter = (proto: object, name: string, get: () => unknown) => Object.defineProperty(proto, name, { get, configurable: true });

	define(Node.prototype, "appendText", function (this: Node, text: string) {
		this.appendChild((this.ownerDocument ?? document).createTextNode(text));
	});
	define(DocumentFragment.prototype, "appendText", function (this: Node, text: string) {
		this.appendChild((this.ownerDocument ?? document).createTextNode(text));
	});
	getter(Node.prototype, "doc", function (this: Node) {
		return this.ownerDocument ?? document;
	});
	getter(Node.prototype, "win", function (this: Node) {
		return (this.ownerDocument ?? document).defaultView ?? window;
	});
	define(Node.prototype, "insertAfter", function <T extends Node>(this: Node, node: T, child: Node | null): T {
		this.insertBefore(node, child ? child.nextSibling : this.firstChild);
		return node;
	});
	define(Node.prototype, "indexOf", function (this: Node, other: Node) {
		return Array.prototype.indexOf.call(this.childNodes, other);
	});
	define(Node.prototype, "setChildrenInPlace", function (this: Node, children: Node[]) {
		while (this.firstChild) this.removeChild(this.firstChild);
		for (const child of children) this.appendChild(child);
	});
	define(Element.prototype, "getAttr", function (this: Element, name: string) {
		return this.getAttribute(name);
	});
	define(Element.prototype, "removeClasses", function (this: Element, classes: string[]) {
		for (const c of classes) this.classList.remove(c);
	});
	define(Element.prototype, "matchParent", function (this: Element, selector: string, lastParent?: Element) {
		if (this.matches(selector)) return this;
		const parent = this.parentElement;
		if (!parent || parent === lastParent) return null;
		return (parent as unknown as { matchParent: (s: string, l?: Element) => Element | null }).matchParent(selector, lastParent);
	});
	define(Element.prototype, "isActiveElement", function (this: Element) {
		return this.ownerDocument.activeElement === this;
	});
	define(HTMLElement.prototype, "show", function (this: HTMLElement) {
		this.classList.remove("is-hidden");
	});
	define(HTMLElement.prototype, "hide", function (this: HTMLElement) {
		this.classList.add("is-hidden");
	});
	define(HTMLElement.prototype, "isShown", function (this: HTMLElement) {
		return !this.classList.contains("is-hidden");
	});
	define(HTMLElement.prototype, "toggleVisibility", function (this: HTMLElement, visible: boolean) {
		this.classList.toggle("is-invisible", !visible);
	});
}

installMoreDomHelpers();
