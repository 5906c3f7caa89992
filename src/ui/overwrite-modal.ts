/**
 * "Replace the existing file?" before an export would overwrite one: the question the export writer
 * (src/obsidian/export-writer.ts) asks through its `confirmOverwrite` option.
 */
import { Modal, type App } from "obsidian";
import type { OverwriteChoice } from "../obsidian/export-writer";
import { t } from "../i18n";
import { addChoiceButtons } from "./confirm-modal";

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
		addChoiceButtons(
			this.contentEl,
			{ label: t("export.keepBoth"), onClick: () => this.finish("keep-both") },
			{ label: t("export.replace"), onClick: () => this.finish("replace") },
			[{ label: t("export.cancel"), onClick: () => this.finish("cancel") }],
		);
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

/** Opens the question; resolves the answer ("cancel" when the modal is dismissed). */
export function askOverwrite(app: App, path: string): Promise<OverwriteChoice> {
	return new Promise((resolve) => new OverwriteModal(app, path, resolve).open());
}
