/**
 * Words of the code-block embeds: option errors, empty states and footers, all from the message tables
 * (src/i18n), so a block speaks the user's language. Read at render time (getters), as every view does.
 */
import type { EmbedOptionError, ExpectedValue } from "../../core/embed-options";
import { MAX_QA_LIMIT } from "../../core/embed-options";
import { t } from "../../i18n";

function expected(what: ExpectedValue): string {
	switch (what) {
		case "note":
			return t("embed.expect.note");
		case "tag":
			return t("embed.expect.tag");
		case "text":
			return t("embed.expect.text");
		case "limit":
			return t("embed.expect.limit", { max: MAX_QA_LIMIT });
		case "terms":
			return t("embed.expect.terms");
	}
}

/** One line of the inline error box. */
export function optionErrorText(error: EmbedOptionError): string {
	switch (error.code) {
		case "unknown-key":
			return t("embed.error.unknownKey", { line: error.line, key: error.key, allowed: error.allowed.map((k) => `${k}:`).join(", ") });
		case "duplicate-key":
			return t("embed.error.duplicateKey", { line: error.line, key: error.key });
		case "missing-colon":
			return t("embed.error.missingColon", { line: error.line, text: error.text });
		case "bad-value":
			return error.value === ""
				? t("embed.error.emptyValue", { line: error.line, key: error.key, expected: expected(error.expected) })
				: t("embed.error.badValue", { line: error.line, key: error.key, value: error.value, expected: expected(error.expected) });
	}
}

export const EMBED_TEXT = {
	get errorsTitle(): string {
		return t("embed.errorsTitle");
	},
	get indexing(): string {
		return t("panel.emptyIndexingTitle");
	},
	get noQa(): string {
		return t("embed.noQa");
	},
	get noTerms(): string {
		return t("embed.noTerms");
	},
	get nested(): string {
		return t("embed.nested");
	},
	get failed(): string {
		return t("embed.failed");
	},
	noteMissing: (target: string): string => t("embed.noteMissing", { target }),
	notConference: (name: string): string => t("embed.notConference", { name }),
	noGlossary: (name: string): string => t("embed.noGlossary", { name }),
	shownOf: (shown: number, matched: number): string => t("embed.shownOf", { shown, matched }),
	questions: (count: number): string => t("panel.questionCount", { count }),
	get beforeFirstTalk(): string {
		return t("panel.beforeFirstTalk");
	},
	line: (line: number): string => t("embed.line", { line }),
	lineIn: (note: string, line: number): string => t("panel.definitionSource", { note, line }),
	openLine: (path: string, line: number): string => t("hover.openLabel", { path, line }),
	get warningsLabel(): string {
		return t("panel.warnings");
	},
	columns: {
		get term(): string {
			return t("embed.column.term");
		},
		get aliases(): string {
			return t("embed.column.aliases");
		},
		get definition(): string {
			return t("embed.column.definition");
		},
		get source(): string {
			return t("embed.column.source");
		},
	},
};
