/**
 * The one newline rule of the plugin: a line ends at `\r\n`, `\r` or `\n` (as CodeMirror and Obsidian
 * read notes). The parser, the matcher, the health check and every other line-based scan use these
 * functions, so line numbers agree everywhere whatever the note's line endings.
 *
 * Every function is linear in what it reads: the position of the next `\n` and of the next `\r` are
 * remembered between calls (`LineBreaks`), so walking a text line by line never re-searches it.
 */

export const LF = 0x0a;
export const CR = 0x0d;

/** True for `\n` and `\r`. */
export function isLineBreak(c: number): boolean {
	return c === LF || c === CR;
}

/** Splits into lines on LF, CRLF or CR. Line i (0-based) is line i+1 in every result. */
export function splitLines(text: string): string[] {
	return text.indexOf("\r") === -1 ? text.split("\n") : text.split(/\r\n|\r|\n/);
}

/**
 * Finds line ends in one text, moving forward. `end(p)` is the offset of the line break at or after `p`
 * (the text's length when none); `next(e)` is where the line after the break at `e` starts. Calls with
 * growing `p` cost, in total, one pass over the text.
 */
export class LineBreaks {
	private nextLf = -2;
	private nextCr = -2;
	private readonly hasCr: boolean;

	constructor(private readonly text: string) {
		this.hasCr = text.indexOf("\r") >= 0;
		if (!this.hasCr) this.nextCr = -1;
	}

	/** Offset of the first `\n` or `\r` at or after `p`, or the text's length. */
	end(p: number): number {
		const text = this.text;
		if (this.nextLf !== -1 && (this.nextLf < p || this.nextLf === -2)) this.nextLf = text.indexOf("\n", p);
		if (this.hasCr && this.nextCr !== -1 && (this.nextCr < p || this.nextCr === -2)) this.nextCr = text.indexOf("\r", p);
		const lf = this.nextLf < 0 ? text.length : this.nextLf;
		const cr = this.nextCr < 0 ? text.length : this.nextCr;
		return lf < cr ? lf : cr;
	}

	/** Start of the line after the break at `e` (`\r\n` counts as one break). */
	next(e: number): number {
		return lineAfter(this.text, e);
	}
}

/** Start of the line after the line break at `e` (`\r\n` counts as one). */
export function lineAfter(text: string, e: number): number {
	return text.charCodeAt(e) === CR && text.charCodeAt(e + 1) === LF ? e + 2 : e + 1;
}

/** Offset of the line break at or after `p` (the text's length when none). One search; for a single lookup. */
export function lineEndAt(text: string, p: number): number {
	const lf = text.indexOf("\n", p);
	const cr = text.indexOf("\r", p);
	const a = lf < 0 ? text.length : lf;
	const b = cr < 0 ? text.length : cr;
	return a < b ? a : b;
}

/** Start of the line holding offset `p`: just after the last line break before `p`. */
export function lineStartAt(text: string, p: number): number {
	if (p <= 0) return 0;
	const lf = text.lastIndexOf("\n", p - 1);
	const cr = text.lastIndexOf("\r", p - 1);
	return Math.max(lf, cr) + 1;
}
