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

/** One button of a question: its label and what it does. */
export interface Choice {
	label: string;
	onClick: () => void;
}

/**
 * The buttons of a question before something that cannot be undone: the safe answer first, with the
 * accent colour and the focus (so Enter does the safe thing), then the irreversible one, warning-coloured,
 * then any other answers.
 */
export function addChoiceButtons(containerEl: HTMLElement, safe: Choice, risky: Choice, others: readonly Choice[] = []): void {
	let safeEl: HTMLButtonElement | null = null;
	const setting = new Setting(containerEl)
		.addButton((b) => {
			b.setButtonText(safe.label).setCta().onClick(safe.onClick);
			safeEl = b.buttonEl;
		})
		.addButton((b) => {
			b.setButtonText(risky.label).onClick(risky.onClick);
			// What setWarning() does; setDestructive() needs Obsidian 1.13.
			b.buttonEl.addClass("mod-warning");
		});
	for (const other of others) setting.addButton((b) => b.setButtonText(other.label).onClick(other.onClick));
	(safeEl as HTMLButtonElement | null)?.focus();
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
		addChoiceButtons(
			this.contentEl,
			{ label: t("modal.cancel"), onClick: () => this.close() },
			{
				label: this.options.confirm,
				onClick: () => {
					this.confirmed = true;
					this.close();
				},
			},
		);
	}

	onClose(): void {
		this.contentEl.empty();
		if (this.confirmed) this.options.onConfirm();
	}
}
