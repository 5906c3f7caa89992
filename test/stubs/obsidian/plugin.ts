/**
 * Plugin, PluginSettingTab and Setting. Everything a plugin registers is released when it unloads,
 * as Obsidian's plugin manager does. Setting components react to real DOM events (`input` on text,
 * `click` on toggles, `change` on dropdowns), so tests drive them like a user would.
 */
import { Component } from "./component";
import type { App, CodeBlockProcessor, Command, ProtocolHandler } from "./app";
import type { ViewCreator } from "./workspace";

export interface PluginManifest {
	id: string;
	name: string;
	version: string;
	minAppVersion: string;
	description: string;
	author: string;
	isDesktopOnly?: boolean;
	dir?: string;
}

export abstract class Plugin extends Component {
	app: App;
	manifest: PluginManifest;

	constructor(app: App, manifest: PluginManifest) {
		super();
		this.app = app;
		this.manifest = manifest;
	}

	addRibbonIcon(icon: string, title: string, callback: (evt: MouseEvent) => unknown): HTMLElement {
		const el = document.createElement("div");
		el.className = "side-dock-ribbon-action clickable-icon";
		el.setAttribute("aria-label", title);
		el.setAttribute("data-icon", icon);
		el.addEventListener("click", (e) => callback(e));
		this.app.ribbonIcons.push(el);
		this.register(() => {
			const i = this.app.ribbonIcons.indexOf(el);
			if (i >= 0) this.app.ribbonIcons.splice(i, 1);
			el.remove();
		});
		return el;
	}

	addCommand(command: Command): Command {
		const full = { ...command, id: `${this.manifest.id}:${command.id}` };
		this.app.commands.set(full.id, full);
		this.register(() => this.app.commands.delete(full.id));
		return full;
	}

	removeCommand(commandId: string): void {
		this.app.commands.delete(`${this.manifest.id}:${commandId}`);
	}

	addSettingTab(settingTab: PluginSettingTab): void {
		this.app.settingTabs.push(settingTab);
		this.register(() => {
			const i = this.app.settingTabs.indexOf(settingTab);
			if (i >= 0) this.app.settingTabs.splice(i, 1);
		});
	}

	registerView(type: string, viewCreator: ViewCreator): void {
		this.app.workspace.registerViewType(type, viewCreator);
		this.register(() => this.app.workspace.unregisterViewType(type));
	}

	registerMarkdownPostProcessor<T>(postProcessor: T, _sortOrder?: number): T {
		this.app.markdownPostProcessors.push(postProcessor);
		this.register(() => {
			const i = this.app.markdownPostProcessors.indexOf(postProcessor);
			if (i >= 0) this.app.markdownPostProcessors.splice(i, 1);
		});
		return postProcessor;
	}

	/** Code blocks in that language are handed to `handler` instead of being shown as code (reading view and Live Preview). */
	registerMarkdownCodeBlockProcessor(language: string, handler: CodeBlockProcessor, _sortOrder?: number): CodeBlockProcessor {
		if (this.app.codeBlockProcessors.has(language)) throw new Error(`A code block processor for "${language}" is already registered`);
		this.app.codeBlockProcessors.set(language, handler);
		this.register(() => {
			if (this.app.codeBlockProcessors.get(language) === handler) this.app.codeBlockProcessors.delete(language);
		});
		return handler;
	}

	/** `obsidian://action?key=value` calls `handler({ action, key: value })`. */
	registerObsidianProtocolHandler(action: string, handler: ProtocolHandler): void {
		this.app.protocolHandlers.set(action, handler);
		this.register(() => {
			if (this.app.protocolHandlers.get(action) === handler) this.app.protocolHandlers.delete(action);
		});
	}

	registerEditorExtension(extension: unknown): void {
		this.app.editorExtensions.push(extension);
		this.register(() => {
			const i = this.app.editorExtensions.indexOf(extension);
			if (i >= 0) this.app.editorExtensions.splice(i, 1);
		});
	}

	async loadData(): Promise<unknown> {
		const raw = this.app.pluginData.get(this.manifest.id);
		return raw === undefined ? null : (JSON.parse(raw) as unknown);
	}

	async saveData(data: unknown): Promise<void> {
		this.app.pluginData.set(this.manifest.id, JSON.stringify(data));
	}
}

export abstract class PluginSettingTab {
	app: App;
	plugin: Plugin;
	containerEl: HTMLElement;
	icon = "";

	constructor(app: App, plugin: Plugin) {
		this.app = app;
		this.plugin = plugin;
		this.containerEl = document.createElement("div");
		this.containerEl.className = "vertical-tab-content";
	}

	abstract display(): void;

	hide(): void {
		this.containerEl.replaceChildren();
	}
}

export abstract class BaseComponent {
	disabled = false;
	setDisabled(disabled: boolean): this {
		this.disabled = disabled;
		return this;
	}
}

export abstract class ValueComponent<T> extends BaseComponent {
	abstract getValue(): T;
	abstract setValue(value: T): this;
	registerOptionListener(_listeners: Record<string, (value?: T) => T>, _key: string): this {
		return this;
	}
}

export class AbstractTextComponent<E extends HTMLInputElement | HTMLTextAreaElement> extends ValueComponent<string> {
	private changeCallback: ((value: string) => unknown) | null = null;

	constructor(readonly inputEl: E) {
		super();
		inputEl.addEventListener("input", () => this.changeCallback?.(this.inputEl.value));
	}

	getValue(): string {
		return this.inputEl.value;
	}

	setValue(value: string): this {
		this.inputEl.value = value;
		return this;
	}

	setPlaceholder(placeholder: string): this {
		this.inputEl.setAttribute("placeholder", placeholder);
		return this;
	}

	onChanged(): void {
		this.changeCallback?.(this.inputEl.value);
	}

	onChange(callback: (value: string) => unknown): this {
		this.changeCallback = callback;
		return this;
	}
}

export class TextComponent extends AbstractTextComponent<HTMLInputElement> {
	constructor(containerEl: HTMLElement) {
		const input = document.createElement("input");
		input.type = "text";
		containerEl.appendChild(input);
		super(input);
	}
}

export class TextAreaComponent extends AbstractTextComponent<HTMLTextAreaElement> {
	constructor(containerEl: HTMLElement) {
		const textarea = document.createElement("textarea");
		containerEl.appendChild(textarea);
		super(textarea);
	}
}

export class ToggleComponent extends ValueComponent<boolean> {
	readonly toggleEl: HTMLElement;
	private value = false;
	private changeCallback: ((value: boolean) => unknown) | null = null;

	constructor(containerEl: HTMLElement) {
		super();
		this.toggleEl = document.createElement("div");
		this.toggleEl.className = "checkbox-container";
		this.toggleEl.setAttribute("role", "switch");
		this.toggleEl.addEventListener("click", () => {
			if (this.disabled) return;
			this.setValue(!this.value);
			this.changeCallback?.(this.value);
		});
		containerEl.appendChild(this.toggleEl);
	}

	getValue(): boolean {
		return this.value;
	}

	setValue(on: boolean): this {
		this.value = on;
		this.toggleEl.classList.toggle("is-enabled", on);
		this.toggleEl.setAttribute("aria-checked", String(on));
		return this;
	}

	setTooltip(tooltip: string): this {
		this.toggleEl.setAttribute("aria-label", tooltip);
		return this;
	}

	onClick(): void {
		this.toggleEl.click();
	}

	onChange(callback: (value: boolean) => unknown): this {
		this.changeCallback = callback;
		return this;
	}
}

export class DropdownComponent extends ValueComponent<string> {
	readonly selectEl: HTMLSelectElement;
	private changeCallback: ((value: string) => unknown) | null = null;

	constructor(containerEl: HTMLElement) {
		super();
		this.selectEl = document.createElement("select");
		this.selectEl.className = "dropdown";
		this.selectEl.addEventListener("change", () => this.changeCallback?.(this.selectEl.value));
		containerEl.appendChild(this.selectEl);
	}

	addOption(value: string, display: string): this {
		const option = document.createElement("option");
		option.value = value;
		option.textContent = display;
		this.selectEl.appendChild(option);
		return this;
	}

	addOptions(options: Record<string, string>): this {
		for (const [value, display] of Object.entries(options)) this.addOption(value, display);
		return this;
	}

	getValue(): string {
		return this.selectEl.value;
	}

	setValue(value: string): this {
		this.selectEl.value = value;
		return this;
	}

	onChange(callback: (value: string) => unknown): this {
		this.changeCallback = callback;
		return this;
	}
}

export class ButtonComponent extends BaseComponent {
	readonly buttonEl: HTMLButtonElement;

	constructor(containerEl: HTMLElement) {
		super();
		this.buttonEl = document.createElement("button");
		containerEl.appendChild(this.buttonEl);
	}

	setButtonText(name: string): this {
		this.buttonEl.textContent = name;
		return this;
	}

	setCta(): this {
		this.buttonEl.classList.add("mod-cta");
		return this;
	}

	setWarning(): this {
		this.buttonEl.classList.add("mod-warning");
		return this;
	}

	setTooltip(tooltip: string): this {
		this.buttonEl.setAttribute("aria-label", tooltip);
		return this;
	}

	setIcon(icon: string): this {
		this.buttonEl.setAttribute("data-icon", icon);
		return this;
	}

	onClick(callback: (evt: MouseEvent) => unknown): this {
		this.buttonEl.addEventListener("click", (e) => callback(e));
		return this;
	}
}

export class ExtraButtonComponent extends BaseComponent {
	readonly extraSettingsEl: HTMLElement;

	constructor(containerEl: HTMLElement) {
		super();
		this.extraSettingsEl = document.createElement("div");
		this.extraSettingsEl.className = "clickable-icon extra-setting-button";
		containerEl.appendChild(this.extraSettingsEl);
	}

	setTooltip(tooltip: string): this {
		this.extraSettingsEl.setAttribute("aria-label", tooltip);
		return this;
	}

	setIcon(icon: string): this {
		this.extraSettingsEl.setAttribute("data-icon", icon);
		return this;
	}

	onClick(callback: () => unknown): this {
		this.extraSettingsEl.addEventListener("click", () => callback());
		return this;
	}
}

export class Setting {
	readonly settingEl: HTMLElement;
	readonly infoEl: HTMLElement;
	readonly nameEl: HTMLElement;
	readonly descEl: HTMLElement;
	readonly controlEl: HTMLElement;
	readonly components: BaseComponent[] = [];

	constructor(containerEl: HTMLElement) {
		const el = (cls: string, parent: HTMLElement) => {
			const div = document.createElement("div");
			div.className = cls;
			parent.appendChild(div);
			return div;
		};
		this.settingEl = el("setting-item", containerEl);
		this.infoEl = el("setting-item-info", this.settingEl);
		this.nameEl = el("setting-item-name", this.infoEl);
		this.descEl = el("setting-item-description", this.infoEl);
		this.controlEl = el("setting-item-control", this.settingEl);
	}

	setName(name: string | DocumentFragment): this {
		this.nameEl.replaceChildren(name);
		return this;
	}

	setDesc(desc: string | DocumentFragment): this {
		this.descEl.replaceChildren(desc);
		return this;
	}

	setClass(cls: string): this {
		this.settingEl.classList.add(cls);
		return this;
	}

	setTooltip(tooltip: string): this {
		this.nameEl.setAttribute("aria-label", tooltip);
		return this;
	}

	setHeading(): this {
		this.settingEl.classList.add("setting-item-heading");
		return this;
	}

	setDisabled(disabled: boolean): this {
		this.settingEl.classList.toggle("is-disabled", disabled);
		for (const c of this.components) c.setDisabled(disabled);
		return this;
	}

	private add<C extends BaseComponent>(component: C, cb: (c: C) => unknown): this {
		this.components.push(component);
		cb(component);
		return this;
	}

	addText(cb: (component: TextComponent) => unknown): this {
		return this.add(new TextComponent(this.controlEl), cb);
	}

	addTextArea(cb: (component: TextAreaComponent) => unknown): this {
		return this.add(new TextAreaComponent(this.controlEl), cb);
	}

	addToggle(cb: (component: ToggleComponent) => unknown): this {
		return this.add(new ToggleComponent(this.controlEl), cb);
	}

	addDropdown(cb: (component: DropdownComponent) => unknown): this {
		return this.add(new DropdownComponent(this.controlEl), cb);
	}

	addButton(cb: (component: ButtonComponent) => unknown): this {
		return this.add(new ButtonComponent(this.controlEl), cb);
	}

	addExtraButton(cb: (component: ExtraButtonComponent) => unknown): this {
		return this.add(new ExtraButtonComponent(this.controlEl), cb);
	}

	then(cb: (setting: this) => unknown): this {
		cb(this);
		return this;
	}

	clear(): this {
		this.controlEl.replaceChildren();
		this.components.length = 0;
		return this;
	}
}
