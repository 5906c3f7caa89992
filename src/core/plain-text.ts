/**
 * Turns inline Markdown into display text: emphasis, jargon markers (`ECPM*`), code-span backticks,
 * link syntax and hard breaks are removed, whitespace is collapsed. The result is text, never HTML.
 */
import { collapseWhitespace, isWhitespace } from "./text";

const MARKUP = /[*_`[\]~=!<]/;

export function toPlainText(markdown: string): string {
	if (!MARKUP.test(markdown)) return collapseWhitespace(markdown);
	let text = markdown;
	if (text.indexOf("[") !== -1) {
		text = text.replace(/!\[\[[^\]]*\]\]/g, "");
		text = text.replace(/\[\[([^\]|]*)\|([^\]]*)\]\]/g, "$2").replace(/\[\[([^\]]*)\]\]/g, "$1");
		text = text.replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1");
		text = text.replace(/\[([^\]]*)\]\([^)]*\)/g, "$1");
	}
	if (text.indexOf("<") !== -1) {
		text = text.replace(/<((?:https?|mailto):[^>\s]*)>/g, "$1");
		text = text.replace(/<br\s*\/?>/gi, " ");
	}
	if (text.indexOf("`") !== -1) text = text.replace(/(`+)(.+?)\1(?!`)/g, "$2");
	if (text.indexOf("~~") !== -1) text = text.replace(/~~([^~]+)~~/g, "$1");
	if (text.indexOf("==") !== -1) text = text.replace(/==([^=]+)==/g, "$1");
	text = removeAsteriskMarkup(text);
	if (text.indexOf("_") !== -1) {
		text = text.replace(/__([^_]+)__/g, "$1");
		text = removeUnderscoreEmphasis(text);
	}
	return collapseWhitespace(text);
}

/**
 * Removes `**` runs, `*emphasis*` pairs and jargon markers (a single `*` right after a word, as in
 * `ECPM*` or `티핑포인트*를`). A lone `*` between spaces (`5 * 3`) stays.
 */
export function removeAsteriskMarkup(text: string): string {
	if (text.indexOf("*") === -1) return text;
	const remove = new Uint8Array(text.length);
	let openAt = -1;
	for (let i = text.indexOf("*"); i !== -1 && i < text.length; i = text.indexOf("*", i + 1)) {
		let end = i;
		while (end < text.length && text.charCodeAt(end) === 42) end++;
		const run = end - i;
		if (run >= 2) {
			for (let k = i; k < end; k++) remove[k] = 1;
			i = end - 1;
			continue;
		}
		const before = i > 0 ? text.charCodeAt(i - 1) : 32;
		const after = i + 1 < text.length ? text.charCodeAt(i + 1) : 32;
		const canOpen = !isWhitespace(after) && (isWhitespace(before) || isOpeningPunctuation(before));
		const canClose = !isWhitespace(before);
		if (openAt >= 0 && canClose) {
			remove[openAt] = 1;
			remove[i] = 1;
			openAt = -1;
		} else if (canOpen && hasCloserAhead(text, i + 1)) {
			openAt = i;
		} else if (canClose) {
			// A jargon marker: `term*`.
			remove[i] = 1;
		}
	}
	let out = "";
	let start = 0;
	for (let i = text.indexOf("*"); i !== -1; i = text.indexOf("*", i + 1)) {
		if (remove[i]) {
			out += text.slice(start, i);
			start = i + 1;
		}
	}
	return out + text.slice(start);
}

/** True when a single `*` that can close an emphasis follows on the same line. */
function hasCloserAhead(text: string, from: number): boolean {
	for (let i = from; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 10) return false;
		if (c === 42 && text.charCodeAt(i + 1) !== 42 && text.charCodeAt(i - 1) !== 42 && !isWhitespace(text.charCodeAt(i - 1))) {
			return true;
		}
	}
	return false;
}

function isOpeningPunctuation(code: number): boolean {
	return code === 40 || code === 91 || code === 123 || code === 34 || code === 39 || code === 0x201c || code === 0x2018;
}

function removeUnderscoreEmphasis(text: string): string {
	if (text.indexOf("_") === -1) return text;
	// `_word_` at word boundaries only, so snake_case stays.
	return text.replace(/(^|[\s(["'])_([^_\s](?:[^_]*[^_\s])?)_(?=$|[\s)\].,!?:;"'])/g, "$1$2");
}

/**
 * Removes jargon markers from Markdown (`CTR* 과` → `CTR 과`, `버짓*을` → `버짓을`), keeping emphasis, bold
 * and escaped stars: the marker is a note-taker's flag, never something a reader should see.
 */
export function removeJargonMarkers(markdown: string): string {
	if (markdown.indexOf("*") === -1) return markdown;
	let out = "";
	let start = 0;
	let openAt = -1;
	for (let i = markdown.indexOf("*"); i !== -1 && i < markdown.length; i = markdown.indexOf("*", i + 1)) {
		let end = i;
		while (end < markdown.length && markdown.charCodeAt(end) === 42) end++;
		if (end - i >= 2) {
			i = end - 1;
			continue;
		}
		const before = i > 0 ? markdown.charCodeAt(i - 1) : 32;
		const after = i + 1 < markdown.length ? markdown.charCodeAt(i + 1) : 32;
		const canOpen = !isWhitespace(after) && (isWhitespace(before) || isOpeningPunctuation(before));
		const canClose = !isWhitespace(before) && before !== 92; /* already escaped */
		if (openAt >= 0 && canClose) {
			openAt = -1;
		} else if (canOpen && hasCloserAhead(markdown, i + 1)) {
			openAt = i;
		} else if (canClose) {
			out += markdown.slice(start, i);
			start = i + 1;
		}
	}
	return out + markdown.slice(start);
}
