/**
 * Builds the DOM Obsidian's reading view makes of a note, for the post-processor tests: one `div` per
 * section (as post-processors receive them), paragraphs whose lines are joined by `<br>` (Obsidian's default
 * soft breaks), blockquotes holding paragraphs, headings, fenced code as `pre > code`, and the inline
 * `**strong**`, `` `code` ``, `[text](url)` and `[[link]]`. Built with createEl; no HTML is parsed.
 * Enough of Markdown for the notes the tests render, not a Markdown renderer.
 */
export interface RenderedSection {
	el: HTMLElement;
	/** 0-based first and last source line, as `getSectionInfo` reports. */
	lineStart: number;
	lineEnd: number;
}

export function renderLikeObsidian(markdown: string, parent: HTMLElement): RenderedSection[] {
	const lines = markdown.split(/\r?\n/);
	const sections: RenderedSection[] = [];
	let i = 0;
	if (lines[0]?.trimEnd() === "---") {
		const end = lines.findIndex((l, k) => k > 0 && l.trimEnd() === "---");
		if (end > 0) {
			const el = parent.createDiv({ cls: "frontmatter-container" });
			el.createEl("pre", { cls: "frontmatter" }).createEl("code", { text: lines.slice(1, end).join("\n") });
			sections.push({ el, lineStart: 0, lineEnd: end });
			i = end + 1;
		}
	}
	while (i < lines.length) {
		const line = lines[i];
		if (line.trim() === "") {
			i++;
			continue;
		}
		const start = i;
		const el = parent.createDiv();
		const fence = /^\s*(`{3,}|~{3,})(.*)$/.exec(line);
		if (fence) {
			const body: string[] = [];
			i++;
			while (i < lines.length && !lines[i].trim().startsWith(fence[1])) body.push(lines[i++]);
			const code = el.createEl("pre").createEl("code", { text: body.join("\n") });
			if (fence[2].trim()) code.addClass(`language-${fence[2].trim()}`);
			sections.push({ el, lineStart: start, lineEnd: Math.min(i, lines.length - 1) });
			i++;
			continue;
		}
		const heading = /^(#{1,6})\s+(.*)$/.exec(line);
		if (heading) {
			const h = el.createEl(`h${heading[1].length}` as "h2");
			renderInline(heading[2].trim(), h);
			sections.push({ el, lineStart: start, lineEnd: start });
			i++;
			continue;
		}
		if (line.startsWith(">")) {
			const quote = el.createEl("blockquote");
			const body: string[] = [];
			while (i < lines.length && lines[i].startsWith(">")) body.push(lines[i++].replace(/^>\s?/, ""));
			renderParagraphs(body, quote);
			sections.push({ el, lineStart: start, lineEnd: i - 1 });
			continue;
		}
		const body: string[] = [];
		while (i < lines.length && lines[i].trim() !== "" && !lines[i].startsWith(">") && !/^#{1,6}\s/.test(lines[i]) && !/^\s*(`{3,}|~{3,})/.test(lines[i])) body.push(lines[i++]);
		renderParagraphs(body, el);
		sections.push({ el, lineStart: start, lineEnd: i - 1 });
	}
	return sections;
}

function renderParagraphs(lines: string[], parent: HTMLElement): void {
	let current: string[] = [];
	const flush = () => {
		if (current.length === 0) return;
		const p = parent.createEl("p");
		current.forEach((l, k) => {
			if (k > 0) {
				p.createEl("br");
				p.appendChild(document.createTextNode("\n"));
			}
			renderInline(l.replace(/\s+$/, ""), p);
		});
		current = [];
	};
	for (const l of lines) {
		if (l.trim() === "") flush();
		else current.push(l);
	}
	flush();
}

function renderInline(text: string, parent: HTMLElement): void {
	const pattern = /\*\*(.+?)\*\*|`([^`]+)`|\[\[([^\]|]+)(?:\|([^\]]+))?\]\]|\[([^\]]+)\]\(([^)\s]+)\)/g;
	let last = 0;
	for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
		if (m.index > last) parent.appendChild(document.createTextNode(text.slice(last, m.index)));
		if (m[1] !== undefined) renderInline(m[1], parent.createEl("strong"));
		else if (m[2] !== undefined) parent.createEl("code", { text: m[2] });
		else if (m[3] !== undefined) parent.createEl("a", { cls: "internal-link", text: m[4] ?? m[3], attr: { "data-href": m[3] } });
		else parent.createEl("a", { cls: "external-link", text: m[5], attr: { href: m[6] } });
		last = m.index + m[0].length;
	}
	if (last < text.length) parent.appendChild(document.createTextNode(text.slice(last)));
}
