/**
 * Writes exports into the vault. An existing file is never overwritten without asking: the user chooses
 * to replace it, keep both (a numbered name) or cancel. A Markdown digest opens in a new tab; other formats
 * report where they went.
 */
import { Modal, normalizePath, Notice, Setting, TFile, TFolder, type App } from "obsidian";
import { checkExportFolder, exportAs, exportBaseName, exportFolderMessage, type ExportFormat, type ExportInput } from "../core/export";

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
		this.titleEl.setText("Replace the existing file?");
		this.contentEl.createEl("p", { text: `“${this.path}” already exists. Replace it with the new export, or keep both?` });
		let safe: HTMLButtonElement | null = null;
		new Setting(this.contentEl)
			.addButton((b) => {
				b.setButtonText("Keep both")
					.setCta()
					.onClick(() => this.finish("keep-both"));
				safe = b.buttonEl;
			})
			.addButton((b) => {
				b.setButtonText("Replace").onClick(() => this.finish("replace"));
				// What setWarning() does; setDestructive() needs Obsidian 1.13.
				b.buttonEl.addClass("mod-warning");
			})
			.addButton((b) => b.setButtonText("Cancel").onClick(() => this.finish("cancel")));
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
	if (existing) throw new Error(`“${folder}” is a file, not a folder`);
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
			new Notice(`Export not written. ${exportFolderMessage(checked.problem, request.folder)} Change it in the plugin's settings.`);
			return null;
		}
		try {
			const result = exportAs(input, format, { bom: true });
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
					new Notice("Export cancelled: nothing was written.");
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
				new Notice(`Exported ${count(result.qaCount, "question")} and ${count(result.glossaryCount, "glossary entry", "glossary entries")} to ${file.path}.`);
			}
			return file;
		} catch (error) {
			new Notice(`Export failed: ${error instanceof Error ? error.message : String(error)}`);
			return null;
		}
	}
}

function count(n: number, one: string, many = `${one}s`): string {
	return `${n} ${n === 1 ? one : many}`;
}
