/**
 * App: the vault, its metadata cache and the workspace, plus the registries Obsidian keeps for plugins
 * (commands, setting tabs, ribbon, plugin data on disk) so tests can check what a plugin registered and
 * that unloading released it.
 */
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
