/**
 * `obsidian://conference-qa-glossary?term=…` opens the conference panel's glossary at that term, and
 * `obsidian://conference-qa-glossary?search=…` opens the panel with that search, for links from other
 * apps and notes. Without either, the panel just opens.
 */
import { Notice, type App, type ObsidianProtocolData, type Plugin } from "obsidian";
import { t } from "../i18n";
import { ConferencePanelView, openConferencePanel, VIEW_TYPE_CONFERENCE_PANEL } from "./panel/conference-panel-view";

export const URI_ACTION = "conference-qa-glossary";

/** Longest term or search a link may carry (longer ones are cut). */
const MAX_PARAM = 500;

function param(params: ObsidianProtocolData, key: string): string | null {
	const value = params[key];
	// A key written without a value (`?term`) arrives as "true": nothing to look for.
	if (typeof value !== "string" || value === "true" || value.trim() === "") return null;
	return value.slice(0, MAX_PARAM);
}

/** Opens the panel as the link asks. */
export async function followUri(app: App, params: ObsidianProtocolData): Promise<void> {
	const term = param(params, "term");
	const search = param(params, "search");
	await openConferencePanel(app);
	const view = app.workspace.getLeavesOfType(VIEW_TYPE_CONFERENCE_PANEL)[0]?.view;
	if (!(view instanceof ConferencePanelView)) return;
	if (term !== null) {
		if (!view.showTerm(term)) new Notice(t("uri.noTerm", { term }));
	} else if (search !== null) {
		view.setQuery(search);
	}
}

export function registerUriHandler(plugin: Plugin): void {
	plugin.registerObsidianProtocolHandler(URI_ACTION, (params) => {
		followUri(plugin.app, params).catch((error: unknown) => console.error("Conference Q&A Glossary: could not follow the link", error));
	});
}
