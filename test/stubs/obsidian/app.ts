/**
 * App: the vault, its metadata cache and the workspace, plus the registries Obsidian keeps for plugins
 * (commands, setting tabs, ribbon, plugin data on disk) so tests can check what a plugin registered and
 * that unloading released it.
 */
import type { Component } from "./component";
import { MetadataCache } from "./metadata-cache";
import { Vault, type TAbstractFile } from "./vault";
import { Workspace } from "./workspace";

export interface Command {
	id: string;
	name: string;
	icon?: string;
	hotkeys?: { modifiers: string[]; key: string }[];
	callback?: () => unknown;
	checkCallback?: (checking: boolean) => boolean | void;
	editorCallback?: (editor: unknown, ctx: unknown) => unknown;
	editorCheckCallback?: (checking: boolean, editor: unknown, ctx: unknown) => boolean | void;
}

/** FileManager: only what tests use to act like a user. */
export class FileManager {
	constructor(private readonly vault: Vault) {}

	/** Deletes as the user's "deleted files" preference says; for the in-memory vault, that is a delete. */
	async trashFile(file: TAbstractFile): Promise<void> {
		this.vault.removeTree(file);
	}

	async renameFile(file: TAbstractFile, newPath: string): Promise<void> {
		await this.vault.rename(file, newPath);
	}
}

/** The context a code-block processor gets (the part plugins use). */
export interface CodeBlockContext {
	docId: string;
	sourcePath: string;
	frontmatter: unknown;
	addChild(child: Component): void;
	getSectionInfo(el: HTMLElement): { text: string; lineStart: number; lineEnd: number } | null;
}

export type CodeBlockProcessor = (source: string, el: HTMLElement, ctx: CodeBlockContext) => Promise<unknown> | void;
export type ProtocolHandler = (params: { action: string; [key: string]: string }) => unknown;

/**
 * Renders one fenced code block as Obsidian does for a registered language: a `div.block-language-X`
 * in `parent`, the processor called with the block's inner text, its children owned by `owner`.
 * Returns null when no processor is registered for the language (Obsidian shows the code as code).
 */
export function renderCodeBlock(app: Pick<App, "codeBlockProcessors">, language: string, source: string, parent: HTMLElement, sourcePath: string, owner: Component): HTMLElement | null {
	const processor = app.codeBlockProcessors.get(language);
	if (!processor) return null;
	const el = document.createElement("div");
	el.className = `block-language-${language}`;
	parent.appendChild(el);
	void processor(source, el, { docId: "stub", sourcePath, frontmatter: null, addChild: (child) => owner.addChild(child), getSectionInfo: () => null });
	return el;
}

/** Follows an `obsidian://` URI as Obsidian does: the handler registered for its action gets the decoded query. */
export function openObsidianUri(app: Pick<App, "protocolHandlers">, uri: string): boolean {
	const url = new URL(uri);
	const action = decodeURIComponent(url.hostname || url.pathname.replace(/^\/+/, ""));
	const handler = app.protocolHandlers.get(action);
	if (!handler) return false;
	const params: { action: string; [key: string]: string } = { action };
	for (const [key, value] of url.searchParams) params[key] = value;
	void handler(params);
	return true;
}

export class App {
	readonly vault: Vault;
	readonly fileManager: FileManager;
	readonly metadataCache: MetadataCache;
	readonly workspace: Workspace;
	lastEvent: UserEvent | null = null;
	/** Registered commands by full id (`plugin-id:command-id`). */
	readonly commands = new Map<string, Command>();
	/** Registered setting tabs. */
	readonly settingTabs: unknown[] = [];
	/** Ribbon icons added by plugins. */
	readonly ribbonIcons: HTMLElement[] = [];
	/** Plugin data files (data.json), by plugin id, stored as JSON text like on disk. */
	readonly pluginData = new Map<string, string>();
	/** Markdown post-processors and editor extensions registered by plugins. */
	readonly markdownPostProcessors: unknown[] = [];
	readonly editorExtensions: unknown[] = [];
	/** Code-block processors by language, and `obsidian://` handlers by action, registered by plugins. */
	readonly codeBlockProcessors = new Map<string, CodeBlockProcessor>();
	readonly protocolHandlers = new Map<string, ProtocolHandler>();

	constructor(vault = new Vault()) {
		this.vault = vault;
		this.fileManager = new FileManager(vault);
		this.metadataCache = new MetadataCache(vault);
		this.workspace = new Workspace(this);
	}

	isDarkMode(): boolean {
		return false;
	}

	/** Test helper: runs a command by full id, as the command palette does. */
	executeCommandById(id: string): boolean {
		const command = this.commands.get(id);
		if (!command) return false;
		if (command.checkCallback) {
			if (!command.checkCallback(true)) return false;
			command.checkCallback(false);
			return true;
		}
		command.callback?.();
		return command.callback !== undefined;
	}
}

export type UserEvent = MouseEvent | KeyboardEvent | TouchEvent | PointerEvent;
