/**
 * The host page: an in-memory vault with the configured notes, the plugin's main.js loaded like
 * Obsidian loads it, a workspace (ribbon, main area with a Markdown note, right sidebar), a command
 * palette (Ctrl/Cmd+P), light and dark themes. Tests drive it through `window.__host`; with
 * `preview: true` it also shows a toolbar and a file list for a person trying the plugin.
 */
import "./obsidian-shim";
import { openObsidianUri } from "../../stubs/obsidian/app";
import { Platform } from "../../stubs/obsidian/misc";
import { Modal, SuggestModal } from "../../stubs/obsidian/modal";
import type { PluginManifest } from "../../stubs/obsidian/plugin";
import { TFile, type TAbstractFile } from "../../stubs/obsidian/vault";
import { HostApp, type Command } from "./app";
import type { HostConfig } from "./config";
import { loadPlugin, requested, type LoadedPlugin } from "./loader";
import { MarkdownView } from "./markdown-view";
import { installModalBehaviour, setIcon } from "./ui";

export type Theme = "light" | "dark";

class CommandPalette extends SuggestModal<Command> {
	constructor(private readonly host: HostApp) {
		super(host as never);
		this.setPlaceholder("Select a command…");
		this.emptyStateText = "No commands found.";
	}

	getSuggestions(query: string): Command[] {
		const q = query.toLowerCase().trim();
		return this.host.availableCommands().filter((c) => c.name.toLowerCase().includes(q));
	}

	renderSuggestion(command: Command, el: HTMLElement): void {
		el.createDiv({ cls: "suggestion-content", text: command.name });
	}

	onChooseSuggestion(command: Command): void {
		this.host.executeCommandById(command.id);
	}
}

/** What tests (and the browser console) use. */
export interface HostApi {
	ready: boolean;
	app: HostApp;
	plugin: LoadedPlugin["plugin"] | null;
	onloadMs: number;
	evaluateMs: number;
	/** Modules main.js required. */
	requested: string[];
	errors: string[];
	setTheme(theme: Theme): void;
	/** Runs a command by id (`open-panel` or `conference-qa-glossary:open-panel`); false when it does not apply. */
	runCommand(id: string): boolean;
	commandIds(): string[];
	openCommandPalette(): void;
	openFile(path: string, options?: { line?: number; mode?: "live" | "source" | "preview" }): Promise<void>;
	/** The active main-area Markdown view. */
	markdownView(): MarkdownView | null;
	setMode(mode: "live" | "source" | "preview"): void;
	/** Whether the page emulates Obsidian mobile (and then whether a phone). */
	mobile: { mobile: boolean; phone: boolean };
	/** Whether 0-based `line` of the active editor is inside its visible scroll area. */
	lineOnScreen(line: number): boolean;
	/** Writes a note as if changed on disk (modify or create). */
	writeFile(path: string, text: string): Promise<void>;
	/** Follows an `obsidian://action?…` link as the operating system hands it to Obsidian. False when no plugin handles the action. */
	openUri(uri: string): boolean;
	unloadPlugin(): void;
	/** Opens the plugin's settings tab (as Settings → the plugin does). */
	openSettings(): void;
}

/** The page's `__host` slot (typed here rather than on Window, so the plugin's sources never see it). */
const slot = window as unknown as { __host?: HostApi };

function setTheme(theme: Theme): void {
	document.body.toggleClass("theme-dark", theme === "dark");
	document.body.toggleClass("theme-light", theme !== "dark");
	document.body.querySelector<HTMLElement>(".host-theme-toggle")?.setText(theme === "dark" ? "Light theme" : "Dark theme");
	// Obsidian announces theme changes with `css-change`.
	slot.__host?.app.workspace.trigger("css-change");
}

function buildLayout(app: HostApp, preview: boolean): HTMLElement {
	const appEl = document.body.createDiv({ cls: "app-container" });
	if (preview) appEl.addClass("host-preview");
	const main = appEl.createDiv({ cls: "horizontal-main-container" });
	main.appendChild(app.workspace.containerEl);
	document.body.createDiv({ cls: "notice-container" });
	return appEl;
}

/**
 * Obsidian mobile, as far as plugins see it: `Platform.isMobile` (and isPhone/isTablet), the body's
 * `is-mobile` and `is-phone`/`is-tablet` classes. Set before the plugin loads, as Obsidian does.
 */
function emulateMobile(): { mobile: boolean; phone: boolean } {
	const phone = window.innerWidth < 600;
	Object.assign(Platform, { isMobile: true, isDesktop: false, isMobileApp: true, isDesktopApp: false, isPhone: phone, isTablet: !phone });
	document.body.addClasses(["is-mobile", phone ? "is-phone" : "is-tablet"]);
	return { mobile: true, phone };
}

/** Obsidian mobile's bottom bar: the sidebars (drawers) and the command palette, each a 44 px target. */
function buildMobileNavbar(app: HostApp, appEl: HTMLElement, api: HostApi, pluginId: string): void {
	const bar = appEl.createDiv({ cls: "mobile-navbar", attr: { role: "toolbar", "aria-label": "Navigation" } });
	const button = (text: string, cls: string, onClick: () => void) => {
		const b = bar.createEl("button", { text, cls: `mobile-navbar-action ${cls}` });
		b.addEventListener("click", onClick);
		return b;
	};
	if (appEl.hasClass("host-preview")) button("Files", "host-open-left", () => app.workspace.toggleSide("left"));
	button("Command palette", "host-palette-button", () => api.openCommandPalette());
	button("Right sidebar", "host-open-right", () => {
		if (app.workspace.hasLeaves("right")) app.workspace.toggleSide("right");
		else api.runCommand(`${pluginId}:open-panel`);
	});
	for (const side of ["left", "right"] as const) {
		const split = side === "left" ? app.workspace.leftSplit : app.workspace.rightSplit;
		const close = split.createEl("button", { cls: "host-drawer-close", text: "Close", attr: { "aria-label": "Close sidebar" }, prepend: true });
		close.addEventListener("click", () => app.workspace.toggleSide(side, false));
	}
}

function buildRibbon(app: HostApp): void {
	const ribbon = app.workspace.ribbonEl;
	ribbon.empty();
	for (const icon of app.ribbonIcons) {
		setIcon(icon, icon.getAttr("data-icon") ?? "");
		icon.setAttr("role", "button");
		ribbon.appendChild(icon);
	}
}

function buildPreviewChrome(app: HostApp, api: HostApi): void {
	const bar = document.body.createDiv({ cls: "host-toolbar", attr: { role: "toolbar" } });
	bar.createSpan({ cls: "host-toolbar-title", text: "Conference Q&A Glossary: browser preview (not Obsidian)" });
	const button = (text: string, cls: string, onClick: () => void) => {
		const b = bar.createEl("button", { text, cls });
		b.addEventListener("click", onClick);
		return b;
	};
	button("Command palette (Ctrl+P)", "host-palette-button", () => api.openCommandPalette());
	button("Reading / editing", "host-mode-toggle", () => {
		const view = api.markdownView();
		if (view) api.setMode(view.getMode() === "preview" ? "live" : "preview");
	});
	// Obsidian's "Source mode" toggle: Live Preview (markup hidden off the cursor line) or plain Markdown.
	const source = button("Source mode", "host-source-toggle", () => {
		const view = api.markdownView();
		if (!view) return;
		api.setMode(view.getMode() === "source" && view.livePreview ? "source" : "live");
		syncSource();
	});
	const syncSource = () => {
		const view = api.markdownView();
		const on = view?.getMode() === "source" && !view.livePreview;
		source.setAttr("aria-pressed", on ? "true" : "false");
	};
	syncSource();
	app.workspace.on("active-leaf-change", syncSource);
	button("Dark theme", "host-theme-toggle", () => setTheme(document.body.hasClass("theme-dark") ? "light" : "dark"));
	button("Plugin settings", "host-settings-button", () => openSettings(app));

	const files = app.workspace.leftSplit.createDiv({ cls: "host-file-list nav-files-container" });
	files.createDiv({ cls: "host-file-list-title", text: "Files" });
	const list = files.createDiv({ cls: "host-file-list-items", attr: { role: "list" } });
	fillFileList(list, app, api);
	// The list follows the vault: notes created, renamed or deleted (by the plugin or on disk) show at once.
	const refill = (file: TAbstractFile) => {
		if (file instanceof TFile) fillFileList(list, app, api);
	};
	app.vault.on("create", refill);
	app.vault.on("rename", refill);
	app.vault.on("delete", refill);
}

function fillFileList(list: HTMLElement, app: HostApp, api: HostApi): void {
	list.empty();
	const paths = app.vault
		.getMarkdownFiles()
		.map((f) => f.path)
		.sort((a, b) => a.localeCompare(b));
	for (const path of paths) {
		const row = list.createEl("button", { cls: "nav-file-title tree-item-self is-clickable", text: path.replace(/\.md$/, ""), attr: { title: path, "data-path": path, role: "listitem" } });
		row.addEventListener("click", () => void api.openFile(path));
	}
}

/** The plugin's settings tab in a modal (Obsidian shows it in its Settings window). */
function openSettings(app: HostApp): void {
	const tab = app.settingTabs[0] as { containerEl: HTMLElement; display(): void; hide?(): void } | undefined;
	if (!tab) return;
	const modal = new Modal(app as never);
	modal.modalEl.addClass("mod-settings");
	modal.setTitle("Conference Q&A Glossary settings");
	modal.contentEl.appendChild(tab.containerEl);
	tab.display();
	modal.setCloseCallback(() => tab.hide?.());
	modal.open();
}

/** Reads a file the host server serves (as Obsidian reads a plugin's files from its folder). */
async function getText(path: string): Promise<string> {
	const response = await window.fetch(path);
	if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
	return response.text();
}

async function start(): Promise<void> {
	const [configText, manifestText, source] = await Promise.all([getText("/host-config.json"), getText("/manifest.json"), getText("/main.js")]);
	const config = JSON.parse(configText) as HostConfig;
	const manifest = JSON.parse(manifestText) as PluginManifest;
	installModalBehaviour();
	const mobile = config.mobile === true || new URLSearchParams(window.location.search).has("mobile") ? emulateMobile() : { mobile: false, phone: false };
	const app = new HostApp();
	const api: HostApi = {
		mobile,
		ready: false,
		app,
		plugin: null,
		onloadMs: NaN,
		evaluateMs: NaN,
		requested,
		errors: app.errors,
		setTheme,
		runCommand: (id) => app.executeCommandById(id.includes(":") ? id : `${manifest.id}:${id}`),
		commandIds: () => [...app.commands.keys()],
		openCommandPalette: () => new CommandPalette(app).open(),
		openFile: async (path, options = {}) => {
			const file = app.vault.getFileByPath(path);
			if (!file) throw new Error(`no such note: ${path}`);
			const leaf = app.workspace.getLeaf(false);
			await leaf.openFile(file, { active: true, eState: options.line === undefined ? undefined : { line: options.line } });
			if (options.mode && leaf.view instanceof MarkdownView) leaf.view.setMode(options.mode);
		},
		markdownView: () => app.workspace.activeEditor ?? app.workspace.getLeavesOfType("markdown").map((l) => l.view as MarkdownView)[0] ?? null,
		setMode: (mode) => api.markdownView()?.setMode(mode),
		lineOnScreen: (line) => {
			const view = api.markdownView();
			if (!view || view.getMode() !== "source") return false;
			const cm = view.editor.cm;
			const coords = cm.coordsAtPos(view.editor.posToOffset({ line, ch: 0 }));
			const box = cm.scrollDOM.getBoundingClientRect();
			return coords !== null && coords.top >= box.top && coords.bottom <= box.bottom;
		},
		writeFile: async (path, text) => {
			const file = app.vault.getFileByPath(path);
			if (file instanceof TFile) await app.vault.modify(file, text);
			else await app.vault.create(path, text);
		},
		openSettings: () => openSettings(app),
		openUri: (uri) => openObsidianUri(app, uri),
		unloadPlugin: () => {
			api.plugin?.unload();
			app.workspace.updateOptions();
			buildRibbon(app);
		},
	};
	slot.__host = api;
	window.addEventListener("error", (ev) => app.errors.push(String(ev.error ?? ev.message)));
	window.addEventListener("unhandledrejection", (ev) => app.errors.push(`unhandled rejection: ${String(ev.reason)}`));

	setTheme(config.theme ?? "light");
	const appEl = buildLayout(app, config.preview === true);
	// Files that exist when Obsidian starts: in the vault, with their metadata already cached.
	for (const file of config.files) app.metadataCache.seed(file.path, file.text);
	if (config.pluginData !== undefined) app.pluginData.set(manifest.id, JSON.stringify(config.pluginData));

	// Obsidian keeps its language in localStorage; plugins read it (getLanguage) when they load.
	if (config.language) window.localStorage.setItem("language", config.language);
	// Obsidian reads it itself at startup, for its own interface, long before any plugin loads (so a plugin's
	// getLanguage() never pays for the page's first localStorage access).
	document.documentElement.lang = window.localStorage.getItem("language") ?? "en";
	const loaded = await loadPlugin(app, manifest, source);
	api.plugin = loaded.plugin;
	api.onloadMs = loaded.onloadMs;
	api.evaluateMs = loaded.evaluateMs;
	buildRibbon(app);
	if (config.preview) buildPreviewChrome(app, api);
	if (mobile.mobile) {
		buildMobileNavbar(app, appEl, api, manifest.id);
		app.workspace.toggleSide("left", false);
	}

	app.workspace.triggerLayoutReady();
	const first = config.openFile ?? app.vault.getMarkdownFiles()[0]?.path;
	if (first) await api.openFile(first);
	if (config.openPanel && !api.runCommand("open-panel")) app.errors.push("the open-panel command did not run");
	// Focus stays in the note, as after opening it in Obsidian (on a phone the drawers start closed).
	const view = api.markdownView();
	if (view) app.workspace.setActiveLeaf(view.leaf, { focus: true });
	if (mobile.mobile) {
		// The panel opens in a drawer a moment after its command ran; the drawer starts closed, over the note.
		for (let i = 0; i < 50 && config.openPanel && !app.workspace.hasLeaves("right"); i++) await new Promise((r) => window.setTimeout(r, 10));
		await new Promise((r) => window.setTimeout(r, 0));
		app.workspace.toggleSide("right", false);
		if (view) app.workspace.setActiveLeaf(view.leaf, { focus: true });
	}

	// Capture phase, and the palette's input takes focus before this returns: the next key typed goes
	// into the palette, never into the note.
	document.addEventListener(
		"keydown",
		(ev) => {
			if ((ev.ctrlKey || ev.metaKey) && !ev.altKey && !ev.shiftKey && ev.key.toLowerCase() === "p") {
				ev.preventDefault();
				ev.stopPropagation();
				api.openCommandPalette();
			}
		},
		true,
	);
	api.ready = true;
	document.body.addClass("host-ready");
}

start().catch((error: unknown) => {
	const text = error instanceof Error ? `${error.message}\n${error.stack ?? ""}` : String(error);
	document.body.createEl("pre", { cls: "host-fatal", text: `Host failed to start:\n${text}` });
	slot.__host?.errors.push(text);
	console.error(error);
});
