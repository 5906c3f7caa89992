/**
 * The host page: an in-memory vault with the configured notes, the plugin's main.js loaded like
 * Obsidian loads it, a workspace (ribbon, main area with a Markdown note, right sidebar), a command
 * palette (Ctrl/Cmd+P), light and dark themes. Tests drive it through `window.__host`; with
 * `preview: true` it also shows a toolbar and a file list for a person trying the plugin.
 */
import "./obsidian-shim";
import { openObsidianUri } from "../../stubs/obsidian/app";
import { Modal, SuggestModal } from "../../stubs/obsidian/modal";
import type { PluginManifest } from "../../stubs/obsidian/plugin";
import { TFile } from "../../stubs/obsidian/vault";
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

function buildLayout(app: HostApp, preview: boolean): void {
	const appEl = document.body.createDiv({ cls: "app-container" });
	if (preview) appEl.addClass("host-preview");
	const main = appEl.createDiv({ cls: "horizontal-main-container" });
	main.appendChild(app.workspace.containerEl);
	document.body.createDiv({ cls: "notice-container" });
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
	button("Dark theme", "host-theme-toggle", () => setTheme(document.body.hasClass("theme-dark") ? "light" : "dark"));
	button("Plugin settings", "host-settings-button", () => openSettings(app));

	const files = app.workspace.leftSplit.createDiv({ cls: "host-file-list nav-files-container" });
	files.createDiv({ cls: "host-file-list-title", text: "Files" });
	const paths = app.vault
		.getMarkdownFiles()
		.map((f) => f.path)
		.sort((a, b) => a.localeCompare(b));
	for (const path of paths) {
		const row = files.createDiv({ cls: "nav-file-title tree-item-self is-clickable", text: path.replace(/\.md$/, ""), attr: { title: path } });
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
	const app = new HostApp();
	const api: HostApi = {
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
	buildLayout(app, config.preview === true);
	// Files that exist when Obsidian starts: in the vault, with their metadata already cached.
	for (const file of config.files) app.metadataCache.seed(file.path, file.text);
	if (config.pluginData !== undefined) app.pluginData.set(manifest.id, JSON.stringify(config.pluginData));

	// Obsidian keeps its language in localStorage; plugins read it (getLanguage) when they load.
	if (config.language) window.localStorage.setItem("language", config.language);
	const loaded = await loadPlugin(app, manifest, source);
	api.plugin = loaded.plugin;
	api.onloadMs = loaded.onloadMs;
	api.evaluateMs = loaded.evaluateMs;
	buildRibbon(app);
	if (config.preview) buildPreviewChrome(app, api);

	app.workspace.triggerLayoutReady();
	const first = config.openFile ?? app.vault.getMarkdownFiles()[0]?.path;
	if (first) await api.openFile(first);
	if (config.openPanel && !api.runCommand("open-panel")) app.errors.push("the open-panel command did not run");
	// Focus stays in the note, as after opening it in Obsidian.
	const view = api.markdownView();
	if (view) app.workspace.setActiveLeaf(view.leaf, { focus: true });

	document.addEventListener("keydown", (ev) => {
		if ((ev.ctrlKey || ev.metaKey) && ev.key.toLowerCase() === "p") {
			ev.preventDefault();
			api.openCommandPalette();
		}
	});
	api.ready = true;
	document.body.addClass("host-ready");
}

start().catch((error: unknown) => {
	const text = error instanceof Error ? `${error.message}\n${error.stack ?? ""}` : String(error);
	document.body.createEl("pre", { cls: "host-fatal", text: `Host failed to start:\n${text}` });
	slot.__host?.errors.push(text);
	console.error(error);
});
