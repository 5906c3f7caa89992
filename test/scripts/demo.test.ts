/**
 * The example vault (examples/vault/) read through the demo's code, which is the CLI's code:
 * exact talks, Q&A and glossary entries for every note, nothing from the untagged note or the traps.
 * The build is not run here; `installPlugin` is tested on a temporary project and vault.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseSources, type NoteJson } from "../../src/core/vault-report";
import { parseNote } from "../../src/core/note-parser";
import {
	DEMO_GLOSSARY_FOLDERS,
	EXAMPLE_VAULT,
	splitVault,
	formatSummary,
	installPlugin,
	PLUGIN_ID,
	readVaultNotes,
	shorten,
	textWidth,
} from "../../scripts/demo";

const SEOUL = "Conferences/Seoul Reliability Day 2025.md";
const LISBON = "Conferences/DevOps Days Lisbon 2025.md";
const MEETUP = "Conferences/Frontend Autumn Meetup 2025.md";
const RETRO = "Notes/Ops retro October.md";
const INDEX = "Notes/Conference index.md";
const GLOSSARY = "Glossary/Reliability glossary.md";

const files = readVaultNotes(EXAMPLE_VAULT);
const split = splitVault(files);

function note(path: string): NoteJson {
	const found = split.notes.find((n) => n.path === path);
	if (!found) throw new Error(`${path} is not a conference note`);
	return found;
}

function text(path: string): string {
	const file = files.find((f) => f.path === path);
	if (!file) throw new Error(`${path} not in the vault`);
	return file.text;
}

/** 1-based line of the first line of `path` that contains `needle`. */
function lineOf(path: string, needle: string): number {
	const index = text(path)
		.split("\n")
		.findIndex((l) => l.includes(needle));
	if (index < 0) throw new Error(`${needle} not found in ${path}`);
	return index + 1;
}

type QaRow = [line: number, answerLine: number, talk: number | null, questionStart: string, answerStart: string];

/** Checks every pair of a note: its lines, its talk, and how its question and answer begin. */
function expectQa(n: NoteJson, rows: QaRow[]): void {
	expect(n.qa.map((q) => [q.line, q.answerLine, q.talk])).toEqual(rows.map(([line, answerLine, talk]) => [line, answerLine, talk]));
	rows.forEach(([line, , , questionStart, answerStart], i) => {
		expect(n.qa[i].question.startsWith(questionStart), `question at line ${line}: ${n.qa[i].question}`).toBe(true);
		expect(n.qa[i].answer.startsWith(answerStart), `answer at line ${line}: ${n.qa[i].answer}`).toBe(true);
	});
}

function glossaryRows(n: NoteJson): [string, string[], number][] {
	return n.glossary.map((g) => [g.term, g.aliases, g.line]);
}

describe("the example vault", () => {
	it("holds three conference notes, two untagged notes, a glossary note and the Start here note", () => {
		expect(files.map((f) => f.path)).toEqual([LISBON, MEETUP, SEOUL, GLOSSARY, INDEX, RETRO, "README.md"]);
		expect(split.notes.map((n) => n.path)).toEqual([LISBON, MEETUP, SEOUL]);
		expect(split.glossarySources.map((s) => s.path)).toEqual([GLOSSARY]);
		expect(split.ignored).toEqual([INDEX, RETRO, "README.md"]);
	});

	it("finds the tag written three ways: a frontmatter list, a frontmatter string, an inline tag", () => {
		expect(note(SEOUL).tags).toEqual(["Conference", "sre"]);
		expect(note(LISBON).tags).toEqual(["conference/2025"]);
		expect(note(MEETUP).tags).toEqual(["Conference", "frontend"]);
	});

	it("takes titles from frontmatter, then the first H1", () => {
		expect(note(SEOUL).title).toBe("서울 신뢰성 데이 2025 - 플랫폼 트랙 Q&A");
		expect(note(LISBON).title).toBe("DevOps Days Lisbon 2025");
		expect(note(MEETUP).title).toBe("프론트엔드 가을 밋업 2025");
	});

	it("totals 8 talks, 26 Q&A and 18 glossary entries", () => {
		const count = (f: (n: NoteJson) => number): number => split.notes.reduce((t, n) => t + f(n), 0);
		expect(count((n) => n.talks.length)).toBe(8);
		expect(count((n) => n.qa.length)).toBe(26);
		expect(count((n) => n.glossary.length)).toBe(18);
	});
});

describe("Seoul Reliability Day 2025 (the reference note's style, Korean)", () => {
	const n = note(SEOUL);

	it("reads three `## Talk - Speaker` headings", () => {
		expect(n.talks).toEqual([
			{ title: "장애는 없애는 게 아니라 다루는 것", speaker: "페이먼츠 SRE 리드 한도윤", line: 8 },
			{ title: "관측 가능성, 로그에서 트레이스로", speaker: "커머스 플랫폼 엔지니어 서지안", line: 52 },
			{ title: "작은 팀의 플랫폼 엔지니어링", speaker: "물류 스타트업 CTO 문하람", line: 79 },
		]);
	});

	it("reads 11 Q&A (5/3/3 per talk) with their lines", () => {
		expectQa(n, [
			[10, 16, 0, "발표에서 SLO 를 팀마다", "처음에는 하위 서비스"],
			[20, 23, 0, "에러 버짓을 다 쓰면", "네, 멈춥니다."],
			[30, 31, 0, "온콜 인원은", "여섯 명이 일주일씩"],
			[37, 38, 0, "포스트모템은 누가", "장애 알림을 처음 받은"],
			[40, 41, 0, "카나리 배포는 트래픽", "1%에서 시작해서"],
			[54, 56, 1, "트레이스를 전부 저장하면", "정상 요청은 1%만"],
			[59, 64, 1, "p99 지연을 목표 지표로", "평균은 느린 요청을"],
			[72, 73, 1, "MTTR 과 MTTD 중에", "감지가 먼저."],
			[81, 82, 2, "엔지니어가 열 명 남짓인데 IDP를", "처음부터 포털을"],
			[88, 89, 2, "토일은 어떻게", "2주 동안"],
			[94, 95, 2, "쿠버네티스는 꼭", "아니요."],
		]);
	});

	it("joins a bold question spanning two lines and drops the jargon marker", () => {
		expect(n.qa[0].question).toBe(
			"발표에서 SLO 를 팀마다 따로 정한다고 하셨는데, 서비스끼리 의존성이 얽혀 있으면 상위 서비스의 목표는 어떻게 계산하시나요?",
		);
		expect(n.qa[5].question).toBe("트레이스를 전부 저장하면 비용이 감당이 안 될 것 같은데 샘플링은 어떻게 하시나요?");
	});

	it("keeps a plain line between the question and `A.` in the question", () => {
		expect(n.qa[1].question).toBe("에러 버짓을 다 쓰면 실제로 배포를 멈추나요? 멈춘 적이 있다면 몇 번이나 있었는지도 궁금함");
	});

	it("skips glossary blocks between a question and its answer", () => {
		expect(n.qa[0].answer.startsWith("처음에는")).toBe(true);
		expect(n.qa[0].answer).not.toContain("Service Level Objective");
		expect(n.qa[6].answer).not.toContain("백분위");
	});

	it("reads `A ` without a period and answers with no marker", () => {
		expect(n.qa[3].answer.startsWith("장애 알림을 처음 받은 사람이")).toBe(true);
		expect(n.qa[4].answer).toBe(
			"1%에서 시작해서 10분마다 지표를 보고 5%, 25%, 100% 순서로 올림. 오류율이나 지연 시간이 기준선을 넘으면 사람이 보기 전에 자동으로 되돌림.",
		);
	});

	it("keeps both paragraphs of a multi-paragraph answer and ends it at the glossary block", () => {
		const answer = n.qa[6].answer;
		expect(answer.startsWith("평균은 느린 요청을 숨김.")).toBe(true);
		expect(answer).toContain("그리고 트래픽이 몰리는 시간대에는");
		expect(answer.endsWith("p50과 p99 두 개만 둠.")).toBe(true);
	});

	it("reads nothing from the `### 느낀점` sections", () => {
		const impressions = [lineOf(SEOUL, "숫자로 약속하고"), lineOf(SEOUL, "도구보다")];
		for (const line of impressions) {
			expect(n.qa.some((q) => q.line === line || q.answerLine === line)).toBe(false);
			expect(n.qa.some((q) => q.answer.includes("인상적") || q.answer.includes("관점이 좋았음"))).toBe(false);
		}
	});

	it("reads 10 glossary entries: SLO twice with different text, MTTR and MTTD from one block", () => {
		expect(glossaryRows(n)).toEqual([
			["SLO", ["Service Level Objective"], 13],
			["에러 버짓", [], 27],
			["온콜", ["On-call"], 34],
			["카나리 배포", ["Canary Release"], 44],
			["p99", [], 61],
			["SLO", [], 69],
			["MTTR", ["Mean Time To Recovery"], 75],
			["MTTD", ["Mean Time To Detect"], 75],
			["IDP", ["Internal Developer Platform"], 85],
			["토일", ["Toil"], 91],
		]);
		const slo = n.glossary.filter((g) => g.term === "SLO");
		expect(slo[0].definition).not.toBe(slo[1].definition);
		expect(slo[1].definition.startsWith("팀이 사용자에게 약속하는 신뢰성 목표.")).toBe(true);
		const [mttr, mttd] = n.glossary.filter((g) => g.line === 75);
		expect(mttr.definition).toBe(mttd.definition);
	});
});

describe("DevOps Days Lisbon 2025 (English: Q:/A:, Q1./A1., bullets)", () => {
	const n = note(LISBON);

	it("reads talk headings with ` - `, ` – ` and ` | `", () => {
		expect(n.talks).toEqual([
			{ title: "Shipping on Fridays", speaker: "Marta Ferreira", line: 13 },
			{ title: "Incidents without heroes", speaker: "Priya Raman", line: 32 },
			{ title: "Platform teams open space", speaker: "Tomás Lindqvist (moderator)", line: 57 },
		]);
	});

	it("reads 10 Q&A (3/3/4 per talk) with their lines", () => {
		expectQa(n, [
			[18, 19, 0, "Do you really deploy", "Yes, as long as"],
			[22, 23, 0, "How do you stop old feature flags", "Every flag gets"],
			[28, 29, 0, "What about database migrations? You cannot flag those.", "We split them."],
			[45, 46, 1, "What is the first thing", "Take that person off"],
			[48, 49, 1, "Who runs the incident review?", "The incident commander schedules"],
			[54, 55, 1, "How long until", "Within five working days"],
			[59, 60, 2, "How big should", "Small enough"],
			[61, 62, 2, "How do you know", "Lead time for changes"],
			[64, 65, 2, "Should using the platform", "No. If it has to be"],
			[67, 68, 2, "What do you do with a team", "Ask what is missing"],
		]);
	});

	it("continues an `A:` answer on the next line", () => {
		expect(n.qa[0].answer.endsWith("a bad deploy costs minutes instead of a weekend.")).toBe(true);
		expect(n.qa[2].answer.endsWith("Nothing destructive ever goes out on a Friday.")).toBe(true);
	});

	it("takes child bullets and `- A.` siblings as answers", () => {
		expect(n.qa[7].answer).toBe(
			'Lead time for changes, measured before and after a team moves onto it. A two-question survey every quarter: "what slowed you down this month?"',
		);
		expect(n.qa[8].answer).toBe(
			"No. If it has to be mandatory, it is not good enough yet. One exception came up: security baselines such as image scanning apply to everyone.",
		);
		expect(n.qa[9].answer).toBe("Ask what is missing and put it on the roadmap with their name next to it.");
	});

	it("reads 2 glossary entries", () => {
		expect(glossaryRows(n)).toEqual([
			["Feature flag", [], 25],
			["Incident commander", ["IC"], 51],
		]);
	});

	it("ignores the traps: agenda letters, a quotation, an image caption, a code block", () => {
		const traps = [
			lineOf(LISBON, "**A. Keynote**"),
			lineOf(LISBON, "**B. Talks**"),
			lineOf(LISBON, "Make undo cheaper than review"),
			lineOf(LISBON, "— Marta Ferreira, opening slide"),
			lineOf(LISBON, "Error budget burn from the case study"),
			lineOf(LISBON, "Q: not a question"),
			lineOf(LISBON, "A: not an answer either"),
		];
		const [record] = parseSources([{ path: LISBON, text: text(LISBON) }]).map((p) => p.record);
		for (const line of traps) {
			expect(record.qa.some((q) => q.line <= line && line <= q.endLine), `Q&A covers line ${line}`).toBe(false);
			expect(record.glossary.some((g) => g.line <= line && line <= g.endLine), `glossary covers line ${line}`).toBe(false);
		}
		const all = JSON.stringify(n);
		expect(all).not.toContain("Keynote");
		expect(all).not.toContain("not a question");
		expect(all).not.toContain("undo cheaper");
		expect(all).not.toContain("case study");
	});
});

describe("Frontend Autumn Meetup 2025 (`## Q&A` sections, callouts, `## Glossary`)", () => {
	const n = note(MEETUP);

	it("reads two talks; `## Q&A` and `## Glossary` are sections, not talks", () => {
		expect(n.talks).toEqual([
			{ title: "디자인 시스템을 코드로 옮기기", speaker: "윤서아", line: 9 },
			{ title: "번들 크기 다이어트", speaker: "강민재", line: 33 },
		]);
	});

	it("reads 5 Q&A from `### question` headings (3/2 per talk)", () => {
		expectQa(n, [
			[17, 18, 0, "디자인 토큰은 누가 관리하나요?", "디자이너와 개발자가"],
			[23, 24, 0, "컴포넌트가 몇 개쯤", "개수보다는"],
			[27, 31, 0, "스크린 리더 테스트는 어떻게 하나요?", "릴리스 전마다 VoiceOver"],
			[39, 40, 1, "트리 셰이킹이 안 되는", "빌드 결과를"],
			[42, 43, 1, "코드 스플리팅을 너무", "맞음."],
		]);
	});

	it("does not read the talk summary bullets or the one-line quote", () => {
		expect(JSON.stringify(n)).not.toContain("토큰을 먼저 정하고");
		expect(JSON.stringify(n)).not.toContain("좋은 기본값");
	});

	it("reads callout definitions and the glossary list (bold term, bold term with alias, `::`)", () => {
		expect(glossaryRows(n)).toEqual([
			["디자인 토큰", [], 20],
			["ARIA", ["Accessible Rich Internet Applications"], 28],
			["트리 셰이킹", [], 48],
			["LCP", ["Largest Contentful Paint"], 49],
			["코드 스플리팅", [], 50],
			["하이드레이션", [], 51],
		]);
		expect(n.glossary[3].definition).toBe("화면에서 가장 큰 요소가 그려지기까지 걸린 시간. 체감 로딩 속도를 대표하는 지표");
	});
});

describe("notes the plugin does not index as conference notes", () => {
	it("gives nothing for the untagged note, although it holds a Q&A and a glossary block", () => {
		expect(parseSources([{ path: RETRO, text: text(RETRO) }])).toEqual([]);
		const untagged = parseNote(text(RETRO), RETRO, { requireTag: false });
		expect(untagged?.tags).toEqual(["retro", "conference-ideas"]);
		expect(untagged?.qa).toHaveLength(1);
		expect(untagged?.glossary).toHaveLength(1);
	});

	it("reads the glossary note as an extra glossary source only", () => {
		expect(DEMO_GLOSSARY_FOLDERS).toEqual(["Glossary"]);
		expect(split.glossarySources).toHaveLength(1);
		expect(split.glossarySources[0].glossary.map((g) => [g.term, g.aliases, g.line])).toEqual([
			["Error budget", ["에러 버짓"], 5],
			["Burn rate", [], 8],
			["Postmortem", ["포스트모템"], 13],
			["Runbook", [], 14],
			["Design token", [], 15],
		]);
		expect(splitVault(files, []).ignored).toContain(GLOSSARY);
	});

	it("leaves the Start here note alone", () => {
		expect(parseSources([{ path: "README.md", text: text("README.md") }])).toEqual([]);
	});
});

describe("formatSummary", () => {
	const summary = formatSummary(split);
	const lines = summary.split("\n");

	it("lists every note with its tags, talks with speaker and Q&A count, and glossary terms", () => {
		expect(lines[0]).toBe("Example vault examples/vault: 3 conference notes");
		expect(summary).toContain("▸ 서울 신뢰성 데이 2025 - 플랫폼 트랙 Q&A");
		expect(summary).toContain(`  ${SEOUL} · tags: #Conference #sre`);
		expect(summary).toContain("  1. 장애는 없애는 게 아니라 다루는 것 — 페이먼츠 SRE 리드 한도윤 (line 8): 5 Q&A");
		expect(summary).toContain("  3. Platform teams open space — Tomás Lindqvist (moderator) (line 57): 4 Q&A");
		expect(summary).toContain("  Glossary, 10 entries: SLO (Service Level Objective) ×2, 에러 버짓,");
		expect(summary).toContain("  Glossary, 2 entries: Feature flag, Incident commander (IC)");
	});

	it("shows each note's first Q&A, shortened to fit 80 columns", () => {
		expect(summary).toContain("  First Q&A (line 18):\n    Q. Do you really deploy on Friday afternoons?\n    A. Yes, as long as");
		const qaLines = lines.filter((l) => l.startsWith("    Q. ") || l.startsWith("    A. "));
		expect(qaLines).toHaveLength(6);
		for (const line of qaLines) expect(textWidth(line)).toBeLessThanOrEqual(80);
		expect(qaLines.some((l) => l.endsWith("…"))).toBe(true);
	});

	it("ends with totals, the extra glossary source and the ignored notes", () => {
		expect(summary).toContain("Total: 3 notes, 8 talks, 26 Q&A, 18 glossary entries.");
		expect(summary).toContain("Extra glossary source Glossary/Reliability glossary.md, 5 entries:");
		expect(lines.slice(-2)).toEqual([`Not indexed (no Conference tag): ${INDEX},`, `  ${RETRO}, README.md`]);
	});

	it("says when a note has no glossary and counts Q&A before any talk", () => {
		const bare: NoteJson = {
			path: "a.md",
			title: "A",
			tags: ["Conference"],
			talks: [],
			qa: [{ question: "Why?", answer: "Because.", line: 3, answerLine: 4, talk: null }],
			glossary: [],
			mentions: [],
		};
		const text = formatSummary({ notes: [bare], glossarySources: [], ignored: [] });
		expect(text).toContain("  (before any talk): 1 Q&A");
		expect(text).toContain("  Glossary: none");
		expect(text).toContain("Total: 1 note, 0 talks, 1 Q&A, 0 glossary entries.");
		expect(text).not.toContain("Not indexed");
	});
});

describe("shorten", () => {
	it("counts Hangul as two columns and ends a cut with …", () => {
		expect(textWidth("가나a")).toBe(5);
		expect(shorten("short", 10)).toBe("short");
		expect(shorten("abcdefghij", 5)).toBe("abcd…");
		expect(shorten("가나다라마", 6)).toBe("가나…");
		expect(textWidth(shorten("가나다라마바사", 9))).toBeLessThanOrEqual(9);
	});
});

describe("installPlugin", () => {
	const dirs: string[] = [];
	afterEach(() => {
		for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
	});

	function project(withMain = true): { root: string; vault: string } {
		const root = mkdtempSync(join(tmpdir(), "cqg-demo-"));
		dirs.push(root);
		if (withMain) writeFileSync(join(root, "main.js"), "/* built */");
		writeFileSync(join(root, "manifest.json"), '{"id":"conference-qa-glossary"}');
		writeFileSync(join(root, "styles.css"), ".cqg-x{}");
		return { root, vault: join(root, "vault") };
	}

	it("copies main.js, manifest.json and styles.css and lists the glossary folder in new settings", () => {
		const { root, vault } = project();
		const dir = installPlugin(root, vault);
		expect(dir).toBe(join(vault, ".obsidian", "plugins", PLUGIN_ID));
		expect(readFileSync(join(dir, "main.js"), "utf8")).toBe("/* built */");
		expect(existsSync(join(dir, "manifest.json"))).toBe(true);
		expect(existsSync(join(dir, "styles.css"))).toBe(true);
		expect(JSON.parse(readFileSync(join(dir, "data.json"), "utf8"))).toEqual({ glossaryFolders: ["Glossary"] });
	});

	it("keeps settings the user already has", () => {
		const { root, vault } = project();
		const dir = installPlugin(root, vault);
		writeFileSync(join(dir, "data.json"), '{"glossaryFolders":[],"decorateMentions":"marked"}');
		installPlugin(root, vault);
		expect(readFileSync(join(dir, "data.json"), "utf8")).toBe('{"glossaryFolders":[],"decorateMentions":"marked"}');
	});

	it("fails loudly when the build is missing", () => {
		const { root, vault } = project(false);
		expect(() => installPlugin(root, vault)).toThrow(/main\.js not found/);
	});
});
