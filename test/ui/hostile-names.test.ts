// @vitest-environment happy-dom
// @vitest-environment-options {"settings": {"enableJavaScriptEvaluation": true, "suppressInsecureJavaScriptEnvironmentWarning": true, "disableJavaScriptFileLoading": true, "disableCSSFileLoading": true}}
/**
 * Hostile term names, aliases, titles and file names in every view that shows them: the hover preview,
 * the conference panel, the term and definition pickers, the settings tab and its notices, plain links in
 * reading view, and the export digest. The DOM here runs inline handlers and scripts (see the control),
 * so markup that ever became HTML would set `window.cqgPwned`; every view must show it as text.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { App as ObsidianApp, Component as ObsidianComponent } from "obsidian";
import { App, Component, Modal, Notice, type SuggestModal } from "../stubs/obsidian";
import { exportBaseName, toMarkdownDigest } from "../../src/core/export";
import { parseNote } from "../../src/core/note-parser";
import type { TermRecord } from "../../src/core/types";
import { pickDefinition } from "../../src/ui/definition-pick";
import { HoverPreview } from "../../src/ui/mentions/preview-popover";
import { markMentions, mentionPostProcessor } from "../../src/ui/mentions/reading-view";
import { TermSuggestModal } from "../../src/ui/term-suggest-modal";
import { activeContent, definition, poke, record, substringFinder } from "./mentions/mention-helpers";
import { openPanel, rows, text, type Panel } from "./panel/panel-harness";

/** Names a note, a file or a glossary could carry. Each sets the flag if it ever runs. */
const IMG = `<img src=x onerror="window.cqgPwned='img'">`;
const SCRIPT = `"><script>window.cqgPwned='script'</script>`;
const ATTR = `x" onmouseover="window.cqgPwned='attr'`;
const JS = `javascript:window.cqgPwned='js'`;
const NAMES = [IMG, SCRIPT, ATTR, JS];

function flag(): unknown {
	return (window as unknown as Record<string, unknown>).cqgPwned;
}

/** Nothing under `root` can run, and poking every element runs nothing. */
function expectInert(root: ParentNode): void {
	expect(activeContent(root)).toEqual([]);
	poke(root);
	expect(flag()).toBeUndefined();
}

beforeEach(() => {
	document.body.empty();
	delete (window as unknown as Record<string, unknown>).cqgPwned;
	Notice.shown.length = 0;
});

afterEach(() => {
	delete (window as unknown as Record<string, unknown>).cqgPwned;
});

it("the harness notices markup that runs (positive control)", () => {
	const bad = document.body.createDiv();
	bad.createEl("img", { attr: { src: "x", onerror: "window.cqgPwned = 'control'" } });
	expect(activeContent(bad)).toContain("img[onerror]");
	poke(bad);
	expect(flag()).toBe("control");
});

describe("hover preview", () => {
	let preview: HoverPreview | null = null;
	afterEach(() => preview?.unload());

	it.each(NAMES.map((name) => [name]))("term %s, with hostile aliases and file name, shows as text", (name) => {
		const terms = new Map<string, TermRecord>([[name, record(name, [definition(name, `정의: ${SCRIPT}`, `Notes/${IMG}.md`, 4, [IMG, ATTR])], [name, IMG, ATTR])]]);
		preview = new HoverPreview({ app: new App() as unknown as ObsidianApp, lookup: (t) => terms.get(t) });
		preview.load();
		const target = document.body.createSpan({ cls: "cqg-mention", attr: { "data-term": name }, text: name });
		preview.open(target, name);
		const el = document.body.querySelector<HTMLElement>(".cqg-hover")!;
		expect(text(el.querySelector(".cqg-hover-term"))).toBe(name);
		expect(text(el.querySelector(".cqg-hover-aliases"))).toBe([IMG, ATTR].filter((a) => a !== name).join(", "));
		expect(el.textContent).toContain(IMG);
		expect(el.textContent).toContain(`정의: ${SCRIPT}`);
		expect(target.getAttribute("data-term")).toBe(name);
		expectInert(el);
	});
});

/** A conference note, in our own words, whose file name, talk, speaker, questions and glossary are hostile. */
const HOSTILE_NOTE = [
	"---",
	"tags: [Conference]",
	"---",
	`## ${IMG} 발표 - ${SCRIPT}`,
	"",
	`**Q. ${ATTR}* 는 왜 위험한가요?**  `,
	`A. 따옴표를 닫고 속성을 붙이기 때문. ${IMG} 처럼 보이는 글도 글자일 뿐.`,
	"",
	`> ${ATTR}`,
	`> 속성을 끼워 넣는 입력. 예: ${SCRIPT}`,
	"",
	"> javascript:alert",
	`> 링크 주소로 코드를 돌리려는 시도. ${JS}`,
	"",
].join("\n");
const HOSTILE_PATH = `Conferences/${IMG}.md`;

describe("conference panel", () => {
	let panel: Panel | null = null;
	afterEach(() => {
		panel?.plugin.unload();
		panel = null;
	});

	it("shows hostile file names, talks, speakers, terms and definitions as text, also while searching", async () => {
		panel = await openPanel({ [HOSTILE_PATH]: HOSTILE_NOTE }, { expandAnswers: true });
		await panel.settle();
		const { view } = panel;
		expect(rows(view, "cqg-panel-note").map((r) => text(r.querySelector(".cqg-panel-note-title") ?? r))).toEqual([expect.stringContaining(IMG)]);
		expect(text(rows(view, "cqg-panel-talk")[0])).toContain(`${IMG} 발표`);
		expect(text(rows(view, "cqg-panel-talk")[0])).toContain(SCRIPT);
		expect(rows(view, "cqg-panel-question").map((r) => text(r))).toEqual([`${ATTR} 는 왜 위험한가요?`]);
		expect(rows(view, "cqg-panel-term").map((r) => text(r.querySelector(".cqg-panel-term-name"))).sort()).toEqual(["javascript:alert", ATTR].sort());
		expect(rows(view, "cqg-panel-definition").map((r) => text(r)).join("\n")).toContain(`예: ${SCRIPT}`);
		expectInert(view.containerEl);

		const search = view.containerEl.querySelector<HTMLInputElement>(".cqg-panel-search input")!;
		search.value = "onmouseover";
		search.dispatchEvent(new Event("input", { bubbles: true }));
		await panel.settle(200);
		expect(Array.from(view.containerEl.querySelectorAll("mark")).map((m) => m.textContent?.toLowerCase())).toContain("onmouseover");
		expectInert(view.containerEl);
	});
});

describe("term picker and definition picker", () => {
	const RECORDS: TermRecord[] = NAMES.map((name, i) =>
		record(name, [definition(name, `뜻 ${i}: ${IMG}`, `Conf/${SCRIPT} ${i}.md`, i + 1, [ATTR])], [name, ATTR]),
	);

	afterEach(() => {
		for (const modal of [...Modal.openModals]) modal.close();
	});

	it("the term picker lists hostile terms, aliases and sources as text", async () => {
		const app = new App();
		const modal = new TermSuggestModal(app as unknown as ObsidianApp, RECORDS, { onChoose: () => {} }) as unknown as SuggestModal<unknown>;
		modal.open();
		await modal.type("");
		const shown = modal.suggestionEls.map((el) => el.textContent ?? "");
		for (const name of NAMES) expect(shown.some((t) => t.includes(name))).toBe(true);
		await modal.type("onmouseover");
		expect(modal.suggestionEls.length).toBeGreaterThan(0);
		expectInert(document.body);
	});

	it("the definition picker shows hostile definitions, aliases and file names as text", async () => {
		const app = new App();
		const chosen: string[] = [];
		const multi = record(IMG, [definition(IMG, `첫째 ${SCRIPT}`, `Conf/${IMG}.md`, 3, [ATTR]), definition(IMG, `둘째 ${JS}`, `Conf/${SCRIPT}.md`, 9)]);
		pickDefinition(app as unknown as ObsidianApp, multi, multi.definitions, (d) => chosen.push(d.definition));
		const modal = Modal.openModals.at(-1) as unknown as SuggestModal<unknown>;
		await modal.type("");
		expect(modal.suggestionEls.map((el) => [text(el.querySelector(".suggestion-title")), text(el.querySelector(".suggestion-note"))])).toEqual([
			[`첫째 ${SCRIPT}`, `${IMG} (${ATTR})`],
			[`둘째 ${JS}`, IMG],
		]);
		expect(modal.suggestionEls.map((el) => el.textContent ?? "").join("\n")).toContain(`${IMG}, line 3`);
		expect(modal.inputEl.getAttribute("placeholder")).toBe(`Pick a definition of ${IMG}`);
		expectInert(document.body);
		modal.choose(1);
		expect(chosen).toEqual([`둘째 ${JS}`]);
	});
});

/** What Obsidian before 1.13 does to show the tab. */
function show(tab: { display(): void }): void {
	tab.display();
}

describe("settings tab and notices", () => {
	let panel: Panel | null = null;
	afterEach(() => {
		panel?.plugin.unload();
		panel = null;
	});

	it("hostile tags, folders and export folders stay text, in the fields and in the notice", async () => {
		panel = await openPanel({ [HOSTILE_PATH]: HOSTILE_NOTE });
		const { ConferenceSettingTab } = await import("../../src/ui/settings-tab");
		const tab = new ConferenceSettingTab(panel.app as never, panel.plugin as never, panel.settings, panel.index);
		show(tab);
		document.body.appendChild(tab.containerEl);
		tab.setControlValue("excludedFolders", `${IMG}\n${SCRIPT}`);
		tab.setControlValue("exportFolder", `../${IMG}`);
		tab.hide();
		await panel.settle();
		expect(panel.settings.current.excludedFolders).toEqual([IMG, SCRIPT]);
		expect(Notice.shown).toEqual([`The export folder “../${IMG}” leaves the vault (“..”). Use a folder inside the vault, such as Exports. The export folder stays “/”.`]);
		show(tab);
		const areas = Array.from(tab.containerEl.querySelectorAll("textarea")).map((a) => a.value);
		expect(areas).toContain(`${IMG}\n${SCRIPT}`);
		expect(text(tab.containerEl)).toMatch(/\d+ conference notes? and \d+ glossary terms? indexed\./);
		expectInert(tab.containerEl);
	});
});

describe("reading view", () => {
	const find = substringFinder({ CTR: "CTR", [ATTR]: ATTR, "javascript:alert": "javascript:alert" });

	it("leaves plain <a> links alone (text, href, no listeners reacting), marks hostile terms as text", () => {
		const plugin = new Component();
		plugin.load();
		const calls: string[] = [];
		const process = mentionPostProcessor({
			owner: plugin as unknown as ObsidianComponent,
			find,
			settings: () => ({ enabled: true, markedOnly: false, underline: "dotted" }),
			handlers: { hover: (_el, term) => calls.push(`hover ${term}`), unhover: () => calls.push("unhover"), tap: (_el, term) => calls.push(`tap ${term}`) },
		});
		const section = document.body.createDiv();
		const p = section.createEl("p");
		p.appendText(`CTR 와 ${ATTR} 그리고 `);
		// Plain links as a note's own HTML renders them (no internal-link/external-link class).
		const plain = p.createEl("a", { text: "CTR javascript:alert", attr: { href: "https://example.com/?q=CTR" } });
		p.appendText(" 끝 ");
		const bare = p.createEl("a", { text: `${ATTR} 링크` });
		process(section, { getSectionInfo: () => null });

		expect(Array.from(section.querySelectorAll(".cqg-mention")).map((el) => [el.textContent, el.getAttribute("data-term")])).toEqual([
			["CTR", "CTR"],
			[ATTR, ATTR],
		]);
		expect([plain.textContent, plain.getAttribute("href"), plain.children.length]).toEqual(["CTR javascript:alert", "https://example.com/?q=CTR", 0]);
		expect([bare.textContent, bare.hasAttribute("href"), bare.children.length]).toEqual([`${ATTR} 링크`, false, 0]);
		plain.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
		bare.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
		expect(calls).toEqual([]);
		section.querySelectorAll<HTMLElement>(".cqg-mention")[1].dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
		expect(calls).toEqual([`hover ${ATTR}`]);
		expectInert(section);
		// A second pass over the same section adds nothing inside the links either.
		markMentions(section, { find });
		expect(plain.children.length + bare.children.length).toBe(0);
		plugin.unload();
	});
});

describe("export digest and names", () => {
	const note = parseNote(HOSTILE_NOTE, HOSTILE_PATH)!;

	it("escapes hostile titles, talks, speakers, questions and terms; names the file plainly", () => {
		const md = toMarkdownDigest({ notes: [note] });
		const lines = md.split("\n");
		expect(lines[0]).toBe(`# \\<img src\\=x onerror\\="window.cqgPwned\\='img'"\\>: Q&A digest`);
		expect(lines).toContain(`## \\<img src\\=x onerror\\="window.cqgPwned\\='img'"\\> 발표 — "\\>\\<script\\>window.cqgPwned\\='script'\\</script\\>`);
		expect(lines).toContain(`> [!question] x" onmouseover\\="window.cqgPwned\\='attr' 는 왜 위험한가요?`);
		// The link back keeps the real path; its label cannot be read as HTML.
		expect(lines[2]).toBe(`From [[Conferences/${IMG}|‹img src=x onerror="window.cqgPwned='img'"›]]: 1 question, 2 glossary entries.`);
		expect(lines).toContain(`> x" onmouseover\\="window.cqgPwned\\='attr'  `);
		// Outside the link's target and the notes' own Markdown of answers and definitions (kept as written, and
		// sanitised by Obsidian as in the note itself), no `<` is left unescaped.
		const own = new Set([`> 따옴표를 닫고 속성을 붙이기 때문. ${IMG} 처럼 보이는 글도 글자일 뿐.`, `> 속성을 끼워 넣는 입력. 예: ${SCRIPT}`]);
		const unescaped = lines.filter((l) => /(^|[^\\])</.test(l.replace(/\[\[[^|\]]*\|/g, "[[")) && !own.has(l));
		expect(unescaped).toEqual([]);
		expect(exportBaseName([note], "md", false)).toBe(`img src=x onerror= window.cqgPwned='img' - Q&A digest`);
	});
});
