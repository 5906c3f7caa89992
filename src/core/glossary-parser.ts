/**
 * Glossary entries: a blockquote whose first line is a term and whose next lines define it, a callout
 * (`> [!definition] Term`), or `- **term**: definition` / `term :: definition` lines and `### Term`
 * headings in a `## Glossary` / `## 용어` section. Quotations, captions and one-line quotes are not entries.
 * A blockquote must look like a definition: a term-like first line (not a remark such as `직접 듣지는 못함` or
 * `I missed this one`) and a definition that is more than a link, a credit or a source.
 */
import type { MdLine } from "./markdown-lines";
import { removeJargonMarkers, removeAsteriskMarkup, toPlainText } from "./plain-text";
import type { GlossaryEntry } from "./types";

export interface TermLine {
	/** One name per entry (`SMB, SME (…)` gives two). */
	names: string[];
	/** Aliases for each name, parallel to `names`. */
	aliases: string[][];
}

const MAX_TERM_CHARS = 40;
const MAX_TERM_WORDS = 6;
const MAX_LINE_CHARS = 160;

/** Headings that open a glossary section. */
export const GLOSSARY_SECTION = /^(?:glossary|terms|terminology|definitions|용어|용어\s*정리|용어집|용어\s*설명|용어\s*사전|단어\s*정리)$/i;

/** Callout types that hold definitions by their type: the reading view and the editor leave them alone whole. */
export const DEFINITION_CALLOUTS: readonly string[] = Object.freeze(["definition", "define", "glossary", "term", "terms", "abbr", "abbreviation", "용어"]);

/** General callout types read as a definition only when their title (or first line) reads as a term. */
export const TERM_TITLED_CALLOUTS: readonly string[] = Object.freeze(["note", "info"]);

const CALLOUTS_READ = new Set([...DEFINITION_CALLOUTS, ...TERM_TITLED_CALLOUTS]);

/**
 * Reads a term line such as `CTR (Click-Through Rate)`, `MVP(Minimum Viable Product)` or
 * `SMB, SME (Small and Medium Business, Small and Medium Enterprise)`. Returns null for text that reads
 * as a sentence, a quotation, a list item, a link or an image.
 */
export function parseTermLine(line: string): TermLine | null {
	let text = line.replace(/\\$/, "").trim();
	if (text.length === 0 || text.length > MAX_LINE_CHARS) return null;
	text = unwrapStrong(text).replace(/\s*[:：]$/, "").trim();
	if (text.length === 0) return null;
	if (/^(?:[-+*>#|!`"'“‘「『(（—–―~]|\d+[.)]\s|\[!)/.test(text)) return null;
	if (/:\/\/|\]\(|!\[|<|>/.test(text)) return null;
	if (/[.!?。…,;？！]$/.test(text)) return null;
	const wiki = /^\[\[([^\]|]+)(?:\|([^\]]+))?\]\]$/.exec(text);
	if (wiki) text = wiki[2] ?? wiki[1];
	if (text.includes("[") || text.includes("]")) return null;

	const open = text.search(/[(（]/);
	let outside = text;
	let inside = "";
	if (open >= 0) {
		const close = Math.max(text.lastIndexOf(")"), text.lastIndexOf("）"));
		if (close < open || text.slice(close + 1).trim().length > 0) return null;
		outside = text.slice(0, open).trim();
		inside = text.slice(open + 1, close).trim();
	}
	outside = removeAsteriskMarkup(outside).trim();
	if (outside.length === 0 || outside.length > MAX_TERM_CHARS) return null;
	if (outside.split(/\s+/).length > MAX_TERM_WORDS) return null;

	const names = splitNames(outside);
	if (names.length === 0) return null;
	const aliasList = inside.length > 0 ? splitNames(removeAsteriskMarkup(inside)) : [];
	const aliases = names.map((name, i) => {
		const own = names.length > 1 && aliasList.length === names.length ? [aliasList[i]] : aliasList;
		return own.filter((a) => a.toLowerCase() !== name.toLowerCase());
	});
	return { names, aliases };
}

function splitNames(text: string): string[] {
	return text
		.split(/\s*[,、，]\s*/)
		.map((part) => part.trim())
		.filter((part) => part.length > 0);
}

function unwrapStrong(text: string): string {
	const m = /^(\*\*|__)(.+?)\1(.*)$/.exec(text);
	return m ? (m[2] + m[3]).trim() : text;
}

/** Builds entries for every name of a term line, sharing one definition. */
function entriesFor(term: TermLine, definitionLines: string[], line: number, endLine: number): GlossaryEntry[] {
	const definitionMarkdown = removeJargonMarkers(trimBlankEdges(definitionLines).join("\n"));
	const definition = toPlainText(definitionLines.join("\n"));
	if (definition.length === 0) return [];
	return term.names.map((name, i) => ({
		term: name,
		aliases: term.aliases[i],
		definition,
		definitionMarkdown,
		line,
		endLine,
	}));
}

function trimBlankEdges(lines: string[]): string[] {
	let start = 0;
	let end = lines.length;
	while (start < end && lines[start].trim() === "") start++;
	while (end > start && lines[end - 1].trim() === "") end--;
	return lines.slice(start, end);
}

/**
 * Entries of one blockquote spanning lines[start..end) (0-based). `previous` is the line just above the
 * quote (an image there makes the quote a caption).
 */
export function glossaryFromQuote(lines: readonly MdLine[], start: number, end: number, previous: MdLine | undefined): GlossaryEntry[] {
	if (end - start < 2) return [];
	if (previous && previous.kind === "text" && /^!\[/.test(previous.content.trim())) return [];
	const first = lines[start].content;
	if (first.startsWith(">")) return [];
	const callout = /^\[!([^\]]+)\][+-]?\s*(.*)$/.exec(first.trim());
	let termIndex = start;
	let termText = first;
	if (callout) {
		const type = callout[1].trim().toLowerCase();
		if (!CALLOUTS_READ.has(type)) return [];
		if (callout[2].trim().length > 0) {
			termText = callout[2];
		} else {
			termIndex = start + 1;
			termText = lines[termIndex].content;
		}
	}
	const term = parseTermLine(termText);
	if (!term) return [];
	const body: string[] = [];
	for (let i = termIndex + 1; i < end; i++) body.push(lines[i].content);
	const meaningful = trimBlankEdges(body);
	if (meaningful.length === 0) return [];
	if (/^(?:[—–―]|--|~\s)/.test(meaningful[0].trim())) return [];
	if (meaningful.every((l) => l.trim() === "" || /^!\[/.test(l.trim()))) return [];
	if (!callout && (readsAsRemark(termText) || meaningful.every((l) => l.trim() === "" || isLinkOrCredit(l)))) return [];
	return entriesFor(term, body, termIndex + 1, end);
}

/** Korean endings of a finished remark (`못함`, `좋았음`, `했다`, `같아요`), not of a term. */
const REMARK_KO = /(?:함|됨|음|했다|였다|이다|한다|된다|없다|있다|같다|니다|어요|아요|해요|네요|세요|죠|듯|는데|지만|ㅠ+|ㅋ+)$/u;
/** English openings of a remark about the note-taker, not a term. */
const REMARK_EN = /^(?:i|i'm|i’m|i've|i’ve|we|we're|my|our|missed|didn't|didn’t|did not|not sure|todo|note to self|note)\b/i;

/** A first line that reads as the note-taker's remark rather than a term. */
export function readsAsRemark(line: string): boolean {
	const text = toPlainText(line).replace(/[\s:：]+$/, "");
	if (REMARK_EN.test(text)) return true;
	const last = text.split(/\s+/).pop() ?? "";
	return /\p{Script=Hangul}$/u.test(last) && text.split(/\s+/).length > 1 && REMARK_KO.test(last);
}

/** A line that only points somewhere or credits someone: a URL or link with a label, `Photo: …`, `출처: …`. */
export function isLinkOrCredit(line: string): boolean {
	const text = line.trim();
	if (text.length === 0) return false;
	if (/^(?:photo|image|picture|source|credit|credits|via|slides?|video|recording|사진|이미지|출처|자료|슬라이드|영상|발표\s*자료)(?![\p{L}\p{N}])\s*(?:by\b|[:：])/iu.test(text)) return true;
	if (!/:\/\/|www\.|\]\(|\[\[/.test(text)) return false;
	const withoutLinks = text
		.replace(/!?\[[^\]]*\]\([^)]*\)/g, "")
		.replace(/\[\[[^\]]*\]\]/g, "")
		.replace(/<?(?:https?:\/\/|www\.)\S+>?/g, "")
		.trim();
	if (withoutLinks.length === text.length) return false;
	// What is left around the link is a short label (`슬라이드 공유:`, `slides`), not a definition.
	return withoutLinks.replace(/[\s:：\-–—|()（）]+/g, " ").trim().split(/\s+/).filter((w) => w.length > 0).length <= 3;
}

/**
 * Entries written as lines inside a glossary section: `- **term**: definition`, `term :: definition`,
 * `- term — definition`. Child lines indented below an entry continue its definition.
 * Returns the entries and the index after the last line used.
 */
export function glossaryFromSectionLine(lines: readonly MdLine[], index: number): { entries: GlossaryEntry[]; next: number } {
	const line = lines[index];
	const split = splitDefinitionLine(line.kind === "list" ? line.content : line.content.trim());
	if (!split) return { entries: [], next: index + 1 };
	const term = parseTermLine(split.term);
	if (!term) return { entries: [], next: index + 1 };
	const definition = [split.definition];
	let next = index + 1;
	while (next < lines.length) {
		const child = lines[next];
		if (child.kind === "blank" || child.indent <= line.indent) break;
		if (child.kind !== "list" && child.kind !== "text") break;
		definition.push(child.raw.trim());
		next++;
	}
	return { entries: entriesFor(term, definition, index + 1, next), next };
}

function splitDefinitionLine(text: string): { term: string; definition: string } | null {
	const strong = /^(\*\*|__)(.+?)\1\s*(\([^)]*\))?\s*(?:::|[:：]|\s[—–-]\s)\s*(.+)$/.exec(text);
	if (strong) return { term: `${strong[2]}${strong[3] ? ` ${strong[3]}` : ""}`, definition: strong[4] };
	const strongColonInside = /^(\*\*|__)(.+?)[:：]\1\s*(.+)$/.exec(text);
	if (strongColonInside) return { term: strongColonInside[2], definition: strongColonInside[3] };
	const field = /^([^:：]{1,80}?)\s*::\s*(.+)$/.exec(text);
	if (field) return { term: field[1], definition: field[2] };
	const plain = /^([^:：]{1,80}?)\s*(?:[:：]|\s[—–]\s)\s+(.+)$/.exec(text);
	if (plain) return { term: plain[1], definition: plain[2] };
	return null;
}

/** A `### Term` heading inside a glossary section with its body as the definition. */
export function glossaryFromHeading(lines: readonly MdLine[], index: number): { entries: GlossaryEntry[]; next: number } {
	const heading = lines[index];
	const term = parseTermLine(heading.content);
	let next = index + 1;
	const body: string[] = [];
	while (next < lines.length && lines[next].kind !== "heading") {
		const l = lines[next];
		if (l.kind === "code" || l.kind === "rule") break;
		body.push(l.kind === "quote" ? l.content : l.raw);
		next++;
	}
	if (!term) return { entries: [], next };
	let last = next;
	while (last > index + 1 && lines[last - 1].kind === "blank") last--;
	return { entries: entriesFor(term, body, index + 1, last), next };
}
