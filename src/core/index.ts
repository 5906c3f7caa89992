/**
 * The public surface of `src/core`: everything the adapters (`src/obsidian`), the UI (`src/ui`), the
 * command-line tools (`scripts/`) and the benchmarks use from the core, by topic. The core is pure
 * TypeScript: it imports nothing from `src/obsidian` or `src/ui`, and only types from `obsidian`
 * (eslint.config.mjs enforces both). Modules not listed here are the core's own parts.
 */

// Notes: parsing a conference note into talks, Q&A and glossary entries.
export { parseNote, findGlossaryBlocks } from "./note-parser";
export type { ParseOptions } from "./note-parser";
export type { GlossaryEntry, NoteRecord, QaPair, Talk, TermDefinition, TermMention, TermRecord } from "./types";
export { readFrontmatter, isFrontmatterDelimiter, findFrontmatterEnd } from "./frontmatter";
export type { Frontmatter } from "./frontmatter";
export { DEFINITION_CALLOUTS, TERM_TITLED_CALLOUTS } from "./glossary-parser";
export { DEFAULT_TAGS, cleanTagList, hasTag, normalizeTag, noteTags, parseTagList, tagKey } from "./tags";
export { noteName } from "./text";

// The glossary: terms, mentions of them, and its health.
export { TermIndex } from "./term-index";
export { TermMatcher, findMentions } from "./matcher";
export { compareTerms, termKey } from "./term-key";
export { lookupTerm } from "./term-lookup";
export { findJargonMarkers, noteHealth, vaultHealth } from "./health";
export type { ConflictingTerm, GlossaryHealth, HealthNote, UndefinedMarked } from "./health";
export { newBlockState, skipBlockLine } from "./markdown-context";
export type { BlockState } from "./markdown-context";

// Writing: where a new glossary entry goes, and in which style.
export {
	cursorPosition,
	findMarkedJargon,
	insertionLine,
	localContext,
	planBlockInsertion,
	planLineInsertion,
	sectionLastLine,
	termAt,
	textLines,
	wordAt,
	wordsOf,
} from "./insertion";
export type { Insertion, LocalContext, MarkedJargon, TextLine } from "./insertion";
export { detectGlossaryStyle, formatGlossaryEntry, formatSkeleton } from "./glossary-format";
export type { FormattedEntry, GlossaryStyle } from "./glossary-format";

// Finding: the panel's search and the fuzzy term picker.
export { compileQuery, highlightRuns, matchRanges, matchSnippet, matchesQuery, searchKey } from "./search";
export type { SearchQuery } from "./search";
export { fuzzyFilter, prepareTarget } from "./fuzzy";
export type { FuzzyMatch, PreparedTarget } from "./fuzzy";

// Output: exports (CSV, Anki, JSON, Markdown digest) and the CLI's JSON shape.
export { EXPORT_FORMATS, checkExportFolder, exportAs, exportBaseName, isExportFormat, suggestedExportFolder } from "./export";
export type { DigestLabels, ExportFolderProblem, ExportFormat, ExportFormatInfo, ExportInput } from "./export";
export { noteToJson, parseSources, streamVaultReport, vaultReport } from "./vault-report";
export type { NoteJson, SourceFile, VaultReport, VaultReportOptions } from "./vault-report";

// Embeds: the options of a `conference-qa` / `conference-glossary` code block and what they select.
export { DEFAULT_QA_LIMIT, MAX_QA_LIMIT, markedTerms, notesInScope, parseEmbedOptions, selectGlossary, selectQa } from "./embed-options";
export type { EmbedKind, EmbedOptionError, ExpectedValue, GlossaryEmbedOptions, NoteRef, QaEmbedOptions } from "./embed-options";

// Settings: defaults, merging, versions and migration of data.json.
export { DEFAULT_SETTINGS, mergeSettings } from "./settings";
export type { PluginSettings } from "./settings";
export { SETTINGS_VERSION, loadSettings, migrateSettings, saveSettings } from "./settings-versions";
export type { StoredData } from "./settings-versions";
