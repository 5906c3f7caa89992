/**
 * Shared pieces of the hover tests: term records written in our own words, a small substring finder for
 * tests that do not need the core matcher, and a check for anything in a DOM tree that could run script.
 */
import type { TermDefinition, TermMention, TermRecord } from "../../../src/core/types";

export function definition(term: string, definitionMarkdown: string, path = "Talks/Demo day.md", line = 3, aliases: string[] = []): TermDefinition {
	return { term, aliases, definition: definitionMarkdown, definitionMarkdown, path, line };
}

export function record(term: string, definitions: TermDefinition[], names: string[] = [term]): TermRecord {
	return { key: term.toLowerCase(), term, names, definitions };
}

/** Finds the given names as plain substrings (longest first, ASCII word boundaries): enough for DOM tests. */
export function substringFinder(names: Record<string, string>): (text: string) => TermMention[] {
	const list = Object.keys(names).sort((a, b) => b.length - a.length);
	return (text: string) => {
		const found: TermMention[] = [];
		let i = 0;
		while (i < text.length) {
			const name = list.find((n) => text.startsWith(n, i) && !isWord(text.charCodeAt(i - 1)) && !(isAscii(n) && isWord(text.charCodeAt(i + n.length))));
			if (!name) {
				i++;
				continue;
			}
			const marked = text.charCodeAt(i + name.length) === 42;
			found.push({ from: i, to: i + name.length, line: 1, column: i + 1, text: name, term: names[name], marked });
			i += name.length;
		}
		return found;
	};
}

function isAscii(s: string): boolean {
	return /^[\x20-\x7e]+$/.test(s);
}

function isWord(code: number): boolean {
	return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** Elements and attributes under `root` that could execute script if the page honoured them. */
export function activeContent(root: ParentNode): string[] {
	const problems: string[] = [];
	for (const el of Array.from(root.querySelectorAll("*"))) {
		const tag = el.tagName.toLowerCase();
		if (["script", "iframe", "object", "embed", "img", "svg", "style", "link", "meta"].includes(tag) && !el.classList.contains("svg-icon")) problems.push(`<${tag}>`);
		for (const attr of Array.from(el.attributes)) {
			if (attr.name.toLowerCase().startsWith("on")) problems.push(`${tag}[${attr.name}]`);
			if (["href", "src", "action", "formaction", "xlink:href"].includes(attr.name.toLowerCase()) && /^\s*(?:javascript|data|vbscript):/i.test(attr.value)) {
				problems.push(`${tag}[${attr.name}=${attr.value}]`);
			}
		}
	}
	return problems;
}

/** Fires the events a hostile element would use to run code, on every element under `root`. */
export function poke(root: ParentNode): void {
	for (const el of Array.from(root.querySelectorAll<HTMLElement>("*"))) {
		for (const type of ["error", "load", "mouseover", "focus"]) el.dispatchEvent(new Event(type));
		if (el.tagName === "A") el.click();
	}
}

/** The three hostile definitions the issue names. */
export const HOSTILE = {
	img: `Looks harmless <img src=x onerror="window.cqgPwned = 'img'"> until it renders.`,
	script: `Before <script>window.cqgPwned = 'script'</script> after.`,
	link: `A [friendly link](javascript:window.cqgPwned='link') and <a href="javascript:window.cqgPwned='a'">another</a>.`,
};
