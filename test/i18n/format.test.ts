import { describe, expect, it } from "vitest";
import { finalSound, format, formatParts, particle } from "../../src/i18n/format";
import { applyLanguage, currentLanguage, obsidianLanguage, resolveLanguage, t, tIn, tParts } from "../../src/i18n";

describe("Korean particles by the final consonant", () => {
	it("chooses 을/를, 이/가, 은/는, 과/와 and 으로/로 after Hangul", () => {
		expect(format("{w}{을/를}", { w: "광고비" })).toBe("광고비를");
		expect(format("{w}{을/를}", { w: "패널" })).toBe("패널을");
		expect(format("{w}{이/가}", { w: "컴플라이언스" })).toBe("컴플라이언스가");
		expect(format("{w}{이/가}", { w: "갠또" })).toBe("갠또가");
		expect(format("{w}{은/는}", { w: "용어집" })).toBe("용어집은");
		expect(format("{w}{과/와}", { w: "질문" })).toBe("질문과");
		expect(format("{w}{과/와}", { w: "답변" })).toBe("답변과");
		expect(format("{w}{과/와}", { w: "노트" })).toBe("노트와");
		// 으로/로: 로 after a vowel and after ㄹ.
		expect(format("{w}{으로/로}", { w: "집" })).toBe("집으로");
		expect(format("{w}{으로/로}", { w: "서울" })).toBe("서울로");
		expect(format("{w}{으로/로}", { w: "노트" })).toBe("노트로");
	});

	it("reads acronyms letter by letter, digits in Sino-Korean, and English words as they are written in Hangul", () => {
		expect(format("{w}{을/를}", { w: "CPC" })).toBe("CPC를");
		expect(format("{w}{을/를}", { w: "ROAS" })).toBe("ROAS를");
		expect(format("{w}{을/를}", { w: "HTML" })).toBe("HTML을");
		expect(format("{w}{으로/로}", { w: "HTML" })).toBe("HTML로");
		expect(format("{w}{은/는}", { w: "CRM" })).toBe("CRM은");
		expect(format("{w}{이/가}", { w: "BM25" })).toBe("BM25가"); // 이오
		expect(format("{w}{이/가}", { w: "1" })).toBe("1이"); // 일
		expect(format("{w}{으로/로}", { w: "1" })).toBe("1로");
		expect(format("{w}{을/를}", { w: "3" })).toBe("3을"); // 삼
		expect(format("{w}{을/를}", { w: "10" })).toBe("10을"); // 십
		expect(format("{w}{을/를}", { w: "email" })).toBe("email을"); // 이메일
		expect(format("{w}{을/를}", { w: "time" })).toBe("time을"); // 타임
		expect(format("{w}{을/를}", { w: "user" })).toBe("user를"); // 유저
	});

	it("looks past closing quotes and brackets, reads decomposed (NFD) Hangul, and writes both forms when it cannot tell", () => {
		expect(format("“{w}”{은/는}", { w: "티핑포인트" })).toBe("“티핑포인트”는");
		expect(format("“{w}”{은/는}", { w: "스콥" })).toBe("“스콥”은");
		expect(format("{w}{을/를}", { w: "[[광고비|광고 비용]]" })).toBe("[[광고비|광고 비용]]을");
		expect(format("{w}{을/를}", { w: "광고비".normalize("NFD") })).toBe(`${"광고비".normalize("NFD")}를`);
		expect(format("{w}{을/를}", { w: "漢字" })).toBe("漢字을(를)");
		expect(format("{w}{으로/로}", { w: "🙂" })).toBe("🙂(으)로");
		expect(format("{w}{이/가}", { w: "" })).toBe("이(가)");
		expect(finalSound("ㄹ")).toBe("rieul");
		expect(finalSound("ㅋㅋ")).toBe("consonant");
		expect(finalSound("ㅏ")).toBe("vowel");
		expect(particle("값", "을/를")).toBe("을");
	});
});

describe("format", () => {
	it("fills values once, chooses English plural words by the count, and keeps unknown placeholders visible", () => {
		expect(format("{n} {n:question|questions}", { n: 1 })).toBe("1 question");
		expect(format("{n} {n:question|questions}", { n: 0 })).toBe("0 questions");
		expect(format("{n} {n:question|questions}", { n: 12 })).toBe("12 questions");
		expect(format("“{name}”", { name: "{line}" })).toBe("“{line}”");
		expect(format("line {line}", {})).toBe("line {line}");
		expect(format("no values")).toBe("no values");
	});

	it("returns the values as named parts so a view can style them", () => {
		expect(formatParts("{term}{은/는} 정의가 없습니다.", { term: "BM25" })).toEqual([{ text: "BM25", name: "term" }, { text: "는 정의가 없습니다." }]);
	});
});

describe("language", () => {
	it("is Korean for ko (and ko-KR), English for every other code", () => {
		expect(resolveLanguage("auto", "ko")).toBe("ko");
		expect(resolveLanguage("auto", "ko-KR")).toBe("ko");
		expect(resolveLanguage("auto", "en")).toBe("en");
		expect(resolveLanguage("auto", "ja")).toBe("en");
		expect(resolveLanguage("auto", "kok")).toBe("en");
		expect(resolveLanguage("en", "ko")).toBe("en");
		expect(resolveLanguage("ko", "de")).toBe("ko");
	});

	it("reads getLanguage() where Obsidian has it, moment's locale before 1.8.7, else English", () => {
		expect(obsidianLanguage({ getLanguage: () => "ko", momentLocale: () => "en" })).toBe("ko");
		expect(obsidianLanguage({ momentLocale: () => "ko" })).toBe("ko");
		expect(obsidianLanguage({})).toBe("en");
		expect(obsidianLanguage({ getLanguage: () => "" })).toBe("en");
		expect(
			obsidianLanguage({
				getLanguage: () => {
					throw new Error("no app");
				},
			}),
		).toBe("en");
	});

	it("switches t() between the tables", () => {
		try {
			expect(applyLanguage("auto", { getLanguage: () => "ko" })).toBe("ko");
			expect(currentLanguage()).toBe("ko");
			expect(t("panel.questionCount", { count: 12 })).toBe("질문 12개");
			expect(t("notice.alreadyDefined", { name: "CPC", line: 3 })).toBe("“CPC”는 이 노트의 3번째 줄에 이미 정의되어 있습니다.");
			expect(tParts("panel.warnUndefinedMany", { term: "갠또", count: 2 })).toEqual([
				{ text: "갠또", name: "term" },
				{ text: "는 " },
				{ text: "2", name: "count" },
				{ text: "곳에서 용어로 표시되어 있지만 정의가 없습니다." },
			]);
			expect(applyLanguage("auto", { getLanguage: () => "fr" })).toBe("en");
			expect(t("panel.questionCount", { count: 1 })).toBe("1 question");
			expect(tIn("ko", "settings.index.status", { notes: 3, terms: 19 })).toBe("컨퍼런스 노트 3개와 용어 19개를 색인했습니다.");
			expect(tIn("en", "settings.index.status", { notes: 1, terms: 19 })).toBe("1 conference note and 19 glossary terms indexed.");
		} finally {
			applyLanguage("en");
		}
	});
});
