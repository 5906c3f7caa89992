/**
 * "Insert term definition" in a real browser, driven from the keyboard as a person would: Ctrl+P, the
 * command's name, Enter; the term under the cursor is already typed in the picker, Enter again. The
 * definition from another note goes in after the answer holding the cursor, in the note's own glossary
 * style, and one Ctrl+Z gives back the original text byte for byte. Fixture notes are written here.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, NO_CHROMIUM_REASON } from "./support/browser";
import { Session, type HostPage } from "./support/session";

if (!hasChromium) console.warn(NO_CHROMIUM_REASON);

const DEFINING_NOTE = {
	path: "Conferences/Ad Tech Night 2025.md",
	text: [
		"---",
		"tags: [Conference]",
		"---",
		"## 검색 광고 입찰 전략 - 퍼포먼스 마케터 한소라",
		"",
		"**Q. CPC* 상한은 어떻게 정하나요?**  ",
		"A. 처음 2주는 업계 평균으로 두고, 전환 데이터가 쌓이면 키워드별로 다시 정함.  ",
		"",
		"> CPC (Cost Per Click)  ",
		"> 광고를 한 번 클릭할 때마다 광고주가 내는 비용",
		"",
	].join("\n"),
};

const TARGET_LINES = [
	"---",
	"tags: [Conference]",
	"---",
	"## 작은 예산으로 광고하기 - 스타트업 대표 이도윤",
	"",
	"**Q. 광고 단가는 어떻게 보시나요?**  ",
	"A. 우리는 CPC 가 500원을 넘으면 캠페인을 멈춤.  ",
	"그 다음 소재를 바꿔서 다시 시작함.",
	"",
	"**Q. 팀은 몇 명인가요?**  ",
	"A. 마케터 한 명과 디자이너 한 명.",
];
const TARGET_NOTE = { path: "Conferences/Growth Meetup 2025.md", text: `${TARGET_LINES.join("\n")}\n` };

/** The cursor rests in "CPC" on the answer's first line. */
const CURSOR = { line: 6, ch: 8 };

/** The reference note's style (blockquote, alias in parentheses, hard breaks as this note uses them), after the answer. */
const EXPECTED = `${[
	...TARGET_LINES.slice(0, 9),
	"> CPC (Cost Per Click)  ",
	"> 광고를 한 번 클릭할 때마다 광고주가 내는 비용",
	"",
	...TARGET_LINES.slice(9),
].join("\n")}\n`;

async function focusedInput(page: HostPage, selector: string): Promise<void> {
	await page.page.waitForFunction((s) => document.activeElement?.matches(s) === true, selector);
}

describe.skipIf(!hasChromium)("Insert term definition in the browser", () => {
	let session: Session;
	let page: HostPage;

	beforeAll(async () => {
		session = await Session.start({ files: [DEFINING_NOTE, TARGET_NOTE], openFile: TARGET_NOTE.path });
		page = await session.open();
		// The index has the term once the mention lights up in the editor.
		await page.page.locator(".mod-root .cm-content .cqg-mention").first().waitFor();
	});

	afterAll(async () => {
		await session?.close();
	});

	it("inserts the definition block after the answer, from the command palette, and one undo restores the note byte for byte", async () => {
		const p = page.page;
		await page.host((h, cursor) => {
			const view = h.markdownView();
			if (!view) throw new Error("no editor");
			view.editor.setCursor(cursor);
			(view.editor as unknown as { focus(): void }).focus();
		}, CURSOR);
		expect((await page.editorState()).text).toBe(TARGET_NOTE.text);

		await p.keyboard.press("Control+p");
		await focusedInput(page, ".prompt-input");
		await p.keyboard.type("Insert term definition");
		await p.locator(".prompt .suggestion-item").filter({ hasText: "Insert term definition" }).first().waitFor();
		await p.keyboard.press("Enter");

		// The term picker opens with the term under the cursor typed in and first.
		await p.locator(".prompt .cqg-term-suggestion").first().waitFor();
		await focusedInput(page, ".prompt-input");
		expect(await p.locator(".prompt-input").inputValue()).toBe("CPC");
		expect(await p.locator(".prompt .suggestion-item.is-selected").innerText()).toContain("CPC");
		await p.keyboard.press("Enter");

		// Wait for the final text (an insertion done in several steps would get there later), then compare.
		await p
			.waitForFunction((expected) => {
				const h = (window as unknown as { __host: { markdownView(): { editor: { getValue(): string } } | null } }).__host;
				return h.markdownView()?.editor.getValue() === expected;
			}, EXPECTED, { timeout: 3000 })
			.catch(() => undefined);
		const after = await page.editorState();
		expect(after.text).toBe(EXPECTED);
		// The cursor waits inside the new entry.
		expect(after.cursor.line).toBeGreaterThanOrEqual(9);
		expect(after.cursor.line).toBeLessThanOrEqual(10);
		expect(await p.locator(".modal-container").count()).toBe(0);

		// Focus is back in the editor: one Ctrl+Z undoes the whole insertion.
		await focusedInput(page, ".mod-root .cm-content");
		await p.keyboard.press("Control+z");
		expect((await page.editorState()).text).toBe(TARGET_NOTE.text);
	});

	it("throws nothing", async () => {
		expect(await page.errors()).toEqual([]);
	});
});
