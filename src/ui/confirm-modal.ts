/**
 * A yes-or-no question before something that cannot be undone. The safe answer (Cancel) comes first and
 * holds the focus, so Enter or Escape never does the irreversible thing; the other button is
 * warning-coloured and needs a click (or a Tab and Enter).
 */
import { Modal, Setting, type App } from "obsidian";
import { t } from "../i18n";

export interface ConfirmOptions {
	title: string;
	message: string;
	/** Label of the button that goes ahead, e.g. "Restore defaults". */
	confirm: string;
	onConfirm: () => void;
}

export class ConfirmModal extends Modal {
	private confirmed = false;

	constructor(
		app: App,
		private readonly options: ConfirmOptions,
	) {
		super(app);
	}

	onOpen(): void {
		this.titleEl.setText(this.options.title);
		this.contentEl.createEl("p", { text: this.options.message });
		let safe: HTMLButtonElement | null = null;
		new Setting(this.contentEl)
			.addButton((b) => {
				b.setButtonText(t("modal.cancel"))
					.setCta()
					.onClick(() => this.close());
				safe = b.buttonEl;
			})
			.addButton((b) => {
				b.setButtonText(this.options.confirm).onClick(() => {
					this.confirmed = true;
					this.close();
				});
				// What setWarning() does; setDestructive() needs Obsidian 1.13.
				b.buttonEl.addClass("mod-warning");
			});
		(safe as HTMLButtonElement | null)?.focus();
	}

	onClose(): void {
		this.contentEl.empty();
		if (this.confirmed) this.options.onConfirm();
	}
}
