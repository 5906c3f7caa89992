/** Small text helpers shared by the parsers: normalisation, line splitting, character classes. */

/** Removes a leading byte-order mark and normalises to NFC, so NFD Hangul reads like NFC. */
export function normalizeNote(text: string): string {
	const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	return isAlreadyNfc(withoutBom) ? withoutBom : withoutBom.normalize("NFC");
}

/**
 * A cheap check that lets plain ASCII and precomposed Hangul skip `normalize`: only characters at or above
 * U+0300 (combining marks, conjoining jamo, compatibility forms) can change under NFC.
 */
function isAlreadyNfc(text: string): boolean {
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c < 0x300) continue;
		// Precomposed Hangul syllables are already NFC.
		if (c >= 0xac00 && c <= 0xd7a3) continue;
		// Hangul compatibility jamo and CJK ideographs/punctuation do not compose.
		if ((c >= 0x3000 && c <= 0x318f) || (c >= 0x4e00 && c <= 0x9fff)) continue;
		return text === text.normalize("NFC");
	}
	return true;
}

/** Splits into lines on LF, CRLF or CR. Line i (0-based) is line i+1 in every result. */
export function splitLines(text: string): string[] {
	return text.indexOf("\r") === -1 ? text.split("\n") : text.split(/\r\n|\r|\n/);
}

/** Collapses every run of whitespace to one space and trims. */
export function collapseWhitespace(text: string): string {
	return text.replace(/\s+/g, " ").trim();
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
	return code === 32 || code === 9 || code === 10 || code === 13 || code === 12 || code === 11 || code === 0xa0 || code === 0x3000;
}

/** Letters and digits of any script (used for word boundaries). */
export function isWordChar(code: number): boolean {
	if (code < 128) return isAsciiLetterOrDigit(code) || code === 95;
	if (isHangul(code)) return true;
	return /[\p{L}\p{N}]/u.test(String.fromCharCode(code));
}
