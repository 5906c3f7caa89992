/**
 * The command-palette commands: insert a term definition, define the term under the cursor, go to a
 * term's definition, and export the current note or every conference note. This module only registers
 * them; each flow is its own module in ./commands/.
 *
 * Every edit is ONE editor transaction (one undo step) at the end of an existing line: never a whole-file
 * rewrite. Editor commands appear only with an editor; export commands only where they apply. None has a
 * default hotkey. When there is nothing to do, a notice says why.
 */
import type { Plugin } from "obsidian";
import type { PluginSettings } from "../core/settings";
import { t } from "../i18n";
import { ExportWriter, type ExportWriterOptions } from "../obsidian/export-writer";
import type { CommandIndex } from "./commands/command-index";
import { defineTermUnderCursor } from "./commands/define-term";
import { exportAllNotes, exportNote } from "./commands/export";
import { goToTermDefinition } from "./commands/go-to-definition";
import { insertTermDefinition } from "./commands/insert-definition";
import { askOverwrite } from "./overwrite-modal";

export type { CommandIndex } from "./commands/command-index";

export const COMMAND_IDS = {
	insert: "insert-term-definition",
	define: "define-term-under-cursor",
	goTo: "go-to-term-definition",
	exportNote: "export-current-note",
	exportAll: "export-all-notes",
} as const;

export interface CommandOptions {
	/** Test seam for the export writer (how it asks before replacing a file). */
	writer?: Partial<ExportWriterOptions>;
}

/** Registers the commands on the plugin; they are removed when it unloads. */
export function registerCommands(plugin: Plugin, index: CommandIndex, getSettings: () => Readonly<PluginSettings>, options: CommandOptions = {}): void {
	const app = plugin.app;
	const writer = new ExportWriter(app, { confirmOverwrite: options.writer?.confirmOverwrite ?? askOverwrite });

	const editorCommands: [id: string, name: string, run: typeof insertTermDefinition][] = [
		[COMMAND_IDS.insert, t("command.insert"), insertTermDefinition],
		[COMMAND_IDS.define, t("command.define"), defineTermUnderCursor],
		[COMMAND_IDS.goTo, t("command.goTo"), goToTermDefinition],
	];
	for (const [id, name, run] of editorCommands) {
		plugin.addCommand({
			id,
			name,
			editorCheckCallback: (checking, editor, ctx) => {
				if (!checking) run(app, index, editor, ctx.file?.path ?? "");
				return true;
			},
		});
	}

	plugin.addCommand({
		id: COMMAND_IDS.exportNote,
		name: t("command.exportNote"),
		checkCallback: (checking) => {
			const file = app.workspace.getActiveFile();
			const note = file ? index.note(file.path) : undefined;
			if (!note) return false;
			if (!checking) exportNote(app, writer, note, () => getSettings().exportFolder);
			return true;
		},
	});

	plugin.addCommand({
		id: COMMAND_IDS.exportAll,
		name: t("command.exportAll"),
		checkCallback: (checking) => {
			if (!checking) exportAllNotes(app, index, writer, () => getSettings().exportFolder);
			return true;
		},
	});
}
