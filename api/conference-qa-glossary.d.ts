/**
 * Public API of the Conference Q&A Glossary plugin, for other plugins, Dataview JS and Templater:
 *
 *   const api = app.plugins.getPlugin("conference-qa-glossary")?.api;
 *
 * Copy this file into your project to type it. Everything returned is plain data, frozen (read-only)
 * and owned by the caller: it never changes under you; call again (or listen with `onChange`) to see
 * later edits. Lines are 1-based. Text fields are plain text with whitespace collapsed; `*Markdown`
 * fields keep the note's own Markdown.
 *
 * Stability: `version` names the shape of everything below. Within one `version`, fields are only
 * added, never renamed, removed or retyped; a breaking change comes with a new `version` number.
 *
 * This file is the source of truth: the plugin's code imports its types from here.
 */

/** The shape described in this file. */
export type ConferenceApiVersion = 1;

/** A `## Talk title - Speaker` heading. */
export interface ApiTalk {
	readonly title: string;
	readonly speaker: string | null;
	readonly line: number;
}

/** A question asked in the audience and the answer it got. */
export interface ApiQa {
	readonly question: string;
	readonly answer: string;
	readonly questionMarkdown: string;
	readonly answerMarkdown: string;
	/** Line of the question, line of the answer, last line of the pair. */
	readonly line: number;
	readonly answerLine: number;
	readonly endLine: number;
	/** Index into the note's `talks`, or null before the first talk heading. */
	readonly talk: number | null;
}

/** One glossary entry as written in a note. */
export interface ApiGlossaryEntry {
	readonly term: string;
	readonly aliases: readonly string[];
	readonly definition: string;
	readonly definitionMarkdown: string;
	readonly line: number;
	readonly endLine: number;
}

/** One indexed conference note. */
export interface ApiNote {
	/** Vault path, e.g. `Conferences/Toss Makers 25.md`. */
	readonly path: string;
	readonly title: string;
	/** Tags without `#`. */
	readonly tags: readonly string[];
	readonly talks: readonly ApiTalk[];
	readonly qa: readonly ApiQa[];
	readonly glossary: readonly ApiGlossaryEntry[];
}

/** One definition of a term and where it is written. */
export interface ApiDefinition {
	readonly term: string;
	readonly aliases: readonly string[];
	readonly definition: string;
	readonly definitionMarkdown: string;
	readonly path: string;
	readonly line: number;
}

/** A term as the vault knows it: every name it goes by and every definition it has. */
export interface ApiTerm {
	/** Display form, from its first definition (by path, then line). */
	readonly term: string;
	/** The term and its aliases, each once. */
	readonly names: readonly string[];
	readonly definitions: readonly ApiDefinition[];
}

/** A term or alias found in text. Offsets index the text given (UTF-16 code units). */
export interface ApiMention {
	readonly from: number;
	readonly to: number;
	/** 1-based line and column. */
	readonly line: number;
	readonly column: number;
	/** The text as written, e.g. `ECPM`. */
	readonly text: string;
	/** The canonical term it stands for, e.g. `eCPM`. */
	readonly term: string;
	/** Followed by the `*` jargon marker. */
	readonly marked: boolean;
}

/** What changed: the vault paths whose notes were added, edited, renamed or removed. */
export interface ApiChange {
	readonly paths: readonly string[];
}

export interface ConferenceQaGlossaryApi {
	/** The shape of this API (see "Stability" above). */
	readonly version: ConferenceApiVersion;
	/** True once the first scan of the vault has finished (before that, lists may be incomplete). */
	ready(): boolean;
	/** Every indexed conference note, by title. */
	notes(): readonly ApiNote[];
	/** The conference note at `path`, or null. */
	note(path: string): ApiNote | null;
	/** Every glossary term of the vault (conference notes and glossary sources), in display order. */
	terms(): readonly ApiTerm[];
	/**
	 * The term `name` stands for, as hovers read it: any case, spacing or Unicode form, an alias, or a
	 * term followed by a Korean particle (`티핑포인트를`, `CTR을`). Null when none.
	 */
	lookup(name: string): ApiTerm | null;
	/** Mentions of glossary terms in Markdown `text` (code, links and frontmatter are skipped), in order. */
	findMentions(text: string): readonly ApiMention[];
	/** Calls `callback` after each batch of index updates. Returns the function that stops it. */
	onChange(callback: (change: ApiChange) => void): () => void;
}
