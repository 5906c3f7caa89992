// @vitest-environment happy-dom
/**
 * The Markdown digest in the interface language: its headings and summaries come from the tables
 * (the core only keeps its English default); machine formats (CSV header, JSON fields, Anki headers)
 * stay the same in every language.
 */
import { afterEach, describe, expect, it } from "vitest";
import { CSV_COLUMNS, exportAs } from "../../src/core/export";
import type { NoteRecord } from "../../src/core/types";
import { applyLanguage } from "../../src/i18n";
import { digestLabels } from "../../src/obsidian/export-writer";

const NOTE: NoteRecord = {
	path: "Conferences/광고 밋업.md",
	title: "광고 밋업",
	tags: ["Conference"],
	talks: [{ title: "작은 팀의 광고 운영", speaker: "한소라", line: 4 }],
	qa: [
		{ question: "시작 전 질문", answer: "", line: 2, answerLine: 2, endLine: 2, talk: null, questionMarkdown: "시작 전 질문", answerMarkdown: "" },
		{ question: "CPC 상한은?", answer: "업계 평균으로 시작.", line: 6, answerLine: 7, endLine: 7, talk: 0, questionMarkdown: "CPC 상한은?", answerMarkdown: "업계 평균으로 시작." },
	],
	glossary: [{ term: "CPC", aliases: ["Cost Per Click"], definition: "클릭당 비용", definitionMarkdown: "클릭당 비용", line: 9, endLine: 10 }],
};

afterEach(() => {
	applyLanguage("en");
});

describe("Markdown digest in the interface language", () => {
	it("writes a one-note digest's headings and summary in Korean, with counters", () => {
		applyLanguage("ko");
		const md = exportAs({ notes: [NOTE] }, "md", { labels: digestLabels() }).text;
		expect(md.split("\n").filter((l) => l.startsWith("#") || l.startsWith("출처") || l.includes("(답변 없음)"))).toEqual([
			"# 광고 밋업: Q&A 요약",
			"출처 [[Conferences/광고 밋업|광고 밋업]]: 질문 2개, 용어 1개.",
			"## 첫 발표 전",
			"> (답변 없음)",
			"## 작은 팀의 광고 운영 — 한소라",
			"## 용어집",
		]);
	});

	it("writes an all-notes digest in Korean, and the same digest in English by default", () => {
		applyLanguage("ko");
		const ko = exportAs({ notes: [NOTE], terms: [] }, "md", { labels: digestLabels() }).text;
		expect(ko.split("\n").slice(0, 7)).toEqual(["# 컨퍼런스 Q&A 요약", "", "노트 1개, 질문 2개, 용어 0개.", "", "## 광고 밋업", "", "출처: [[Conferences/광고 밋업|광고 밋업]]"]);
		applyLanguage("en");
		const en = exportAs({ notes: [NOTE], terms: [] }, "md", { labels: digestLabels() }).text;
		expect(en).toBe(exportAs({ notes: [NOTE], terms: [] }, "md").text);
		expect(en.split("\n").slice(0, 7)).toEqual(["# Conference Q&A digest", "", "1 note, 2 questions, 0 glossary entries.", "", "## 광고 밋업", "", "From [[Conferences/광고 밋업|광고 밋업]]."]);
	});

	it("keeps machine formats identical in Korean: CSV header, JSON fields, Anki headers", () => {
		applyLanguage("en");
		const english = (["csv", "json", "tsv"] as const).map((f) => exportAs({ notes: [NOTE] }, f, { labels: digestLabels() }).text);
		applyLanguage("ko");
		const korean = (["csv", "json", "tsv"] as const).map((f) => exportAs({ notes: [NOTE] }, f, { labels: digestLabels() }).text);
		expect(korean).toEqual(english);
		expect(korean[0].split("\r\n")[0]).toBe(CSV_COLUMNS.join(","));
		expect(korean[2].split("\n").slice(0, 3)).toEqual(["#separator:tab", "#html:false", "#notetype:Basic"]);
	});
});
