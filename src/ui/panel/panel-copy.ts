/**
 * Markdown the conference panel copies to the clipboard: a Q&A pair, a talk's or a note's Q&A, and glossary
 * entries in the blockquote style the notes use (`> Term (Alias)` then `> definition`). Pure.
 */
import type { NoteRecord, QaPair, Talk, TermDefinition } from "../../core/types";

function quote(markdown: string): string {
	return markdown
		.trim()
		.split(/\r?\n/)
		.map((line) => (line.trim() === "" ? ">" : `> ${line.trimEnd()}`))
		.join("\n");
}

/** `**Q.** question` then `A. answer`, separated by a blank line. */
export function qaToMarkdown(pair: QaPair): string {
	const question = pair.questionMarkdown.trim() || pair.question;
	const answer = pair.answerMarkdown.trim() || pair.answer;
	return answer ? `**Q.** ${question}\n\nA. ${answer}` : `**Q.** ${question}`;
}

export function talkHeading(talk: Talk): string {
	return talk.speaker ? `${talk.title} - ${talk.speaker}` : talk.title;
}

/** The Q&A of one talk (or of the questions before any talk when `talk` is null) under its heading. */
export function talkToMarkdown(note: NoteRecord, talk: Talk | null): string {
	const index = talk ? note.talks.indexOf(talk) : -1;
	const pairs = note.qa.filter((p) => (talk ? p.talk === index : p.talk === null));
	const body = pairs.map(qaToMarkdown).join("\n\n");
	return talk ? `## ${talkHeading(talk)}\n\n${body}` : body;
}

/** Every talk and Q&A of a note, under its title. */
export function noteToMarkdown(note: NoteRecord): string {
	const parts = [`# ${note.title}`];
	if (note.qa.some((p) => p.talk === null)) parts.push(talkToMarkdown(note, null));
	for (const talk of note.talks) parts.push(talkToMarkdown(note, talk));
	return parts.filter((p) => p.trim() !== "").join("\n\n");
}

/** One glossary entry as a blockquote: the term with its aliases in parentheses, then the definition. */
export function definitionToMarkdown(definition: TermDefinition): string {
	const aliases = definition.aliases.length > 0 ? ` (${definition.aliases.join(", ")})` : "";
	const body = definition.definitionMarkdown.trim() || definition.definition;
	return `> ${definition.term}${aliases}\n${quote(body)}`;
}

/** Every definition of a term, one blockquote each. */
export function termToMarkdown(definitions: readonly TermDefinition[]): string {
	return definitions.map(definitionToMarkdown).join("\n\n");
}
