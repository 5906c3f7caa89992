/**
 * The settings tab: every PluginSettings field, grouped under headings, described once in `SETTING_ROWS`
 * and shown two ways from that one table: `display()` builds it imperatively (Obsidian 1.5 to 1.12), and
 * `getSettingDefinitions()` hands the same rows to Obsidian 1.13+, which renders them itself and makes
 * them searchable. Both read and write through getControlValue/setControlValue, i.e. the SettingsStore,
 * which copies (defaults are never mutated) and saves to data.json.
 *
 * Lists (tags, folders) are typed as comma- or line-separated text and saved after a short typing pause
 * (at once when the tab closes); the store then tells the index to re-run.
 */
import { debounce, Notice, PluginSettingTab, Setting, type App, type Debouncer, type Plugin, type SettingDefinitionItem, type SettingGroupItem } from "obsidian";
import { checkExportFolder, exportFolderMessage } from "../core/export";
import { DEFAULT_SETTINGS, mergeSettings, type PluginSettings } from "../core/settings";
import type { ConferenceIndex } from "../obsidian/conference-index";
import type { SettingsStore } from "../obsidian/settings-store";
import { ConfirmModal } from "./confirm-modal";

type ListKey = "tags" | "excludedFolders" | "glossaryFolders" | "glossaryTags";
type ToggleKey = { [K in keyof PluginSettings]: PluginSettings[K] extends boolean ? K : never }[keyof PluginSettings];
type ChoiceKey = "decorateMentions" | "underlineStyle";

type Row =
	| { kind: "heading"; name: string }
	| { kind: "list"; key: ListKey; name: string; desc: string; placeholder: string; format: "tags" | "folders" }
	| { kind: "toggle"; key: ToggleKey; name: string; desc: string }
	| { kind: "choice"; key: ChoiceKey; name: string; desc: string; options: Record<string, string> }
	| { kind: "text"; key: "exportFolder"; name: string; desc: string; placeholder: string }
	| { kind: "status" }
	| { kind: "restore" };

/** Every setting, in order. Each PluginSettings key appears exactly once (a test checks it). */
export const SETTING_ROWS: readonly Row[] = [
	{ kind: "heading", name: "Conference notes" },
	{
		kind: "list",
		key: "tags",
		name: "Tags to index",
		desc: "Notes with any of these tags are read as conference notes. Case does not matter and nested tags count (conference/2025 for Conference). Separate tags with commas or new lines.",
		placeholder: DEFAULT_SETTINGS.tags.join(", "),
		format: "tags",
	},
	{
		kind: "list",
		key: "excludedFolders",
		name: "Folders to exclude",
		desc: "Notes in these folders and their subfolders are never indexed, even when tagged. One folder path per line (or separated by commas), for example Templates.",
		placeholder: "Templates",
		format: "folders",
	},
	{ kind: "status" },
	{ kind: "heading", name: "Glossary sources" },
	{
		kind: "list",
		key: "glossaryFolders",
		name: "Glossary folders",
		desc: "Glossary entries of every note in these folders join the glossary, without the notes being listed as conference notes. One folder path per line.",
		placeholder: "Glossary",
		format: "folders",
	},
	{
		kind: "list",
		key: "glossaryTags",
		name: "Glossary tags",
		desc: "Glossary entries of notes with any of these tags join the glossary too. Separate tags with commas or new lines.",
		placeholder: "glossary",
		format: "tags",
	},
	{ kind: "heading", name: "Side panel" },
	{ kind: "toggle", key: "currentNoteOnly", name: "Current note only", desc: "Show only the note you are looking at. The switch at the top of the panel changes this too." },
	{ kind: "toggle", key: "expandAnswers", name: "Expand answers", desc: "Show every answer under its question. When off, an answer opens when you expand its question." },
	{ kind: "heading", name: "Hover previews" },
	{ kind: "toggle", key: "hoverReadingView", name: "In reading view", desc: "Show a term's definition when you hover over it in reading view." },
	{ kind: "toggle", key: "hoverLivePreview", name: "In live preview", desc: "Show a term's definition when you hover over it while editing in live preview." },
	{ kind: "toggle", key: "hoverSourceMode", name: "In source mode", desc: "Show a term's definition when you hover over it while editing in source mode." },
	{
		kind: "toggle",
		key: "hoverRequireModifier",
		name: "Require Ctrl or Cmd",
		desc: "Show a preview only while Ctrl (Cmd on macOS) is held, like page previews of links. On phones and tablets a tap opens the preview.",
	},
	{
		kind: "choice",
		key: "decorateMentions",
		name: "Terms to underline",
		desc: "Which mentions of glossary terms are marked in your notes: every mention, or only jargon marked with an asterisk.",
		options: { all: "Every mention", marked: "Only marked jargon" },
	},
	{
		kind: "choice",
		key: "underlineStyle",
		name: "Underline style",
		desc: "How marked mentions look. Without an underline, terms still show their preview on hover.",
		options: { dotted: "Dotted", none: "None" },
	},
	{ kind: "heading", name: "Export" },
	{ kind: "text", key: "exportFolder", name: "Export folder", desc: "Where exported digests and files are written: a folder inside the vault, such as Exports (no .. and no absolute path). Leave empty for the vault root.", placeholder: "Exports" },
	{ kind: "restore" },
];

const TYPING_DELAY_MS = 600;

/** Splits a tag list on commas, spaces and new lines; drops `#`, blanks and duplicates (case-insensitive). */
export function parseTagList(text: string): string[] {
	const out: string[] = [];
	const seen = new Set<string>();
	for (const raw of text.split(/[,\s]+/)) {
		const tag = raw.trim().replace(/^#+/, "").replace(/\/+$/, "");
		const key = tag.toLowerCase();
		if (tag === "" || seen.has(key)) continue;
		seen.add(key);
		out.push(tag);
	}
	return out;
}

/**
 * Splits a folder list on new lines and commas. A line naming an existing folder is kept whole, so a
 * folder with a comma in its name still works. Leading and trailing slashes are dropped.
 */
export function parseFolderList(text: string, folderExists: (path: string) => boolean = () => false): string[] {
	const out: string[] = [];
	const add = (raw: string) => {
		const folder = raw.trim().replace(/^\/+|\/+$/g, "");
		if (folder !== "" && !out.includes(folder)) out.push(folder);
	};
	for (const line of text.split(/\r?\n/)) {
		const trimmed = line.trim().replace(/^\/+|\/+$/g, "");
		if (trimmed === "") continue;
		if (folderExists(trimmed) || !trimmed.includes(",")) add(trimmed);
		else for (const part of trimmed.split(",")) add(part);
	}
	return out;
}

function isListKey(key: string): key is ListKey {
	return key === "tags" || key === "excludedFolders" || key === "glossaryFolders" || key === "glossaryTags";
}

function listFormat(key: ListKey): "tags" | "folders" {
	return key === "tags" || key === "glossaryTags" ? "tags" : "folders";
}

export class ConferenceSettingTab extends PluginSettingTab {
	/** Saves of typed text waiting for the typing pause, by key. */
	private readonly typing = new Map<string, Debouncer<[unknown], void>>();
	/** The "Index" row on screen, whose line follows the index while the tab is open. */
	private statusSetting: Setting | null = null;
	private reindexing = false;

	constructor(
		app: App,
		plugin: Plugin,
		private readonly settings: SettingsStore,
		private readonly index: ConferenceIndex,
	) {
		super(app, plugin);
		// Removed when the plugin unloads; does nothing while the tab is closed.
		plugin.registerEvent(index.on("changed", () => this.updateStatus()));
	}

	/** Obsidian before 1.13 renders the tab with this. */
	display(): void {
		this.renderInto(this.containerEl);
	}

	/** Obsidian 1.13+ renders (and searches) these instead of calling display(). */
	getSettingDefinitions(): SettingDefinitionItem[] {
		const groups: SettingDefinitionItem[] = [];
		let items: SettingGroupItem[] | null = null;
		for (const row of SETTING_ROWS) {
			if (row.kind === "heading") {
				items = [];
				groups.push({ type: "group", heading: row.name, items });
				continue;
			}
			const definition = this.definitionOf(row);
			if (items) items.push(definition);
			else groups.push(definition);
		}
		return groups;
	}

	/** The stored value of a control, as the control shows it (lists as text). */
	getControlValue(key: string): unknown {
		const current = this.settings.current as unknown as Record<string, unknown>;
		if (isListKey(key)) return this.settings.current[key].join(listFormat(key) === "tags" ? ", " : "\n");
		return current[key];
	}

	/** Saves a control's value: lists and text after the typing pause, switches and choices at once. */
	setControlValue(key: string, value: unknown): void {
		if (isListKey(key) || key === "exportFolder") {
			let save = this.typing.get(key);
			if (!save) {
				save = debounce((text: unknown) => void this.saveNow(key, text), TYPING_DELAY_MS, true);
				this.typing.set(key, save);
			}
			save(value);
			return;
		}
		void this.saveNow(key, value);
	}

	hide(): void {
		// Closing the settings saves whatever was typed last.
		this.flushTyping();
		super.hide();
	}

	private async saveNow(key: string, value: unknown): Promise<void> {
		if (isListKey(key)) {
			const text = typeof value === "string" ? value : "";
			const list = listFormat(key) === "tags" ? parseTagList(text) : parseFolderList(text, (path) => this.folderExists(path));
			await this.settings.update({ [key]: list });
		} else if (key === "exportFolder") {
			// Only a folder inside the vault is saved; anything else is explained and the saved folder kept.
			const raw = typeof value === "string" ? value : "";
			const checked = checkExportFolder(raw);
			if (checked.ok) await this.settings.update({ exportFolder: checked.folder });
			else new Notice(`${exportFolderMessage(checked.problem, raw)} The export folder stays “${this.settings.current.exportFolder || "/"}”.`);
		} else if (key in DEFAULT_SETTINGS) {
			// The store's mergeSettings drops values of the wrong type or outside a choice's options.
			await this.settings.update({ [key]: value });
		}
	}

	private flushTyping(): void {
		for (const save of this.typing.values()) save.run();
	}

	/** Re-renders after a change of many values (1.13+ re-reads the definitions; older versions re-run display). */
	private refresh(): void {
		const tab = this as { update?: () => void };
		if (typeof tab.update === "function") tab.update();
		else this.renderInto(this.containerEl);
	}

	private folderExists(path: string): boolean {
		return this.app.vault.getAbstractFileByPath(path) !== null;
	}

	private renderInto(containerEl: HTMLElement): void {
		this.flushTyping();
		containerEl.empty();
		containerEl.addClass("cqg-settings");
		for (const row of SETTING_ROWS) {
			const setting = new Setting(containerEl);
			switch (row.kind) {
				case "heading":
					setting.setName(row.name).setHeading();
					break;
				case "list":
					setting
						.setName(row.name)
						.setDesc(row.desc)
						.addTextArea((area) => {
							area.setPlaceholder(row.placeholder)
								.setValue(String(this.getControlValue(row.key)))
								.onChange((text) => this.setControlValue(row.key, text));
							area.inputEl.rows = 3;
							area.inputEl.addClass("cqg-settings-list");
						});
					break;
				case "toggle":
					setting
						.setName(row.name)
						.setDesc(row.desc)
						.addToggle((toggle) => toggle.setValue(this.settings.current[row.key]).onChange((on) => this.setControlValue(row.key, on)));
					break;
				case "choice":
					setting
						.setName(row.name)
						.setDesc(row.desc)
						.addDropdown((dropdown) =>
							dropdown
								.addOptions(row.options)
								.setValue(this.settings.current[row.key])
								.onChange((value) => this.setControlValue(row.key, value)),
						);
					break;
				case "text":
					setting
						.setName(row.name)
						.setDesc(row.desc)
						.addText((text) =>
							text
								.setPlaceholder(row.placeholder)
								.setValue(this.settings.current[row.key])
								.onChange((value) => this.setControlValue(row.key, value)),
						);
					break;
				case "status":
					this.renderStatus(setting);
					break;
				case "restore":
					this.renderRestore(setting);
					break;
			}
		}
	}

	private definitionOf(row: Exclude<Row, { kind: "heading" }>): SettingGroupItem {
		switch (row.kind) {
			case "list":
				return { name: row.name, desc: row.desc, control: { type: "textarea", key: row.key, placeholder: row.placeholder, rows: 3 } };
			case "toggle":
				return { name: row.name, desc: row.desc, control: { type: "toggle", key: row.key } };
			case "choice":
				return { name: row.name, desc: row.desc, control: { type: "dropdown", key: row.key, options: row.options } };
			case "text":
				return { name: row.name, desc: row.desc, control: { type: "text", key: row.key, placeholder: row.placeholder } };
			case "status":
				return { name: "Index", desc: this.statusText(), render: (setting) => this.renderStatus(setting) };
			case "restore":
				return { name: "Restore defaults", desc: "Put every setting of this plugin back to its default value.", render: (setting) => this.renderRestore(setting) };
		}
	}

	private statusText(): string {
		if (!this.index.ready) return "Indexing…";
		const notes = this.index.notes().length;
		const terms = this.index.terms.size;
		return `${notes} conference ${notes === 1 ? "note" : "notes"} and ${terms} glossary ${terms === 1 ? "term" : "terms"} indexed.`;
	}

	private renderStatus(setting: Setting): void {
		this.statusSetting = setting;
		setting
			.setName("Index")
			.setDesc(this.statusText())
			.addButton((button) =>
				button
					.setButtonText("Re-index now")
					.setTooltip("Read every note again with the settings above")
					.onClick(async () => {
						this.flushTyping();
						button.setDisabled(true);
						this.reindexing = true;
						setting.setDesc("Indexing…");
						try {
							await this.index.reindexAll();
						} finally {
							this.reindexing = false;
							button.setDisabled(false);
							setting.setDesc(this.statusText());
						}
					}),
			);
	}

	/** The index changed (tags edited, notes added): the status line on screen says so at once. */
	private updateStatus(): void {
		const setting = this.statusSetting;
		if (!setting || this.reindexing) return;
		if (!setting.settingEl.isConnected) {
			this.statusSetting = null;
			return;
		}
		setting.setDesc(this.statusText());
	}

	private renderRestore(setting: Setting): void {
		setting
			.setName("Restore defaults")
			.setDesc("Put every setting of this plugin back to its default value.")
			.addButton((button) =>
				button.setButtonText("Restore defaults").onClick(() => {
					new ConfirmModal(this.app, {
						title: "Restore default settings?",
						message: "Every setting of this plugin goes back to its default value: the tags and folders to index, the glossary sources, the panel, hover and export settings. Your notes are not changed.",
						confirm: "Restore defaults",
						onConfirm: () => void this.restoreDefaults(),
					}).open();
				}),
			);
	}

	private async restoreDefaults(): Promise<void> {
		for (const save of this.typing.values()) save.cancel();
		await this.settings.update(mergeSettings(undefined));
		this.refresh();
	}
}

/** Adds the settings tab. */
export function registerSettingsTab(plugin: Plugin, index: ConferenceIndex, settings: SettingsStore): void {
	plugin.addSettingTab(new ConferenceSettingTab(plugin.app, plugin, settings, index));
}
