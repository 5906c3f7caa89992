/** "Export current note" and "Export all notes": pick a format, then the export writer writes the file. */
import { Notice, type App } from "obsidian";
import { EXPORT_FORMATS, type ExportFormat, type ExportFormatInfo } from "../../core/export";
import type { NoteRecord } from "../../core/types";
import { t, type PlainKey } from "../../i18n";
import type { ExportWriter } from "../../obsidian/export-writer";
import { PickModal, type PickItem } from "../pick-modal";
import type { CommandIndex } from "./command-index";

const FORMAT_TEXTS: Record<ExportFormat, { title: PlainKey; note: PlainKey }> = {
	md: { title: "export.md.title", note: "export.md.note" },
	csv: { title: "export.csv.title", note: "export.csv.note" },
	json: { title: "export.json.title", note: "export.json.note" },
	tsv: { title: "export.tsv.title", note: "export.tsv.note" },
};

/** Asks for an export format, then calls `onChoose` with it. */
export function chooseExportFormat(app: App, onChoose: (format: ExportFormat) => void): void {
	const items: PickItem<ExportFormatInfo>[] = EXPORT_FORMATS.map((f) => ({ value: f, title: t(FORMAT_TEXTS[f.format].title), note: t(FORMAT_TEXTS[f.format].note), aux: `.${f.extension}` }));
	new PickModal(app, items, (f) => onChoose(f.format), { placeholder: t("export.placeholder") }).open();
}

/** Exports one note in the format the user picks, into the export folder (`folder`, read once the format is chosen). */
export function exportNote(app: App, writer: ExportWriter, note: NoteRecord, folder: () => string): void {
	chooseExportFormat(app, (format) => {
		void writer.write({ input: { notes: [note] }, format, allNotes: false, folder: folder() });
	});
}

/** Exports every indexed note and the glossary in the format the user picks; a notice when there is nothing yet. */
export function exportAllNotes(app: App, index: CommandIndex, writer: ExportWriter, folder: () => string): void {
	if (index.notes().length === 0) {
		new Notice(index.ready ? t("notice.exportNoNotes") : t("notice.exportIndexing"));
		return;
	}
	chooseExportFormat(app, (format) => {
		void writer.write({ input: { notes: index.notes(), terms: index.terms.records() }, format, allNotes: true, folder: folder() });
	});
}
