import { Notice, TFile, type App, type MarkdownView, type PaneType } from "obsidian";
import { t } from "../i18n";

/**
 * Opens `path` at 1-based `line`, as Obsidian's own backlinks, outline and search panes do: `openFile` with
 * the ephemeral state `{ line }` (0-based), which scrolls the Markdown view to the line in reading view and
 * in the editor. In the editor the cursor also goes to the start of that line, which the editor marks as
 * the active line. The line is not selected: a keyboard user who presses Enter again would replace it.
 */
export async function openNoteAtLine(app: App, path: string, line: number, newLeaf: PaneType | boolean = false): Promise<void> {
	const file = app.vault.getAbstractFileByPath(path);
	if (!(file instanceof TFile)) {
		new Notice(t("notice.noteMissing", { path }));
		return;
	}
	const target = Math.max(0, line - 1);
	const leaf = app.workspace.getLeaf(newLeaf);
	await leaf.openFile(file, { active: true, eState: { line: target } });
	const view = leaf.view;
	if (view.getViewType() !== "markdown") return;
	const markdown = view as MarkdownView;
	if (markdown.getMode() !== "source") return;
	const editor = markdown.editor;
	if (target >= editor.lineCount()) return;
	const position = { line: target, ch: 0 };
	editor.setCursor(position);
	editor.scrollIntoView({ from: position, to: { line: target, ch: editor.getLine(target).length } }, true);
}
