/**
 * The App a plugin receives in the browser host: the stub's in-memory Vault and MetadataCache (which
 * parse notes and emit `changed`/`resolve`/`resolved` a task after each change, as Obsidian does), the
 * host Workspace in real DOM, a FileManager, and the registries Obsidian keeps for plugins (commands,
 * setting tabs, ribbon icons, post-processors, editor extensions, data.json).
 *
 * Commands run as the command palette runs them: `editorCallback`/`editorCheckCallback` only with a
 * Markdown note in editing mode (its Editor and view passed in), `checkCallback` asked first.
 */
import type { CodeBlockProcessor, Command, ProtocolHandler } from "../../stubs/obsidian/app";
import { FileManager } from "../../stubs/obsidian/app";
import { MetadataCache } from "../../stubs/obsidian/metadata-cache";
import { Vault } from "../../stubs/obsidian/vault";
import { HostWorkspace } from "./workspace";

export type { Command };

export class HostApp {
	readonly vault: Vault;
	readonly fileManager: FileManager;
	readonly metadataCache: MetadataCache;
	readonly workspace: HostWorkspace;
	lastEvent: MouseEvent | KeyboardEvent | null = null;
	readonly commands = new Map<string, Command>();
	readonly settingTabs: unknown[] = [];
	readonly ribbonIcons: HTMLElement[] = [];
	readonly pluginData = new Map<string, string>();
	readonly markdownPostProcessors: unknown[] = [];
	readonly editorExtensions: unknown[] = [];
	/** Code-block processors by language and `obsidian://` handlers by action (see markdown-view.ts, main.ts). */
	readonly codeBlockProcessors = new Map<string, CodeBlockProcessor>();
	readonly protocolHandlers = new Map<string, ProtocolHandler>();
	/** Errors thrown by plugin code the host called (shown in the page and read by tests). */
	readonly errors: string[] = [];

	constructor(vaultName = "Example vault") {
		this.vault = new Vault(vaultName);
		this.fileManager = new FileManager(this.vault);
		this.metadataCache = new MetadataCache(this.vault);
		this.workspace = new HostWorkspace(this);
	}

	isDarkMode(): boolean {
		return document.body.hasClass("theme-dark");
	}

	reportError(error: unknown): void {
		const text = error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ""}` : String(error);
		this.errors.push(text);
		console.error(error);
	}

	/** Commands the palette would list now (their checks pass). */
	availableCommands(): Command[] {
		return [...this.commands.values()].filter((command) => this.runCommand(command, true));
	}

	/** Runs a command by full id (`plugin-id:command-id`), as the palette does. False when it does not apply. */
	executeCommandById(id: string): boolean {
		const command = this.commands.get(id);
		return command ? this.runCommand(command, false) : false;
	}

	private runCommand(command: Command, checking: boolean): boolean {
		try {
			const markdown = this.workspace.activeEditor;
			if (command.editorCheckCallback || command.editorCallback) {
				if (!markdown) return false;
				if (command.editorCheckCallback) {
					if (!command.editorCheckCallback(true, markdown.editor, markdown)) return false;
					if (checking) return true;
					void command.editorCheckCallback(false, markdown.editor, markdown);
					return true;
				}
				if (!checking) void command.editorCallback?.(markdown.editor, markdown);
				return true;
			}
			if (command.checkCallback) {
				if (!command.checkCallback(true)) return false;
				if (checking) return true;
				void command.checkCallback(false);
				return true;
			}
			if (!command.callback) return false;
			if (!checking) void command.callback();
			return true;
		} catch (error) {
			this.reportError(error);
			return false;
		}
	}
}
