/**
 * The outline of a conference note: its heading tree, each heading classified as what it is in the note.
 *
 * - `title`: the note's one top heading (`# DevDays 2025`), a container for everything below it;
 * - `grouping`: a heading that groups talks (`## Day 1`, `## 1일차`, `## Track B`, `## 오전 세션`, `## Sessions`), or
 *   any heading that holds talks;
 * - `talk`: a heading that names a session. It has a speaker (` - ` / ` | ` separator, a dash before a name, a
 *   `Speaker:` / `발표자:` line or a bold name line right below, or a `Speaker` / `발표자` section), or a
 *   `Talk N` / `Session N` / `세션 N` / `Keynote:` prefix, or it holds a Q&A section; a heading without these is
 *   a talk when it sits beside talks or directly under a grouping;
 * - `structural`: a section of a note or a talk (Q&A, glossary, takeaways, speaker, time, overview, contents,
 *   reflections, resources, photos, breaks), never a talk, at any level;
 * - `question`: a `### Q. …` heading or any heading inside a Q&A section;
 * - `section`: anything else (a part of a talk, `Level 3`, `메모`).
 *
 * A one-session note (no talk heading) gets one talk named after the note's title when the note names its
 * speaker (a `Speaker` / `발표자` section or a speaker line under the title); otherwise it has no talk.
 *
 * Linear: one pass collects the headings and their parents, each looks at a few lines below itself, and two
 * passes over the headings classify them.
 */
import type { MdLine } from "./markdown-lines";
import { toPlainText } from "./plain-text";
import { matchQuestionMarker, QA_SECTION, sectionName } from "./qa-markers";
import { GLOSSARY_SECTION } from "./glossary-parser";
import type { Talk } from "./types";

export type SectionKind = "title" | "grouping" | "talk" | "structural" | "question" | "section";

export type StructuralKind =
	| "qa"
	| "glossary"
	| "takeaways"
	| "speaker"
	| "time"
	| "overview"
	| "contents"
	| "reflections"
	| "resources"
	| "photos"
	| "break";

export interface OutlineSection {
	/** 0-based line of the heading. */
	index: number;
	level: number;
	/** The heading's text as written (after the `#`s). */
	content: string;
	kind: SectionKind;
	/** What kind of structural section it is, for `structural` headings. */
	structural: StructuralKind | null;
	/** Index of the enclosing section in `Outline.sections`, or -1. */
	parent: number;
	/** Index into `Outline.talks` of the talk this section belongs to (itself or an ancestor), or null. */
	talk: number | null;
}

export interface Outline {
	sections: OutlineSection[];
	talks: Talk[];
	/** The talk of text before any heading (a one-session talk), or null. */
	rootTalk: number | null;
}

// ---------------------------------------------------------------------------------------------------------
// Names

/** Structural section names, English and Korean, compared with the normalised heading name. */
const STRUCTURAL: readonly [StructuralKind, RegExp][] = [
	["glossary", GLOSSARY_SECTION],
	[
		"takeaways",
		/^(?:(?:key\s+|main\s+|my\s+)?(?:takeaways?|learnings?|lessons(?:\s+learned)?|highlights?|points?)|tl;?\s?dr|summary|recap|in\s+short|요약|핵심(?:\s*요약|\s*정리|\s*내용|\s*포인트)?|한\s*줄\s*(?:요약|정리)|세\s*줄\s*요약|배운\s*점|배운\s*것|얻은\s*것|정리|내용\s*정리|키\s*포인트)$/i,
	],
	[
		"speaker",
		/^(?:speakers?|presenters?|panelists?|panel(?:ists)?|about\s+the\s+speakers?|who|발표자(?:\s*소개|\s*정보)?|연사(?:\s*소개)?|스피커|강연자|강사(?:\s*소개)?|패널)$/i,
	],
	[
		"time",
		/^(?:time|date|when|where|venue|location|schedule|timetable|일시|시간|날짜|장소|일정|시간표|시간\s*및\s*장소|일시\s*및\s*장소|행사\s*정보|event\s+info(?:rmation)?|details|info|directions|getting\s+there|venue\s+and\s+travel|찾아\s*가는\s*길|오시는\s*길|가는\s*길|교통|위치)$/i,
	],
	[
		"overview",
		/^(?:overview|about|abstract|description|introduction|intro|background|context|session\s+(?:overview|info|description)|talk\s+(?:overview|description|abstract)|notes|my\s+notes|raw\s+notes|개요|세션\s*(?:개요|소개|정보|설명)|발표\s*(?:개요|소개|내용|요약)|강의\s*(?:개요|소개|내용)|강연\s*(?:개요|소개|내용)|소개|내용|본문|배경|들어가며|시작하며|메모|필기|노트)$/i,
	],
	["contents", /^(?:contents|table\s+of\s+contents|toc|agenda|outline|목차|순서|아젠다|어젠다|차례)$/i],
	[
		"reflections",
		/^(?:reflections?|thoughts|my\s+thoughts|final\s+thoughts|closing\s+thoughts|impressions?|opinion|review|conclusion|wrap[-\s]?up|afterthoughts|personal\s+notes|느낀\s*점|소감|후기|회고|총평|마무리|마치며|나가며|결론|생각|내\s*생각|개인적인\s*생각|아쉬운\s*점|좋았던\s*점|\S+\s*(?:후기|총평|소감|느낀\s*점)|\S+\s+(?:recap|wrap[-\s]?up|impressions|reflections))$/i,
	],
	[
		"resources",
		/^(?:links?|resources?|references?|slides?|video|recording|further\s+reading|reading\s+list|related(?:\s+notes|\s+links)?|see\s+also|things\s+to\s+(?:google|look\s+up|read|try)|to\s+(?:google|look\s+up|read|try)|follow[-\s]?ups?|action\s+items?|todos?|to[-\s]?do|참고(?:\s*자료|\s*링크)?|자료|링크|발표\s*자료|슬라이드|영상|발표\s*영상|더\s*알아볼\s*(?:것|거리)|찾아볼\s*(?:것|거리)|할\s*일)$/i,
	],
	["photos", /^(?:photos?|pictures?|images?|gallery|사진|인증샷|현장\s*사진|스케치)$/i],
	[
		"break",
		/^(?:break|coffee\s+break|lunch(?:\s+break)?|dinner|networking|registration|check[-\s]?in|after\s*party|opening|closing|welcome|점심(?:\s*시간)?|쉬는\s*시간|휴식|네트워킹|등록|접수|오프닝|클로징|폐회|개회|뒤풀이|부스|기업\s*부스|이벤트|이벤트\s*존|굿즈|경품|expo|booths?|sponsors?|swag|giveaways?)$/i,
	],
];

/** Headings that group talks. */
const GROUPING =
	/^(?:day\s*\d{1,2}|day\s+(?:one|two|three|four|five)|(?:first|second|third|last)\s+day|\d{1,2}\s*일\s*차|(?:첫|둘|셋|넷|다섯)\s*째\s*날|(?:track|room|hall|stage|트랙|룸|홀)\s*[\p{L}\p{N}]{0,3}|(?:morning|afternoon|evening)(?:\s+sessions?|\s+talks?)?|(?:오전|오후|저녁)(?:\s*세션|\s*발표)?|(?:sessions|talks|talks\s+i\s+attended|sessions\s+i\s+attended|세션|세션들|세션\s*목록|발표들|발표\s*목록|들은\s*세션|들은\s*발표|참여한\s*세션|참여한\s*발표)|(?:mon|tues|wednes|thurs|fri|satur|sun)day|[월화수목금토일]요일|\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}\s*월\s*\d{1,2}\s*일)$/iu;

/** `Talk 3 - …`, `Session 2: …`, `세션 1. …`, `Keynote: …`: a talk label before the title, stripped from it. */
const TALK_PREFIX =
	/^(?:(?:talk|session|lecture|세션|발표|강연|강의|트랙\s*\d{1,2}\s*세션)\s*#?\s*\d{1,3}\s*(?:[.:)：]|\s[-–—|]|\s)\s*|(?:(?:opening\s+|closing\s+)?keynote|lightning\s+talk|panel|workshop|fireside\s+chat|키노트|기조\s*연설|기조\s*강연|패널|워크숍|워크샵|라이트닝\s*토크)\s*(?:#?\s*\d{1,3})?\s*[:：]\s*)/i;

/** A heading that is only a session label (`## Keynote`, `### Opening keynote`, `## 기조연설`). */
const TALK_LABEL = /^(?:(?:opening|closing|morning|afternoon|day\s*\d{1,2})\s+)?(?:keynote|fireside\s+chat)$|^(?:(?:오프닝|클로징|오전|오후)\s*)?(?:키노트|기조\s*연설|기조\s*강연)$/i;

/** A numbered part of one talk (`Level 3`, `Step 2`, `1단계`, `Part II`): never a talk of its own. */
const PART =
	/^(?:(?:level|step|part|chapter|lesson|stage|phase|round|module|lab|exercise|demo|example|section|lv\.?)\s*(?:\d{1,3}|[ivx]{1,4})\b|\d{1,3}\s*(?:단계|장|편|번째\s*(?:단계|이야기))|(?:레벨|단계|파트|챕터|예제|실습)\s*\d{1,3})/iu;

/** Section names are short: longer headings are titles, which saves the name lists on every talk heading. */
const MAX_SECTION_NAME = 32;

/** All structural names in one expression, one group per kind (in `STRUCTURAL` order). */
const STRUCTURAL_ANY = new RegExp(`^(?:${STRUCTURAL.map(([, p]) => `(${p.source.replace(/^\^/, "").replace(/\$$/, "")})`).join("|")})$`, "i");

interface HeadingNames {
	/** Without emphasis, a leading number or emoji, a trailing parenthesis or punctuation: `3. 느낀점 (메모)` → `느낀점`. */
	name: string;
	/** The same, keeping a leading number: `1일차`, `2단계`. */
	numbered: string;
}

/** The names of a heading to compare with the lists above, or null for a heading too long to be a section name. */
function headingNames(content: string): HeadingNames | null {
	if (content.length > MAX_SECTION_NAME * 3) return null;
	let t = /[[<`~=\\]/.test(content) ? toPlainText(content) : content;
	if (/[*_`]/.test(t)) t = t.replace(/[*_`]/g, "");
	if (t.endsWith(")") || t.endsWith("）")) t = t.replace(/\s*[(（][^)）]*[)）]$/, "");
	let end = t.length;
	while (end > 0 && " \t:：.!".includes(t[end - 1])) end--;
	const from = skipToLetter(t, 0, true);
	const numbered = t.slice(from, end);
	const name = t.slice(Math.min(skipToLetter(t, from, false), end), end);
	if (numbered.length > MAX_SECTION_NAME) return null;
	return { name, numbered };
}

/** The index of the first letter (or digit, with `digits`) at or after `from`; a loop, not an expression. */
function skipToLetter(text: string, from: number, digits: boolean): number {
	let i = from;
	while (i < text.length) {
		const c = text.charCodeAt(i);
		if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xac00 && c <= 0xd7a3)) return i;
		if (digits && c >= 48 && c <= 57) return i;
		if (c >= 0x80 && (c < 0xd800 || c > 0xdfff) && (digits ? /[\p{L}\p{N}]/u : /\p{L}/u).test(text[i])) return i;
		i++;
	}
	return i;
}

/** Normalised name of a heading for comparing with the lists above. */
export function headingName(content: string): string {
	return headingNames(content)?.name ?? sectionName(content);
}

export function structuralKind(content: string): StructuralKind | null {
	const names = headingNames(content);
	return names ? structuralKindOf(names.name) : null;
}

function structuralKindOf(name: string): StructuralKind | null {
	if (name.length === 0) return null;
	if (isQaSectionName(name)) return "qa";
	const m = STRUCTURAL_ANY.exec(name);
	if (!m) return null;
	for (let k = 0; k < STRUCTURAL.length; k++) if (m[k + 1] !== undefined) return STRUCTURAL[k][0];
	return null;
}

/** `Q&A`, `질의응답`, `QnA`, `Questions`, `AMA`, with an optional `session` / `시간` / `정리` after. */
export function isQaSectionName(name: string): boolean {
	// Every Q&A name has a `q`, `질`, `ama` or `ask` in it: a cheap test first.
	if (!/[qQ질]|ama|ask/i.test(name)) return false;
	if (QA_SECTION.test(name)) return true;
	const base = name.replace(/\s*(?:session|section|time|part|세션|시간|정리|내용)$/i, "").trim();
	if (base !== name && QA_SECTION.test(base)) return true;
	// `Q&A with the panel`, `Q&A: 배포 전략`, `질의응답 - 2부`.
	const lead = /^(.{2,20}?)(?:\s+with\s+|\s*[:：]\s*|\s+[-–—|]\s+)/i.exec(name);
	return lead !== null && QA_SECTION.test(lead[1].trim()) && !/^questions?$/i.test(lead[1].trim());
}

function isGrouping(content: string): boolean {
	const names = headingNames(content);
	return names !== null && GROUPING.test(names.numbered);
}

// ---------------------------------------------------------------------------------------------------------
// Talk titles and speakers

/** Words that start or fill a phrase, not a name. */
const NOT_NAME_WORDS = new Set([
	"the", "a", "an", "what", "why", "how", "when", "where", "which", "who", "we", "our", "i", "my", "you", "your", "it",
	"its", "is", "are", "was", "were", "be", "to", "from", "with", "without", "for", "on", "in", "into", "at", "about",
	"not", "no", "vs", "vs.", "this", "that", "these", "those", "part", "day", "lessons", "notes", "more", "less", "do",
	"does", "did", "can", "should", "will", "lets", "let's",
]);

/** Korean word endings that make a phrase a sentence or a noun phrase with particles, not a name. */
const NOT_NAME_KO = /(?:[가를을의에로서고다요들것는까며면데게도만]|하기|하는|했던|인가|인지)$/u;

/**
 * Reads whether text after an en or em dash is a name (`Dana Kim`, `Ana Ruiz, Cartwheel`, `이하나`,
 * `토스 PO 민수인`) rather than the rest of a title (`what we dropped`, `우리가 버린 것들`).
 */
export function readsAsName(text: string): boolean {
	const t = text.trim();
	if (t.length === 0 || t.length > 60) return false;
	if (/[?!？！…]$|\.$/.test(t)) return false;
	const main = t.split(/\s*[,(（/·@]\s*/)[0].trim();
	if (main.length === 0) return false;
	const words = main.split(/\s+/);
	if (words.length > 6) return false;
	if (/\p{Script=Hangul}/u.test(main)) {
		return words.every((w) => !(/\p{Script=Hangul}$/u.test(w) && NOT_NAME_KO.test(w) && !/님$/u.test(w)));
	}
	if (!/^\p{Lu}/u.test(words[0])) return false;
	return words.every((w) => !NOT_NAME_WORDS.has(w.toLowerCase()));
}

interface TitleSplit {
	title: string;
	speaker: string | null;
	/** The title had a talk label (`Talk 2 -`, `Keynote:`). */
	labelled: boolean;
}

/** Splits a talk heading into title and speaker; strips a `Talk N` label. */
export function splitTalkHeading(content: string): TitleSplit {
	let text = /[*_`[\]~=!<\t]|\s\s/.test(content) ? toPlainText(content) : content;
	let labelled = false;
	const prefix = /^[tTsSlLkKoOpPwWf세발강트키기패워라]/.test(text) ? TALK_PREFIX.exec(text) : null;
	if (prefix && prefix[0].length < text.length) {
		text = text.slice(prefix[0].length).trim();
		labelled = true;
	}
	if (text.length <= MAX_SECTION_NAME * 2 && /keynote|fireside|키노트|기조/i.test(text) && TALK_LABEL.test(headingName(text.replace(/\s+[-|–—]\s.*$/, "")))) {
		labelled = true;
	}
	// A labelled speaker in parentheses at the end: `제목 (발표자: 이하나)`, `Title (Speaker: Ana Ruiz)`.
	// Only a heading of ordinary length names its speaker in words (the expressions below are not for 5 MB lines).
	const closes = text.length <= 200 && (text.endsWith(")") || text.endsWith("）"));
	const labelledSpeaker = closes && /\s*[(（](?:발표자|연사|강연자|스피커|speakers?|presenters?|by)\s*[:：]?\s*([^)）]+)[)）]$/i.exec(text);
	if (labelledSpeaker && labelledSpeaker.index > 0) {
		return { title: text.slice(0, labelledSpeaker.index).trim(), speaker: labelledSpeaker[1].trim(), labelled };
	}
	// `Title by Ana Ruiz`: a name of at least two capitalised words after ` by `.
	const by = text.length <= 200 && text.includes(" by ") && /\s+by\s+(\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*)+(?:\s*,\s*.+)?)$/u.exec(text);
	if (by && by.index > 0 && readsAsName(by[1]) && !/\s[-|]\s/.test(text.slice(by.index))) {
		return { title: text.slice(0, by.index).trim(), speaker: by[1].trim(), labelled };
	}
	// The rightmost real separator: ` - ` or ` | ` always, an en or em dash only before a name.
	let best = -1;
	let width = 0;
	for (let at = text.length - 1; at > 0; at--) {
		if (text.charCodeAt(at - 1) !== 32 || text.charCodeAt(at + 1) !== 32) continue;
		const c = text[at];
		if (c === "-" || c === "|" || ((c === "–" || c === "—") && text.length - at < 72 && readsAsName(text.slice(at + 2)))) {
			best = at - 1;
			width = 3;
			break;
		}
	}
	if (best <= 0) return { title: text, speaker: null, labelled };
	const speaker = text.slice(best + width).trim();
	return { title: text.slice(0, best).trim(), speaker: speaker.length > 0 ? speaker : null, labelled };
}

const SPEAKER_LINE = /^(?:[-*+]\s+)?(?:\S{1,4}\s+)?(?:\*\*|__)?(?:발표자|연사|스피커|강연자|강사|speakers?|presenters?|presented\s+by)(?:\*\*|__)?\s*[:：]\s*(?:\*\*|__)?(.+)$/i;
const BY_LINE = /^(?:[-*+]\s+)?(?:by|발표)\s*[:：]?\s+(.+)$/i;

/** A line that only names a person: `**Ana Ruiz, Cartwheel**`, `_이하나 (검색팀)_`, `by Ana Ruiz`. */
function nameLine(raw: string): string | null {
	if (raw.length > 200) return null;
	const t = raw.trim().replace(/(?:\\|\s{2,})$/, "").trim();
	const emphasis = /^(\*\*|__|\*|_)([^*_].*?)\1$/.exec(t);
	const inner = emphasis ? emphasis[2].trim() : null;
	const by = BY_LINE.exec(inner ?? t);
	if (by && readsAsName(toPlainText(by[1]))) return toPlainText(by[1]);
	if (inner !== null && !/^(?:Q|A)\s?\d{0,3}\s?[.:)]/.test(inner) && readsAsName(toPlainText(inner))) return toPlainText(inner);
	return null;
}

/**
 * A speaker named right below a heading: a `발표자 : …` / `Speaker: …` line among the first lines, or a bold
 * or italic name line as the first line.
 */
function speakerBelow(md: readonly MdLine[], index: number): string | null {
	let seen = 0;
	for (let i = index + 1; i < md.length && seen < 6; i++) {
		const line = md[i];
		if (line.kind === "heading") break;
		if (line.kind === "blank") continue;
		if (line.kind === "code" || line.kind === "rule") break;
		seen++;
		const m = hasColon(line.raw) && mentionsSpeaker(line.raw) ? SPEAKER_LINE.exec(line.raw.trim()) : null;
		if (m) {
			const speaker = toPlainText(m[1]);
			if (speaker.length > 0) return speaker;
		}
		if (seen === 1 && (line.kind === "text" || line.kind === "list") && /^[*_bB발]/.test(line.content)) {
			const name = nameLine(line.kind === "list" ? line.content : line.raw);
			if (name) return name;
		}
	}
	return null;
}

/** Whether a line names the speaker role at all (plain string tests: this runs under every heading). */
function mentionsSpeaker(raw: string): boolean {
	return (
		raw.includes("peaker") ||
		raw.includes("resent") ||
		raw.includes("발표자") ||
		raw.includes("연사") ||
		raw.includes("스피커") ||
		raw.includes("강연자") ||
		raw.includes("강사") ||
		raw.includes("PEAKER")
	);
}

function hasColon(text: string): boolean {
	return text.includes(":") || text.includes("：");
}

/** The first line of a `Speaker` / `발표자` section's body, as the speaker's name. */
function speakerFromSection(md: readonly MdLine[], index: number): string | null {
	for (let i = index + 1; i < md.length && i < index + 8; i++) {
		const line = md[i];
		if (line.kind === "heading" || line.kind === "code" || line.kind === "rule") break;
		if (line.kind === "blank") continue;
		const m = SPEAKER_LINE.exec(line.raw.trim());
		const text = toPlainText(m ? m[1] : line.content);
		return text.length > 0 ? text : null;
	}
	return null;
}

// ---------------------------------------------------------------------------------------------------------
// The outline

const NO_SPLIT: TitleSplit = { title: "", speaker: null, labelled: false };

interface Work {
	section: OutlineSection;
	split: TitleSplit;
	/** Direct evidence that the heading names a session. */
	evidence: boolean;
	speaker: string | null;
	/** Holds a Q&A section (directly, or through structural sections). */
	holdsQa: boolean;
	/** Some descendant is an evidenced talk. */
	holdsTalk: boolean;
	part: boolean;
	/** Below a heading that is surely a talk (a section with direct evidence): never a talk itself. */
	inTalk: boolean;
}

/**
 * Builds the outline. `noteTitle` names the one-session talk, which starts at the first heading;
 * `noteSpeaker` (from the frontmatter) is its speaker when no section names one.
 */
export function buildOutline(md: readonly MdLine[], noteTitle: string, noteSpeaker: string | null = null): Outline {
	const work: Work[] = [];
	const stack: number[] = [];
	let levelOnes = 0;
	for (let i = 0; i < md.length; i++) {
		const line = md[i];
		if (line.kind !== "heading") continue;
		while (stack.length > 0 && work[stack[stack.length - 1]].section.level >= line.level) stack.pop();
		const parent = stack.length > 0 ? stack[stack.length - 1] : -1;
		const section: OutlineSection = { index: i, level: line.level, content: line.content, kind: "section", structural: null, parent, talk: null };
		work.push({ section, split: NO_SPLIT, evidence: false, speaker: null, holdsQa: false, holdsTalk: false, part: false, inTalk: false });
		stack.push(work.length - 1);
		if (line.level === 1) levelOnes++;
	}

	// Pass 1, in document order (parents first): questions and structural sections.
	for (let w = 0; w < work.length; w++) {
		const s = work[w].section;
		const parent = s.parent >= 0 ? work[s.parent].section : null;
		if ((parent && (parent.structural === "qa" || parent.kind === "question")) || matchQuestionMarker(s.content)) {
			s.kind = "question";
			continue;
		}
		const names = headingNames(s.content);
		const structural = names ? structuralKindOf(names.name) : null;
		if (structural) {
			s.kind = "structural";
			s.structural = structural;
		} else if (w === 0 && s.level === 1 && levelOnes === 1) {
			s.kind = "title";
		}
	}

	// Pass 2, children before parents: Q&A and speaker sections give evidence to the heading they belong to.
	let rootSpeaker: string | null = null;
	for (let w = work.length - 1; w >= 0; w--) {
		const s = work[w].section;
		if (s.kind !== "structural" || (s.structural !== "qa" && s.structural !== "speaker")) continue;
		const owner = ownerOf(work, s.parent);
		const speaker = s.structural === "speaker" ? speakerFromSection(md, s.index) : null;
		if (owner < 0) {
			if (speaker !== null) rootSpeaker = rootSpeaker ?? speaker;
			continue;
		}
		const o = work[owner];
		if (s.structural === "qa") o.holdsQa = true;
		else if (speaker !== null && o.speaker === null) o.speaker = speaker;
		if (speaker !== null) o.evidence = true;
	}

	// Pass 3, parents first: groupings and direct evidence (a separator, a label, a speaker line). A heading
	// below a section that surely is a talk is a part of it and is not read as a talk.
	for (let w = 0; w < work.length; w++) {
		const item = work[w];
		const s = item.section;
		if (s.kind !== "section" && s.kind !== "title") continue;
		const parentItem = s.parent >= 0 ? work[s.parent] : null;
		if (parentItem && (parentItem.inTalk || (parentItem.section.kind === "section" && (parentItem.evidence || parentItem.holdsQa)))) {
			item.inTalk = true;
			continue;
		}
		const names = headingNames(s.content);
		item.split = splitTalkHeading(s.content);
		if ((names && GROUPING.test(names.numbered)) || (item.split.speaker !== null && isGrouping(item.split.title))) {
			s.kind = "grouping";
			continue;
		}
		item.part = PART.test(names ? names.numbered : s.content.replace(/^[^\p{L}\p{N}]+/u, ""));
		const separatorNames = item.split.speaker !== null && (s.kind !== "title" || readsAsName(item.split.speaker));
		const own = separatorNames ? item.split.speaker : speakerBelow(md, s.index);
		item.speaker = own ?? item.speaker;
		// A numbered part (`Level 3 - RBAC`) is a section of a talk, whatever its separator says.
		item.evidence = !item.part && (item.split.labelled || item.speaker !== null);
	}

	// Pass 4, children before parents: a heading that holds an evidenced talk is a grouping.
	for (let w = work.length - 1; w >= 0; w--) {
		const item = work[w];
		const s = item.section;
		const isTalk = (item.evidence || item.holdsQa) && (s.kind === "section" || s.kind === "title");
		if ((isTalk || item.holdsTalk) && s.parent >= 0) work[s.parent].holdsTalk = true;
	}

	// Pass 5, parents first: decide talks. Nothing inside a talk is a talk; a heading with evidence is a talk
	// even when a part below it looks like one; a heading without evidence that holds talks groups them.
	const evidencedChildren = new Set<number>();
	for (const item of work) {
		if (item.section.kind === "section" && (item.evidence || item.holdsQa) && !item.holdsTalk) evidencedChildren.add(item.section.parent);
	}
	const talks: Talk[] = [];
	/** Per parent, the talk of its last child that was not structural: `## Talk - X` then `## Q&A` is X's Q&A. */
	const lastTalkChild = new Map<number, number | null>();
	for (const item of work) {
		const s = item.section;
		const parent = s.parent >= 0 ? work[s.parent].section : null;
		const inherited = parent ? parent.talk : null;
		s.talk = inherited;
		if (s.kind === "structural") {
			if (inherited === null) s.talk = lastTalkChild.get(s.parent) ?? null;
			continue;
		}
		if (s.kind !== "question") lastTalkChild.set(s.parent, null);
		if (inherited !== null || (s.kind !== "section" && s.kind !== "title")) continue;
		const evidenced = item.evidence || item.holdsQa;
		let talk = false;
		if (s.kind === "title") {
			// The note's title is a talk only when it names a speaker (a one-session note); a Q&A section alone
			// does not make the whole note one talk.
			talk = (item.evidence || noteSpeaker !== null) && !item.holdsTalk;
			if (talk && item.speaker === null) item.speaker = noteSpeaker;
		} else if (evidenced) {
			talk = true;
		} else if (item.holdsTalk) {
			s.kind = "grouping";
		} else if (!item.part) {
			talk = (parent !== null && parent.kind === "grouping") || evidencedChildren.has(s.parent);
		}
		if (!talk) continue;
		s.kind = "talk";
		const title = item.split.title.length > 0 ? item.split.title : toPlainText(s.content);
		talks.push({ title, speaker: item.speaker, line: s.index + 1 });
		s.talk = talks.length - 1;
		lastTalkChild.set(s.parent, s.talk);
	}

	let rootTalk: number | null = null;
	const speaker = rootSpeaker ?? noteSpeaker;
	if (talks.length === 0 && speaker !== null) {
		talks.push({ title: noteTitle, speaker, line: work.length > 0 ? work[0].section.index + 1 : 1 });
		rootTalk = 0;
		for (const item of work) item.section.talk = 0;
	}
	return { sections: work.map((w) => w.section), talks, rootTalk };
}

/** The nearest ancestor that is not structural (the section a Q&A or speaker section belongs to), or -1. */
function ownerOf(work: readonly Work[], from: number): number {
	let at = from;
	while (at >= 0 && work[at].section.kind === "structural") at = work[at].section.parent;
	return at;
}
