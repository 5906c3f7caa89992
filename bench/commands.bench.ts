/**
 * The commands' hot paths, on deterministic synthetic input.
 *
 * - term_picker_keystroke_ms: the "Insert term definition" picker filtering 5,000 terms (each with an
 *   alias) for one keystroke, median over a typing sequence in Korean and English (`ㅋ`, `컴`, `컴플`,
 *   `ㅋㅍㄹ`, `c`, `ct`, `ctr`, `click`, `리스크 컴`). Target < 16 ms (one frame).
 * - insert_place_ms_5mb: what one insertion costs before the editor transaction on a 5 MiB note with
 *   17,000 Q&A and glossary entries, besides parsing it: read the glossary style, find the insertion line,
 *   plan the text. Median. Target < 50 ms.
 * - insert_parse_ms_5mb: the local parse the command runs per insertion on that note (`localContext`: the
 *   section around the cursor and the glossary sections, not the whole note). Median. Target < 16 ms.
 * - export_mb_per_s: CSV + Anki TSV + digest of that note's records, one after the other. A one-off
 *   command, so the target is an export of a 5 MiB note in half a second: ≥ 10.
 */
import { exportAs } from "../src/core/export";
import { fuzzyFilter, prepareTarget } from "../src/core/fuzzy";
import { detectGlossaryStyle, formatGlossaryEntry } from "../src/core/glossary-format";
import { insertionLine, localContext, planBlockInsertion, textLines } from "../src/core/insertion";
import { parseNote } from "../src/core/note-parser";
import { bestOf, figure, medianOf, seededRandom, utf8Bytes, type Benchmark } from "./harness";
import { makeTerms } from "./match.bench";

const MIB = 1024 * 1024;

/** A conference note of about `bytes`: talks, Q&A with marked jargon, glossary blocks with hard breaks. */
function makeNote(bytes: number, terms: readonly string[]): string {
	const random = seededRandom(7);
	const parts = ["---", "tags: [Conference]", "---", ""];
	let size = 0;
	let talk = 0;
	while (size < bytes) {
		const block: string[] = [];
		if (talk % 12 === 0) block.push(`## 발표 ${talk / 12} - 연사 ${talk}`, "");
		const term = terms[Math.floor(random() * terms.length)];
		block.push(`**Q. ${term}* 는 어떻게 측정하나요? 지표와 실험 주기가 궁금합니다.**  `);
		block.push(`A. 매주 ${term} 를 대시보드로 봅니다.  `, "실험은 2주 단위로 돌리고, 결과는 팀 전체에 공유합니다.", "");
		block.push(`> ${term} (Term ${talk})  `, `> ${term} 의 정의: 노출 대비 반응을 측정하는 지표`, "");
		const text = block.join("\n") + "\n";
		parts.push(text);
		size += utf8Bytes(text);
		talk++;
	}
	return parts.join("\n");
}

const bench: Benchmark = async (log) => {
	const random = seededRandom(42);
	const terms = makeTerms(random);
	const candidates = terms.map((term, i) => ({ term, targets: [prepareTarget(term), prepareTarget(`Alias ${i} of ${term}`)] }));
	const queries = ["ㅋ", "컴", "컴플", "ㅋㅍㄹ", "c", "ct", "ctr", "click", "리스크 컴"];
	let q = 0;
	const keystroke = medianOf(() => fuzzyFilter(candidates, queries[q++ % queries.length], (c) => c.targets), 90);
	figure(log, "term picker: one keystroke over 5,000 terms", keystroke, "ms", "< 16");

	const note = makeNote(5 * MIB, terms.slice(0, 500));
	const cursor = Math.floor(note.length / 2);
	const record = parseNote(note, "bench.md");
	if (!record) throw new Error("bench note did not parse");
	// What the insert command parses per insertion: the section around the cursor and the glossary sections.
	const noteLines = textLines(note);
	const parse = medianOf(() => localContext(note, cursor, noteLines), 9);
	const place = medianOf(() => {
		const lines = textLines(note);
		const style = detectGlossaryStyle(note, record.glossary, lines);
		const entry = formatGlossaryEntry({ term: "CTR", aliases: ["Click-Through Rate"], definition: "클릭 수 / 노출 수" }, style);
		return planBlockInsertion(note, insertionLine(note, cursor, { pairs: record.qa, glossary: record.glossary }, lines), entry.lines, entry.cursor, lines);
	}, 9);
	figure(log, "insert: style + place + plan on a 5 MiB note", place, "ms", "< 50");
	figure(log, "insert_parse_ms_5mb: local parse around the cursor", parse, "ms", "< 16");
	const exportMs = bestOf(() => {
		exportAs({ notes: [record] }, "csv");
		exportAs({ notes: [record] }, "tsv");
		exportAs({ notes: [record] }, "md");
	});
	const mbPerS = utf8Bytes(note) / MIB / (exportMs / 1000);
	figure(log, "export: CSV + TSV + digest of a 5 MiB note", mbPerS, "MB/s", "≥ 10");

	return { term_picker_keystroke_ms: keystroke, insert_place_ms_5mb: place, insert_parse_ms_5mb: parse, export_mb_per_s: mbPerS };
};

export default bench;
