// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from "vitest";
import type { App as ObsidianApp } from "obsidian";
import { App, Notice, TFile } from "../stubs/obsidian";
import { parseNote } from "../../src/core/note-parser";
import type { NoteRecord } from "../../src/core/types";
import { exportFolderText, ExportWriter } from "../../src/obsidian/export-writer";

/** A small conference note, in our own words, whose title is given. */
function talkNote(path: string, title: string): NoteRecord {
	const text = ["---", "tags: [Conference]", `title: '${title.replace(/'/g, "''")}'`, "---", "## Ads - Kim", "", "**Q. CTR* 은?**", "A. =1+1", "", "> CTR", "> 클릭률", ""].join("\n");
	const record = parseNote(text, path);
	if (!record) throw new Error("not a conference note");
	return { ...record, title };
}

let app: App;
let writer: ExportWriter;

beforeEach(() => {
	app = new App();
	writer = new ExportWriter(app as unknown as ObsidianApp, { confirmOverwrite: () => Promise.resolve("cancel") });
	Notice.shown.length = 0;
});

function paths(): string[] {
	return app.vault
		.getAllLoadedFiles()
		.map((f) => f.path)
		.filter((p) => p !== "/" && p !== "")
		.sort();
}

describe("export folder", () => {
	it("refuses .. and absolute paths with a notice, writing nothing", async () => {
		const note = talkNote("Talks/Ads.md", "Ads");
		for (const folder of ["..", "../Elsewhere", "Exports/../../x", "/tmp", "C:\\Users\\me", "~/Desktop", ".obsidian"]) {
			expect(await writer.write({ input: { notes: [note] }, format: "csv", allNotes: false, folder })).toBeNull();
		}
		expect(paths()).toEqual([]);
		expect(Notice.shown).toHaveLength(7);
		expect(Notice.shown[1]).toBe("Export not written. The export folder “../Elsewhere” leaves the vault (“..”). Use a folder inside the vault, such as Exports. Change it in the plugin's settings.");
		expect(Notice.shown[3]).toBe("Export not written. The export folder “/tmp” is an absolute path. Use a folder inside the vault, such as tmp. Change it in the plugin's settings.");
	});

	it("writes into a folder inside the vault, tidied", async () => {
		const note = talkNote("Talks/Ads.md", "Ads");
		const file = await writer.write({ input: { notes: [note] }, format: "csv", allNotes: false, folder: " ./내보내기//2025/ " });
		expect(file?.path).toBe("내보내기/2025/Ads - Q&A.csv");
		expect(Notice.shown).toEqual(["Exported 1 question and 1 glossary entry to 내보내기/2025/Ads - Q&A.csv."]);
		const written = app.vault.getFileByPath("내보내기/2025/Ads - Q&A.csv");
		expect(written).toBeInstanceOf(TFile);
		expect(app.vault.contentOf(written!)?.split("\r\n")[1]).toBe("qa,CTR 은?,'=1+1,,Ads,Ads,Kim,Talks/Ads.md,7");
	});
});

describe("export file names", () => {
	it("a note titled `. .secret` does not export to a hidden file", async () => {
		const note = talkNote("Talks/. .secret.md", ". .secret");
		const csv = await writer.write({ input: { notes: [note] }, format: "csv", allNotes: false, folder: "" });
		const tsv = await writer.write({ input: { notes: [note] }, format: "tsv", allNotes: false, folder: "Exports" });
		expect([csv?.path, tsv?.path]).toEqual(["secret - Q&A.csv", "Exports/secret - Q&A (Anki).tsv"]);
		expect(paths().filter((p) => p.split("/").some((part) => part.startsWith(".")))).toEqual([]);
	});

	it("hostile titles give plain names and plain notices", async () => {
		const img = talkNote("Talks/img.md", `<img src=x onerror="alert(1)">`);
		const script = talkNote("Talks/script.md", `"><script>alert(1)</script>`);
		const a = await writer.write({ input: { notes: [img] }, format: "json", allNotes: false, folder: "Exports" });
		const b = await writer.write({ input: { notes: [script] }, format: "csv", allNotes: false, folder: "Exports" });
		expect([a?.path, b?.path]).toEqual(["Exports/img src=x onerror= alert(1) - Q&A.json", "Exports/script alert(1) script - Q&A.csv"]);
		expect(Notice.shown).toEqual([
			"Exported 1 question and 1 glossary entry to Exports/img src=x onerror= alert(1) - Q&A.json.",
			"Exported 1 question and 1 glossary entry to Exports/script alert(1) script - Q&A.csv.",
		]);
	});
});

describe("a refused export folder", () => {
	it("explains a refusal in one sentence naming the setting", () => {
		expect(exportFolderText("parent", "../Elsewhere")).toBe("The export folder “../Elsewhere” leaves the vault (“..”). Use a folder inside the vault, such as Exports.");
		expect(exportFolderText("absolute", "/Exports/\n")).toBe("The export folder “/Exports/” is an absolute path. Use a folder inside the vault, such as Exports.");
		expect(exportFolderText("absolute", "C:\\Users\\me")).toBe("The export folder “C:\\Users\\me” is an absolute path. Use a folder inside the vault, such as Users/me.");
		expect(exportFolderText("absolute", "/../x")).toBe("The export folder “/../x” is an absolute path. Use a folder inside the vault, such as Exports.");
		expect(exportFolderText("hidden", ".obsidian")).toBe("The export folder “.obsidian” is hidden (a part starts with a dot), so its files would not show in the vault. Use a folder such as Exports.");
	});
});
