// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { undoDepth } from "@codemirror/commands";
import type { Editor as ObsidianEditor, Plugin as ObsidianPlugin } from "obsidian";
import { App, Editor, Modal, Notice, Plugin, SuggestModal, TFile } from "../stubs/obsidian";
import { COMMAND_IDS, registerCommands, type CommandIndex } from "../../src/ui/commands";
import { parseNote } from "../../src/core/note-parser";
import { DEFAULT_SETTINGS, type PluginSettings } from "../../src/core/settings";
import { TermIndex } from "../../src/core/term-index";
import type { NoteRecord } from "../../src/core/types";
import type { OverwriteChoice } from "../../src/obsidian/export-writer";
import { hasSharedFixtures, readSharedFixture, REFERENCE_NOTE } from "../helpers/shared-fixtures";

const CTR_DEF = "광고가 클릭된 횟수를 광고가 게재된 횟수로 나눈 값";

/** Glossary sources, in our own words. ROAS is defined twice, in two notes. */
const SOURCES: Record<string, string> = {
	"Conferences/Ads day.md": [
		"---",
		"tags: [Conference]",
		"---",
		"## Measuring ads - Kim",
		"",
		"**Q. CTR* 은 어떻게 보나요?**",
		"A. 매일 봅니다.",
		"",
		"> CTR (Click-Through Rate)",
		`> ${CTR_DEF}`,
		"",
		"> 갠또",
		"> 어림짐작, 대략적인 예상",
		"",
		"> ROAS (Return on Ad Spend)",
		"> 광고비 대비 매출",
		"",
	].join("\n"),
	"Conferences/Growth day.md": ["---", "tags: [Conference]", "---", "## Growth - Lee", "", "> ROAS", "> 광고 비용 1원당 돌아온 수익", ""].join("\n"),
};

function makeIndex(sources: Record<string, string>): CommandIndex & { records: Map<string, NoteRecord> } {
	const terms = new TermIndex();
	const records = new Map<string, NoteRecord>();
	for (const [path, text] of Object.entries(sources)) {
		const record = parseNote(text, path);
		if (!record) continue;
		records.set(path, record);
		terms.setNote(path, record.glossary);
	}
	return { terms, records, notes: () => [...records.values()], note: (path) => records.get(path), ready: true };
}

class TestPlugin extends Plugin {}

interface Setup {
	app: App;
	index: ReturnType<typeof makeIndex>;
	settings: PluginSettings;
	answers: OverwriteChoice[];
	asked: string[];
}

function setup(sources = SOURCES): Setup {
	const app = new App();
	for (const [path, text] of Object.entries(sources)) app.vault.seed(path, text);
	const plugin = new TestPlugin(app, { id: "conference-qa-glossary", name: "Conference Q&A Glossary", version: "0", minAppVersion: "1.5.0", description: "", author: "" });
	plugin.load();
	const index = makeIndex(sources);
	const settings: PluginSettings = { ...DEFAULT_SETTINGS, tags: [...DEFAULT_SETTINGS.tags], exportFolder: "Exports" };
	const answers: OverwriteChoice[] = [];
	const asked: string[] = [];
	registerCommands(plugin as unknown as ObsidianPlugin, index, () => settings, {
		writer: {
			confirmOverwrite: (_app, path) => {
				asked.push(path);
				return Promise.resolve(answers.shift() ?? "cancel");
			},
		},
	});
	return { app, index, settings, answers, asked };
}

/** An editor over a real CodeMirror view; `|` marks the cursor. */
function editorFor(marked: string): Editor {
	const cursor = marked.indexOf("|");
	return Editor.create(marked.slice(0, cursor) + marked.slice(cursor + 1), { cursor });
}

function runEditorCommand(app: App, id: string, editor: Editor, path = "Notes/Today.md"): void {
	const command = app.commands.get(`conference-qa-glossary:${id}`);
	if (!command?.editorCheckCallback) throw new Error(`no editor command ${id}`);
	expect(command.editorCheckCallback(true, editor, { file: { path } })).toBe(true);
	command.editorCheckCallback(false, editor, { file: { path } });
}

function topModal<T>(): SuggestModal<T> {
	const modal = Modal.openModals[Modal.openModals.length - 1];
	if (!(modal instanceof SuggestModal)) throw new Error("no suggest modal open");
	return modal as SuggestModal<T>;
}

/** The document with `|` at the cursor. */
function withCursor(editor: Editor): string {
	const text = editor.getValue();
	const offset = editor.posToOffset(editor.getCursor());
	return `${text.slice(0, offset)}|${text.slice(offset)}`;
}

beforeEach(() => {
	Notice.shown = [];
	Modal.openModals = [];
	document.body.replaceChildren();
});

afterEach(() => {
	for (const modal of [...Modal.openModals]) modal.close();
});

describe("registration", () => {
	it("registers five sentence-case commands without hotkeys, removed on unload", () => {
		const { app } = setup();
		const commands = [...app.commands.values()];
		expect(commands.map((c) => c.name)).toEqual([
			"Insert term definition",
			"Define term under cursor",
			"Go to term definition",
			"Export current note's Q&A and glossary…",
			"Export all conference notes…",
		]);
		for (const c of commands) expect(c.hotkeys).toBeUndefined();
		expect(commands.filter((c) => c.editorCheckCallback).map((c) => c.id)).toEqual([COMMAND_IDS.insert, COMMAND_IDS.define, COMMAND_IDS.goTo].map((id) => `conference-qa-glossary:${id}`));
	});

	it("offers the current-note export only on an indexed conference note", () => {
		const { app } = setup();
		const command = app.commands.get(`conference-qa-glossary:${COMMAND_IDS.exportNote}`)!;
		app.workspace.setActiveFile(null);
		expect(command.checkCallback!(true)).toBe(false);
		app.workspace.setActiveFile(app.vault.seed("Notes/Plain.md", "nothing"));
		expect(command.checkCallback!(true)).toBe(false);
		app.workspace.setActiveFile(app.vault.getFileByPath("Conferences/Ads day.md"));
		expect(command.checkCallback!(true)).toBe(true);
	});
});

describe("Insert term definition", () => {
	it("inserts a term with aliases after the paragraph, in one undo step", () => {
		const { app } = setup();
		const original = "Intro line\n\nThe CTR went up\nafter the launch.\n\nNext paragraph\n";
		const editor = editorFor("Intro line\n\nThe C|TR went up\nafter the launch.\n\nNext paragraph\n");
		runEditorCommand(app, COMMAND_IDS.insert, editor);
		const modal = topModal<{ record: { term: string } }>();
		// The term under the cursor is typed in and comes first.
		expect(modal.inputEl.value).toBe("CTR");
		expect(modal.suggestions[0].record.term).toBe("CTR");
		modal.choose(0);
		expect(withCursor(editor)).toBe(`Intro line\n\nThe CTR went up\nafter the launch.\n\n> CTR (Click-Through Rate)\n> ${CTR_DEF}|\n\nNext paragraph\n`);
		expect(editor.getCursor()).toEqual({ line: 6, ch: 2 + CTR_DEF.length });
		// Exactly one undo step, and it restores the note byte for byte.
		expect(undoDepth(editor.cm.state)).toBe(1);
		editor.undo();
		expect(editor.getValue()).toBe(original);
		expect(undoDepth(editor.cm.state)).toBe(0);
		editor.redo();
		expect(editor.getValue()).toBe(`Intro line\n\nThe CTR went up\nafter the launch.\n\n> CTR (Click-Through Rate)\n> ${CTR_DEF}\n\nNext paragraph\n`);
	});

	it("inserts a term without aliases", () => {
		const { app } = setup();
		const editor = editorFor("갠또|가 가능했나요?");
		runEditorCommand(app, COMMAND_IDS.insert, editor);
		const modal = topModal<{ record: { term: string } }>();
		expect(modal.inputEl.value).toBe("갠또");
		modal.choose(0);
		expect(editor.getValue()).toBe("갠또가 가능했나요?\n\n> 갠또\n> 어림짐작, 대략적인 예상");
	});

	it("lets the user pick one of two definitions", async () => {
		const { app } = setup();
		const editor = editorFor("ROAS| 얘기");
		runEditorCommand(app, COMMAND_IDS.insert, editor);
		topModal().choose(0);
		const pick = topModal<{ item: { title: string } }>();
		expect(pick.suggestions.map((s) => s.item.title)).toEqual(["광고비 대비 매출", "광고 비용 1원당 돌아온 수익"]);
		await pick.type("1원");
		pick.choose(0);
		expect(editor.getValue()).toBe("ROAS 얘기\n\n> ROAS (Return on Ad Spend)\n> 광고 비용 1원당 돌아온 수익");
		expect(Modal.openModals).toHaveLength(0);
		editor.undo();
		expect(editor.getValue()).toBe("ROAS 얘기");
	});

	it("inserts at the end of a file without a trailing newline and adds none", () => {
		const { app } = setup();
		const editor = editorFor("A. 마지막 답변|");
		runEditorCommand(app, COMMAND_IDS.insert, editor);
		const modal = topModal();
		void modal.type("ctr");
		return modal.settled().then(() => {
			modal.choose(0);
			expect(withCursor(editor)).toBe(`A. 마지막 답변\n\n> CTR (Click-Through Rate)\n> ${CTR_DEF}|`);
			editor.undo();
			expect(editor.getValue()).toBe("A. 마지막 답변");
		});
	});

	it("finds terms by choseong and half-typed syllables", async () => {
		const { app } = setup();
		const editor = editorFor("|");
		runEditorCommand(app, COMMAND_IDS.insert, editor);
		const modal = topModal<{ record: { term: string } }>();
		await modal.type("ㄱㄸ");
		expect(modal.suggestions.map((s) => s.record.term)).toEqual(["갠또"]);
		await modal.type("click");
		expect(modal.suggestions.map((s) => s.record.term)).toEqual(["CTR"]);
	});

	it("writes in the note's own style: hard breaks and answer boundaries", () => {
		const { app } = setup();
		const note = "**Q. 질문?**  \nA. 첫 줄  \n둘째 줄|  \n\n> eCPM  \n> 노출 천 번당 수익\n\n**Q. 다음?**\n";
		const editor = editorFor(note);
		runEditorCommand(app, COMMAND_IDS.insert, editor);
		void topModal().type("CTR");
		return topModal().settled().then(() => {
			topModal().choose(0);
			expect(editor.getValue()).toBe(
				`**Q. 질문?**  \nA. 첫 줄  \n둘째 줄  \n\n> eCPM  \n> 노출 천 번당 수익\n\n> CTR (Click-Through Rate)  \n> ${CTR_DEF}\n\n**Q. 다음?**\n`,
			);
		});
	});

	it("says so when no terms are indexed", () => {
		const { app } = setup({});
		runEditorCommand(app, COMMAND_IDS.insert, editorFor("x|"));
		expect(Modal.openModals).toHaveLength(0);
		expect(Notice.shown[0]).toMatch(/No glossary terms are indexed yet/);
	});
});

describe.skipIf(!hasSharedFixtures)("Insert term definition into the reference note", () => {
	it("inserts in the reference style after the answer holding the cursor", () => {
		const { app } = setup();
		const text = readSharedFixture(REFERENCE_NOTE);
		const cursor = text.indexOf("B2C 와는 다르게");
		const editor = Editor.create(text, { cursor });
		runEditorCommand(app, COMMAND_IDS.insert, editor, "Conferences/toss.md");
		void topModal().type("갠또");
		return topModal().settled().then(() => {
			topModal().choose(0);
			const after = editor.getValue();
			const answerEnd = text.indexOf("\n\n> MVP(Minimum Viable Product)");
			// After the answer and the glossary blocks that follow it (MVP, SaaS), separated by blank lines.
			const saasEnd = text.indexOf("\n", text.indexOf("> 클라우드 기반 소프트웨어 제공 모델"));
			expect(saasEnd).toBeGreaterThan(answerEnd);
			expect(after).toBe(`${text.slice(0, saasEnd)}\n\n> 갠또  \n> 어림짐작, 대략적인 예상${text.slice(saasEnd)}`);
			editor.undo();
			expect(editor.getValue()).toBe(text);
		});
	});
});

describe("Define term under cursor", () => {
	it("inserts a skeleton for an unknown word and waits on the empty definition line", () => {
		const { app } = setup();
		const original = "우리는 도미넌트한 플레이어가 되고 싶다\n\n다음 문단";
		const editor = editorFor("우리는 도미넌|트한 플레이어가 되고 싶다\n\n다음 문단");
		runEditorCommand(app, COMMAND_IDS.define, editor);
		expect(withCursor(editor)).toBe("우리는 도미넌트한 플레이어가 되고 싶다\n\n> 도미넌트한\n> |\n\n다음 문단");
		expect(undoDepth(editor.cm.state)).toBe(1);
		editor.undo();
		expect(editor.getValue()).toBe(original);
	});

	it("strips a particle from the word and uses the note's hard breaks", () => {
		const { app } = setup();
		const editor = editorFor("첫 줄  \n둘째 줄  \n셋째 줄  \n넷째 컴플라이언스|에 대해\n");
		runEditorCommand(app, COMMAND_IDS.define, editor);
		expect(withCursor(editor)).toBe("첫 줄  \n둘째 줄  \n셋째 줄  \n넷째 컴플라이언스에 대해\n\n> 컴플라이언스  \n> |\n");
	});

	it("strips 로 as Go to term definition does: the caret in `대시보드로` defines `대시보드`", () => {
		const { app } = setup();
		const editor = editorFor("의존성 그래프는 대시보|드로 그려 두고 분기마다 같이 봄.\n");
		runEditorCommand(app, COMMAND_IDS.define, editor);
		expect(withCursor(editor)).toBe("의존성 그래프는 대시보드로 그려 두고 분기마다 같이 봄.\n\n> 대시보드\n> |\n");
	});

	it("inserts the known definition of a known term", () => {
		const { app } = setup();
		const editor = editorFor("오늘 CTR|이 올랐다");
		runEditorCommand(app, COMMAND_IDS.define, editor);
		expect(editor.getValue()).toBe(`오늘 CTR이 올랐다\n\n> CTR (Click-Through Rate)\n> ${CTR_DEF}`);
	});

	it("offers undefined marked jargon, nearest first, when no word is under the cursor", () => {
		const { app } = setup();
		const editor = editorFor("티핑포인트*를 지나고 스콥* 조정과 CTR* 논의\n\n|\n\n끝");
		runEditorCommand(app, COMMAND_IDS.define, editor);
		const pick = topModal<{ item: { title: string } }>();
		// CTR is defined elsewhere, so only the two undefined terms are offered.
		expect(pick.suggestions.map((s) => s.item.title).sort()).toEqual(["스콥", "티핑포인트"]);
		pick.choose(pick.suggestions.findIndex((s) => s.item.title === "스콥"));
		expect(withCursor(editor)).toBe("티핑포인트*를 지나고 스콥* 조정과 CTR* 논의\n\n> 스콥\n> |\n\n\n\n끝");
	});

	it("reads marked jargon as the matcher does: `에러 버짓*` is defined, so `버짓` is not offered", () => {
		const sources = {
			...SOURCES,
			"Conferences/Reliability.md": ["---", "tags: [Conference]", "---", "## SRE - Han", "", "> 에러 버짓", "> 허용되는 실패의 양", "", "> 카나리 배포 (Canary Release)", "> 일부에게 먼저 내보내는 배포", ""].join("\n"),
		};
		const { app } = setup(sources);
		const editor = editorFor("에러 버짓*을 다 쓰면 카나리 배포*도 멈춤. 스콥*은 미정\n\n|\n");
		runEditorCommand(app, COMMAND_IDS.define, editor);
		// Only one undefined term is left, so it is inserted at once, after its paragraph.
		expect(Modal.openModals).toHaveLength(0);
		expect(withCursor(editor)).toBe("에러 버짓*을 다 쓰면 카나리 배포*도 멈춤. 스콥*은 미정\n\n> 스콥\n> |\n\n\n");
	});

	it("explains when there is nothing to define", () => {
		const { app } = setup();
		runEditorCommand(app, COMMAND_IDS.define, editorFor("plain text\n\n|"));
		expect(Notice.shown[0]).toMatch(/Nothing to define here/);
	});

	it("does not define a term twice in the same note", () => {
		const { app } = setup();
		const editor = editorFor("요즘 SaaS| 얘기\n\n> SaaS (Software as a Service)\n> 구독형 소프트웨어\n");
		const before = editor.getValue();
		runEditorCommand(app, COMMAND_IDS.define, editor);
		expect(editor.getValue()).toBe(before);
		expect(Notice.shown[0]).toMatch(/already defined in this note \(line 3\)/);
	});
});

describe("Define term under cursor on a long note", () => {
	it("reads entries far from the cursor from the index's record of the note, not by parsing the whole note", () => {
		const far = ["---", "tags: [Conference]", "---", "## 첫 발표 - 한", "", "> 스콥 (Scope)", "> 작업 범위", "", "## 둘째 발표 - 김", ""];
		for (let i = 0; i < 600; i++) far.push(`메모 ${i}`);
		const text = [...far, "", "스콥 조정 얘기"].join("\n");
		const { app } = setup({ ...SOURCES, "Notes/Today.md": text });
		const editor = editorFor(text.replace("스콥 조정", "스|콥 조정"));
		runEditorCommand(app, COMMAND_IDS.define, editor);
		expect(editor.getValue()).toBe(text);
		expect(Notice.shown[0]).toMatch(/already defined in this note \(line 6\)/);
	});
});

describe("Go to term definition", () => {
	it("opens the defining note at the definition's line", () => {
		const { app } = setup();
		runEditorCommand(app, COMMAND_IDS.goTo, editorFor("the ctr| is low"));
		return Promise.resolve().then(() => {
			const opened = app.workspace.opened.at(-1)!;
			expect(opened.file.path).toBe("Conferences/Ads day.md");
			expect(opened.openState?.eState).toMatchObject({ line: 8 });
		});
	});

	it("moves the cursor when the definition is in this note", () => {
		const { app } = setup();
		const text = SOURCES["Conferences/Ads day.md"];
		const editor = Editor.create(text, { cursor: text.indexOf("갠또") + 1 });
		runEditorCommand(app, COMMAND_IDS.goTo, editor, "Conferences/Ads day.md");
		expect(editor.getCursor()).toEqual({ line: 11, ch: 0 });
	});

	it("asks which definition when there are several", async () => {
		const { app } = setup();
		runEditorCommand(app, COMMAND_IDS.goTo, editorFor("ROAS|"));
		const pick = topModal<{ item: { title: string } }>();
		expect(pick.suggestions.map((s) => s.item.title)).toEqual(["Ads day, line 15", "Growth day, line 6"]);
		pick.choose(1);
		await Promise.resolve();
		expect(app.workspace.opened.at(-1)?.file.path).toBe("Conferences/Growth day.md");
	});

	it("says so when nothing defined is under the cursor", () => {
		const { app } = setup();
		runEditorCommand(app, COMMAND_IDS.goTo, editorFor("unknown| word"));
		expect(Notice.shown).toEqual(["No definition of “unknown” is indexed."]);
	});
});

describe("Export commands", () => {
	async function exportCurrent(s: Setup, formatIndex: number): Promise<void> {
		s.app.workspace.setActiveFile(s.app.vault.getFileByPath("Conferences/Ads day.md"));
		expect(s.app.executeCommandById(`conference-qa-glossary:${COMMAND_IDS.exportNote}`)).toBe(true);
		topModal().choose(formatIndex);
		for (let i = 0; i < 10; i++) await Promise.resolve();
	}

	it("writes a CSV into the export folder and says where", async () => {
		const s = setup();
		await exportCurrent(s, 1);
		const file = s.app.vault.getFileByPath("Exports/Ads day - Q&A.csv");
		expect(file).toBeInstanceOf(TFile);
		const csv = s.app.vault.contentOf(file!)!;
		expect(csv.split("\r\n")[0]).toBe("\uFEFFtype,front,back,aliases,note,talk,speaker,path,line");
		expect(csv).toContain(`term,CTR,${CTR_DEF},Click-Through Rate,Ads day`);
		expect(Notice.shown.at(-1)).toBe("Exported 1 question and 3 glossary entries to Exports/Ads day - Q&A.csv.");
	});

	it("opens a Markdown digest in a new tab", async () => {
		const s = setup();
		await exportCurrent(s, 0);
		const opened = s.app.workspace.opened.at(-1)!;
		expect(opened.file.path).toBe("Exports/Ads day - Q&A digest.md");
		expect(s.app.vault.contentOf(opened.file)).toContain("> [!question] CTR 은 어떻게 보나요?\n> 매일 봅니다.\n");
	});

	it("never overwrites an existing file without asking", async () => {
		const s = setup();
		const existing = s.app.vault.seed("Exports/Ads day - Q&A (Anki).tsv", "my own notes");
		s.answers.push("cancel");
		await exportCurrent(s, 3);
		expect(s.asked).toEqual(["Exports/Ads day - Q&A (Anki).tsv"]);
		expect(s.app.vault.contentOf(existing)).toBe("my own notes");
		expect(Notice.shown.at(-1)).toBe("Export cancelled: nothing was written.");

		s.answers.push("keep-both");
		await exportCurrent(s, 3);
		expect(s.app.vault.contentOf(existing)).toBe("my own notes");
		expect(s.app.vault.contentOf(s.app.vault.getFileByPath("Exports/Ads day - Q&A (Anki) 2.tsv")!)).toMatch(/^#separator:tab\n#html:false\n/);

		s.answers.push("replace");
		await exportCurrent(s, 3);
		expect(s.app.vault.contentOf(existing)).toMatch(/^#separator:tab\n/);
	});

	it("exports every note with the vault glossary", async () => {
		const s = setup();
		expect(s.app.executeCommandById(`conference-qa-glossary:${COMMAND_IDS.exportAll}`)).toBe(true);
		topModal().choose(2);
		for (let i = 0; i < 10; i++) await Promise.resolve();
		const json = JSON.parse(s.app.vault.contentOf(s.app.vault.getFileByPath("Exports/Conference Q&A.json")!)!) as { notes: unknown[]; terms: { term: string }[] };
		expect(json.notes).toHaveLength(2);
		expect(json.terms.map((t) => t.term).sort()).toEqual(["CTR", "ROAS", "갠또"]);
	});

	it("says so when there is nothing to export", () => {
		const s = setup({});
		s.app.executeCommandById(`conference-qa-glossary:${COMMAND_IDS.exportAll}`);
		expect(Modal.openModals).toHaveLength(0);
		expect(Notice.shown[0]).toMatch(/No conference notes are indexed yet/);
	});
});

describe("the Editor adapter", () => {
	it("groups a transaction with its selection into one undo step", () => {
		const editor = Editor.create("ab\ncd", { cursor: 1 }) as unknown as ObsidianEditor & Editor;
		editor.transaction({ changes: [{ from: { line: 0, ch: 2 }, text: "\n\nX" }], selection: { from: { line: 2, ch: 1 } } });
		expect(editor.getValue()).toBe("ab\n\nX\ncd");
		expect(editor.getCursor()).toEqual({ line: 2, ch: 1 });
		editor.undo();
		expect(editor.getValue()).toBe("ab\ncd");
	});
});
