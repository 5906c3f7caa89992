import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
	ankiField,
	checkExportFolder,
	CSV_COLUMNS,
	csvRow,
	escapeMarkdown,
	exportAs,
	exportBaseName,
	suggestedExportFolder,
	glossaryRows,
	neutralizeFormula,
	neutralizeTags,
	qaRows,
	safeFileName,
	spreadsheetRow,
	toAnkiTsv,
	toCsv,
	toJson,
	toMarkdownDigest,
} from "../../src/core/export";
import { parseNote } from "../../src/core/note-parser";
import type { NoteRecord, TermRecord } from "../../src/core/types";
import { hasSharedFixtures, readSharedFixture, REFERENCE_NOTE } from "../helpers/shared-fixtures";

/**
 * An independent RFC 4180 reader: fields split on `sep`, records on CRLF or LF, quoted fields may hold
 * separators, quotes (doubled) and line breaks. `comment` skips records that start with that character
 * (Anki's reader does this for `#`).
 */
function readDelimited(text: string, sep: string, comment?: string): string[][] {
	const records: string[][] = [];
	let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
	while (i < text.length) {
		if (comment && text[i] === comment) {
			while (i < text.length && text[i] !== "\n") i++;
			i++;
			continue;
		}
		const record: string[] = [];
		for (;;) {
			let field = "";
			if (text[i] === '"') {
				i++;
				for (;;) {
					if (i >= text.length) throw new Error("unterminated quoted field");
					if (text[i] === '"') {
						if (text[i + 1] === '"') {
							field += '"';
							i += 2;
							continue;
						}
						i++;
						break;
					}
					field += text[i++];
				}
				if (i < text.length && text[i] !== sep && text[i] !== "\r" && text[i] !== "\n") throw new Error(`text after closing quote at ${i}`);
			} else {
				while (i < text.length && text[i] !== sep && text[i] !== "\r" && text[i] !== "\n") {
					if (text[i] === '"') throw new Error(`bare quote in unquoted field at ${i}`);
					field += text[i++];
				}
			}
			record.push(field);
			if (text[i] === sep) {
				i++;
				continue;
			}
			if (text[i] === "\r") i++;
			if (text[i] === "\n") i++;
			break;
		}
		records.push(record);
	}
	return records;
}

function note(partial: Partial<NoteRecord>): NoteRecord {
	return { path: "Notes/Talks.md", title: "Talks", tags: ["Conference"], talks: [], qa: [], glossary: [], ...partial };
}

const TRICKY = note({
	title: 'DevDay, "the big one"',
	talks: [{ title: "Scaling, safely", speaker: 'Ana "Ops" Lee', line: 3 }],
	qa: [
		{
			question: 'Why "eventual", not strong, consistency?',
			answer: "Latency.\nAlso, cost;\r\nand\ttabs",
			line: 5,
			answerLine: 6,
			endLine: 8,
			talk: 0,
			questionMarkdown: '**Why "eventual", not strong, consistency?**',
			answerMarkdown: "Latency.\nAlso, cost #Conference;\nand `#code`",
		},
		{ question: "#hashtag first", answer: " leading space", line: 10, answerLine: 11, endLine: 11, talk: null, questionMarkdown: "#hashtag first", answerMarkdown: " leading space" },
	],
	glossary: [{ term: "P99", aliases: ["99th percentile", "tail"], definition: 'The "slowest" 1%, roughly', definitionMarkdown: 'The "slowest" 1%,\nroughly', line: 20, endLine: 21 }],
});

describe("CSV", () => {
	it("quotes commas, quotes, line breaks and edge spaces, and reads back exactly", () => {
		const csv = toCsv({ notes: [TRICKY] });
		const rows = readDelimited(csv, ",");
		expect(rows[0]).toEqual([...CSV_COLUMNS]);
		expect(rows.slice(1)).toEqual([
			["qa", 'Why "eventual", not strong, consistency?', "Latency.\nAlso, cost;\r\nand\ttabs", "", 'DevDay, "the big one"', "Scaling, safely", 'Ana "Ops" Lee', "Notes/Talks.md", "5"],
			["qa", "#hashtag first", " leading space", "", 'DevDay, "the big one"', "", "", "Notes/Talks.md", "10"],
			["term", "P99", 'The "slowest" 1%, roughly', "99th percentile; tail", 'DevDay, "the big one"', "", "", "Notes/Talks.md", "20"],
		]);
		expect(csv.endsWith("\r\n")).toBe(true);
	});

	it("round-trips any text through a field", () => {
		fc.assert(
			fc.property(fc.array(fc.string({ maxLength: 20 }), { minLength: 1, maxLength: 5 }), (fields) => {
				const parsed = readDelimited(`${csvRow(fields)}\r\n`, ",");
				expect(parsed).toEqual([fields.length === 1 && fields[0] === "" ? [""] : fields]);
			}),
		);
	});

	it("can start with a byte-order mark for spreadsheet apps", () => {
		expect(toCsv({ notes: [] }, { bom: true }).charCodeAt(0)).toBe(0xfeff);
		expect(toCsv({ notes: [] }).charCodeAt(0)).not.toBe(0xfeff);
	});
});

/** A note whose every text field would start a formula in a spreadsheet, and one ordinary row. */
const FORMULAS = note({
	path: "Notes/=HYPERLINK(x).md",
	title: "=HYPERLINK(\"http://evil.example\",\"click\")",
	talks: [{ title: "+1 talk", speaker: "@kim", line: 3 }],
	qa: [
		{ question: "=1+1", answer: "-2+3", line: 5, answerLine: 6, endLine: 6, talk: 0, questionMarkdown: "=1+1", answerMarkdown: "-2+3" },
		{ question: "\t=cmd|' /C calc'!A0", answer: "\r=A1", line: 8, answerLine: 9, endLine: 9, talk: 0, questionMarkdown: "", answerMarkdown: "" },
		{ question: " =SUM(A1,A2)", answer: "- 첫째, 둘째", line: 11, answerLine: 12, endLine: 12, talk: 0, questionMarkdown: "", answerMarkdown: "" },
		{ question: "1+1=2?", answer: "a-b, c@d, 'quoted'", line: 14, answerLine: 15, endLine: 15, talk: 0, questionMarkdown: "", answerMarkdown: "" },
	],
	glossary: [{ term: "@SUM", aliases: ["+A1", "-B2"], definition: "=2*3", definitionMarkdown: "=2*3", line: 20, endLine: 21 }],
});

describe("CSV formulas (OWASP CSV injection rule)", () => {
	it("starts every cell that would run as a formula with ', and leaves ordinary cells as they are", () => {
		const csv = toCsv({ notes: [FORMULAS] });
		expect(csv.split("\r\n").slice(1, 3)).toEqual([
			`qa,'=1+1,'-2+3,,"'=HYPERLINK(""http://evil.example"",""click"")",'+1 talk,'@kim,Notes/=HYPERLINK(x).md,5`,
			`qa,'\t=cmd|' /C calc'!A0,"'\r=A1",,"'=HYPERLINK(""http://evil.example"",""click"")",'+1 talk,'@kim,Notes/=HYPERLINK(x).md,8`,
		]);
		const rows = readDelimited(csv, ",");
		expect(rows.slice(1)).toEqual([
			["qa", "'=1+1", "'-2+3", "", `'=HYPERLINK("http://evil.example","click")`, "'+1 talk", "'@kim", "Notes/=HYPERLINK(x).md", "5"],
			["qa", "'\t=cmd|' /C calc'!A0", "'\r=A1", "", `'=HYPERLINK("http://evil.example","click")`, "'+1 talk", "'@kim", "Notes/=HYPERLINK(x).md", "8"],
			["qa", "' =SUM(A1,A2)", "'- 첫째, 둘째", "", `'=HYPERLINK("http://evil.example","click")`, "'+1 talk", "'@kim", "Notes/=HYPERLINK(x).md", "11"],
			["qa", "1+1=2?", "a-b, c@d, 'quoted'", "", `'=HYPERLINK("http://evil.example","click")`, "'+1 talk", "'@kim", "Notes/=HYPERLINK(x).md", "14"],
			["term", "'@SUM", "'=2*3", "'+A1; -B2", `'=HYPERLINK("http://evil.example","click")`, "", "", "Notes/=HYPERLINK(x).md", "20"],
		]);
	});

	it("no read-back cell starts a formula, and dropping the added ' gives the text back", () => {
		fc.assert(
			fc.property(fc.array(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("=1", "+1", "-1", "@x", "\t1", "\r1", " =1", "\n-1", "a=1")), { minLength: 1, maxLength: 5 }), (fields) => {
				const [parsed] = readDelimited(`${spreadsheetRow(fields)}\r\n`, ",");
				const cells = fields.length === 1 && fields[0] === "" ? [""] : parsed;
				for (const [i, cell] of cells.entries()) {
					expect(cell).not.toMatch(/^(?:[\t\r]|\s*[=+\-@])/);
					expect(cell === fields[i] || cell === `'${fields[i]}`).toBe(true);
				}
			}),
		);
	});

	it("neutralizeFormula: exact cells", () => {
		expect(["=1", "+1", "-1", "@1", "\t1", "\r1", "  -1", "\u3000=1"].map(neutralizeFormula)).toEqual(["'=1", "'+1", "'-1", "'@1", "'\t1", "'\r1", "'  -1", "'\u3000=1"]);
		expect(["", "1-1", "a=b", "#tag", "'x", "광고비 = 매출", " 앞 공백"].map(neutralizeFormula)).toEqual(["", "1-1", "a=b", "#tag", "'x", "광고비 = 매출", " 앞 공백"]);
	});

	it("the Anki TSV keeps cards as written (Anki evaluates nothing; a ' would show on the card)", () => {
		const cards = readDelimited(toAnkiTsv({ notes: [FORMULAS] }), "\t", "#");
		expect(cards.map((c) => [c[0], c[1]])).toEqual([
			["=1+1", "-2+3"],
			["=cmd|' /C calc'!A0", "=A1"],
			["=SUM(A1,A2)", "- 첫째, 둘째"],
			["1+1=2?", "a-b, c@d, 'quoted'"],
			["@SUM (+A1, -B2)", "=2*3"],
		]);
	});
});

describe("Anki TSV", () => {
	it("has Anki's file headers and three single-line fields per card", () => {
		const tsv = toAnkiTsv({ notes: [TRICKY] }, { deck: "Conferences" });
		const headers = tsv.split("\n").filter((l) => l.startsWith("#"));
		expect(headers).toEqual(["#separator:tab", "#html:false", "#notetype:Basic", "#deck:Conferences", "#tags column:3"]);
		const cards = readDelimited(tsv, "\t", "#");
		expect(cards).toEqual([
			['Why "eventual", not strong, consistency?', "Latency. Also, cost; and tabs", "conference-qa DevDay,_the_big_one"],
			["#hashtag first", "leading space", "conference-qa DevDay,_the_big_one"],
			["P99 (99th percentile, tail)", 'The "slowest" 1%, roughly', "conference-glossary DevDay,_the_big_one"],
		]);
		// No raw tab or line break inside a field; a field starting with # is quoted so it is not a comment.
		for (const line of tsv.split("\n").filter((l) => l && !l.startsWith("#"))) expect(line.split("\t")).toHaveLength(3);
		expect(tsv).toContain('\n"#hashtag first"\t');
	});

	it("escapes any field so it stays one field on one line", () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 30 }), (value) => {
				const field = ankiField(value);
				expect(field).not.toMatch(/[\t\r\n]/);
				const [record] = readDelimited(`x\t${field}\n`, "\t");
				expect(record).toHaveLength(2);
			}),
		);
	});
});

describe("JSON", () => {
	it("wraps the records in a versioned envelope", () => {
		const terms: TermRecord[] = [{ key: "p99", term: "P99", names: ["P99"], definitions: [] }];
		const parsed = JSON.parse(toJson({ notes: [TRICKY], terms })) as { format: string; version: number; notes: NoteRecord[]; terms: TermRecord[] };
		expect(parsed.format).toBe("conference-qa-glossary");
		expect(parsed.version).toBe(1);
		expect(parsed.notes).toEqual([TRICKY]);
		expect(parsed.terms).toEqual(terms);
	});
});

describe("Markdown digest", () => {
	it("writes talks, Q&A callouts and the glossary, linking back to the note", () => {
		const md = toMarkdownDigest({ notes: [TRICKY] });
		expect(md).toBe(
			[
				'# DevDay, "the big one": Q&A digest',
				"",
				'From [[Notes/Talks|DevDay, "the big one"]]: 2 questions, 1 glossary entry.',
				"",
				"## Scaling, safely — Ana \"Ops\" Lee",
				"",
				'> [!question] Why "eventual", not strong, consistency?',
				"> Latency.",
				"> Also, cost \\#Conference;",
				"> and `#code`",
				"",
				"## Before the first talk",
				"",
				"> [!question] \\#hashtag first",
				"> leading space",
				"",
				"## Glossary",
				"",
				"> P99 (99th percentile, tail)  ",
				'> The "slowest" 1%,  ',
				"> roughly",
				"",
			].join("\n"),
		);
		// The digest is never a conference note itself.
		expect(parseNote(md, "digest.md")).toBeNull();
	});

	it("escapes Markdown and stops tags", () => {
		expect(escapeMarkdown("a*b* [x](y) <b> #t $m$ ==h== %%c%%")).toBe("a\\*b\\* \\[x\\](y) \\<b\\> \\#t \\$m\\$ \\=\\=h\\=\\= \\%\\%c\\%\\%");
		expect(neutralizeTags("#a b #c `#d` ##e (#f) x#g")).toBe("\\#a b \\#c `#d` ##e (\\#f) x#g");
	});
});

describe("file names", () => {
	it("names exports after the note, safely", () => {
		expect(exportBaseName([TRICKY], "md", false)).toBe("DevDay, the big one - Q&A digest");
		expect(exportBaseName([TRICKY], "tsv", false)).toBe("DevDay, the big one - Q&A (Anki)");
		expect(exportBaseName([TRICKY], "csv", true)).toBe("Conference Q&A");
		const titled = (title: string) => exportBaseName([{ ...TRICKY, title }], "csv", false);
		expect(titled("서울 신뢰성 데이 2025 - 플랫폼 트랙 Q&A")).toBe("서울 신뢰성 데이 2025 - 플랫폼 트랙 Q&A");
		expect(titled("Q & A from DevOps Days")).toBe("Q & A from DevOps Days");
		expect(titled("QA guild meetup")).toBe("QA guild meetup - Q&A");
		expect(safeFileName('a/b:c*?"<>|#^[]')).toBe("a b c");
		expect(safeFileName("...")).toBe("Export");
	});

	it("never names a hidden file: no leading dot, even behind spaces; no trailing dot or space", () => {
		const secret = note({ title: ". .secret", path: "Notes/. .secret.md" });
		expect(exportBaseName([secret], "csv", false)).toBe("secret - Q&A");
		expect(exportBaseName([secret], "md", false)).toBe("secret - Q&A digest");
		expect(exportBaseName([note({ title: "", path: "Notes/.hidden.md" })], "csv", false)).toBe("hidden - Q&A");
		expect([". .secret", " . . x", "\t.x", "..\\..\\x", "../../x", "x. ", "x . .", ".", " "].map(safeFileName)).toEqual([
			"secret",
			"x",
			"x",
			"x",
			"x",
			"x",
			"x",
			"Export",
			"Export",
		]);
		fc.assert(
			fc.property(fc.string({ unit: "binary", maxLength: 200 }), (name) => {
				const safe = safeFileName(name);
				expect(safe).not.toMatch(/^[\s.]|[\s.]$|[\\/:*?"<>|#^[\]\p{Cc}]/u);
				expect(Array.from(safe).length).toBeLessThanOrEqual(120);
				expect(safe).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
			}),
		);
	});

	it("hostile titles become plain file names", () => {
		expect(safeFileName(`<img src=x onerror="alert(1)">`)).toBe("img src=x onerror= alert(1)");
		expect(safeFileName(`"><script>alert(1)</script>`)).toBe("script alert(1) script");
		expect(safeFileName("가".repeat(119) + "😀😀")).toBe("가".repeat(119) + "😀");
	});
});

describe("export folder", () => {
	it("keeps folders inside the vault, tidied", () => {
		expect(["", "  ", "/", "Exports", "Exports/", "./Exports", "Exports//Q&A", " 내보내기 / 2025 ", "Exports\\Sub", "a..b/c"].map(checkExportFolder)).toEqual([
			{ ok: true, folder: "" },
			{ ok: true, folder: "" },
			{ ok: true, folder: "" },
			{ ok: true, folder: "Exports" },
			{ ok: true, folder: "Exports" },
			{ ok: true, folder: "Exports" },
			{ ok: true, folder: "Exports/Q&A" },
			{ ok: true, folder: "내보내기/2025" },
			{ ok: true, folder: "Exports/Sub" },
			{ ok: true, folder: "a..b/c" },
		]);
	});

	it("refuses .., absolute paths, hidden folders and bad characters", () => {
		const problems = (raws: string[]) => raws.map((raw) => { const c = checkExportFolder(raw); return c.ok ? c.folder : c.problem; });
		expect(problems(["..", "../Elsewhere", "Exports/../../x", "Exports/..", "a\\..\\b", " .. "])).toEqual(["parent", "parent", "parent", "parent", "parent", "parent"]);
		expect(problems(["/etc", "//server/share", "\\Windows", "C:\\Users", "c:/x", "~/Documents"])).toEqual(["absolute", "absolute", "absolute", "absolute", "absolute", "absolute"]);
		expect(problems([".obsidian", "Exports/.hidden", "...", ".trash/x"])).toEqual(["hidden", "hidden", "hidden", "hidden"]);
		expect(problems(["Ex:ports", "a*b", "a?b", 'a"b', "a<b", "a|b", "a\u0000b"])).toEqual(["character", "character", "character", "character", "character", "character", "character"]);
	});

	it("suggests the vault folder an absolute one most likely means", () => {
		expect(["/Exports/\n", "C:\\Users\\me", "/../x", "~"].map(suggestedExportFolder)).toEqual(["Exports", "Users/me", "Exports", "Exports"]);
	});
});

describe.skipIf(!hasSharedFixtures)("the reference note", () => {
	const text = hasSharedFixtures ? readSharedFixture(REFERENCE_NOTE) : "";
	const record = parseNote(text, "Conferences/toss-makers-conference-25.md") as NoteRecord;
	const input = { notes: [record] };

	it("exports 69 Q&A rows and 19 glossary rows", () => {
		expect(qaRows(input.notes)).toHaveLength(69);
		expect(glossaryRows(input)).toHaveLength(19);
		const result = exportAs(input, "csv");
		expect([result.qaCount, result.glossaryCount]).toEqual([69, 19]);
	});

	it("writes a CSV that reads back to the same questions, answers, terms and definitions", () => {
		const rows = readDelimited(toCsv(input, { bom: true }), ",");
		expect(rows).toHaveLength(1 + 69 + 19);
		const qa = rows.filter((r) => r[0] === "qa");
		const terms = rows.filter((r) => r[0] === "term");
		expect(qa).toHaveLength(69);
		expect(terms).toHaveLength(19);
		expect(qa.map((r) => [r[1], r[2]])).toEqual(record.qa.map((q) => [q.question, q.answer]));
		expect(terms.map((r) => [r[1], r[2], r[3]])).toEqual(record.glossary.map((g) => [g.term, g.definition, g.aliases.join("; ")]));
		expect(qa[0][5]).toBe("토스 PO가 기능이 아닌 흐름을 설계하는 이유");
		// Definitions with commas and quotes survive (eCPM's has both).
		expect(terms[0][2]).toContain('Mille)"의 약자로, 광고를');
	});

	it("writes an Anki TSV with 88 cards, each three single-line fields", () => {
		const tsv = toAnkiTsv(input);
		const cards = readDelimited(tsv, "\t", "#");
		expect(cards).toHaveLength(69 + 19);
		for (const card of cards) {
			expect(card).toHaveLength(3);
			for (const field of card) expect(field).not.toMatch(/[\t\r\n]/);
		}
		expect(cards[69 + 4]).toEqual(["CTR (Click-Through Rate)", "광고가 클릭된 횟수를 광고가 게재된 횟수로 나눈 값", "conference-glossary Toss_Makers_Conference_25_-_Product_Day_Q&A"]);
	});

	it("writes a digest with 69 question callouts and the glossary in the reference style", () => {
		const md = toMarkdownDigest(input);
		expect(md.match(/^> \[!question\] /gm)).toHaveLength(69);
		expect(md).toContain("> CTR (Click-Through Rate)  \n> 광고가 클릭된 횟수를 광고가 게재된 횟수로 나눈 값\n");
		expect(md.match(/^## /gm)).toHaveLength(5 + 1);
		expect(parseNote(md, "digest.md")).toBeNull();
	});

	it("shows no jargon marker in the digest, the CSV or the cards: `CTR*` reads `CTR`", () => {
		const md = toMarkdownDigest(input);
		expect(md).not.toContain("\\*");
		expect(md).toContain("가장 CTR 과 ROAS 가");
		for (const out of [toCsv(input), toAnkiTsv(input)]) expect(out).not.toMatch(/[\p{L}\p{N}]\*/u);
	});

	it("names the files without doubling the title's own Q&A", () => {
		expect(exportBaseName([record], "csv", false)).toBe("Toss Makers Conference 25 - Product Day Q&A");
		expect(exportBaseName([record], "md", false)).toBe("Toss Makers Conference 25 - Product Day Q&A digest");
		expect(exportBaseName([record], "tsv", false)).toBe("Toss Makers Conference 25 - Product Day Q&A (Anki)");
		expect(toMarkdownDigest(input).split("\n")[0]).toBe("# Toss Makers Conference 25 - Product Day Q&A: digest");
	});
});
