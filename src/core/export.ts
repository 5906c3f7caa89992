/**
 * Exports of the Q&A and glossary: a Markdown digest note, CSV (RFC 4180), JSON, and a TSV that Anki
 * imports as Basic cards (question → answer, term → definition). Pure: records in, text out.
 */
import { formatGlossaryEntry, formatTermLine, REFERENCE_STYLE } from "./glossary-format";
import type { NoteRecord, TermDefinition, TermRecord } from "./types";
import { noteName } from "./text";

export type ExportFormat = "md" | "csv" | "json" | "tsv";

export interface ExportFormatInfo {
	format: ExportFormat;
	/** Sentence-case label for pickers. */
	label: string;
	extension: string;
}

export const EXPORT_FORMATS: readonly ExportFormatInfo[] = [
	{ format: "md", label: "Markdown digest note", extension: "md" },
	{ format: "csv", label: "CSV spreadsheet", extension: "csv" },
	{ format: "json", label: "JSON", extension: "json" },
	{ format: "tsv", label: "Anki flashcards (TSV)", extension: "tsv" },
];

export function isExportFormat(value: string): value is ExportFormat {
	return EXPORT_FORMATS.some((f) => f.format === value);
}

export interface ExportInput {
	notes: readonly NoteRecord[];
	/**
	 * The vault glossary. When given, glossary rows come from these records (one per definition, extra
	 * glossary sources included); otherwise from the notes' own entries.
	 */
	terms?: readonly TermRecord[];
}

export interface QaRow {
	note: string;
	path: string;
	talk: string;
	speaker: string;
	line: number;
	question: string;
	answer: string;
	questionMarkdown: string;
	answerMarkdown: string;
}

/** A definition with the title of the note it comes from. */
export interface GlossaryRow extends TermDefinition {
	/** Title of the note the definition comes from (its file name when it is not an exported note). */
	note: string;
}

/** Every Q&A pair, note by note, in note order. */
export function qaRows(notes: readonly NoteRecord[]): QaRow[] {
	const rows: QaRow[] = [];
	for (const note of notes) {
		for (const qa of note.qa) {
			const talk = qa.talk === null ? undefined : note.talks[qa.talk];
			rows.push({
				note: note.title,
				path: note.path,
				talk: talk?.title ?? "",
				speaker: talk?.speaker ?? "",
				line: qa.line,
				question: qa.question,
				answer: qa.answer,
				questionMarkdown: qa.questionMarkdown,
				answerMarkdown: qa.answerMarkdown,
			});
		}
	}
	return rows;
}

/** Every glossary definition: from the term records when given, else from the notes. */
export function glossaryRows(input: ExportInput): GlossaryRow[] {
	const titles = new Map(input.notes.map((n) => [n.path, n.title]));
	if (input.terms) {
		const rows: GlossaryRow[] = [];
		for (const record of input.terms) {
			for (const d of record.definitions) {
				rows.push({
					note: titles.get(d.path) ?? noteName(d.path),
					path: d.path,
					term: d.term,
					aliases: [...d.aliases],
					definition: d.definition,
					definitionMarkdown: d.definitionMarkdown,
					line: d.line,
				});
			}
		}
		return rows;
	}
	return input.notes.flatMap((note) =>
		note.glossary.map((g) => ({
			note: note.title,
			path: note.path,
			term: g.term,
			aliases: [...g.aliases],
			definition: g.definition,
			definitionMarkdown: g.definitionMarkdown,
			line: g.line,
		})),
	);
}

// ---------------------------------------------------------------------------------------------------------
// CSV

/** One CSV field per RFC 4180: quoted when it holds a comma, quote, CR or LF (or edge spaces); quotes doubled. */
export function csvField(value: string | number): string {
	const text = String(value);
	if (/[",\r\n]/.test(text) || /^\s|\s$/.test(text)) return `"${text.replace(/"/g, '""')}"`;
	return text;
}

export function csvRow(fields: readonly (string | number)[]): string {
	return fields.map(csvField).join(",");
}

/**
 * A cell a spreadsheet would read as a formula: it starts with `=`, `+`, `-` or `@` (also after leading
 * white space, which some importers trim), or with a tab or carriage return (OWASP's CSV injection list).
 * Quoting does not stop Excel, Sheets or Calc from evaluating such a cell.
 */
const FORMULA_START = /^(?:[\t\r]|\s*[=+\-@])/;

/**
 * OWASP's rule against CSV injection: a text cell that would start a formula gets a leading `'`, so the
 * spreadsheet shows it as text (`'=1+1`, `'- item`); every other cell is left exactly as it is.
 */
export function neutralizeFormula(text: string): string {
	return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A CSV row for spreadsheets: text cells neutralised (`neutralizeFormula`), then quoted per RFC 4180. */
export function spreadsheetRow(fields: readonly (string | number)[]): string {
	return csvRow(fields.map((field) => (typeof field === "string" ? neutralizeFormula(field) : field)));
}

export const CSV_COLUMNS = ["type", "front", "back", "aliases", "note", "talk", "speaker", "path", "line"] as const;

export interface CsvOptions {
	/** Start with a UTF-8 byte-order mark, so spreadsheet apps read Korean text as UTF-8. */
	bom?: boolean;
}

/**
 * One table for both kinds: `type` is `qa` (front = question, back = answer) or `term` (front = term,
 * back = definition, aliases joined by `; `). CRLF line ends, as RFC 4180 asks. Every text cell that a
 * spreadsheet would run as a formula starts with `'` (see `neutralizeFormula`).
 */
export function toCsv(input: ExportInput, options: CsvOptions = {}): string {
	const lines = [csvRow(CSV_COLUMNS)];
	for (const r of qaRows(input.notes)) lines.push(spreadsheetRow(["qa", r.question, r.answer, "", r.note, r.talk, r.speaker, r.path, r.line]));
	for (const g of glossaryRows(input)) lines.push(spreadsheetRow(["term", g.term, g.definition, g.aliases.join("; "), g.note, "", "", g.path, g.line]));
	return `${options.bom ? "\uFEFF" : ""}${lines.join("\r\n")}\r\n`;
}

// ---------------------------------------------------------------------------------------------------------
// Anki TSV

/**
 * A field of Anki's plain-text import with `#html:false`: one line, no tabs (Anki's own plain-text export
 * does the same: tabs and line breaks become spaces), and quoted like CSV when it holds a `"` or starts
 * with `#` (a record starting with `#` would read as a comment).
 */
export function ankiField(value: string): string {
	const text = value.replace(/\r\n|[\t\r\n\u2028\u2029]/g, " ").replace(/ {2,}/g, " ").trim();
	if (text.includes('"') || text.startsWith("#")) return `"${text.replace(/"/g, '""')}"`;
	return text;
}

/** An Anki tag: no spaces (they separate tags), no quotes. */
export function ankiTag(value: string): string {
	return value
		.normalize("NFC")
		.replace(/["\s]+/g, "_")
		.replace(/^_+|_+$/g, "");
}

export interface AnkiOptions {
	/** Deck for the cards (`#deck:`); Anki uses the current deck when absent or unknown. */
	deck?: string;
	/** Note type (`#notetype:`), default `Basic` (Front/Back fields). */
	notetype?: string;
}

/**
 * Cells are not neutralised against formulas as in the CSV: the file is Anki's import format (its `#`
 * header lines make it a poor spreadsheet), Anki shows every field as plain text and evaluates nothing,
 * and a `'` would show on each card whose answer starts with `- ` or `=`.
 *
 * Anki's text import with file headers: tab-separated, HTML off (Anki escapes `<`, `&` itself), three
 * columns by position: front, back, tags. Q&A cards first (question → answer), then term cards (term (aliases) → definition).
 * Tags: `conference-qa` or `conference-glossary`, plus the note title.
 */
export function toAnkiTsv(input: ExportInput, options: AnkiOptions = {}): string {
	const lines = ["#separator:tab", "#html:false", `#notetype:${options.notetype ?? "Basic"}`];
	if (options.deck) lines.push(`#deck:${options.deck.replace(/[\r\n]/g, " ")}`);
	// No `#columns:` line: Anki maps named columns only onto fields of those names, which a localised Basic
	// note type ("앞면"/"뒷면") lacks; by position, column 1 → first field, 2 → second, 3 → tags.
	lines.push("#tags column:3");
	for (const r of qaRows(input.notes)) {
		lines.push([ankiField(r.question), ankiField(r.answer), ankiField(["conference-qa", ankiTag(r.note)].filter(Boolean).join(" "))].join("\t"));
	}
	for (const g of glossaryRows(input)) {
		lines.push([ankiField(formatTermLine(g.term, g.aliases)), ankiField(g.definition), ankiField(["conference-glossary", ankiTag(g.note)].filter(Boolean).join(" "))].join("\t"));
	}
	return `${lines.join("\n")}\n`;
}

// ---------------------------------------------------------------------------------------------------------
// JSON

export const JSON_FORMAT_ID = "conference-qa-glossary";

/** The records as they are, under a small envelope that names the format and its version. */
export function toJson(input: ExportInput): string {
	const body: Record<string, unknown> = { format: JSON_FORMAT_ID, version: 1, notes: input.notes };
	if (input.terms) body.terms = input.terms;
	return `${JSON.stringify(body, null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------------------
// Markdown digest

/** Escapes text so Markdown shows it as written: no emphasis, links, tags, HTML, math or comments. */
export function escapeMarkdown(text: string): string {
	return text.replace(/[\\`*_[\]<>#|~$=%^]/g, "\\$&");
}

/**
 * Keeps the note's own Markdown but stops inline `#tags` (outside code) from tagging the digest, so a digest
 * never becomes a conference note itself.
 */
export function neutralizeTags(markdown: string): string {
	return markdown
		.split(/(`+[^`]*?`+)/)
		.map((part, i) => (i % 2 === 1 ? part : part.replace(/(^|[\s(])#(?=[^\s#\\])/gm, "$1\\#")))
		.join("");
}

/**
 * `[[path|title]]`. The label loses `|` and `]` (they would end it) and shows `<` `>` as `‹` `›`, so a
 * title such as `<img onerror=…>` can never be read as HTML, whatever a Markdown renderer makes of labels.
 */
function wikiLink(path: string, title: string): string {
	const target = path.replace(/\.md$/i, "").replace(/[|\]]/g, " ");
	const label = title.replace(/[|\]]/g, " ").replace(/\r\n|\r|\n/g, " ").replace(/</g, "‹").replace(/>/g, "›");
	return `[[${target}|${label}]]`;
}

function quoteBody(markdown: string): string[] {
	const lines = neutralizeTags(markdown)
		.split(/\r\n|\r|\n/)
		.map((l) => l.replace(/\s+$/, (m) => (m.length >= 2 ? "  " : "")));
	while (lines.length > 0 && lines[lines.length - 1].trim() === "") lines.pop();
	while (lines.length > 0 && lines[0].trim() === "") lines.shift();
	// Drop the indentation every line shares, keep the rest (nested lists).
	const indents = lines.filter((l) => l.trim() !== "").map((l) => /^[ \t]*/.exec(l)?.[0].length ?? 0);
	const common = indents.reduce((min, n) => Math.min(min, n), indents.length > 0 ? Infinity : 0);
	return lines.map((l) => (l.trim() === "" ? ">" : `> ${l.slice(common)}`));
}

function qaCallout(row: QaRow, labels: DigestLabels): string[] {
	const title = escapeMarkdown(row.question.replace(/\s+/g, " ").trim()) || labels.noQuestionText;
	const body = quoteBody(row.answerMarkdown.trim() ? row.answerMarkdown : row.answer);
	return [`> [!question] ${title}`, ...(body.length > 0 ? body : [`> ${labels.noAnswer}`])];
}

function talkHeading(talk: string, speaker: string, labels: DigestLabels): string {
	const title = talk ? escapeMarkdown(talk) : labels.untitledTalk;
	return speaker ? `${title} — ${escapeMarkdown(speaker)}` : title;
}

function noteSection(note: NoteRecord, level: number, labels: DigestLabels): string[] {
	const out: string[] = [];
	const h = "#".repeat(level);
	const rows = qaRows([note]);
	let currentTalk: number | null | undefined = undefined;
	note.qa.forEach((qa, i) => {
		if (qa.talk !== currentTalk) {
			currentTalk = qa.talk;
			const talk = qa.talk === null ? null : note.talks[qa.talk];
			out.push("", `${h} ${talk ? talkHeading(talk.title, talk.speaker ?? "", labels) : labels.beforeFirstTalk}`);
		}
		out.push("", ...qaCallout(rows[i], labels));
	});
	return out;
}

function glossarySection(rows: readonly GlossaryRow[], level: number, showSources: boolean, labels: DigestLabels): string[] {
	if (rows.length === 0) return [];
	const out = ["", `${"#".repeat(level)} ${labels.glossary}`];
	const seen = new Set<string>();
	for (const g of rows) {
		// `SMB, SME (…)` gives two entries with one definition; show each definition once per term.
		const key = `${g.term}\u0000${g.definition}`;
		if (seen.has(key)) continue;
		seen.add(key);
		const entry = formatGlossaryEntry(
			{ term: escapeMarkdown(g.term), aliases: g.aliases.map(escapeMarkdown), definition: neutralizeTags(g.definitionMarkdown || g.definition) },
			REFERENCE_STYLE,
		);
		out.push("", ...entry.lines);
		if (showSources) out.push("", labels.source(wikiLink(g.path, g.note)));
	}
	return out;
}

function plural(n: number, one: string, many: string): string {
	return `${n} ${n === 1 ? one : many}`;
}

/**
 * The digest's own words (headings, summaries), given by the caller in the user's language; the core
 * keeps only this English default. Values arrive Markdown-escaped (`link` is a ready wikilink).
 */
export interface DigestLabels {
	/** `saysQa`: the title already says Q&A (`… Q&A`), so the heading does not repeat it. */
	noteTitle(title: string, saysQa: boolean): string;
	noteSummary(link: string, questions: number, entries: number): string;
	allTitle: string;
	allSummary(notes: number, questions: number, entries: number): string;
	from(link: string): string;
	beforeFirstTalk: string;
	untitledTalk: string;
	glossary: string;
	source(link: string): string;
	noQuestionText: string;
	noAnswer: string;
}

export const DEFAULT_DIGEST_LABELS: DigestLabels = {
	noteTitle: (title, saysQa) => `${title}: ${saysQa ? "digest" : "Q&A digest"}`,
	noteSummary: (link, questions, entries) => `From ${link}: ${plural(questions, "question", "questions")}, ${plural(entries, "glossary entry", "glossary entries")}.`,
	allTitle: "Conference Q&A digest",
	allSummary: (notes, questions, entries) => `${plural(notes, "note", "notes")}, ${plural(questions, "question", "questions")}, ${plural(entries, "glossary entry", "glossary entries")}.`,
	from: (link) => `From ${link}.`,
	beforeFirstTalk: "Before the first talk",
	untitledTalk: "Untitled talk",
	glossary: "Glossary",
	source: (link) => `Source: ${link}`,
	noQuestionText: "(no question text)",
	noAnswer: "(no answer)",
};

export interface DigestOptions {
	/** Heading of an all-notes digest (default: the labels' `allTitle`). */
	title?: string;
	/** The digest's words in the user's language (default English). */
	labels?: DigestLabels;
}

/**
 * A digest note: Q&A as foldable `[!question]` callouts grouped by talk, then the glossary in the reference
 * style, with links back to the source notes. One note: its title and talks; several: a section per note
 * and one glossary with sources. The digest carries no tags, so it is never indexed as a conference note.
 */
export function toMarkdownDigest(input: ExportInput, options: DigestOptions = {}): string {
	const glossary = glossaryRows(input);
	const qaCount = input.notes.reduce((n, note) => n + note.qa.length, 0);
	const labels = options.labels ?? DEFAULT_DIGEST_LABELS;
	const out: string[] = [];
	if (input.notes.length === 1 && !input.terms) {
		const note = input.notes[0];
		out.push(`# ${labels.noteTitle(escapeMarkdown(note.title), saysQa(note.title))}`, "", labels.noteSummary(wikiLink(note.path, note.title), qaCount, glossary.length));
		out.push(...noteSection(note, 2, labels));
		out.push(...glossarySection(glossary, 2, false, labels));
	} else {
		out.push(`# ${options.title !== undefined ? escapeMarkdown(options.title) : labels.allTitle}`, "", labels.allSummary(input.notes.length, qaCount, glossary.length));
		for (const note of input.notes) {
			out.push("", `## ${escapeMarkdown(note.title)}`, "", labels.from(wikiLink(note.path, note.title)));
			out.push(...noteSection(note, 3, labels));
		}
		out.push(...glossarySection(glossary, 2, true, labels));
	}
	return `${out.join("\n")}\n`;
}

// ---------------------------------------------------------------------------------------------------------

export interface ExportResult {
	text: string;
	extension: string;
	qaCount: number;
	glossaryCount: number;
}

/** Renders `input` in `format`. */
export function exportAs(input: ExportInput, format: ExportFormat, options: CsvOptions & AnkiOptions & DigestOptions = {}): ExportResult {
	const qaCount = input.notes.reduce((n, note) => n + note.qa.length, 0);
	const glossaryCount = glossaryRows(input).length;
	const extension = EXPORT_FORMATS.find((f) => f.format === format)?.extension ?? format;
	let text: string;
	switch (format) {
		case "md":
			text = toMarkdownDigest(input, options);
			break;
		case "csv":
			text = toCsv(input, options);
			break;
		case "json":
			text = toJson(input);
			break;
		case "tsv":
			text = toAnkiTsv(input, options);
			break;
	}
	return { text, extension, qaCount, glossaryCount };
}

/** Longest export base name, in characters (code points: a cut never splits a surrogate pair). */
const MAX_NAME_CHARS = 120;

/**
 * A file name Obsidian accepts on every platform: no `\ / : * ? " < > | # ^ [ ]` or control characters,
 * and never hidden: no leading dot, even behind spaces (`. .secret` gives `secret`), no trailing dot or
 * space (Windows drops them).
 */
export function safeFileName(name: string): string {
	const cleaned = name
		.normalize("NFC")
		.replace(/[\\/:*?"<>|#^[\]\p{Cc}]+/gu, " ")
		.replace(/\s+/g, " ")
		.replace(/^[\s.]+|[\s.]+$/g, "");
	const cut = Array.from(cleaned).slice(0, MAX_NAME_CHARS).join("").replace(/[\s.]+$/, "");
	return cut || "Export";
}

/** Why an export folder setting was refused. */
export type ExportFolderProblem = "absolute" | "parent" | "hidden" | "character";

export type ExportFolderCheck = { ok: true; folder: string } | { ok: false; problem: ExportFolderProblem };

/**
 * The export folder setting as a vault path, or why it is refused. The folder must stay inside the vault:
 * no absolute path (`/x`, `\x`, `C:\x`, `~/x`), no `..` segment, no hidden segment (`.obsidian`, `.x`:
 * Obsidian does not show them), no character a file name cannot hold. Empty (or `/`, Obsidian's name
 * of the vault root) means the root; `.` segments and repeated or trailing slashes are dropped.
 */
export function checkExportFolder(raw: string): ExportFolderCheck {
	const text = raw.normalize("NFC").trim();
	// Empty, or Obsidian's own name of the vault root.
	if (/^\/*$/.test(text)) return { ok: true, folder: "" };
	if (/^[/\\~]/.test(text) || /^[A-Za-z]:/.test(text)) return { ok: false, problem: "absolute" };
	const segments = text.split(/[/\\]+/).map((s) => s.trim()).filter((s) => s !== "" && s !== ".");
	if (segments.some((s) => s === "..")) return { ok: false, problem: "parent" };
	if (segments.some((s) => s.startsWith("."))) return { ok: false, problem: "hidden" };
	if (segments.some((s) => /[:*?"<>|\p{Cc}]/u.test(s))) return { ok: false, problem: "character" };
	return { ok: true, folder: segments.join("/") };
}

/** The folder to suggest instead of a refused absolute one: `/Exports` most likely means the vault's Exports. */
export function suggestedExportFolder(raw: string): string {
	const relative = checkExportFolder(raw.trim().replace(/^(?:[A-Za-z]:)?[/\\~]+/, ""));
	return relative.ok && relative.folder !== "" ? relative.folder : "Exports";
}

/** True when a title already says Q&A (`… 플랫폼 트랙 Q&A`, `Q & A night`), so names add it no second time. */
export function saysQa(title: string): boolean {
	return /(^|[^\p{L}\p{N}])Q\s*&\s*A(?![\p{L}\p{N}])/iu.test(title);
}

/** Base name (no extension) of an export: the note's title (with "Q&A" unless it says so), or the all-notes name. */
export function exportBaseName(notes: readonly NoteRecord[], format: ExportFormat, allNotes: boolean): string {
	const subject = allNotes || notes.length !== 1 ? "Conference Q&A" : notes[0].title || noteName(notes[0].path);
	const suffix = format === "md" ? " digest" : format === "tsv" ? " (Anki)" : "";
	const base = allNotes || notes.length !== 1 || saysQa(subject) ? `${subject}${suffix}` : `${subject} - Q&A${suffix}`;
	return safeFileName(base);
}
