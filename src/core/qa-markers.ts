/**
 * Question and answer markers as people write them: `Q.`, `Q:`, `Q)`, `Q1.`, `질문:`, `Question:` and
 * `A.`, `A:`, `A)`, `A1:`, `A ` before Korean text, `답변:`, `Answer:`, each optionally in bold
 * (`**Q.`, `**Q:** text`) or italic (`_Question: sampling rules_`). A marked question needs no `?`: it may
 * be a topic (`질문: 배치 대비 비용`). Role labels (`청중: …?` / `발표자: …`, `Audience: …?` / `Speaker: …`) mark
 * them too.
 */

export interface MarkerMatch {
	/** The text after the marker, with a bold opener kept when the marker sat inside it (`**Q. text` → `**text`). */
	rest: string;
}

const QUESTION = /^(?:Q\s?\d{0,3}\s?[.:)．：]|질문\s?\d{0,3}\s?[.:)：]|Question\s?\d{0,3}\s?[.:)])/i;
const ANSWER = /^(?:A\s?\d{0,3}\s?[.:)．：]|(?:답변|답)\s?\d{0,3}\s?[.:)：]|Answer\s?\d{0,3}\s?[.:)])/i;

const BOLD_QUESTION = /^(?:Q\s?\d{0,3}|질문\s?\d{0,3}|[Qq]uestion\s?\d{0,3})(\*\*|__)\s?[.:)：]\s/;
const BOLD_ANSWER = /^(?:A\s?\d{0,3}|답변\s?\d{0,3}|답|[Aa]nswer\s?\d{0,3})(\*\*|__)\s?[.:)：]\s/;

/**
 * Who asked and who answered, as a label: `청중: …?`, `**Audience:** …?`, `질문자 2: …?` ask (only with a `?`:
 * `Audience: backend developers` is not a question); `발표자: …`, `Speaker: …`, `연사: …` answer.
 */
const ROLE_QUESTION = /^(?:청중|질문자|참석자|참가자|audience(?:\s+member)?|attendee|asker)\s?\d{0,2}/i;
const ROLE_ANSWER = /^(?:발표자|연사|강연자|speaker|presenter)/i;

/** Matches a question marker at the start of `content`. */
export function matchQuestionMarker(content: string): MarkerMatch | null {
	const marker = matchMarker(content, QUESTION, false);
	if (marker) return marker;
	if (!ROLE_QUESTION_FIRST.includes(roleInitial(content))) return null;
	const role = matchRole(content, ROLE_QUESTION);
	return role && (role.rest.includes("?") || role.rest.includes("？")) ? role : null;
}

/** First letters of the role words (checked before any expression: this runs on every line). */
const ROLE_QUESTION_FIRST = "청질참aA";
const ROLE_ANSWER_FIRST = "발연강sSpP";

/** The first letter of `content`, after a `**` / `__` opener. */
function roleInitial(content: string): string {
	const c = content[0];
	const initial = (c === "*" || c === "_") && content[1] === c ? content[2] : c;
	return initial ?? "#";
}

/** Matches an answer marker at the start of `content`. */
export function matchAnswerMarker(content: string): MarkerMatch | null {
	const marker = matchMarker(content, ANSWER, true);
	if (marker || !ROLE_ANSWER_FIRST.includes(roleInitial(content))) return marker;
	return matchRole(content, ROLE_ANSWER);
}

/** `Role: text`, `**Role:** text`, `**Role**: text`. */
function matchRole(content: string, role: RegExp): MarkerMatch | null {
	const opener = openingEmphasis(content, false);
	const text = content.slice(opener.length);
	const m = role.exec(text);
	if (!m) return null;
	let after = text.slice(m[0].length);
	if (opener && after.startsWith(opener)) after = after.slice(2);
	after = after.trimStart();
	if (!after.startsWith(":") && !after.startsWith("：")) return null;
	after = after.slice(1);
	if (opener && after.startsWith(opener)) after = after.slice(2);
	if (after.length > 0 && after[0] !== " " && after[0] !== "\t") return null;
	const rest = after.trim();
	return rest.length > 0 ? { rest } : null;
}

/**
 * The emphasis that opens `text`: `**` or `__`; with `single`, also a `*` or `_` followed by a non-space;
 * else "".
 */
function openingEmphasis(text: string, single: boolean): string {
	if (text.startsWith("**") || text.startsWith("__")) return text.slice(0, 2);
	if (single && (text.startsWith("*") || text.startsWith("_")) && text.length > 1 && text[1] !== " ") return text[0];
	return "";
}

function matchMarker(content: string, pattern: RegExp, answer: boolean): MarkerMatch | null {
	const opener = openingEmphasis(content, true);
	const text = content.slice(opener.length);
	// `**Q1**: text`, `**답변**: text`: the bold holds the marker word, the punctuation follows it.
	if (opener.length === 2) {
		const closed = (answer ? BOLD_ANSWER : BOLD_QUESTION).exec(text);
		if (closed && closed[1] === opener) return { rest: text.slice(closed[0].length).trimStart() };
	}
	// Lower-case `q.`/`a.` are not markers; only the word forms ignore case.
	const first = text.charCodeAt(0);
	if (first === 113 /* q */ || first === 97 /* a */) {
		if (!/^(?:question|answer)/i.test(text)) return null;
	}
	const m = pattern.exec(text);
	let after: string;
	if (m) {
		after = text.slice(m[0].length);
		// `Q.` must be followed by a space, the end, a closing `**`, or non-Latin text (`A.아무것도`).
		const next = after.charCodeAt(0);
		if (after.length > 0 && next !== 32 && next !== 9 && next !== 42 && next !== 95 && next < 0x80) return null;
	} else if (answer && /^A\s+[^\s!-~]/.test(text)) {
		// `A 정말 어려움.`: a bare `A` before Korean text (but not the English article: `A lot of…`).
		after = text.slice(1);
	} else {
		return null;
	}
	if (opener && after.startsWith(opener)) {
		// `**Q:** text`: the bold held only the marker.
		return { rest: after.slice(2).trimStart() };
	}
	return { rest: opener + after.trimStart() };
}

const INLINE_ANSWER = /(^|\s)(\*\*|__|\*|_)?(A\s?\d{0,3}|[Aa]nswer|답변|답)\s?([:：.)])(\*\*|__|\*|_)?(?=\s)/g;

/**
 * Splits a marked question that carries its answer on the same line: `Does it scale? A: Yes`,
 * `**How often?** A. Weekly`, `배치 대비 비용 답변: 배치가 싸다`. `A.` / `A)` count only right after a `?`;
 * `A:`, `Answer:` and `답변:` anywhere after some question text.
 */
export function splitInlineAnswer(rest: string): { question: string; answer: string } | null {
	INLINE_ANSWER.lastIndex = 0;
	let m: RegExpExecArray | null;
	while ((m = INLINE_ANSWER.exec(rest)) !== null) {
		// What comes before the marker: skip spaces and up to two emphasis characters, then look for `?`.
		let before = m.index + m[1].length;
		while (before > 0 && (rest[before - 1] === " " || rest[before - 1] === "\t")) before--;
		if (before === 0) continue;
		const punctuation = m[4];
		if (punctuation === "." || punctuation === ")") {
			let q = before;
			for (let k = 0; k < 2 && q > 0 && (rest[q - 1] === "*" || rest[q - 1] === "_"); k++) q--;
			if (rest[q - 1] !== "?" && rest[q - 1] !== "？") continue;
		}
		const answer = rest.slice(m.index + m[0].length).trim();
		if (answer.length === 0) return null;
		return { question: rest.slice(0, before), answer };
	}
	return null;
}

/** Counts `**`/`__` runs, so a bold question can span lines. */
export function strongDelimiterCount(text: string): number {
	let count = 0;
	for (let i = 0; i < text.length - 1; i++) {
		const c = text.charCodeAt(i);
		if ((c === 42 || c === 95) && text.charCodeAt(i + 1) === c) {
			let end = i;
			while (end < text.length && text.charCodeAt(end) === c) end++;
			count++;
			i = end - 1;
		}
	}
	return count;
}

/** Headings that open a Q&A section (`## Q&A`, `### 질의응답`, `## QnA`, `## Questions`, `## AMA`). */
export const QA_SECTION =
	/^(?:(?:audience\s+|open\s+|live\s+)?(?:q\s*&\s*a|q\s*and\s*a|q\s*\/\s*a|qna|q\s*n\s*a)(?:\s+session|\s+time)?|(?:audience\s+|open\s+)?questions?(?:\s*(?:and|&)\s*answers?)?|questions\s+from\s+the\s+(?:audience|floor)|ama|ask\s+me\s+anything|질의\s*응답|질의\s*및\s*응답|질문\s*(?:과|및|&)?\s*답변|질문|질문들|질답|청중\s*질문|받은\s*질문|현장\s*질문|q\s*&\s*a\s*\(?질의\s*응답\)?)$/i;

/** Strips emoji, numbering and emphasis around a heading or bullet so section names can be compared. */
export function sectionName(text: string): string {
	return text
		.replace(/[*_`]/g, "")
		.replace(/^[^\p{L}]+/u, "")
		.replace(/[\s:：]+$/, "")
		.trim();
}
