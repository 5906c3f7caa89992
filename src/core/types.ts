/**
 * Plain data shared by every room of the plugin. Nothing here touches Obsidian.
 * Lines are 1-based everywhere; text fields are plain text with whitespace collapsed,
 * and the `*Markdown` fields keep the note's own Markdown for rendering.
 */

/** A `## Talk title - Speaker` heading. */
export interface Talk {
	title: string;
	speaker: string | null;
	line: number;
}

/** A question asked in the audience and the answer it got. */
export interface QaPair {
	question: string;
	answer: string;
	/** Line where the question starts. */
	line: number;
	/** Line where the answer starts. */
	answerLine: number;
	/** Last line that belongs to the pair (question, answer or an inner glossary block). */
	endLine: number;
	/** Index into the note's `talks`, or null when the pair comes before any talk heading. */
	talk: number | null;
	questionMarkdown: string;
	answerMarkdown: string;
}

/** One term defined in a note. `SMB, SME (…)` gives two entries with the same definition. */
export interface GlossaryEntry {
	term: string;
	aliases: string[];
	definition: string;
	definitionMarkdown: string;
	/** The term's line. */
	line: number;
	/** Last line of the definition. */
	endLine: number;
}

/** Everything the parser reads from one conference note. */
export interface NoteRecord {
	path: string;
	title: string;
	tags: string[];
	talks: Talk[];
	qa: QaPair[];
	glossary: GlossaryEntry[];
}

/** A term or alias found in text. Offsets index the original (not normalised) text. */
export interface TermMention {
	/** Offset of the first matched character. */
	from: number;
	/** Offset after the last matched character (the `*` marker is not included). */
	to: number;
	/** 1-based line. */
	line: number;
	/** 1-based column (UTF-16 code units). */
	column: number;
	/** The text as written, e.g. `ECPM`. */
	text: string;
	/** The canonical term it refers to, e.g. `eCPM`. */
	term: string;
	/** True when the text is followed by the `*` jargon marker. */
	marked: boolean;
}

/** One definition of a term, with where it came from. */
export interface TermDefinition {
	term: string;
	aliases: string[];
	definition: string;
	definitionMarkdown: string;
	path: string;
	line: number;
}

/** A term as the vault knows it: every spelling it goes by and every definition it has. */
export interface TermRecord {
	/** Normalised lookup key (see `termKey`). */
	key: string;
	/** Display form of the term, from its first definition. */
	term: string;
	/** The term and all aliases, unique, display forms. */
	names: string[];
	definitions: TermDefinition[];
}
