import { Plugin } from "obsidian";
import type { ConferenceQaGlossaryApi } from "../api/conference-qa-glossary";
import { registerConferenceIndex } from "./obsidian/conference-index";
import { createPublicApi } from "./obsidian/public-api";
import { SettingsStore } from "./obsidian/settings-store";
import { registerSettingsTab } from "./ui/settings-tab";
import { registerConferencePanel } from "./ui/panel/conference-panel-view";
import { registerHovers } from "./ui/mentions/register";
import { registerCommands } from "./ui/commands";
import { registerLanguage } from "./i18n";
import { registerEmbeds } from "./ui/embeds/register-embeds";
import { registerUriHandler } from "./ui/uri-handler";
import { registerReadFailureNotice } from "./ui/panel/panel-health";

/**
 * Wiring only. Each feature registers itself with one `registerX(this, index, settings)` line below;
 * everything it registers goes through the plugin (or a child component) and is released on unload.
 * Heavy work waits for the workspace layout: the index starts in `onLayoutReady`, not here.
 */
export default class ConferenceQaGlossaryPlugin extends Plugin {
	/** The public API (api/conference-qa-glossary.d.ts); null until the plugin has loaded. */
	api: ConferenceQaGlossaryApi | null = null;

	async onload(): Promise<void> {
		const settings = await SettingsStore.load(this);
		// Before anything shows a text: Obsidian's language, or the plugin's own choice.
		registerLanguage(this, settings);
		const index = registerConferenceIndex(this, settings);

		registerConferencePanel(this, index, settings);
		registerReadFailureNotice(this, index);
		registerSettingsTab(this, index, settings);
		registerHovers(this, index, settings);
		registerCommands(this, index, () => settings.current);
		registerEmbeds(this, index);
		registerUriHandler(this);
		this.api = createPublicApi(this, index);
		this.register(() => (this.api = null));
	}
}
