// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from "vitest";
import type { App as ObsidianApp } from "obsidian";
import { App, Modal, type SuggestModal } from "../stubs/obsidian";
import { TermSuggestModal } from "../../src/ui/term-suggest-modal";
import { distinctDefinitions, pickDefinition } from "../../src/ui/definition-pick";
import { PickModal } from "../../src/ui/pick-modal";
import type { TermDefinition, TermRecord } from "../../src/core/types";

function definition(term: string, text: string, path: string, line: number, aliases: string[] = []): TermDefinition {
	return { term, aliases, definition: text, definitionMarkdown: text, path, line };
}

function record(term: string, aliases: string[], definitions: TermDefinition[]): TermRecord {
	return { key: term.toLowerCase(), term, names: [term, ...aliases], definitions };
}

const RECORDS: TermRecord[] = [
	record("컴플라이언스", [], [definition("컴플라이언스", "법규와 내부 정책을 지키는 일", "Conf/Day 2.md", 40)]),
	record("컴플라이언스 리스크", [], [definition("컴플라이언스 리스크", "규정을 어겨서 생기는 위험", "Conf/Day 1.md", 12)]),
	record("CTR", ["Click-Through Rate"], [definition("CTR", "클릭 수 나누기 노출 수", "Conf/Day 1.md", 30, ["Click-Through Rate"])]),
	record("ROAS", ["Return on Ad Spend"], [
		definition("ROAS", "광고비 대비 매출", "Conf/Day 1.md", 50, ["Return on Ad Spend"]),
		definition("ROAS", "광고비 대비 매출", "Conf/Day 2.md", 9),
		definition("ROAS", "광고 1원당 수익", "Conf/Day 3.md", 4),
	]),
	record('<img src=x onerror="alert(1)">', [], [definition('<img src=x onerror="alert(1)">', "<b>bold?</b>", "Conf/Evil.md", 1)]),
];

let app: App;
let chosen: string[];

/** The modal as the stub sees it, with its test helpers (type, choose, suggestionEls). */
type Shown = SuggestModal<unknown>;

function asShown(modal: unknown): Shown {
	return modal as Shown;
}

function open(seed?: string): Shown {
	const modal = new TermSuggestModal(app as unknown as ObsidianApp, RECORDS, { seed, onChoose: (r) => chosen.push(r.term) });
	modal.open();
	return asShown(modal);
}

function titles(modal: Shown): string[] {
	return modal.suggestionEls.map((el) => el.querySelector(".suggestion-title")?.textContent ?? "");
}

beforeEach(() => {
	app = new App();
	chosen = [];
	Modal.openModals = [];
	document.body.replaceChildren();
});

describe("TermSuggestModal", () => {
	it("offers no loose letter matches: SLO finds SLO only, ctr finds CTR first and no PMF or IC", async () => {
		const vault = [
			record("ARIA", ["Accessible Rich Internet Applications"], [definition("ARIA", "접근성 속성", "Conf/Web.md", 3)]),
			record("PMF", ["Product-Market Fit"], [definition("PMF", "시장이 원하는 제품", "Conf/Biz.md", 5)]),
			record("IC", ["Incident Commander"], [definition("IC", "장애 대응을 지휘하는 사람", "Conf/Ops.md", 7)]),
			record("SLO", ["Service Level Objective"], [definition("SLO", "신뢰성 목표", "Conf/Ops.md", 9)]),
			...RECORDS,
		];
		const modal = asShown(new TermSuggestModal(app as unknown as ObsidianApp, vault, { onChoose: () => undefined }));
		modal.open();
		await modal.type("SLO");
		expect(titles(modal)).toEqual(["SLO (Service Level Objective)"]);
		await modal.type("ctr");
		expect(titles(modal)).toEqual(["CTR (Click-Through Rate)"]);
	});

	it("lists every term with its first definition and its source", () => {
		const modal = open();
		expect(titles(modal)).toHaveLength(RECORDS.length);
		const roas = modal.suggestionEls[3];
		expect(roas.querySelector(".suggestion-title")?.textContent).toBe("ROAS (Return on Ad Spend)");
		expect(roas.querySelector(".suggestion-note")?.textContent).toBe("광고비 대비 매출");
		expect(roas.querySelector(".suggestion-aux")?.textContent).toBe("Day 1 +2 · 3 definitions");
	});

	it("preselects the seeded term: it is typed in and comes first", () => {
		const modal = open("CTR");
		expect(modal.inputEl.value).toBe("CTR");
		expect(titles(modal)[0]).toBe("CTR (Click-Through Rate)");
		expect(modal.suggestionEls[0].classList.contains("is-selected")).toBe(true);
	});

	it("filters Korean by choseong and by jamo, word by word", async () => {
		const modal = open();
		await modal.type("ㅋㅍㄹ");
		expect(titles(modal)).toEqual(["컴플라이언스", "컴플라이언스 리스크"]);
		await modal.type("컴플 리");
		expect(titles(modal)[0]).toBe("컴플라이언스 리스크");
		await modal.type("리스크 컴플");
		expect(titles(modal)).toEqual(["컴플라이언스 리스크"]);
	});

	it("searches aliases and shows which term an alias belongs to, highlighting the match", async () => {
		const modal = open();
		await modal.type("click");
		const el = modal.suggestionEls[0];
		expect(el.querySelector(".suggestion-title")?.textContent).toBe("Click-Through Rate → CTR");
		expect([...el.querySelectorAll(".suggestion-highlight")].map((h) => h.textContent)).toEqual(["Click"]);
	});

	it("renders hostile names and definitions as text", async () => {
		const modal = open();
		await modal.type("img");
		const el = modal.suggestionEls[0];
		expect(el.querySelector("img")).toBeNull();
		expect(el.querySelector("b")).toBeNull();
		expect(el.querySelector(".suggestion-note")?.textContent).toBe("<b>bold?</b>");
	});

	it("chooses with Enter after moving down, and closes", async () => {
		const modal = open();
		await modal.type("ROAS");
		modal.inputEl.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter" }));
		expect(chosen).toEqual(["ROAS"]);
		expect(Modal.openModals).toHaveLength(0);
	});

	it("says when nothing matches", async () => {
		const modal = open();
		await modal.type("zzz");
		expect(modal.resultContainerEl.textContent).toBe("No term matches.");
	});
});

describe("definition picker", () => {
	it("names each source as `Note, line N`, as the panel and the hover do", () => {
		pickDefinition(app as unknown as ObsidianApp, RECORDS[3], distinctDefinitions(RECORDS[3]), () => undefined);
		const modal = asShown(Modal.openModals[Modal.openModals.length - 1]);
		expect(modal.suggestionEls.map((el) => el.querySelector(".suggestion-aux")?.textContent)).toEqual(["Day 1, line 50", "Day 3, line 4"]);
		modal.close();
	});

	it("offers each distinct definition once, with its source", () => {
		const roas = RECORDS[3];
		expect(distinctDefinitions(roas).map((d) => `${d.path}:${d.line}`)).toEqual(["Conf/Day 1.md:50", "Conf/Day 3.md:4"]);
		const picked: string[] = [];
		const modal = new PickModal(app as unknown as ObsidianApp, distinctDefinitions(roas).map((d) => ({ value: d, title: d.definition, aux: d.path })), (d) => picked.push(d.definition));
		modal.open();
		asShown(modal).choose(1);
		expect(picked).toEqual(["광고 1원당 수익"]);
	});
});
