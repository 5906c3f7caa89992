/**
 * Reading view: wraps term mentions in rendered Markdown in `span.cqg-mention[data-term]`, splitting text
 * nodes with DOM methods (never by assigning HTML). Code, preformatted text, links, math, embeds, our
 * own marks and glossary entries (term line and definition, as in the editor) are left alone.
 */
import { Component, MarkdownRenderChild, type MarkdownPostProcessorContext } from "obsidian";
import { DEFINITION_CALLOUTS, TERM_TITLED_CALLOUTS } from "../../core/glossary-parser";
import type { TermMention } from "../../core/types";
import { MENTION_CLASS, mentionClass, mentionPointerListeners, PREVIEW_CLASS, mentionFromEvent } from "./mention-dom";
import type { UnderlineStyle } from "./mention-dom";

/** Finds the mentions in one piece of rendered text (offsets into `text`). */
export type FindMentions = (text: string) => TermMention[];

export interface MarkOptions {
	find: FindMentions;
	/**
	 * The section holds a glossary entry (known from the note's source): also leave alone
	 * `- **term**: definition` lines and `### Term` headings. Blockquote entries and definition callouts
	 * are always recognised from the DOM.
	 */
	glossarySection?: boolean;
	/** Only mark mentions written with the `*` jargon marker. */
	markedOnly?: boolean;
	/** Underline style; "none" adds `cqg-mention-plain`. */
	underline?: UnderlineStyle;
	/** Mentions take keyboard focus (a tab stop each, a button to screen readers); off by default. */
	focusable?: boolean;
}

/** Elements whose text is never marked (and whose subtree is not walked). */
const SKIP_SELECTOR = [
	"code",
	"pre",
	"a",
	"kbd",
	"samp",
	"script",
	"style",
	"textarea",
	"input",
	"button",
	"select",
	"svg",
	"math",
	"mjx-container",
	".math",
	".frontmatter",
	".frontmatter-container",
	".metadata-container",
	".internal-embed",
	".internal-link",
	".external-link",
	".tag",
	`.${PREVIEW_CLASS}`,
	// A glossary embed's own term and alias cells (a term is not a mention of itself).
	".cqg-embed-term-name",
	".cqg-embed-aliases",
	".cqg-embed-warning-term",
	`.${MENTION_CLASS}`,
].join(",");

/** Marks every mention under `root`; returns the new mention elements in document order. */
export function markMentions(root: HTMLElement, options: MarkOptions): HTMLElement[] {
	if (root.closest(`.${PREVIEW_CLASS}`)) return [];
	const entries = glossaryEntryNodes(root, options.find, options.glossarySection === true);
	const nodes = eligibleTextNodes(root, entries);
	const spans: HTMLElement[] = [];
	for (const node of nodes) {
		const found = options.find(node.data);
		const mentions = options.markedOnly ? found.filter((m) => m.marked) : found;
		spans.push(...wrapMentions(node, mentions, options.underline ?? "dotted", options.focusable === true));
	}
	return spans;
}

/** Text nodes under `root` outside skipped elements, with content, in document order. */
export function eligibleTextNodes(root: HTMLElement, exclude: ReadonlySet<Text> = new Set()): Text[] {
	if (root.matches(SKIP_SELECTOR) || hasSkippedAncestor(root)) return [];
	const doc = root.ownerDocument;
	const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
		acceptNode(node: Node): number {
			if (node.nodeType === Node.ELEMENT_NODE) {
				return (node as Element).matches(SKIP_SELECTOR) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP;
			}
			const text = node as Text;
			return text.data.trim().length > 0 && !exclude.has(text) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT;
		},
	});
	const nodes: Text[] = [];
	for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
	return nodes;
}

/** True when an ancestor of `el` (a section being post-processed may already sit in the page) is skipped. */
function hasSkippedAncestor(el: HTMLElement): boolean {
	const parent = el.parentElement;
	return parent !== null && parent.closest(SKIP_SELECTOR) !== null;
}

function calloutSelector(types: readonly string[]): string {
	return types.map((type) => `.callout[data-callout="${type}"]`).join(",");
}

/**
 * Text nodes of glossary entries, term and definition, which are never marked (the editor skips them
 * too): in a blockquote, a paragraph that goes on after a line break (`> eCPM  ⏎ > definition…`) and starts
 * with a known term; a definition callout; and, in a section known to hold glossary entries, a list item
 * or paragraph led by `**term**`, and headings.
 */
export function glossaryEntryNodes(root: HTMLElement, find: FindMentions, glossarySection = false): Set<Text> {
	const result = new Set<Text>();
	const addAll = (el: Element) => {
		for (const t of textNodesOf(el)) result.add(t);
	};
	for (const callout of selfAndDescendants(root, calloutSelector(DEFINITION_CALLOUTS))) addAll(callout);
	// A note or info callout is a glossary entry when its title starts with a known term (as the parser reads it).
	for (const callout of selfAndDescendants(root, calloutSelector(TERM_TITLED_CALLOUTS))) {
		const title = callout.querySelector(".callout-title-inner")?.textContent ?? "";
		const lead = title.length - title.trimStart().length;
		const mentions = find(title);
		if (mentions.length > 0 && mentions[0].from === lead) addAll(callout);
	}
	if (glossarySection) {
		for (const heading of selfAndDescendants(root, "h1,h2,h3,h4,h5,h6")) addAll(heading);
		for (const block of selfAndDescendants(root, "li,p")) {
			const first = firstMeaningfulChild(block);
			if (first && (first.tagName === "STRONG" || first.tagName === "B")) addAll(block);
		}
	}
	for (const quote of selfAndDescendants(root, "blockquote")) {
		const paragraphs = Array.from(quote.children).filter((child): child is HTMLElement => child.tagName === "P");
		for (const block of paragraphs.length > 0 ? paragraphs : [quote]) {
			const line = firstLineTextNodes(block);
			if (!line) continue;
			const text = line.map((t) => t.data).join("");
			const lead = text.length - text.trimStart().length;
			const mentions = find(text);
			if (mentions.length > 0 && mentions[0].from === lead) addAll(block);
		}
	}
	return result;
}

function selfAndDescendants(root: HTMLElement, selector: string): HTMLElement[] {
	const found = Array.from(root.querySelectorAll<HTMLElement>(selector));
	return root.matches(selector) ? [root, ...found] : found;
}

function textNodesOf(el: Element): Text[] {
	const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
	const nodes: Text[] = [];
	for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
	return nodes;
}

/** The first child element of `block`, when no text comes before it. */
function firstMeaningfulChild(block: Element): Element | null {
	for (let node = block.firstChild; node; node = node.nextSibling) {
		if (node.nodeType === Node.TEXT_NODE) {
			if ((node as Text).data.trim().length > 0) return null;
			continue;
		}
		if (node.nodeType === Node.ELEMENT_NODE) {
			const el = node as Element;
			// A task checkbox or list bullet comes before the text.
			if (el.tagName === "INPUT" || el.classList.contains("list-bullet")) continue;
			return el;
		}
	}
	return null;
}

/** The text nodes before the first `<br>` of `block`, when a `<br>` with text after it follows; else null. */
function firstLineTextNodes(block: HTMLElement): Text[] | null {
	const doc = block.ownerDocument;
	const walker = doc.createTreeWalker(block, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
	const line: Text[] = [];
	let sawBreak = false;
	for (let node = walker.nextNode(); node; node = walker.nextNode()) {
		if (node.nodeType === Node.ELEMENT_NODE) {
			const tag = (node as Element).tagName;
			if (tag === "BR") {
				if (sawBreak) continue;
				sawBreak = true;
				continue;
			}
			// A nested block (list, another quote) ends the paragraph's first line.
			if (!sawBreak && (tag === "P" || tag === "UL" || tag === "OL" || tag === "BLOCKQUOTE" || tag === "DIV")) return null;
			continue;
		}
		const text = node as Text;
		if (!sawBreak) line.push(text);
		else if (text.data.trim().length > 0) return line.length > 0 ? line : null;
	}
	return null;
}

/** Wraps `mentions` (offsets into `node.data`, sorted, non-overlapping) in spans. */
export function wrapMentions(node: Text, mentions: readonly TermMention[], underline: UnderlineStyle = "dotted", focusable = false): HTMLElement[] {
	const spans: HTMLElement[] = [];
	const parent = node.parentNode;
	if (!parent || mentions.length === 0) return spans;
	// Right to left, so earlier offsets stay valid as the node is split.
	let end = node.data.length;
	for (let i = mentions.length - 1; i >= 0; i--) {
		const m = mentions[i];
		if (m.from < 0 || m.to > end || m.from >= m.to) continue;
		if (m.to < node.data.length) node.splitText(m.to);
		const middle = m.from > 0 ? node.splitText(m.from) : node;
		const span = createMentionSpan(m, underline, focusable);
		parent.insertBefore(span, middle);
		span.appendChild(middle);
		spans.push(span);
		end = m.from;
		if (m.from === 0) break;
	}
	return spans.reverse();
}

function createMentionSpan(mention: TermMention, underline: UnderlineStyle, focusable: boolean): HTMLElement {
	const attr: Record<string, string> = { "data-term": mention.term };
	// A focusable mention is a button that opens a dialog (the preview); its name is its own text.
	if (focusable) Object.assign(attr, { tabindex: "0", role: "button", "aria-haspopup": "dialog" });
	return createSpan({ cls: mentionClass(mention.marked, underline), attr });
}

// ---------------------------------------------------------------------------------------------------
// The post-processor and its pointer handling.

/** What a rendered mention does on hover and tap (the preview). */
export interface MentionHandlers {
	hover(el: HTMLElement, term: string, event: MouseEvent): void;
	unhover(el: HTMLElement): void;
	tap(el: HTMLElement, term: string): void;
	/** Enter or Space on a focused mention: show its preview and move focus into it. */
	open?(el: HTMLElement, term: string): void;
}

export interface ReadingViewSettings {
	enabled: boolean;
	markedOnly: boolean;
	underline: UnderlineStyle;
	/** Mentions take keyboard focus (the "Mentions take keyboard focus" setting). */
	focusable?: boolean;
}

export interface ReadingViewOptions {
	find: FindMentions;
	settings(): ReadingViewSettings;
	/** Glossary blocks of a whole note (1-based lines), to tell which sections hold glossary entries. */
	glossaryBlocks?(text: string): { line: number; endLine: number }[];
	handlers: MentionHandlers;
	/** True on phones and tablets: a tap opens the preview even without a touch pointer event. */
	isMobile?: () => boolean;
	/**
	 * The plugin (or a component it owns). Unloading it removes every listener the post-processor added,
	 * also from reading views rendered earlier that stay open.
	 */
	owner: Component;
}

/**
 * Obsidian's context always has `addChild`, which unloads the child when its section is re-rendered or
 * closed; a caller without one (a test) leaves the child to the owner alone.
 */
type SectionContext = Pick<MarkdownPostProcessorContext, "getSectionInfo"> & Partial<Pick<MarkdownPostProcessorContext, "addChild">>;

/**
 * The pointer handling of one rendered section, as a render child: its listeners go through
 * `registerDomEvent`, so unloading it (the section is re-rendered, the view closes, or the plugin
 * unloads) removes them, and it unwraps the section's mention spans.
 */
export class MentionEvents extends MarkdownRenderChild {
	constructor(
		containerEl: HTMLElement,
		private readonly handlers: MentionHandlers,
		private readonly isMobile: () => boolean,
		/** The section's mentions are tab stops: also listen for Enter and Space. */
		private readonly keyboard = false,
	) {
		super(containerEl);
	}

	onload(): void {
		bindMentionEvents(this, this.containerEl, this.handlers, this.isMobile, this.keyboard);
	}

	onunload(): void {
		unwrapMentions(this.containerEl);
	}
}

/**
 * Every live `MentionEvents` of the plugin, so the plugin's unload reaches sections Obsidian keeps
 * rendered. A child leaves the set when it unloads, so the set holds only what is on screen.
 */
export class MentionEventsRegistry extends Component {
	private readonly live = new Set<MentionEvents>();

	/** How many sections have live listeners (tests and the benchmark read it). */
	get size(): number {
		return this.live.size;
	}

	track(child: MentionEvents): void {
		this.live.add(child);
		child.register(() => this.live.delete(child));
	}

	onunload(): void {
		for (const child of [...this.live]) child.unload();
		this.live.clear();
	}
}

/** Unwraps the mention spans under `root`, leaving their text where it was. */
export function unwrapMentions(root: HTMLElement): void {
	for (const span of Array.from(root.querySelectorAll<HTMLElement>(`span.${MENTION_CLASS}`))) {
		const parent = span.parentNode;
		if (!parent) continue;
		while (span.firstChild) parent.insertBefore(span.firstChild, span);
		parent.removeChild(span);
		parent.normalize();
	}
}

/** The Markdown post-processor: marks the mentions of one rendered section and wires their events. */
export function mentionPostProcessor(options: ReadingViewOptions): (el: HTMLElement, ctx: SectionContext) => void {
	let cachedText: string | null = null;
	let cachedBlocks: { line: number; endLine: number }[] = [];
	const blocksOf = (text: string) => {
		if (text !== cachedText) {
			cachedText = text;
			cachedBlocks = options.glossaryBlocks ? options.glossaryBlocks(text) : [];
		}
		return cachedBlocks;
	};
	const registry = options.owner.addChild(new MentionEventsRegistry());
	const bound = new WeakSet<HTMLElement>();
	const isMobile = options.isMobile ?? (() => false);
	return (el, ctx) => {
		const settings = options.settings();
		if (!settings.enabled) return;
		let glossarySection = false;
		if (options.glossaryBlocks) {
			const info = ctx.getSectionInfo(el);
			if (info) {
				const first = info.lineStart + 1;
				const last = info.lineEnd + 1;
				const blocks = blocksOf(info.text).filter((b) => b.line <= last && b.endLine >= first);
				// A section made only of glossary entries (their terms and definitions) gets no marks at all.
				if (blocks.length > 0 && onlyGlossaryLines(info.text, first, last, blocks)) return;
				glossarySection = blocks.length > 0;
			}
		}
		const spans = markMentions(el, { find: options.find, markedOnly: settings.markedOnly, underline: settings.underline, glossarySection, focusable: settings.focusable });
		if (spans.length > 0 && !bound.has(el)) {
			bound.add(el);
			const child = new MentionEvents(el, options.handlers, isMobile, settings.focusable === true);
			registry.track(child);
			if (ctx.addChild) ctx.addChild(child);
			else child.load();
		}
	};
}

/** True when every non-blank line of `first..last` (1-based) lies in one of `blocks`. */
function onlyGlossaryLines(text: string, first: number, last: number, blocks: readonly { line: number; endLine: number }[]): boolean {
	const lines = sectionLines(text, first, last);
	for (let n = first; n <= last; n++) {
		const line = lines[n - first] ?? "";
		if (line.trim() === "") continue;
		if (!blocks.some((b) => b.line <= n && n <= Math.max(b.line, b.endLine))) return false;
	}
	return true;
}

/** Lines `first..last` (1-based) of `text`, without splitting the whole note. */
function sectionLines(text: string, first: number, last: number): string[] {
	let at = 0;
	for (let n = 1; n < first && at >= 0; n++) {
		const next = text.indexOf("\n", at);
		at = next < 0 ? -1 : next + 1;
	}
	if (at < 0) return [];
	const out: string[] = [];
	for (let n = first; n <= last; n++) {
		const next = text.indexOf("\n", at);
		out.push(text.slice(at, next < 0 ? text.length : next));
		if (next < 0) break;
		at = next + 1;
	}
	return out;
}

/** What registers the listeners: a component, so its unload removes them. */
type ListenerOwner = Pick<Component, "registerDomEvent">;

/**
 * Delegated pointer handling for the mentions under `root`, registered through `owner`, and with
 * `keyboard` (focusable mentions) Enter and Space on a focused mention. Call once per root.
 */
export function bindMentionEvents(owner: ListenerOwner, root: HTMLElement, handlers: MentionHandlers, isMobile: () => boolean = () => false, keyboard = false): void {
	const pointer = mentionPointerListeners(root, {
		hover: (el, term, event) => handlers.hover(el, term, event),
		leave: (el) => handlers.unhover(el),
		tap: (el, term) => handlers.tap(el, term),
	}, isMobile);
	owner.registerDomEvent(root, "pointerdown", pointer.pointerdown);
	owner.registerDomEvent(root, "mouseover", pointer.mouseover);
	owner.registerDomEvent(root, "mouseout", pointer.mouseout);
	owner.registerDomEvent(root, "click", pointer.click);
	if (!keyboard) return;
	owner.registerDomEvent(root, "keydown", (event: KeyboardEvent) => {
		if ((event.key !== "Enter" && event.key !== " ") || event.isComposing || event.ctrlKey || event.metaKey || event.altKey) return;
		const el = mentionFromEvent(event, root);
		const term = el?.getAttribute("data-term");
		if (!el || !term || el.getAttribute("tabindex") !== "0" || !handlers.open) return;
		event.preventDefault();
		handlers.open(el, term);
	});
}
