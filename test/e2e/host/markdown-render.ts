/**
 * The host's Markdown renderer: a small CommonMark-ish subset (headings, paragraphs with soft breaks
 * shown as line breaks like Obsidian's default, block quotes and callouts, lists, fenced code, tables,
 * rules; code spans, emphasis, highlights, wiki links, Markdown links, tags).
 *
 * It builds DOM with createEl/text nodes only and NEVER interprets HTML: `<img onerror=…>` or `<script>`
 * in a note shows as text. Links get an `href` only for http(s) and mailto; anything else (such as
 * `javascript:`) is rendered without one. Images are not loaded; their alt text is shown.
 */

/** One rendered top-level block and the 0-based source lines it came from (inclusive). */
export interface RenderedSection {
	el: HTMLElement;
	lineStart: number;
	lineEnd: number;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const RULE = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const QUOTE = /^ {0,3}> ?(.*)$/;
const LIST_ITEM = /^([ \t]*)([-*+]|\d{1,9}[.)])[ \t]+(.*)$/;
const CALLOUT = /^\[!([^\]\s]+)\]([+-]?)(?:[ \t]+(.*))?$/;
const TABLE_RULE = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;
const SAFE_HREF = /^(https?:|mailto:)/i;

function isBlank(line: string): boolean {
	return line.trim() === "";
}

/** Lines that start a new block and so end a paragraph. */
function startsBlock(line: string): boolean {
	return FENCE.test(line) || HEADING.test(line) || RULE.test(line) || QUOTE.test(line) || /^ {0,3}([-*+]|1[.)])[ \t]+\S/.test(line) || line.trimStart().startsWith("%%");
}

/** Renders `markdown` into `parent`, one element per top-level block; returns the blocks with their lines. */
export function renderMarkdown(parent: HTMLElement, markdown: string): RenderedSection[] {
	const lines = markdown.replace(/^\uFEFF/, "").split(/\r?\n/);
	return renderLines(parent, lines, 0);
}

function renderLines(parent: HTMLElement, lines: string[], offset: number): RenderedSection[] {
	const sections: RenderedSection[] = [];
	let i = 0;
	if (offset === 0 && lines[0]?.trimEnd() === "---") {
		const end = lines.findIndex((l, k) => k > 0 && (l.trimEnd() === "---" || l.trimEnd() === "..."));
		if (end > 0) i = end + 1; // Frontmatter: Obsidian shows it as properties, not as Markdown.
	}
	while (i < lines.length) {
		const line = lines[i];
		if (isBlank(line)) {
			i++;
			continue;
		}
		const start = i;
		const section = parent.createDiv();
		const fence = FENCE.exec(line);
		if (fence) {
			const marker = fence[1];
			const body: string[] = [];
			i++;
			while (i < lines.length && !new RegExp(`^ {0,3}${marker[0] === "`" ? "`" : "~"}{${marker.length},}\\s*$`).test(lines[i])) body.push(lines[i++]);
			const pre = section.createEl("pre");
			const language = fence[2].trim().split(/\s+/)[0];
			pre.createEl("code", { cls: language ? `language-${language}` : undefined, text: body.join("\n") });
			i = Math.min(i, lines.length - 1) + 1;
		} else if (line.trimStart().startsWith("%%")) {
			// Obsidian comment: not rendered.
			const closesHere = line.trim().length > 2 && line.trim().endsWith("%%");
			i++;
			if (!closesHere) {
				while (i < lines.length && !lines[i].includes("%%")) i++;
				i++;
			}
			section.remove();
			continue;
		} else if (HEADING.test(line)) {
			const m = HEADING.exec(line);
			const level = m?.[1].length ?? 1;
			const tag = `h${level}` as "h1" | "h2" | "h3" | "h4" | "h5" | "h6";
			renderInline(section.createEl(tag), m?.[2] ?? "");
			i++;
		} else if (RULE.test(line)) {
			section.createEl("hr");
			i++;
		} else if (QUOTE.test(line)) {
			const inner: string[] = [];
			let lazyOk = false;
			while (i < lines.length) {
				const q = QUOTE.exec(lines[i]);
				if (q) {
					inner.push(q[1]);
					lazyOk = !isBlank(q[1]) && !FENCE.test(q[1]);
				} else if (lazyOk && !isBlank(lines[i]) && !startsBlock(lines[i])) {
					inner.push(lines[i]); // Lazy continuation of the quoted paragraph.
				} else break;
				i++;
			}
			renderQuote(section, inner, offset + start);
		} else if (LIST_ITEM.test(line)) {
			const block: string[] = [];
			while (i < lines.length) {
				const l = lines[i];
				if (isBlank(l)) {
					const next = lines[i + 1];
					if (next !== undefined && (LIST_ITEM.test(next) || /^[ \t]{2,}\S/.test(next))) {
						i++;
						continue;
					}
					break;
				}
				if (block.length > 0 && !LIST_ITEM.test(l) && !/^[ \t]+\S/.test(l) && startsBlock(l)) break;
				block.push(l);
				i++;
			}
			renderList(section, block);
		} else if (line.includes("|") && i + 1 < lines.length && TABLE_RULE.test(lines[i + 1]) && lines[i + 1].includes("-")) {
			const rows: string[] = [line];
			i += 2;
			while (i < lines.length && !isBlank(lines[i]) && lines[i].includes("|")) rows.push(lines[i++]);
			renderTable(section, rows);
		} else {
			const para: string[] = [];
			while (i < lines.length && !isBlank(lines[i]) && (para.length === 0 || !startsBlock(lines[i]))) para.push(lines[i++]);
			renderInline(section.createEl("p"), para.map((l) => l.replace(/[ \t]+$/, "")).join("\n"));
		}
		sections.push({ el: section, lineStart: offset + start, lineEnd: offset + i - 1 });
	}
	return sections;
}

function renderQuote(section: HTMLElement, inner: string[], firstLine: number): void {
	const callout = CALLOUT.exec(inner[0]?.trim() ?? "");
	if (!callout) {
		renderLines(section.createEl("blockquote"), inner, firstLine);
		return;
	}
	const type = callout[1].toLowerCase();
	const box = section.createDiv({ cls: "callout", attr: { "data-callout": type } });
	const title = box.createDiv({ cls: "callout-title" });
	const titleText = callout[3]?.trim() || type.charAt(0).toUpperCase() + type.slice(1);
	renderInline(title.createDiv({ cls: "callout-title-inner" }), titleText);
	if (callout[2] === "-") box.addClass("is-collapsed");
	renderLines(box.createDiv({ cls: "callout-content" }), inner.slice(1), firstLine + 1);
}

interface ListLine {
	indent: number;
	ordered: boolean;
	text: string;
}

function renderList(section: HTMLElement, block: string[]): void {
	const items: ListLine[] = [];
	for (const l of block) {
		const m = LIST_ITEM.exec(l);
		if (m) items.push({ indent: m[1].replace(/\t/g, "    ").length, ordered: /\d/.test(m[2]), text: m[3] });
		else if (items.length > 0) items[items.length - 1].text += `\n${l.trim()}`;
	}
	const stack: { indent: number; list: HTMLElement; last: HTMLElement | null }[] = [];
	for (const item of items) {
		while (stack.length > 0 && item.indent < stack[stack.length - 1].indent) stack.pop();
		let top = stack[stack.length - 1];
		if (!top || item.indent > top.indent) {
			const host = top?.last ?? section;
			top = { indent: item.indent, list: host.createEl(item.ordered ? "ol" : "ul"), last: null };
			stack.push(top);
		}
		const li = top.list.createEl("li");
		const task = /^\[([ xX])\][ \t]+(.*)$/s.exec(item.text);
		if (task) {
			li.addClass("task-list-item");
			li.createEl("input", { type: "checkbox", cls: "task-list-item-checkbox", attr: { disabled: true, checked: task[1] !== " " } });
			renderInline(li, task[2]);
		} else {
			renderInline(li, item.text);
		}
		top.last = li;
	}
}

function splitRow(row: string): string[] {
	return row.trim().replace(/^\|/, "").replace(/\|$/, "").split("|").map((c) => c.trim());
}

function renderTable(section: HTMLElement, rows: string[]): void {
	const table = section.createEl("table");
	const head = table.createEl("thead").createEl("tr");
	for (const cell of splitRow(rows[0])) renderInline(head.createEl("th"), cell);
	const body = table.createEl("tbody");
	for (const row of rows.slice(1)) {
		const tr = body.createEl("tr");
		for (const cell of splitRow(row)) renderInline(tr.createEl("td"), cell);
	}
}

// ----- inline -----

const PUNCT = /[!-/:-@[-`{-~\p{P}\p{S}]/u;

function isSpace(ch: string | undefined): boolean {
	return ch === undefined || /\s/.test(ch);
}

function isPunct(ch: string | undefined): boolean {
	return ch !== undefined && PUNCT.test(ch);
}

/** CommonMark's left- and right-flanking delimiter runs. */
function leftFlanking(before: string | undefined, after: string | undefined): boolean {
	return !isSpace(after) && (!isPunct(after) || isSpace(before) || isPunct(before));
}

function rightFlanking(before: string | undefined, after: string | undefined): boolean {
	return !isSpace(before) && (!isPunct(before) || isSpace(after) || isPunct(after));
}

function runLength(text: string, at: number, ch: string): number {
	let n = 0;
	while (text[at + n] === ch) n++;
	return n;
}

/** Where a closing run of exactly `length` × `ch` starts after `from`, or -1. */
function findCloser(text: string, from: number, ch: string, length: number): number {
	for (let i = from; i < text.length; i++) {
		if (text[i] === "`") {
			const n = runLength(text, i, "`");
			const close = text.indexOf("`".repeat(n), i + n);
			if (close > 0) {
				i = close + n - 1;
				continue;
			}
		}
		if (text[i] === "\\") {
			i++;
			continue;
		}
		if (text[i] !== ch) continue;
		const n = runLength(text, i, ch);
		if (n === length && i > from && rightFlanking(text[i - 1], text[i + n]) && (ch !== "_" || !/[\p{L}\p{N}]/u.test(text[i + n] ?? ""))) return i;
		i += n - 1;
	}
	return -1;
}

function appendText(parent: HTMLElement, text: string): void {
	const parts = text.split("\n");
	parts.forEach((part, k) => {
		if (k > 0) parent.createEl("br");
		if (part !== "") parent.appendText(part);
	});
}

function safeHref(url: string): string | null {
	const trimmed = url.trim();
	return SAFE_HREF.test(trimmed) ? trimmed : null;
}

/** Renders inline Markdown into `parent`, as elements and text nodes only. */
export function renderInline(parent: HTMLElement, text: string): void {
	let plain = "";
	const flush = () => {
		if (plain !== "") appendText(parent, plain);
		plain = "";
	};
	let i = 0;
	while (i < text.length) {
		const ch = text[i];
		const rest = text.slice(i);
		if (ch === "\\" && i + 1 < text.length && isPunct(text[i + 1])) {
			plain += text[i + 1];
			i += 2;
			continue;
		}
		if (ch === "`") {
			const n = runLength(text, i, "`");
			const close = text.indexOf("`".repeat(n), i + n);
			if (close > 0 && text[close + n] !== "`") {
				flush();
				parent.createEl("code", { text: text.slice(i + n, close).replace(/\n/g, " ").replace(/^ (.+) $/, "$1") });
				i = close + n;
				continue;
			}
			plain += "`".repeat(n);
			i += n;
			continue;
		}
		const wiki = /^(!?)\[\[([^\]|\n]+)(?:\|([^\]\n]*))?\]\]/.exec(rest);
		if (wiki) {
			flush();
			const target = wiki[2].trim();
			if (wiki[1]) parent.createSpan({ cls: "internal-embed", text: wiki[3] ?? target, attr: { src: target } });
			else parent.createEl("a", { cls: "internal-link", text: wiki[3] ?? target, attr: { "data-href": target, href: target } });
			i += wiki[0].length;
			continue;
		}
		const link = /^(!?)\[([^\]\n]*)\]\(([^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+"[^"]*")?\)/.exec(rest);
		if (link) {
			flush();
			const [, bang, label, url] = link;
			if (bang) {
				parent.createSpan({ cls: "image-embed", text: label || url, attr: { "aria-label": `Image: ${label}` } });
			} else if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
				const a = parent.createEl("a", { cls: "external-link", attr: { rel: "noopener nofollow", target: "_blank" } });
				const href = safeHref(url);
				if (href) a.setAttr("href", href);
				renderInline(a, label);
			} else {
				const a = parent.createEl("a", { cls: "internal-link", attr: { "data-href": decodeURI(url), href: url } });
				renderInline(a, label);
			}
			i += link[0].length;
			continue;
		}
		const auto = /^<(https?:\/\/[^\s<>]+)>/.exec(rest);
		if (auto) {
			flush();
			parent.createEl("a", { cls: "external-link", text: auto[1], attr: { href: auto[1], rel: "noopener nofollow", target: "_blank" } });
			i += auto[0].length;
			continue;
		}
		const bare = /^https?:\/\/[^\s<>()]*[^\s<>().,;:!?'"]/.exec(rest);
		if (bare && (i === 0 || isSpace(text[i - 1]) || text[i - 1] === "(")) {
			flush();
			parent.createEl("a", { cls: "external-link", text: bare[0], attr: { href: bare[0], rel: "noopener nofollow", target: "_blank" } });
			i += bare[0].length;
			continue;
		}
		const tag = /^#([^\s!-,.:-@[-^`{-~]+)/.exec(rest);
		if (tag && (i === 0 || isSpace(text[i - 1])) && !/^\d+$/.test(tag[1])) {
			flush();
			parent.createEl("a", { cls: "tag", text: tag[0], attr: { href: tag[0] } });
			i += tag[0].length;
			continue;
		}
		if (ch === "*" || ch === "_" || ch === "~" || ch === "=") {
			const n = runLength(text, i, ch);
			const width = ch === "~" || ch === "=" ? 2 : Math.min(n, 3);
			const opens = (ch === "~" || ch === "=" ? n === 2 : n <= 3) && leftFlanking(text[i - 1], text[i + n]) && (ch !== "_" || !/[\p{L}\p{N}]/u.test(text[i - 1] ?? ""));
			const close = opens ? findCloser(text, i + n, ch, n) : -1;
			if (opens && close > 0 && n === width) {
				flush();
				const inner = text.slice(i + n, close);
				if (ch === "~") renderInline(parent.createEl("del"), inner);
				else if (ch === "=") renderInline(parent.createEl("mark"), inner);
				else if (n === 3) renderInline(parent.createEl("strong").createEl("em"), inner);
				else renderInline(parent.createEl(n === 2 ? "strong" : "em"), inner);
				i = close + n;
				continue;
			}
			plain += ch.repeat(n);
			i += n;
			continue;
		}
		plain += ch;
		i++;
	}
	flush();
}
