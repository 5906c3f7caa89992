/**
 * The plugin follows what the user types, in a real browser: the editor saves to the vault, the metadata
 * cache emits `changed`, and the index, the panel and the editor's marks catch up. A question typed into
 * a note appears in the panel; a glossary entry typed into a note makes its term light up where it is
 * mentioned; deleting the entry turns the marks off again.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, NO_CHROMIUM_REASON } from "./support/browser";
import { Session, type HostPage } from "./support/session";

if (!hasChromium) console.warn(NO_CHROMIUM_REASON);

const NOTE_LINES = [
	"---",
	"tags: [Conference]",
	"---",
	"## 모바일 성능 - 앱 개발자 정유진",
	"",
	"**Q. 첫 화면이 느린 이유는 무엇이었나요?**  ",
	"A. 시작할 때 TTI 를 재 보니 번들을 한꺼번에 불러오고 있었음.",
	"",
];
const NOTE = { path: "Conferences/Mobile Day 2025.md", text: `${NOTE_LINES.join("\n")}\n` };

const NOTE_ROW = ".cqg-panel-body .cqg-panel-note";
const TTI_MENTION = ".mod-root .cm-content .cqg-mention[data-term]";

describe.skipIf(!hasChromium)("the plugin follows edits (browser)", () => {
	let session: Session;
	let page: HostPage;

	beforeAll(async () => {
		session = await Session.start({ files: [NOTE], openFile: NOTE.path, openPanel: true });
		page = await session.open();
		await page.page.locator(NOTE_ROW).first().waitFor();
	});

	afterAll(async () => {
		await session?.close();
	});

	async function typeAtEnd(text: string): Promise<void> {
		await page.host((h) => {
			const view = h.markdownView();
			if (!view) throw new Error("no editor");
			const last = view.editor.lineCount() - 1;
			view.editor.setCursor({ line: last, ch: view.editor.getLine(last).length });
			(view.editor as unknown as { focus(): void }).focus();
		});
		// Line by line, as typed (Enter goes through the editor's own keymap).
		const lines = text.split("\n");
		for (const [i, line] of lines.entries()) {
			if (line !== "") await page.page.keyboard.insertText(line);
			if (i < lines.length - 1) await page.page.keyboard.press("Enter");
		}
	}

	it("a question typed into the note shows up in the panel", async () => {
		const count = page.page.locator(`${NOTE_ROW} .cqg-panel-count`);
		expect(await count.innerText()).toBe("1");
		await typeAtEnd("**Q. 번들은 어떻게 나눴나요?**\nA. 화면 단위로 나눠서 필요할 때 불러오게 함.\n");
		await page.page.waitForFunction((selector) => document.querySelector(selector)?.textContent === "2", `${NOTE_ROW} .cqg-panel-count`);
		expect(await page.page.locator(".cqg-panel-body .cqg-panel-question").allInnerTexts()).toContain("번들은 어떻게 나눴나요?");
	});

	it("a glossary entry typed into the note lights up its mentions in the editor, and deleting it turns them off", async () => {
		const p = page.page;
		expect(await p.locator(TTI_MENTION).count()).toBe(0);
		await typeAtEnd("\n> TTI (Time To Interactive)\n> 화면이 그려진 뒤 사용자가 실제로 조작할 수 있게 되기까지 걸리는 시간\n");
		await p.locator(TTI_MENTION).filter({ hasText: /^TTI$/ }).first().waitFor();
		expect(await p.locator(".cqg-panel-body .cqg-panel-term-name").allInnerTexts()).toContain("TTI");

		// The user selects the entry and deletes it.
		await page.host((h) => {
			const view = h.markdownView();
			if (!view) throw new Error("no editor");
			const editor = view.editor as unknown as {
				getValue(): string;
				offsetToPos(offset: number): { line: number; ch: number };
				setSelection(anchor: { line: number; ch: number }, head: { line: number; ch: number }): void;
				focus(): void;
			};
			const text = editor.getValue();
			const from = text.indexOf("\n> TTI");
			editor.setSelection(editor.offsetToPos(from), editor.offsetToPos(text.length));
			editor.focus();
		});
		await p.keyboard.press("Backspace");
		expect((await page.editorState()).text).not.toContain("> TTI");
		await p.waitForFunction((selector) => document.querySelectorAll(selector).length === 0, TTI_MENTION);
		await p.waitForFunction(() => !Array.from(document.querySelectorAll(".cqg-panel-body .cqg-panel-term-name")).some((el) => el.textContent === "TTI"));
	});

	it("throws nothing", async () => {
		expect(await page.errors()).toEqual([]);
	});
});
