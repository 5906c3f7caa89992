/**
 * Words of the code-block embeds: option errors, empty states and footers. Kept in one place so the
 * blocks' strings can move to the translation tables with the rest of the UI.
 */
import type { EmbedOptionError, ExpectedValue } from "../../core/embed-options";
import { MAX_QA_LIMIT } from "../../core/embed-options";

const EXPECTED: Record<ExpectedValue, string> = {
	note: "a note link such as [[Note]], or this",
	tag: "a tag such as #conference/2025",
	text: "some words",
	limit: `a whole number from 1 to ${MAX_QA_LIMIT}`,
	terms: "marked or all",
};

/** One line of the inline error box. */
export function optionErrorText(error: EmbedOptionError): string {
	switch (error.code) {
		case "unknown-key":
			return `Line ${error.line}: unknown option "${error.key}". Use ${error.allowed.map((k) => `${k}:`).join(", ")}.`;
		case "duplicate-key":
			return `Line ${error.line}: "${error.key}:" is given twice; keep one.`;
		case "missing-colon":
			return `Line ${error.line}: write options as "key: value" ("${error.text}" has no key).`;
		case "bad-value":
			return error.value === ""
				? `Line ${error.line}: "${error.key}:" needs a value: ${EXPECTED[error.expected]}.`
				: `Line ${error.line}: "${error.value}" is not a valid ${error.key}; expected ${EXPECTED[error.expected]}.`;
	}
}

export const EMBED_TEXT = {
	errorsTitle: "This block has options it cannot read",
	indexing: "Indexing conference notes…",
	noQa: "No questions match this block's options.",
	noTerms: "No glossary terms match this block's options.",
	nested: "A conference block inside a conference block is not rendered.",
	failed: "This block could not be shown; the developer console has the details.",
	noteMissing: (target: string) => `No note named "${target}".`,
	notConference: (name: string) => `"${name}" is not a conference note (tag it #Conference to index it).`,
	noGlossary: (name: string) => `"${name}" has no glossary entries and is not a conference note.`,
	shownOf: (shown: number, matched: number) => `Showing ${shown} of ${matched} questions. Raise "limit:" to see more.`,
	questions: (n: number) => (n === 1 ? "1 question" : `${n} questions`),
	beforeFirstTalk: "Before the first talk",
	line: (line: number) => `line ${line}`,
	lineIn: (name: string, line: number) => `${name}, line ${line}`,
	openLine: (name: string, line: number) => `Open ${name} at line ${line}`,
	warningsLabel: "Glossary warnings",
	columns: { term: "Term", aliases: "Aliases", definition: "Definition", source: "Source" },
} as const;
