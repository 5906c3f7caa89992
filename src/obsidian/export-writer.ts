/**
 * Writes exports into the vault. An existing file is never overwritten without asking: the user chooses
 * to replace it, keep both (a numbered name) or cancel (the question is the UI's: `confirmOverwrite`,
 * in Obsidian the modal of src/ui/overwrite-modal.ts). A Markdown digest opens in a new tab; other
 * formats report where they went.
 */
import { normalizePath, Notice, TFile, TFolder, type App } from "obsidian";
import { checkExportFolder, exportAs, suggestedExportFolder, exportBaseName, type DigestLabels, type ExportFolderProblem, type ExportFormat, type ExportInput } from "../core/export";
import { t } from "../i18n";

/** The answer to "replace the existing file?". */
export type OverwriteChoice = "replace" | "keep-both" | "cancel";

export interface ExportRequest {
	input: ExportInput;
	format: ExportFormat;
	/** An export of every indexed note (names the file "Conference Q&A…"). */
	allNotes: boolean;
	/** Vault folder for the file ("" = vault root), as the setting holds it: refused unless inside the vault. */
	folder: string;
}

export interface ExportWriterOptions {
	/** How to ask before replacing a file: the overwrite modal in Obsidian; tests answer directly. */
	confirmOverwrite: (app: App, path: string) => Promise<OverwriteChoice>;
}

/** `name.ext`, or `name 2.ext`, `name 3.ext`… : the first path not taken. */
export function freePath(app: App, folder: string, base: string, extension: string): string {
	const join = (name: string) => normalizePath(folder ? `${folder}/${name}.${extension}` : `${name}.${extension}`);
	let path = join(base);
	for (let n = 2; app.vault.getAbstractFileByPath(path); n++) path = join(`${base} ${n}`);
	return path;
}

async function ensureFolder(app: App, folder: string): Promise<void> {
	if (!folder) return;
	const existing = app.vault.getAbstractFileByPath(folder);
	if (existing instanceof TFolder) return;
	if (existing) throw new Error(t("export.notAFolder", { folder }));
	await app.vault.createFolder(folder);
}

export class ExportWriter {
	constructor(
		private readonly app: App,
		private readonly options: ExportWriterOptions,
	) {}

	/** Writes the export and returns its file, or null when the user cancelled or it failed (a notice says why). */
	async write(request: ExportRequest): Promise<TFile | null> {
		const { input, format, allNotes } = request;
		const checked = checkExportFolder(request.folder);
		if (!checked.ok) {
			new Notice(t("export.notWritten", { reason: exportFolderText(checked.problem, request.folder) }));
			return null;
		}
		try {
			const result = exportAs(input, format, { bom: true, labels: digestLabels() });
			const folder = checked.folder === "" ? "" : normalizePath(checked.folder);
			const base = exportBaseName(input.notes, format, allNotes);
			const path = normalizePath(folder ? `${folder}/${base}.${result.extension}` : `${base}.${result.extension}`);
			await ensureFolder(this.app, folder);
			const existing = this.app.vault.getAbstractFileByPath(path);
			let file: TFile;
			if (existing) {
				const choice = existing instanceof TFile ? await this.options.confirmOverwrite(this.app, path) : "keep-both";
				if (choice === "cancel") {
					new Notice(t("export.cancelled"));
					return null;
				}
				if (choice === "replace" && existing instanceof TFile) {
					await this.app.vault.modify(existing, result.text);
					file = existing;
				} else {
					file = await this.app.vault.create(freePath(this.app, folder, base, result.extension), result.text);
				}
			} else {
				file = await this.app.vault.create(path, result.text);
			}
			if (format === "md") {
				await this.app.workspace.getLeaf("tab").openFile(file);
			} else {
				new Notice(t("export.done", { questions: result.qaCount, entries: result.glossaryCount, path: file.path }));
			}
			return file;
		} catch (error) {
			new Notice(t("export.failed", { error: error instanceof Error ? error.message : String(error) }));
			return null;
		}
	}
}

/** The sentence that explains a refused export folder (`raw` is the setting as typed), in the interface language. */
export function exportFolderText(problem: ExportFolderProblem, raw: string): string {
	const folder = raw.replace(/[\r\n]+/g, " ").trim();
	switch (problem) {
		case "absolute":
			return t("export.folderAbsolute", { folder, example: suggestedExportFolder(raw) });
		case "parent":
			return t("export.folderParent", { folder });
		case "hidden":
			return t("export.folderHidden", { folder });
		case "character":
			return t("export.folderCharacter", { folder });
	}
}

/** The Markdown digest's headings and summaries in the interface language. */
export function digestLabels(): DigestLabels {
	return {
		noteTitle: (title) => t("digest.noteTitle", { title }),
		noteSummary: (link, questions, entries) => t("digest.noteSummary", { link, questions, entries }),
		allTitle: t("digest.allTitle"),
		allSummary: (notes, questions, entries) => t("digest.allSummary", { notes, questions, entries }),
		from: (link) => t("digest.from", { link }),
		beforeFirstTalk: t("digest.beforeFirstTalk"),
		untitledTalk: t("digest.untitledTalk"),
		glossary: t("digest.glossary"),
		source: (link) => t("digest.source", { link }),
		noQuestionText: t("digest.noQuestionText"),
		noAnswer: t("digest.noAnswer"),
	};
}
