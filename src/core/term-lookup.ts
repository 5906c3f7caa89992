/**
 * Looking a name up the way a reader hovers it: the exact term or alias (any case, spacing or Unicode
 * form, see `termKey`), or else a term followed only by a Korean particle or ending (`티핑포인트를`,
 * `CTR을`, `SME와`), which is how the matcher reads the same word in a note. Pure.
 */
import { findMentions } from "./matcher";
import type { TermIndex } from "./term-index";
import { isHangul } from "./text";
import type { TermRecord } from "./types";

/** Longest name looked up (a term is a word or a few, not a paragraph). */
const MAX_NAME = 200;

/** The record `name` stands for, or undefined. */
export function lookupTerm(index: TermIndex, name: string): TermRecord | undefined {
	if (typeof name !== "string") return undefined;
	const text = name.slice(0, MAX_NAME).normalize("NFC").trim().replace(/\*+$/, "");
	if (text === "") return undefined;
	const exact = index.lookup(text);
	if (exact) return exact;
	const matcher = index.matcher();
	if (matcher.size === 0 || text.includes("\n")) return undefined;
	const first = findMentions(text, matcher, { blocks: false })[0];
	if (!first || first.from !== 0 || !isParticle(text.slice(first.to))) return undefined;
	return index.lookup(first.term);
}

/** A Korean particle or ending: Hangul only (what the matcher lets follow a term). */
function isParticle(rest: string): boolean {
	if (rest.length === 0 || rest.length > 6) return rest.length === 0;
	for (let i = 0; i < rest.length; i++) if (!isHangul(rest.charCodeAt(i))) return false;
	return true;
}
