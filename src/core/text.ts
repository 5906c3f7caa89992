/** Small text helpers shared by the parsers: normalisation, line splitting, character classes. */

/** Removes a leading byte-order mark and normalises to NFC, so NFD Hangul reads like NFC. */
export function normalizeNote(text: string): string {
	const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	return MAY_CHANGE_UNDER_NFC.test(withoutBom) ? withoutBom.normalize("NFC") : withoutBom;
}

/**
 * Characters outside these ranges may change under NFC (combining marks, conjoining jamo, kana voicing
 * marks, compatibility ideographs, singletons such as U+212B). Text made only of ASCII, Latin-1, common
 * punctuation, CJK symbols, kana, compatibility jamo, CJK ideographs and precomposed Hangul is already NFC,
 * so the common case skips `normalize`.
 */
const MAY_CHANGE_UNDER_NFC = /[^\t\n\r\u0020-\u02ff\u2010-\u2027\u2030-\u205e\u3000-\u3098\u309b-\u318f\u4e00-\u9fff\uac00-\ud7a3]/;

/** A note's name as Obsidian shows it: the path's last segment without `.md`. */
export function noteName(path: string): string {
	return path.slice(path.lastIndexOf("/") + 1).replace(/\.md$/i, "");
}

export { splitLines } from "./newline";

/** `text` when it has at most `max` characters, else its first `max - 1` and `…`. */
export function ellipsize(text: string, max: number): string {
	return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Collapses every run of whitespace to one space and trims. */
export function collapseWhitespace(text: string): string {
	let out = "";
	let segmentStart = -1;
	let pendingSpace = false;
	let i = 0;
	const n = text.length;
	while (i < n) {
		const c = text.charCodeAt(i);
		if (!isWhitespace(c)) {
			if (segmentStart < 0) {
				if (pendingSpace && out.length > 0) out += " ";
				pendingSpace = false;
				segmentStart = i;
			}
			i++;
			continue;
		}
		// A single plain space between words stays inside the current segment.
		if (c === 32 && segmentStart >= 0 && i + 1 < n && !isWhitespace(text.charCodeAt(i + 1))) {
			i++;
			continue;
		}
		if (segmentStart >= 0) {
			out += text.slice(segmentStart, i);
			segmentStart = -1;
		}
		pendingSpace = true;
		i++;
	}
	if (segmentStart >= 0) {
		if (pendingSpace && out.length > 0) out += " ";
		out += text.slice(segmentStart);
	}
	return out;
}

export function isHangul(code: number): boolean {
	return (
		(code >= 0xac00 && code <= 0xd7a3) ||
		(code >= 0x1100 && code <= 0x11ff) ||
		(code >= 0x3130 && code <= 0x318f) ||
		(code >= 0xa960 && code <= 0xa97f) ||
		(code >= 0xd7b0 && code <= 0xd7ff)
	);
}

export function isAsciiLetterOrDigit(code: number): boolean {
	return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

export function isWhitespace(code: number): boolean {
	if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
	return code === 0xa0 || code === 0x3000 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0xfeff;
}

/** Letters and digits of any script (used for word boundaries). */
export function isWordChar(code: number): boolean {
	if (code < 128) return isAsciiLetterOrDigit(code) || code === 95;
	if (isHangul(code)) return true;
	return /[\p{L}\p{N}]/u.test(String.fromCharCode(code));
}
