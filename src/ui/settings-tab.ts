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
import { checkExportFolder } from "../core/export";
import { exportFolderText } from "../obsidian/export-writer";
import { parseTagList } from "../core/tags";
import { DEFAULT_SETTINGS, mergeSettings, type PluginSettings } from "../core/settings";
import type { ConferenceIndex } from "../obsidian/conference-index";
import type { SettingsStore } from "../obsidian/settings-store";
import { ConfirmModal } from "./confirm-modal";
import { t, type PlainKey } from "../i18n";

type ListKey = "tags" | "excludedFolders" | "glossaryFolders" | "glossaryTags";
type ToggleKey = { [K in keyof PluginSettings]: PluginSettings[K] extends boolean ? K : never }[keyof PluginSettings];
type ChoiceKey = "decorateMentions" | "underlineStyle" | "language";

/** Texts are message keys (src/i18n), looked up when the tab renders, so they follow the language. */
type Row =
	| { kind: "heading"; name: PlainKey }
	| { kind: "list"; key: ListKey; name: PlainKey; desc: PlainKey; placeholder: PlainKey | null; format: "tags" | "folders" }
	| { kind: "toggle"; key: ToggleKey; name: PlainKey; desc: PlainKey }
	| { kind: "choice"; key: ChoiceKey; name: PlainKey; desc: PlainKey; options: Record<string, PlainKey> }
	| { kind: "text"; key: "exportFolder"; name: PlainKey; desc: PlainKey; placeholder: PlainKey }
	| { kind: "status" }
	| { kind: "restore" };

/** Every setting, in order. Each PluginSettings key appears exactly once (a test checks it). */
export const SETTING_ROWS: readonly Row[] = [
	{ kind: "heading", name: "settings.conferenceNotes" },
	// The tags' placeholder is the default tag list itself (null: no message).
	{ kind: "list", key: "tags", name: "settings.tags.name", desc: "settings.tags.desc", placeholder: null, format: "tags" },
	{ kind: "list", key: "excludedFolders", name: "settings.excludedFolders.name", desc: "settings.excludedFolders.desc", placeholder: "settings.excludedFolders.placeholder", format: "folders" },
	{ kind: "status" },
	{ kind: "heading", name: "settings.glossarySources" },
	{ kind: "list", key: "glossaryFolders", name: "settings.glossaryFolders.name", desc: "settings.glossaryFolders.desc", placeholder: "settings.glossaryFolders.placeholder", format: "folders" },
	{ kind: "list", key: "glossaryTags", name: "settings.glossaryTags.name", desc: "settings.glossaryTags.desc", placeholder: "settings.glossaryTags.placeholder", format: "tags" },
	{ kind: "heading", name: "settings.conferencePanel" },
	{ kind: "toggle", key: "currentNoteOnly", name: "settings.currentNoteOnly.name", desc: "settings.currentNoteOnly.desc" },
	{ kind: "toggle", key: "expandAnswers", name: "settings.expandAnswers.name", desc: "settings.expandAnswers.desc" },
	{ kind: "heading", name: "settings.hoverPreviews" },
	{ kind: "toggle", key: "hoverReadingView", name: "settings.hoverReadingView.name", desc: "settings.hoverReadingView.desc" },
	{ kind: "toggle", key: "hoverLivePreview", name: "settings.hoverLivePreview.name", desc: "settings.hoverLivePreview.desc" },
	{ kind: "toggle", key: "hoverSourceMode", name: "settings.hoverSourceMode.name", desc: "settings.hoverSourceMode.desc" },
	{ kind: "toggle", key: "hoverRequireModifier", name: "settings.hoverRequireModifier.name", desc: "settings.hoverRequireModifier.desc" },
	{
		kind: "toggle",
		key: "focusableMentions",
		name: "settings.focusableMentions.name",
		desc: "settings.focusableMentions.desc",
	},
	{
		kind: "choice",
		key: "decorateMentions",
		name: "settings.decorateMentions.name",
		desc: "settings.decorateMentions.desc",
		options: { all: "settings.decorateMentions.all", marked: "settings.decorateMentions.marked" },
	},
	{
		kind: "choice",
		key: "underlineStyle",
		name: "settings.underlineStyle.name",
		desc: "settings.underlineStyle.desc",
		options: { dotted: "settings.underlineStyle.dotted", none: "settings.underlineStyle.none" },
	},
	{ kind: "heading", name: "settings.export" },
	{ kind: "text", key: "exportFolder", name: "settings.exportFolder.name", desc: "settings.exportFolder.desc", placeholder: "settings.exportFolder.placeholder" },
	{ kind: "heading", name: "settings.language" },
	{
		kind: "choice",
		key: "language",
		name: "settings.language.name",
		desc: "settings.language.desc",
		options: { auto: "settings.language.auto", en: "settings.language.en", ko: "settings.language.ko" },
	},
	{ kind: "restore" },
];

/** A choice's options in the current language. */
function optionTexts(options: Record<string, PlainKey>): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [value, key] of Object.entries(options)) out[value] = t(key);
	return out;
}

function listPlaceholder(row: Extract<Row, { kind: "list" }>): string {
	return row.placeholder === null ? DEFAULT_SETTINGS.tags.join(", ") : t(row.placeholder);
}

const TYPING_DELAY_MS = 600;

/** Splits a tag list on commas, spaces and new lines (the core's one tag rule; re-exported for the tab's tests). */
export { parseTagList };

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
				groups.push({ type: "group", heading: t(row.name), items });
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
			else new Notice(t("export.folderKept", { reason: exportFolderText(checked.problem, raw), folder: this.settings.current.exportFolder || "/" }));
		} else if (key in DEFAULT_SETTINGS) {
			// The store's mergeSettings drops values of the wrong type or outside a choice's options.
			await this.settings.update({ [key]: value });
			// A new interface language: the tab shows itself again in it.
			if (key === "language") this.refresh();
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
					setting.setName(t(row.name)).setHeading();
					break;
				case "list":
					setting
						.setName(t(row.name))
						.setDesc(t(row.desc))
						.addTextArea((area) => {
							area.setPlaceholder(listPlaceholder(row))
								.setValue(String(this.getControlValue(row.key)))
								.onChange((text) => this.setControlValue(row.key, text));
							area.inputEl.rows = 3;
							area.inputEl.addClass("cqg-settings-list");
						});
					break;
				case "toggle":
					setting
						.setName(t(row.name))
						.setDesc(t(row.desc))
						.addToggle((toggle) => toggle.setValue(this.settings.current[row.key]).onChange((on) => this.setControlValue(row.key, on)));
					break;
				case "choice":
					setting
						.setName(t(row.name))
						.setDesc(t(row.desc))
						.addDropdown((dropdown) =>
							dropdown
								.addOptions(optionTexts(row.options))
								.setValue(this.settings.current[row.key])
								.onChange((value) => this.setControlValue(row.key, value)),
						);
					break;
				case "text":
					setting
						.setName(t(row.name))
						.setDesc(t(row.desc))
						.addText((text) =>
							text
								.setPlaceholder(t(row.placeholder))
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
			if (row.kind !== "heading" && row.kind !== "status" && row.kind !== "restore") nameControls(setting, t(row.name));
		}
	}

	private definitionOf(row: Exclude<Row, { kind: "heading" }>): SettingGroupItem {
		switch (row.kind) {
			case "list":
				return { name: t(row.name), desc: t(row.desc), control: { type: "textarea", key: row.key, placeholder: listPlaceholder(row), rows: 3 } };
			case "toggle":
				return { name: t(row.name), desc: t(row.desc), control: { type: "toggle", key: row.key } };
			case "choice":
				return { name: t(row.name), desc: t(row.desc), control: { type: "dropdown", key: row.key, options: optionTexts(row.options) } };
			case "text":
				return { name: t(row.name), desc: t(row.desc), control: { type: "text", key: row.key, placeholder: t(row.placeholder) } };
			case "status":
				return { name: t("settings.index.name"), desc: this.statusText(), render: (setting) => this.renderStatus(setting) };
			case "restore":
				return { name: t("settings.restore.name"), desc: t("settings.restore.desc"), render: (setting) => this.renderRestore(setting) };
		}
	}

	private statusText(): string {
		if (!this.index.ready) return t("settings.index.indexing");
		return t("settings.index.status", { notes: this.index.notes().length, terms: this.index.terms.size });
	}

	private renderStatus(setting: Setting): void {
		this.statusSetting = setting;
		setting
			.setName(t("settings.index.name"))
			.setDesc(this.statusText())
			.addButton((button) =>
				button
					.setButtonText(t("settings.index.button"))
					// The name a screen reader gives starts with the button's visible label.
					.setTooltip(t("settings.index.tooltip"))
					.onClick(async () => {
						this.flushTyping();
						button.setDisabled(true);
						this.reindexing = true;
						setting.setDesc(t("settings.index.indexing"));
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
			.setName(t("settings.restore.name"))
			.setDesc(t("settings.restore.desc"))
			.addButton((button) =>
				button.setButtonText(t("settings.restore.button")).onClick(() => {
					new ConfirmModal(this.app, {
						title: t("settings.restore.confirmTitle"),
						message: t("settings.restore.confirmMessage"),
						confirm: t("settings.restore.button"),
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

/**
 * Gives a setting's input, switch or dropdown the setting's visible name as its accessible name (Obsidian
 * draws them without a label), so "Tags to index" is what a screen reader or voice control calls it.
 */
export function nameControls(setting: Setting, name: string): void {
	for (const el of Array.from(setting.controlEl.querySelectorAll<HTMLElement>("input, select, textarea, .checkbox-container"))) {
		// A switch drawn as a plain container around a checkbox is named on the checkbox (a name on an element
		// without a role is not allowed); one that is the switch itself (role="switch") is named directly.
		if (el.matches(".checkbox-container") && !el.hasAttribute("role")) continue;
		if (!el.hasAttribute("aria-label")) el.setAttribute("aria-label", name);
	}
}

/** Adds the settings tab. */
export function registerSettingsTab(plugin: Plugin, index: ConferenceIndex, settings: SettingsStore): void {
	plugin.addSettingTab(new ConferenceSettingTab(plugin.app, plugin, settings, index));
}
