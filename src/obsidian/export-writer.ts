/**
 * Writes exports into the vault. An existing file is never overwritten without asking: the user chooses
 * to replace it, keep both (a numbered name) or cancel. A Markdown digest opens in a new tab; other formats
 * report where they went.
 */
import { Modal, normalizePath, Notice, Setting, TFile, TFolder, type App } from "obsidian";
import { checkExportFolder, exportAs, suggestedExportFolder, exportBaseName, type DigestLabels, type ExportFolderProblem, type ExportFormat, type ExportInput } from "../core/export";
import { t } from "../i18n";

export type OverwriteChoice = "replace" | "keep-both" | "cancel";

/** Asks whether to replace an existing file. Resolves "cancel" when dismissed. */
export class OverwriteModal extends Modal {
	private choice: OverwriteChoice = "cancel";

	constructor(
		app: App,
		private readonly path: string,
		private readonly resolve: (choice: OverwriteChoice) => void,
	) {
		super(app);
	}

	/**
	 * The safe choice, "Keep both", comes first, holds the focus and the accent colour, so Enter keeps the
	 * old file; replacing it takes a click on (or a Tab to) the warning-coloured "Replace".
	 */
	onOpen(): void {
		this.titleEl.setText(t("export.replaceTitle"));
		this.contentEl.createEl("p", { text: t("export.replaceBody", { path: this.path }) });
		let safe: HTMLButtonElement | null = null;
		new Setting(this.contentEl)
			.addButton((b) => {
				b.setButtonText(t("export.keepBoth"))
					.setCta()
					.onClick(() => this.finish("keep-both"));
				safe = b.buttonEl;
			})
			.addButton((b) => {
				b.setButtonText(t("export.replace")).onClick(() => this.finish("replace"));
				// What setWarning() does; setDestructive() needs Obsidian 1.13.
				b.buttonEl.addClass("mod-warning");
			})
			.addButton((b) => b.setButtonText(t("export.cancel")).onClick(() => this.finish("cancel")));
		(safe as HTMLButtonElement | null)?.focus();
	}

	onClose(): void {
		this.contentEl.empty();
		this.resolve(this.choice);
	}

	private finish(choice: OverwriteChoice): void {
		this.choice = choice;
		this.close();
	}
}

export function askOverwrite(app: App, path: string): Promise<OverwriteChoice> {
	return new Promise((resolve) => new OverwriteModal(app, path, resolve).open());
}

export interface ExportRequest {
	input: ExportInput;
	format: ExportFormat;
	/** An export of every indexed note (names the file "Conference Q&A…"). */
	allNotes: boolean;
	/** Vault folder for the file ("" = vault root), as the setting holds it: refused unless inside the vault. */
	folder: string;
}

export interface ExportWriterOptions {
	/** How to ask before replacing a file (tests answer directly). */
	confirmOverwrite?: (app: App, path: string) => Promise<OverwriteChoice>;
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
		private readonly options: ExportWriterOptions = {},
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
				const ask = this.options.confirmOverwrite ?? askOverwrite;
				const choice = existing instanceof TFile ? await ask(this.app, path) : "keep-both";
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
