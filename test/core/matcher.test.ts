import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { findMentions, TermMatcher, type FindOptions } from "../../src/core/matcher";
import { compareTerms, termKey } from "../../src/core/term-key";

const NAMES: [string, string][] = [
	["eCPM", "eCPM"],
	["CTR", "CTR"],
	["Click-Through Rate", "CTR"],
	["SMB", "SMB"],
	["SME", "SME"],
	["SaaS", "SaaS"],
	["F&B", "F&B"],
	["티핑 포인트", "티핑 포인트"],
	["DRI 문화", "DRI 문화"],
	["컴플라이언스", "컴플라이언스"],
	["컴플라이언스 리스크", "컴플라이언스 리스크"],
	["VAN 대리점", "VAN 대리점"],
	["Value Added Network", "VAN 대리점"],
	["스콥", "스콥"],
	["포스기", "포스기"],
];
const matcher = new TermMatcher(NAMES);

/** [text, term, marked] of every mention. */
function found(text: string, options?: FindOptions): [string, string, boolean][] {
	return findMentions(text, matcher, options).map((m) => [m.text, m.term, m.marked]);
}

describe("termKey and compareTerms", () => {
	it("ignores case, spacing and normalisation form", () => {
		expect(termKey("티핑 포인트")).toBe(termKey("티핑포인트"));
		expect(termKey("eCPM")).toBe(termKey("ECPM"));
		expect(termKey(" DRI\t문화 ")).toBe("dri문화");
		expect(termKey("컴플라이언스".normalize("NFD"))).toBe(termKey("컴플라이언스"));
		expect(termKey("CTR")).not.toBe(termKey("CTRL"));
	});

	it("orders Korean before English, case-blind, numbers by value", () => {
		expect(["SMB", "eCPM", "갠또", "CTR", "Q10", "Q2", "컴플라이언스"].sort(compareTerms)).toEqual(["갠또", "컴플라이언스", "CTR", "eCPM", "Q2", "Q10", "SMB"]);
	});
});

describe("Latin letters: case and word boundaries", () => {
	it("matches in any case and reports the canonical term", () => {
		expect(found("the ECPM and ecpm")).toEqual([
			["ECPM", "eCPM", false],
			["ecpm", "eCPM", false],
		]);
		expect(found("a click-through RATE")).toEqual([["click-through RATE", "CTR", false]]);
	});

	it("matches all-caps names that spell English words only in capitals, other acronyms in any case", () => {
		const m = new TermMatcher([
			["IT", "IT"],
			["WHO", "WHO"],
			["ROAS", "ROAS"],
			["eCPM", "eCPM"],
		]);
		const terms = (text: string) => findMentions(text, m).map((x) => x.text);
		expect(terms("it is who we are, It Who")).toEqual([]);
		expect(terms("IT팀과 WHO 발표")).toEqual(["IT", "WHO"]);
		expect(terms("roas Roas ECPM ecpm")).toEqual(["roas", "Roas", "ECPM", "ecpm"]);
		expect(found("ctr Ctr CTR")).toEqual([
			["ctr", "CTR", false],
			["Ctr", "CTR", false],
			["CTR", "CTR", false],
		]);
	});

	it("needs a boundary on both sides", () => {
		expect(found("CTRL eCTR CTR2 CTR_x xCTR")).toEqual([]);
		expect(found("(CTR), CTR. CTR-based")).toEqual([
			["CTR", "CTR", false],
			["CTR", "CTR", false],
			["CTR", "CTR", false],
		]);
	});

	it("takes Korean particles after a Latin term, and a Latin term after Hangul", () => {
		expect(found("CTR을 높이고 SME와 평균CTR")).toEqual([
			["CTR", "CTR", false],
			["SME", "SME", false],
			["CTR", "CTR", false],
		]);
	});

	it("accepts a plural s after an all-caps mention only", () => {
		expect(found("many SMBs and SMEs*")).toEqual([
			["SMBs", "SMB", false],
			["SMEs", "SME", true],
		]);
		expect(found("SMBS smbs SaaSs SMBsx")).toEqual([]);
	});

	it("matches terms with symbols (F&B)", () => {
		expect(found("F&B*, F&B 매장")).toEqual([
			["F&B", "F&B", true],
			["F&B", "F&B", false],
		]);
		expect(found("XF&B F&BX")).toEqual([]);
	});
});

describe("spacing inside a term", () => {
	it("makes a term's spaces optional", () => {
		expect(found("티핑포인트*를 지나는, 티핑 포인트, 티핑   포인트")).toEqual([
			["티핑포인트", "티핑 포인트", true],
			["티핑 포인트", "티핑 포인트", false],
			["티핑   포인트", "티핑 포인트", false],
		]);
		expect(found("DRI문화")).toEqual([["DRI문화", "DRI 문화", false]]);
	});

	it("does not let the text add a space the term does not have", () => {
		expect(found("포스 기능, 스 콥")).toEqual([]);
		expect(found("포스기 도입")).toEqual([["포스기", "포스기", false]]);
	});

	it("keeps the space between two Latin words", () => {
		expect(found("ValueAddedNetwork")).toEqual([]);
		expect(found("value added  network")).toEqual([["value added  network", "VAN 대리점", false]]);
	});

	it("never spans a line break", () => {
		expect(found("티핑\n포인트")).toEqual([]);
	});
});

describe("Korean particles and word starts", () => {
	it("lets particles and endings follow a Hangul term", () => {
		expect(found("컴플라이언스에 대한, DRI 문화여서, 스콥을 정함")).toEqual([
			["컴플라이언스", "컴플라이언스", false],
			["DRI 문화", "DRI 문화", false],
			["스콥", "스콥", false],
		]);
	});

	it("does not start a Hangul term inside a word", () => {
		expect(found("비컴플라이언스, A컴플라이언스, 3스콥")).toEqual([]);
		expect(found("(컴플라이언스) \"스콥\"")).toEqual([
			["컴플라이언스", "컴플라이언스", false],
			["스콥", "스콥", false],
		]);
	});
});

describe("longest match, no overlap", () => {
	it("prefers the longest term at a position", () => {
		expect(found("컴플라이언스 리스크를 제로로")).toEqual([["컴플라이언스 리스크", "컴플라이언스 리스크", false]]);
		expect(found("컴플라이언스리스크")).toEqual([["컴플라이언스리스크", "컴플라이언스 리스크", false]]);
	});

	it("falls back to the shorter term when the longer one does not complete", () => {
		expect(found("컴플라이언스 리더")).toEqual([["컴플라이언스", "컴플라이언스", false]]);
	});

	it("returns sorted, disjoint mentions", () => {
		const mentions = findMentions("CTR CTR 컴플라이언스 리스크 컴플라이언스", matcher);
		for (let i = 1; i < mentions.length; i++) expect(mentions[i].from).toBeGreaterThanOrEqual(mentions[i - 1].to);
		expect(mentions).toHaveLength(4);
	});
});

describe("the * jargon marker", () => {
	it("marks a term followed by *, multi-word terms on their last word", () => {
		expect(found("VAN 대리점*에서, 갠또 CTR* 과")).toEqual([
			["VAN 대리점", "VAN 대리점", true],
			["CTR", "CTR", true],
		]);
		const [m] = findMentions("VAN 대리점*", matcher);
		expect(m.to).toBe("VAN 대리점".length); // the marker is not part of the mention
	});

	it("does not mistake emphasis around the term for a marker", () => {
		expect(found("*CTR* **CTR** CTR** ***CTR***")).toEqual([
			["CTR", "CTR", false],
			["CTR", "CTR", false],
			["CTR", "CTR", false],
			["CTR", "CTR", false],
		]);
		expect(found("**CTR*** *CTR**")).toEqual([
			["CTR", "CTR", true],
			["CTR", "CTR", true],
		]);
	});

	it("reads a single star closing an earlier emphasis as emphasis, but not inside bold", () => {
		expect(found("*the CTR* and SMB* here")).toEqual([
			["CTR", "CTR", false],
			["SMB", "SMB", true],
		]);
		expect(found("**Q. ECPM* 와 갠또 CTR*가?**")).toEqual([
			["ECPM", "eCPM", true],
			["CTR", "CTR", true],
		]);
		expect(found("2*3 CTR*")).toEqual([["CTR", "CTR", true]]);
	});

	it("does not mark a term whose marker sits on an inner word", () => {
		expect(found("VAN* 대리점")).toEqual([]);
	});
});

describe("skipped contexts", () => {
	it("skips code spans, but not escaped backticks", () => {
		expect(found("`CTR` and ``a `CTR` b`` then CTR")).toEqual([["CTR", "CTR", false]]);
		expect(found("\\`CTR\\` ` unclosed CTR")).toEqual([
			["CTR", "CTR", false],
			["CTR", "CTR", false],
		]);
	});

	it("skips fenced code blocks, also in blockquotes and unclosed ones", () => {
		expect(found("CTR\n```\nCTR\n```\nCTR\n~~~~ js\nCTR\n~~~\n~~~~\nSMB")).toEqual([
			["CTR", "CTR", false],
			["CTR", "CTR", false],
			["SMB", "SMB", false],
		]);
		expect(found("> ```\n> CTR\n> ```\n> CTR")).toEqual([["CTR", "CTR", false]]);
		expect(found("SMB\n```\nCTR\nno closing fence, CTR")).toEqual([["SMB", "SMB", false]]);
	});

	it("skips frontmatter, math blocks and comments", () => {
		expect(found("---\ntitle: CTR\ntags: [SMB]\n---\nCTR")).toEqual([["CTR", "CTR", false]]);
		expect(found("\uFEFF---\r\ntitle: CTR\r\n---\r\nSMB")).toEqual([["SMB", "SMB", false]]);
		expect(found("text\n---\nCTR\n---")).toEqual([["CTR", "CTR", false]]); // a rule, not frontmatter
		expect(found("$$\nCTR\n$$\n%%\nSMB\n%%\nSME %%CTR%% SaaS")).toEqual([
			["SME", "SME", false],
			["SaaS", "SaaS", false],
		]);
	});

	it("skips URLs, autolinks and Markdown link targets, not link text", () => {
		expect(found("https://example.com/CTR?SMB=1 www.ctr.com/SMB <https://x.org/CTR> obsidian://open?CTR")).toEqual([]);
		expect(found("[CTR report](https://example.com/CTR) ![SMB](smb.png) [SME][smb-ref]")).toEqual([
			["CTR", "CTR", false],
			["SMB", "SMB", false],
			["SME", "SME", false],
		]);
	});

	it("skips wikilink targets and embeds, matching only a shown alias", () => {
		expect(found("[[CTR]] ![[SMB.png]] [[CTR notes|CTR]] [[SMB#CTR|the SME]]")).toEqual([
			["CTR", "CTR", false],
			["SME", "SME", false],
		]);
	});

	it("skips HTML tags and attributes, #tags and footnote references", () => {
		expect(found('<span title="CTR" data-x=SMB>CTR</span> #CTR #SMB/SME [^CTR] SaaS')).toEqual([
			["CTR", "CTR", false],
			["SaaS", "SaaS", false],
		]);
		expect(found("목표 <- CTR 2 < 3 > SMB")).toEqual([
			["CTR", "CTR", false],
			["SMB", "SMB", false],
		]);
	});

	it("skips the lines a caller excludes (glossary blocks), blockquotes otherwise match", () => {
		const text = "CTR 1\n> CTR\n> 광고 CTR\n> CTR 인용";
		expect(findMentions(text, matcher, { excludeLines: [{ line: 2, endLine: 3 }] }).map((m) => m.line)).toEqual([1, 4]);
	});
});

describe("offsets, lines and columns", () => {
	it("reports 1-based lines and UTF-16 columns of the original text", () => {
		const [a, b] = findMentions("첫 줄\n  😀 CTR 그리고 스콥", matcher);
		expect([a.line, a.column, a.from, a.to]).toEqual([2, 6, 9, 12]);
		expect([b.line, b.column]).toEqual([2, 14]);
	});

	it("keeps lines under CRLF and columns after a BOM", () => {
		const [a, b] = findMentions("\uFEFFCTR\r\nx SMB\r\n", matcher);
		expect([a.line, a.column, a.from]).toEqual([1, 1, 1]);
		expect([b.line, b.column, b.text]).toEqual([2, 3, "SMB"]);
	});

	it("matches NFD Hangul and maps offsets back to the NFD text", () => {
		const nfd = "앞 문장\n비 컴플라이언스에 스콥*".normalize("NFD");
		const mentions = findMentions(nfd, matcher);
		expect(mentions.map((m) => [m.line, m.term, m.marked])).toEqual([
			[2, "컴플라이언스", false],
			[2, "스콥", true],
		]);
		for (const m of mentions) {
			expect(m.text).toBe(nfd.slice(m.from, m.to));
			expect(m.text.normalize("NFC")).toBe(m.term);
		}
		expect(mentions[0].column).toBe(nfd.split("\n")[1].indexOf("컴".normalize("NFD")) + 1);
	});

	it("scans only from..to, with line numbers of the whole text", () => {
		const text = "CTR\nSMB SME\nSaaS\n";
		const start = text.indexOf("SME");
		expect(findMentions(text, matcher, { from: start, to: text.length }).map((m) => [m.text, m.line, m.column])).toEqual([
			["SME", 2, 5],
			["SaaS", 3, 1],
		]);
		// A mention crossing the range edge is left out; boundaries still see the text outside.
		expect(findMentions(text, matcher, { from: 1, to: 10 }).map((m) => m.text)).toEqual(["SMB"]);
		expect(findMentions("xCTR", matcher, { from: 1 })).toEqual([]);
	});

	it("keeps fence state from before `from`, or leaves it to the caller with blocks: false", () => {
		const text = "```\nCTR\n```\nSMB";
		const inside = text.indexOf("CTR");
		expect(findMentions(text, matcher, { from: inside }).map((m) => m.text)).toEqual(["SMB"]);
		expect(findMentions(text, matcher, { from: inside, to: inside + 3, blocks: false }).map((m) => m.text)).toEqual(["CTR"]);
	});
});

describe("TermMatcher", () => {
	it("keeps the first term for names sharing a key and resolves by key", () => {
		const m = new TermMatcher([
			["eCPM", "eCPM"],
			["ECPM", "other"],
		]);
		expect(m.size).toBe(1);
		expect(m.termFor("ecpm")).toBe("eCPM");
	});

	it("adds and removes names", () => {
		const m = new TermMatcher([["스콥", "스콥"]]);
		m.add("티핑 포인트", "티핑 포인트");
		expect(findMentions("티핑포인트 스콥", m).map((x) => x.term)).toEqual(["티핑 포인트", "스콥"]);
		m.remove("스콥");
		m.remove("티핑포인트");
		expect(findMentions("티핑포인트 스콥", m)).toEqual([]);
		expect(m.size).toBe(0);
	});

	it("forgets the space a removed spelling allowed", () => {
		const m = new TermMatcher([["Click Rate", "A"]]);
		m.assign(termKey("Click Rate"), "A", ["clickrate"]);
		expect(findMentions("click rate", m)).toEqual([]);
		expect(findMentions("clickrate", m).map((x) => x.term)).toEqual(["A"]);
	});
});

describe("no regex lookbehind in src/core", () => {
	it("has none (unsupported on iOS)", () => {
		const dir = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "src", "core");
		for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
			expect(readFileSync(join(dir, file), "utf8"), file).not.toMatch(/\(\?<[=!]/);
		}
	});
});

describe("everyday English words and plurals", () => {
	const names = ["Go", "Spring", "Rust", "React", "Swift", "Kubernetes", "Tail sampling", "feature flag", "postmortem", "cache", "process", "eCPM", "SaaS", "CTR", "IT"];
	const m = new TermMatcher(names.map((n) => [n, n] as const));
	const texts = (text: string) => findMentions(text, m).map((x) => x.text);

	it("matches a capitalised one-word name that is an everyday word only capitalised", () => {
		expect(texts("Go and GO, not go; we go to Spring in spring, Rust not rust, React Swift vs react swift")).toEqual(["Go", "GO", "Spring", "Rust", "React", "Swift"]);
	});

	it("keeps matching every other name in any case", () => {
		expect(texts("kubernetes, KUBERNETES, ecpm, saas, ctr")).toEqual(["kubernetes", "KUBERNETES", "ecpm", "saas", "ctr"]);
		expect(texts("> Tail sampling\ntail sampling keeps traces")).toEqual(["Tail sampling", "tail sampling"]);
		expect(texts("Feature flag rollout. Postmortem")).toEqual(["Feature flag", "Postmortem"]);
		expect(texts("it is IT")).toEqual(["IT"]);
	});

	it("takes regular s/es plurals of Latin terms, word boundaries kept", () => {
		expect(texts("feature flags, postmortems and caches; processes")).toEqual(["feature flags", "postmortems", "caches", "processes"]);
		expect(texts("cachesx processs SaaSs cachess")).toEqual([]);
		expect(texts("Rusts and Gos")).toEqual(["Rusts", "Gos"]);
	});
});

describe("linear matching", () => {
	it("finds a long Hangul or CJK term after near misses that share its prefix", () => {
		const term = "가나다라마바사아자차카타파하".repeat(3);
		const cjk = "中文字符串測試".repeat(6);
		const m = new TermMatcher([
			[term, "long"],
			[cjk, "cjk"],
			["다라", "short"],
		]);
		const nearMiss = term.slice(0, -1);
		const text = `${nearMiss} ${nearMiss} ${term}에 다라 ${cjk.slice(0, -1)}${cjk}`;
		expect(findMentions(text, m).map((x) => [x.term, x.from])).toEqual([
			["long", nearMiss.length * 2 + 2],
			["short", text.indexOf(" 다라") + 1],
			["cjk", text.lastIndexOf(cjk)],
		]);
	});

	it("prefers the leftmost start, then the longest term there, when occurrences overlap", () => {
		const m = new TermMatcher([
			["中文", "a"],
			["文字符", "b"],
			["中文字符串", "c"],
			["가나", "가나"],
			["나다라", "나다라"],
		]);
		const texts = (text: string) => findMentions(text, m).map((x) => x.text);
		expect(texts("中文字符")).toEqual(["中文"]);
		expect(texts("中文字符串")).toEqual(["中文字符串"]);
		expect(texts("x文字符中文")).toEqual(["文字符", "中文"]);
		expect(texts("가나다라")).toEqual(["가나"]);
		expect(texts("가 나다라")).toEqual(["나다라"]);
	});
});
