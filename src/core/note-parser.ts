/**
 * The parser: one note's text in, its talks, Q&A pairs and glossary entries out.
 *
 * Two passes, CommonMark style: first the blocks and the outline (outline.ts: which heading is the note's
 * title, a grouping, a talk, a structural section such as Q&A or glossary, or a question), then the grammar
 * inside them:
 * - talks come from the outline;
 * - everywhere, a question starts with a marker (`**Q.`, `Q:`, `Q1.`, `질문:`, `_Question: …_`, a `### Q.`
 *   heading, a `- Q.` bullet); its bold may span lines; `Q: … A: …` on one line is a whole pair;
 * - inside a Q&A section every question-like unit starts a question too: a sub-heading, a bold line or
 *   paragraph (`**Does it work offline?**`, or `**…?** answer` on one line), a paragraph line ending in `?`,
 *   or a bullet that ends in `?`, is emphasised, or has child bullets; outside such sections prose with `?` is
 *   never a question;
 * - its answer starts with `A.`/`A `/`A1:`/`답변:` or, with no marker, is the prose after the question, and
 *   runs until the next question, heading, blockquote, rule or code fence; text between a question and an
 *   explicit answer marker belongs to the question; glossary blocks between the two are skipped;
 * - bullet questions take their child bullets and following `- A.` siblings as the answer;
 * - glossary entries are blockquotes (see glossary-parser.ts).
 */
import { readFrontmatter } from "./frontmatter";
import { glossaryFromHeading, glossaryFromQuote, glossaryFromSectionLine } from "./glossary-parser";
import { classifyLines, type MdLine } from "./markdown-lines";
import { removeJargonMarkers, toPlainText } from "./plain-text";
import { buildOutline, type Outline, type OutlineSection } from "./outline";
import { matchAnswerMarker, matchQuestionMarker, QA_SECTION, sectionName, splitInlineAnswer, strongDelimiterCount } from "./qa-markers";
import { cleanTagList, DEFAULT_TAGS, hasTag, inlineTags } from "./tags";
import { splitLines } from "./newline";
import { normalizeNote, noteName } from "./text";
import type { GlossaryEntry, NoteRecord, QaPair, Talk } from "./types";

export interface ParseOptions {
	/** Tags that make a note a conference note (default `Conference`). */
	tags?: readonly string[];
	/** When false, the note is parsed even without a matching tag (glossary sources, the indexer after its own tag check). */
	requireTag?: boolean;
}

/** Parses one note. Returns null when `requireTag` is on (the default) and the note carries none of the tags. */
export function parseNote(text: string, path: string, options: ParseOptions = {}): NoteRecord | null {
	const lines = splitLines(normalizeNote(text));
	const frontmatter = readFrontmatter(lines);
	const md = classifyLines(lines, frontmatter.endLine);
	const tags = cleanTagList([...frontmatter.tags, ...inlineTags(md)]);
	if (options.requireTag !== false && !hasTag(tags, options.tags ?? DEFAULT_TAGS)) return null;
	const title = frontmatter.title ?? firstHeading(md) ?? noteName(path);
	const body = parseBody(md, title, frontmatter.speaker);
	return {
		path,
		title,
		tags,
		talks: body.talks,
		qa: body.qa,
		glossary: body.glossary,
	};
}

/** Line ranges (1-based, inclusive) of the glossary entries of a text, for callers that skip them. */
export function findGlossaryBlocks(text: string): { line: number; endLine: number }[] {
	const lines = splitLines(normalizeNote(text));
	const md = classifyLines(lines, readFrontmatter(lines).endLine);
	const blocks: { line: number; endLine: number }[] = [];
	let last = -1;
	for (const entry of parseBody(md, "").glossary) {
		if (entry.line === last) continue;
		last = entry.line;
		blocks.push({ line: entry.line, endLine: entry.endLine });
	}
	return blocks;
}

function firstHeading(md: readonly MdLine[]): string | null {
	for (const line of md) {
		if (line.kind === "heading" && line.level === 1 && line.content.length > 0) return toPlainText(line.content);
	}
	return null;
}

// ---------------------------------------------------------------------------------------------------------
// Body

interface Body {
	talks: Talk[];
	qa: QaPair[];
	glossary: GlossaryEntry[];
}

/** One answer or question line: its 0-based index and the Markdown to keep (marker removed). */
interface Part {
	index: number;
	text: string;
	/** For plain text: the line's content without block markers. */
	plain: string;
}

/** A question being read in paragraph or heading style. */
interface OpenQuestion {
	start: number;
	question: Part[];
	phase: "question" | "after" | "answer";
	/** Lines after the question that are not yet known to be question or answer. */
	pending: Part[];
	answer: Part[];
	talk: number | null;
}

interface Section {
	kind: "qa" | "glossary";
	level: number;
}

class BodyParser {
	readonly talks: Talk[];
	readonly qa: QaPair[] = [];
	readonly glossary: GlossaryEntry[] = [];
	private talk: number | null;
	private open: OpenQuestion | null = null;
	private section: Section | null = null;
	private nextHeading = 0;

	constructor(
		private readonly md: readonly MdLine[],
		private readonly outline: Outline,
	) {
		this.talks = outline.talks;
		this.talk = outline.rootTalk;
	}

	run(): Body {
		const md = this.md;
		let i = 0;
		while (i < md.length) {
			const line = md[i];
			switch (line.kind) {
				case "frontmatter":
				case "blank":
					this.blank(i);
					i++;
					break;
				case "code":
				case "rule":
					this.close();
					i++;
					break;
				case "heading":
					i = this.heading(i);
					break;
				case "quote":
					i = this.quote(i);
					break;
				case "list":
					i = this.listItem(i);
					break;
				default:
					i = this.text(i);
			}
		}
		this.close();
		this.qa.sort((a, b) => a.line - b.line);
		this.glossary.sort((a, b) => a.line - b.line);
		return { talks: this.talks, qa: this.qa, glossary: this.glossary };
	}

	private blank(i: number): void {
		const open = this.open;
		if (!open || this.md[i].kind === "frontmatter") return;
		if (open.phase === "question") open.phase = "after";
		else if (open.phase === "answer") open.answer.push(part(i, "", ""));
		else if (open.pending.length > 0) open.pending.push(part(i, "", ""));
	}

	private outlineSection(i: number): OutlineSection | null {
		const sections = this.outline.sections;
		while (this.nextHeading < sections.length && sections[this.nextHeading].index < i) this.nextHeading++;
		const section = sections[this.nextHeading];
		return section && section.index === i ? section : null;
	}

	private heading(i: number): number {
		this.close();
		const line = this.md[i];
		const outline = this.outlineSection(i);
		if (!outline) return i + 1;
		this.talk = outline.talk;
		if (this.section && line.level <= this.section.level) this.section = null;
		if (outline.structural === "qa") {
			this.section = { kind: "qa", level: line.level };
			return i + 1;
		}
		if (outline.structural === "glossary") {
			this.section = { kind: "glossary", level: line.level };
			return i + 1;
		}
		if (outline.kind === "question") {
			const marker = matchQuestionMarker(line.content);
			const question = marker ? marker.rest : line.content;
			this.open = newQuestion(i, [part(i, question, question)], "after", this.talk);
			return i + 1;
		}
		if (this.section?.kind === "glossary" && line.level > this.section.level) {
			const { entries, next } = glossaryFromHeading(this.md, i);
			this.glossary.push(...entries);
			return next;
		}
		return i + 1;
	}

	private quote(i: number): number {
		let end = i + 1;
		while (end < this.md.length && this.md[end].kind === "quote" && this.md[end].indent === this.md[i].indent) end++;
		const entries = glossaryFromQuote(this.md, i, end, this.md[i - 1]);
		this.glossary.push(...entries);
		const open = this.open;
		// A blockquote ends an answer; between a question and its answer it is skipped.
		if (open && (open.phase === "answer" || open.pending.length > 0)) this.close();
		else if (open) open.phase = "after";
		return end;
	}

	private listItem(i: number): number {
		const line = this.md[i];
		if (this.section?.kind === "glossary") {
			const { entries, next } = glossaryFromSectionLine(this.md, i);
			if (entries.length > 0) {
				this.glossary.push(...entries);
				return next;
			}
		}
		if (matchQuestionMarker(line.content)) {
			this.close();
			const result = readBulletQuestion(this.md, i, this.talk, this.glossary);
			this.qa.push(...result.pairs);
			return result.next;
		}
		if (this.section?.kind === "qa" && !matchAnswerMarker(line.content)) {
			const children = hasChildren(this.md, i);
			const open = this.open;
			const answered = open !== null && (open.answer.length > 0 || open.pending.length > 0);
			if (asksAsBullet(line.content) || (children && (open === null || answered))) {
				this.close();
				if (children) {
					const pair = readListQuestion(this.md, i, this.talk, this.glossary);
					this.qa.push(...pair.pairs);
					return pair.next;
				}
				this.open = newQuestion(i, [part(i, line.content, line.content)], "after", this.talk);
				return i + 1;
			}
		}
		if (this.open) return this.text(i);
		if (line.content.length <= 40 && hasChildren(this.md, i) && QA_SECTION.test(sectionName(line.content))) {
			const result = readQuestionList(this.md, i, this.talk, this.glossary);
			this.qa.push(...result.pairs);
			return result.next;
		}
		return i + 1;
	}

	private text(i: number): number {
		const line = this.md[i];
		if (this.section?.kind === "glossary" && !this.open && line.kind === "text") {
			const { entries, next } = glossaryFromSectionLine(this.md, i);
			if (entries.length > 0) {
				this.glossary.push(...entries);
				return next;
			}
		}
		if (line.kind === "text" && line.content.charCodeAt(0) === 124 /* | */) {
			const table = readQaTable(this.md, i, this.talk);
			if (table) {
				this.close();
				this.qa.push(...table.pairs);
				return table.next;
			}
		}
		const question = line.kind === "text" ? matchQuestionMarker(line.content) : null;
		if (question) {
			this.close();
			const inline = splitInlineAnswer(question.rest);
			if (inline) {
				const open = newQuestion(i, [part(i, inline.question, inline.question)], "answer", this.talk);
				open.answer.push(part(i, inline.answer, inline.answer));
				this.open = open;
				return i + 1;
			}
			const boldOpen = strongDelimiterCount(line.content) % 2 === 1;
			this.open = newQuestion(i, [part(i, question.rest, question.rest)], boldOpen ? "question" : "after", this.talk);
			return i + 1;
		}
		const inQa = this.section?.kind === "qa";
		if (!this.open && !inQa) return i + 1;
		const answer = matchAnswerMarker(line.content);
		if (!answer && inQa && line.kind === "text" && this.startsUnit(i)) {
			this.close();
			const lead = boldLead(line.content);
			if (lead && lead.rest.length > 0) {
				const open = newQuestion(i, [part(i, lead.question, lead.question)], "answer", this.talk);
				open.answer.push(part(i, lead.rest, lead.rest));
				this.open = open;
				return i + 1;
			}
			const boldOpen = strongDelimiterCount(line.content) % 2 === 1;
			this.open = newQuestion(i, [part(i, line.content, line.content)], boldOpen ? "question" : "after", this.talk);
			return i + 1;
		}
		const open = this.open;
		if (!open) return i + 1;
		if (answer && open.phase !== "answer") {
			// Everything between the question and an explicit answer marker belongs to the question.
			open.question.push(...trimParts(open.pending));
			open.pending = [];
			open.phase = "answer";
			open.answer.push(part(i, markerStripped(line, answer.rest), answer.rest));
			return i + 1;
		}
		if (answer && open.phase === "answer") {
			open.answer.push(part(i, markerStripped(line, answer.rest), answer.rest));
			return i + 1;
		}
		const item = part(i, line.raw.trimEnd(), line.kind === "list" ? line.content : line.raw);
		if (open.phase === "question") {
			open.question.push(item);
			if (strongDelimiterCount(line.content) % 2 === 1) open.phase = "after";
		} else if (open.phase === "after") {
			open.pending.push(item);
		} else {
			open.answer.push(item);
		}
		return i + 1;
	}

	/**
	 * Inside a Q&A section, whether the text line at `i` starts a question: a bold line (or the start of a
	 * bold paragraph, or a bold lead with the answer after it), or a line ending in `?` at the start of a
	 * paragraph or after an answer.
	 */
	private startsUnit(i: number): boolean {
		const line = this.md[i];
		const open = this.open;
		if (open && open.phase === "question") return false;
		if (speakerLabel(line.content)) return false;
		if (boldLead(line.content) || /^(?:\*\*|__)(?!\s)/.test(line.content) && strongDelimiterCount(line.content) % 2 === 1) return true;
		if (!endsWithQuestionMark(line.content)) return false;
		const previous = this.md[i - 1];
		const paragraphStart = !previous || previous.kind !== "text";
		return paragraphStart || (open !== null && (open.answer.length > 0 || open.pending.length > 0));
	}

	/** Ends the open question: keeps it when it has an answer. */
	private close(): void {
		const open = this.open;
		this.open = null;
		if (!open) return;
		const answer = trimParts(open.answer.length > 0 ? open.answer : open.pending);
		const question = trimParts(open.question);
		if (answer.length === 0 || question.length === 0) return;
		const pair = buildPair(question, answer, open.talk);
		if (pair) this.qa.push(pair);
	}
}

function parseBody(md: readonly MdLine[], title: string, speaker: string | null = null): Body {
	return new BodyParser(md, buildOutline(md, title, speaker)).run();
}

/** The end of `text` once trailing characters in `skip` are dropped (a loop: no regular expression over runs). */
function endBefore(text: string, end: number, skip: string): number {
	let at = end;
	while (at > 0 && skip.includes(text[at - 1])) at--;
	return at;
}

const SPACE_OR_BREAK = " \t\\";
const CLOSERS = "*_)]）」』\"'”’";

/** `text` without a trailing hard break (`\\` or spaces). */
function withoutTrailingBreak(text: string): string {
	return text.slice(0, endBefore(text, text.length, SPACE_OR_BREAK));
}

/** A line ending in `?` (emphasis, a hard break or a closing bracket after it allowed). */
function endsWithQuestionMark(content: string): boolean {
	const at = endBefore(content, endBefore(content, content.length, SPACE_OR_BREAK), CLOSERS);
	const c = content.charCodeAt(at - 1);
	return c === 63 /* ? */ || c === 0xff1f /* ？ */;
}

/**
 * A line that starts with who is speaking (`Ana: …`, `**Moderator:** …`, `민수: …`): part of a conversation
 * in an answer, never a new question, even when it asks one.
 */
function speakerLabel(content: string): boolean {
	const m = /^(?:\*\*|__)?([^\s:：*_][^:：*_]{0,30}?)(?:\*\*|__)?\s*[:：](?:\*\*|__)?\s/.exec(content);
	return m !== null && m[1].trim().split(/\s+/).length <= 3 && !/[?？.]/.test(m[1]);
}

/** A bullet that asks: ends in `?`, or is wholly bold or italic (a topic: `- **Pricing for teams**`). */
function asksAsBullet(content: string): boolean {
	if (speakerLabel(content)) return false;
	if (endsWithQuestionMark(content)) return true;
	const t = withoutTrailingBreak(content);
	const last = t[endBefore(t, t.length, "*_") - 1];
	return last !== ":" && last !== "：" && /^(\*\*|__|\*|_)(?!\s)[^*_].*[^\s*_:：]\1$/.test(t);
}

/**
 * A wholly bold line, or a bold lead followed by its answer: `**Does it work offline?**` or
 * `**Does it work offline?** Yes, with a service worker.` A bold speaker label (`**Ana:** …`) is not a lead.
 */
function boldLead(content: string): { question: string; rest: string } | null {
	const t = withoutTrailingBreak(content);
	const m = /^(\*\*|__)(?!\s)(.+?)\1(?![*_])(.*)$/.exec(t);
	if (!m) return null;
	const inner = m[2].trim();
	const rest = m[3].trim();
	if (/[:：]$/.test(inner) || /^[:：]/.test(rest)) return null;
	if (rest.length > 0 && !endsWithQuestionMark(inner)) return null;
	return { question: `${m[1]}${inner}${m[1]}`, rest };
}

function newQuestion(start: number, question: Part[], phase: OpenQuestion["phase"], talk: number | null): OpenQuestion {
	return { start, question, phase, pending: [], answer: [], talk };
}

function part(index: number, text: string, plain: string): Part {
	return { index, text, plain };
}

/** The line's Markdown with its answer marker removed, keeping list indentation. */
function markerStripped(line: MdLine, rest: string): string {
	if (line.kind !== "list") return rest;
	const markerEnd = line.raw.length - line.raw.trimStart().length;
	const marker = /^(?:[-*+]|\d+[.)])\s+/.exec(line.raw.slice(markerEnd));
	return `${line.raw.slice(0, markerEnd)}${marker ? marker[0] : ""}${rest}`;
}

function trimParts(parts: Part[]): Part[] {
	let start = 0;
	let end = parts.length;
	while (start < end && parts[start].text.trim() === "") start++;
	while (end > start && parts[end - 1].text.trim() === "") end--;
	return parts.slice(start, end);
}

function buildPair(question: Part[], answer: Part[], talk: number | null): QaPair | null {
	const questionText = toPlainText(question.map((p) => withoutHardBreak(p.plain)).join("\n"));
	const answerText = toPlainText(answer.map((p) => withoutHardBreak(p.plain)).join("\n"));
	if (questionText.length === 0 || answerText.length === 0) return null;
	return {
		question: questionText,
		answer: answerText,
		line: question[0].index + 1,
		answerLine: answer[0].index + 1,
		endLine: answer[answer.length - 1].index + 1,
		talk,
		questionMarkdown: removeJargonMarkers(dedent(question.map((p) => p.text)).join("\n")),
		answerMarkdown: removeJargonMarkers(dedent(answer.map((p) => p.text)).join("\n")),
	};
}

/** A line's text without its trailing `\` hard break. */
function withoutHardBreak(text: string): string {
	return text.endsWith("\\") ? text.slice(0, -1) : text;
}

/** Removes the indentation common to all non-blank lines. */
function dedent(lines: string[]): string[] {
	let common = Infinity;
	for (const line of lines) {
		if (line.trim() === "") continue;
		const indent = line.length - line.trimStart().length;
		if (indent < common) common = indent;
	}
	if (!Number.isFinite(common) || common === 0) return lines.map((l) => l.trimEnd());
	return lines.map((l) => l.slice(Math.min(common, l.length - l.trimStart().length)).trimEnd());
}

// ---------------------------------------------------------------------------------------------------------
// Q&A tables

const QUESTION_COLUMN = /^(?:q|qs|question|questions|질문|질문\s*내용|청중\s*질문)$/i;
const ANSWER_COLUMN = /^(?:a|as|answer|answers|답|답변|답변\s*내용|발표자\s*답변)$/i;

/** The cells of a table row (`| a | b |`); `\|` does not split. */
function tableCells(content: string): string[] {
	const cells: string[] = [];
	let start = content.charCodeAt(0) === 124 ? 1 : 0;
	for (let k = start; k <= content.length; k++) {
		if (k === content.length || (content.charCodeAt(k) === 124 && content.charCodeAt(k - 1) !== 92)) {
			cells.push(content.slice(start, k).trim().replace(/\\\|/g, "|"));
			start = k + 1;
		}
	}
	if (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
	return cells;
}

/**
 * A table whose header names a question column and an answer column (`| 질문 | 답변 |`, `| Q | A |`): each
 * row is a pair, on its own line. Other tables are not read.
 */
function readQaTable(md: readonly MdLine[], i: number, talk: number | null): ListResult | null {
	const delimiter = md[i + 1];
	if (!delimiter || delimiter.kind !== "text" || !/^\|?\s*:?-{1,}:?\s*(?:\|\s*:?-{1,}:?\s*)+\|?\s*$/.test(delimiter.content)) return null;
	const header = tableCells(md[i].content).map((cell) => sectionName(toPlainText(cell)));
	const q = header.findIndex((cell) => QUESTION_COLUMN.test(cell));
	const a = header.findIndex((cell) => ANSWER_COLUMN.test(cell));
	if (q < 0 || a < 0 || q === a) return null;
	const pairs: QaPair[] = [];
	let k = i + 2;
	while (k < md.length && md[k].kind === "text" && md[k].content.charCodeAt(0) === 124) {
		const cells = tableCells(md[k].content);
		const question = cells[q] ?? "";
		const answer = cells[a] ?? "";
		const pair = question && answer ? buildPair([part(k, question, question)], [part(k, answer, answer)], talk) : null;
		if (pair) pairs.push(pair);
		k++;
	}
	return { pairs, next: k };
}

// ---------------------------------------------------------------------------------------------------------
// Bullet questions

interface ListResult {
	pairs: QaPair[];
	next: number;
}

/** Whether the line at `i` has lines indented below it (looks only as far as the next non-blank line). */
function hasChildren(md: readonly MdLine[], i: number): boolean {
	let j = i + 1;
	while (j < md.length && md[j].kind === "blank") j++;
	const next = md[j];
	return next !== undefined && next.indent > md[i].indent && next.kind !== "heading" && next.kind !== "frontmatter";
}

/** The index after the block of lines indented deeper than `indent`, starting at `from`. */
function childrenEnd(md: readonly MdLine[], from: number, indent: number): number {
	let end = from;
	let j = from;
	while (j < md.length) {
		const line = md[j];
		if (line.kind === "blank") {
			j++;
			continue;
		}
		if (line.indent <= indent || line.kind === "heading" || line.kind === "frontmatter") break;
		j++;
		end = j;
	}
	return end;
}

/**
 * Reads the lines [from, to) below a bullet as an answer: nested question bullets become pairs of their
 * own, indented glossary blockquotes become entries, everything else is answer text.
 */
function readAnswerBlock(
	md: readonly MdLine[],
	from: number,
	to: number,
	talk: number | null,
	glossary: GlossaryEntry[],
	pairs: QaPair[],
): Part[] {
	const answer: Part[] = [];
	let k = from;
	while (k < to) {
		const line = md[k];
		if (line.kind === "list" && matchQuestionMarker(line.content)) {
			const nested = readBulletQuestion(md, k, talk, glossary);
			if (nested.pairs.length > 0) {
				pairs.push(...nested.pairs);
				k = Math.min(nested.next, to);
				continue;
			}
		}
		if (line.kind === "quote") {
			let end = k + 1;
			while (end < to && md[end].kind === "quote") end++;
			const entries = glossaryFromQuote(md, k, end, md[k - 1]);
			if (entries.length > 0) {
				glossary.push(...entries);
				k = end;
				continue;
			}
		}
		const plain = line.kind === "list" || line.kind === "quote" ? line.content : line.raw.trim();
		answer.push(part(k, line.kind === "blank" ? "" : line.raw.trimEnd(), plain));
		k++;
	}
	return answer;
}

/** `- Q. …` with `- A. …` siblings and/or child bullets as the answer. */
function readBulletQuestion(md: readonly MdLine[], i: number, talk: number | null, glossary: GlossaryEntry[]): ListResult {
	const item = md[i];
	const marker = matchQuestionMarker(item.content);
	const rest = marker ? marker.rest : item.content;
	const inline = splitInlineAnswer(rest);
	const question: Part[] = [part(i, inline ? inline.question : rest, inline ? inline.question : rest)];
	let j = i + 1;
	// Lazy continuation lines of the question text.
	while (j < md.length && md[j].kind === "text" && md[j].indent > item.indent) {
		question.push(part(j, md[j].content, md[j].content));
		j++;
	}
	const pairs: QaPair[] = [];
	const childEnd = childrenEnd(md, j, item.indent);
	const answer = readAnswerBlock(md, j, childEnd, talk, glossary, pairs);
	stripFirstAnswerMarker(answer, md);
	if (inline) answer.unshift(part(i, inline.answer, inline.answer));
	let next = childEnd;
	// `- A.` siblings (several in a row make one answer).
	for (;;) {
		let k = next;
		while (k < md.length && md[k].kind === "blank") k++;
		const sibling = md[k];
		if (!sibling || sibling.kind !== "list" || Math.abs(sibling.indent - item.indent) > 1) break;
		const a = matchAnswerMarker(sibling.content);
		if (!a) break;
		answer.push(part(k, markerStripped(sibling, a.rest), a.rest));
		const end = childrenEnd(md, k + 1, sibling.indent);
		answer.push(...readAnswerBlock(md, k + 1, end, talk, glossary, pairs));
		next = end;
	}
	const trimmed = trimParts(answer);
	if (trimmed.length > 0) {
		const pair = buildPair(question, trimmed, talk);
		if (pair) pairs.unshift(pair);
	}
	return { pairs, next };
}

function stripFirstAnswerMarker(answer: Part[], md: readonly MdLine[]): void {
	const first = answer.findIndex((p) => p.text.trim() !== "");
	if (first < 0) return;
	const line = md[answer[first].index];
	const content = line.kind === "list" || line.kind === "quote" ? line.content : line.raw.trim();
	const a = matchAnswerMarker(content);
	if (a) answer[first] = part(answer[first].index, markerStripped(line, a.rest), a.rest);
}

/** A bullet whose text is a question (inside a Q&A section) and whose children answer it. */
function readListQuestion(md: readonly MdLine[], i: number, talk: number | null, glossary: GlossaryEntry[]): ListResult {
	const item = md[i];
	const pairs: QaPair[] = [];
	const end = childrenEnd(md, i + 1, item.indent);
	const answer = trimParts(readAnswerBlock(md, i + 1, end, talk, glossary, pairs));
	if (answer.length > 0) {
		const pair = buildPair([part(i, item.content, item.content)], answer, talk);
		if (pair) pairs.unshift(pair);
	}
	return { pairs, next: end };
}

/** `* Questions` with one child bullet per question (containing `?`) and the answers below each. */
function readQuestionList(md: readonly MdLine[], i: number, talk: number | null, glossary: GlossaryEntry[]): ListResult {
	const end = childrenEnd(md, i + 1, md[i].indent);
	let base = Infinity;
	for (let k = i + 1; k < end; k++) if (md[k].kind === "list" && md[k].indent < base) base = md[k].indent;
	const pairs: QaPair[] = [];
	let k = i + 1;
	while (k < end) {
		const line = md[k];
		if (line.kind === "list" && line.indent === base) {
			if (matchQuestionMarker(line.content)) {
				const result = readBulletQuestion(md, k, talk, glossary);
				pairs.push(...result.pairs);
				k = Math.max(result.next, k + 1);
				continue;
			}
			if (line.content.includes("?")) {
				const result = readListQuestion(md, k, talk, glossary);
				pairs.push(...result.pairs);
				k = Math.max(result.next, k + 1);
				continue;
			}
		}
		k++;
	}
	return { pairs, next: end };
}
