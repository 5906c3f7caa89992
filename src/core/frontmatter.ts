/** Reads the parts of YAML frontmatter the plugin needs (title, tags, speaker) without a YAML library. */

export interface Frontmatter {
	/** 0-based index of the closing `---` line, or -1 when the note has no (closed) frontmatter. */
	endLine: number;
	title: string | null;
	tags: string[];
	/** `speaker:` / `speakers:` / `presenter:` / `발표자:` / `연사:` (a list is joined with `, `), for one-session notes. */
	speaker: string | null;
}

function noFrontmatter(): Frontmatter {
	return { endLine: -1, title: null, tags: [], speaker: null };
}

const SPEAKER_KEYS = new Set(["speaker", "speakers", "presenter", "presenters", "발표자", "연사", "강연자"]);

/**
 * The one rule for frontmatter delimiters, as Obsidian reads them: `---` alone on a line (after a BOM on
 * the first line), and, closing, `---` or `...`; trailing spaces, tabs and a CR are allowed.
 */
export function isFrontmatterDelimiter(line: string, closing: boolean): boolean {
	let end = line.length;
	while (end > 0 && isBlank(line.charCodeAt(end - 1))) end--;
	const start = !closing && line.charCodeAt(0) === 0xfeff ? 1 : 0;
	if (end - start !== 3) return false;
	const c = line.charCodeAt(start);
	if (c !== 0x2d && !(closing && c === 0x2e)) return false;
	return line.charCodeAt(start + 1) === c && line.charCodeAt(start + 2) === c;
}

function isBlank(c: number): boolean {
	return c === 0x20 || c === 0x09 || c === 0x0d;
}

/**
 * 0-based index of the line that closes the frontmatter opening on line 0, or -1 when there is no closed
 * frontmatter. `line(i)` gives the text of line i of `count` (so callers need not copy their lines).
 */
export function findFrontmatterEnd(count: number, line: (i: number) => string): number {
	if (count < 2 || !isFrontmatterDelimiter(line(0), false)) return -1;
	for (let i = 1; i < count; i++) if (isFrontmatterDelimiter(line(i), true)) return i;
	return -1;
}

/** Frontmatter starts on the first line with `---` and ends at the next `---` or `...` line. */
export function readFrontmatter(lines: readonly string[]): Frontmatter {
	const end = findFrontmatterEnd(lines.length, (i) => lines[i]);
	if (end < 0) return noFrontmatter();

	let title: string | null = null;
	const tags: string[] = [];
	const speakers: string[] = [];
	let listKey: string | null = null;
	for (let i = 1; i < end; i++) {
		const line = lines[i];
		const item = /^\s*-\s*(.*)$/.exec(line);
		if (item && listKey !== null && (line.startsWith(" ") || line.startsWith("-") || line.startsWith("\t"))) {
			if (listKey === "tags" || listKey === "tag") tags.push(...splitTagValue(item[1]));
			else if (SPEAKER_KEYS.has(listKey) && item[1].trim() !== "") speakers.push(unquote(item[1].trim()));
			continue;
		}
		const field = /^([A-Za-z_\uac00-\ud7a3][\w\uac00-\ud7a3-]*)\s*:\s*(.*)$/.exec(line);
		if (!field) {
			if (line.length > 0 && !/^\s/.test(line)) listKey = null;
			continue;
		}
		const key = field[1].toLowerCase();
		const value = field[2].trim();
		listKey = value === "" ? key : null;
		if (key === "title" && value !== "") title = unquote(value);
		else if ((key === "tags" || key === "tag") && value !== "") tags.push(...splitTagValue(value));
		else if (SPEAKER_KEYS.has(key) && value !== "") speakers.push(...splitListValue(value));
	}
	return { endLine: end, title, tags: unique(tags), speaker: speakers.length > 0 ? speakers.join(", ") : null };
}

/** `[Ana Ruiz, "Bo Lee"]` or `Ana Ruiz` → the names. */
function splitListValue(raw: string): string[] {
	const value = raw.trim();
	if (!(value.startsWith("[") && value.endsWith("]"))) return [unquote(value)];
	return value
		.slice(1, -1)
		.split(",")
		.map((part) => unquote(part.trim()))
		.filter((part) => part.length > 0);
}

/** `[a, "b"]`, `a, b`, `a b`, `"#a"` → tag names without `#`. */
function splitTagValue(raw: string): string[] {
	let value = stripComment(raw.trim());
	if (value.startsWith("[") && value.endsWith("]")) value = value.slice(1, -1);
	return value
		.split(/[,\s]+/)
		.map((part) => unquote(part.trim()).replace(/^#+/, ""))
		.filter((part) => part.length > 0 && !/^\d+$/.test(part));
}

function stripComment(value: string): string {
	const hash = value.indexOf(" #");
	return hash >= 0 && !/^["']/.test(value) ? value.slice(0, hash) : value;
}

function unquote(value: string): string {
	if (value.length >= 2 && ((value.startsWith('"') && value.endsWith('"')) || (value.startsWith("'") && value.endsWith("'")))) {
		return value.slice(1, -1);
	}
	return value;
}

function unique(values: string[]): string[] {
	return [...new Set(values)];
}
