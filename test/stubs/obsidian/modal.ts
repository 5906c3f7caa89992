/**
 * Modal, SuggestModal and FuzzySuggestModal with Obsidian's DOM and order of calls: `open` attaches the
 * container to the body and calls onOpen; a SuggestModal fills its results from `getSuggestions` on open
 * and on every `input` event; choosing closes the modal first (onClose), then calls onChooseSuggestion.
 * Arrow keys move the selection and Enter chooses, as in Obsidian. Open modals are listed in
 * `Modal.openModals` so tests can find what the user sees.
 */
import type { App } from "./app";

export interface Instruction {
	command: string;
	purpose: string;
}

export class Modal {
	/** Modals currently open, oldest first (test record). */
	static openModals: Modal[] = [];

	app: App;
	containerEl: HTMLElement;
	modalEl: HTMLElement;
	titleEl: HTMLElement;
	contentEl: HTMLElement;
	shouldRestoreSelection = true;
	private closeCallback: (() => unknown) | null = null;
	private isOpen = false;

	constructor(app: App) {
		this.app = app;
		this.containerEl = document.createElement("div");
		this.containerEl.className = "modal-container mod-dim";
		this.modalEl = document.createElement("div");
		this.modalEl.className = "modal";
		this.titleEl = document.createElement("div");
		this.titleEl.className = "modal-title";
		this.contentEl = document.createElement("div");
		this.contentEl.className = "modal-content";
		this.modalEl.append(this.titleEl, this.contentEl);
		this.containerEl.appendChild(this.modalEl);
	}

	open(): void {
		if (this.isOpen) return;
		this.isOpen = true;
		document.body.appendChild(this.containerEl);
		Modal.openModals.push(this);
		void this.onOpen();
	}

	close(): void {
		if (!this.isOpen) return;
		this.isOpen = false;
		this.onClose();
		this.containerEl.remove();
		Modal.openModals = Modal.openModals.filter((m) => m !== this);
		this.closeCallback?.();
	}

	onOpen(): Promise<void> | void {}

	onClose(): void {}

	setTitle(title: string): this {
		this.titleEl.textContent = title;
		return this;
	}

	setContent(content: string | DocumentFragment): this {
		this.contentEl.replaceChildren(content);
		return this;
	}

	setCloseCallback(callback: () => unknown): this {
		this.closeCallback = callback;
		return this;
	}

	/** Test helper: whether the modal is showing. */
	get opened(): boolean {
		return this.isOpen;
	}
}

export abstract class SuggestModal<T> extends Modal {
	limit = 100;
	emptyStateText = "No results found.";
	inputEl: HTMLInputElement;
	resultContainerEl: HTMLElement;
	private instructionsEl: HTMLElement;
	private shown: T[] = [];
	private selected = 0;
	private updates = 0;

	constructor(app: App) {
		super(app);
		this.modalEl.className = "prompt";
		this.modalEl.replaceChildren();
		const inputContainer = document.createElement("div");
		inputContainer.className = "prompt-input-container";
		this.inputEl = document.createElement("input");
		this.inputEl.className = "prompt-input";
		inputContainer.appendChild(this.inputEl);
		this.resultContainerEl = document.createElement("div");
		this.resultContainerEl.className = "prompt-results";
		this.instructionsEl = document.createElement("div");
		this.instructionsEl.className = "prompt-instructions";
		this.modalEl.append(inputContainer, this.resultContainerEl, this.instructionsEl);
		this.inputEl.addEventListener("input", () => void this.updateSuggestions());
		this.inputEl.addEventListener("keydown", (evt) => this.onKey(evt));
	}

	setPlaceholder(placeholder: string): void {
		this.inputEl.setAttribute("placeholder", placeholder);
	}

	setInstructions(instructions: Instruction[]): void {
		this.instructionsEl.replaceChildren();
		for (const i of instructions) {
			const el = document.createElement("div");
			el.className = "prompt-instruction";
			el.textContent = `${i.command} ${i.purpose}`;
			this.instructionsEl.appendChild(el);
		}
	}

	open(): void {
		super.open();
		void this.updateSuggestions();
	}

	onNoSuggestion(): void {
		const empty = document.createElement("div");
		empty.className = "suggestion-empty";
		empty.textContent = this.emptyStateText;
		this.resultContainerEl.replaceChildren(empty);
	}

	selectSuggestion(value: T, evt: MouseEvent | KeyboardEvent): void {
		this.close();
		this.onChooseSuggestion(value, evt);
	}

	selectActiveSuggestion(evt: MouseEvent | KeyboardEvent): void {
		const value = this.shown[this.selected];
		if (value !== undefined) this.selectSuggestion(value, evt);
	}

	abstract getSuggestions(query: string): T[] | Promise<T[]>;
	abstract renderSuggestion(value: T, el: HTMLElement): void;
	abstract onChooseSuggestion(item: T, evt: MouseEvent | KeyboardEvent): void;

	/** Test helper: the suggestions on screen, in order. */
	get suggestions(): readonly T[] {
		return this.shown;
	}

	/** Test helper: the suggestion elements on screen. */
	get suggestionEls(): HTMLElement[] {
		return [...this.resultContainerEl.querySelectorAll<HTMLElement>(".suggestion-item")];
	}

	/** Test helper: the user types `query` (replacing the input) and the results update. */
	async type(query: string): Promise<void> {
		this.inputEl.value = query;
		this.inputEl.dispatchEvent(new Event("input"));
		await this.settled();
	}

	/** Test helper: resolves when the last update (possibly async) has rendered. */
	async settled(): Promise<void> {
		for (let i = 0; i < 5; i++) await Promise.resolve();
	}

	/** Test helper: the user clicks suggestion `index`. */
	choose(index: number): void {
		this.suggestionEls[index]?.dispatchEvent(new MouseEvent("click", { bubbles: true }));
	}

	/** Synchronous for synchronous suggestions (as in Obsidian); a promise only when getSuggestions returns one. */
	private updateSuggestions(): void | Promise<void> {
		const ticket = ++this.updates;
		const result = this.getSuggestions(this.inputEl.value);
		if (result instanceof Promise) {
			return result.then((list) => {
				if (ticket === this.updates) this.render(list);
			});
		}
		this.render(result);
	}

	private render(result: T[]): void {
		this.shown = result.slice(0, this.limit);
		this.selected = 0;
		this.resultContainerEl.replaceChildren();
		if (this.shown.length === 0) {
			this.onNoSuggestion();
			return;
		}
		this.shown.forEach((value, i) => {
			const el = document.createElement("div");
			el.className = "suggestion-item mod-complex";
			if (i === 0) el.classList.add("is-selected");
			el.addEventListener("click", (evt) => this.selectSuggestion(value, evt));
			el.addEventListener("mousemove", () => this.select(i));
			this.renderSuggestion(value, el);
			this.resultContainerEl.appendChild(el);
		});
	}

	private select(index: number): void {
		const els = this.suggestionEls;
		if (els.length === 0) return;
		this.selected = (index + els.length) % els.length;
		els.forEach((el, i) => el.classList.toggle("is-selected", i === this.selected));
	}

	private onKey(evt: KeyboardEvent): void {
		if (evt.key === "ArrowDown") this.select(this.selected + 1);
		else if (evt.key === "ArrowUp") this.select(this.selected - 1);
		else if (evt.key === "Enter" && !evt.isComposing) this.selectActiveSuggestion(evt);
		else if (evt.key === "Escape") this.close();
	}
}

interface SearchMatchPart extends Array<number> {
	0: number;
	1: number;
}

interface SearchResult {
	score: number;
	matches: SearchMatchPart[];
}

export interface FuzzyMatch<T> {
	item: T;
	match: SearchResult;
}

/** Case-insensitive in-order character match, like Obsidian's prepareFuzzySearch (simplified scoring). */
function fuzzySearch(query: string, text: string): SearchResult | null {
	const q = query.toLowerCase().replace(/\s+/g, "");
	if (q === "") return { score: 0, matches: [] };
	const t = text.toLowerCase();
	const matches: SearchMatchPart[] = [];
	let from = 0;
	for (const ch of q) {
		const at = t.indexOf(ch, from);
		if (at < 0) return null;
		const last = matches[matches.length - 1];
		if (last && last[1] === at) last[1] = at + 1;
		else matches.push([at, at + 1] as SearchMatchPart);
		from = at + 1;
	}
	return { score: -matches.length - (matches[0]?.[0] ?? 0) / 100, matches };
}

export abstract class FuzzySuggestModal<T> extends SuggestModal<FuzzyMatch<T>> {
	getSuggestions(query: string): FuzzyMatch<T>[] {
		const results: FuzzyMatch<T>[] = [];
		for (const item of this.getItems()) {
			const match = fuzzySearch(query, this.getItemText(item));
			if (match) results.push({ item, match });
		}
		if (query.trim() !== "") results.sort((a, b) => b.match.score - a.match.score);
		return results;
	}

	renderSuggestion(item: FuzzyMatch<T>, el: HTMLElement): void {
		el.textContent = this.getItemText(item.item);
	}

	onChooseSuggestion(item: FuzzyMatch<T>, evt: MouseEvent | KeyboardEvent): void {
		this.onChooseItem(item.item, evt);
	}

	abstract getItems(): T[];
	abstract getItemText(item: T): string;
	abstract onChooseItem(item: T, evt: MouseEvent | KeyboardEvent): void;
}
