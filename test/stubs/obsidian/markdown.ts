/**
 * MarkdownRenderer.render and MarkdownRenderChild. The stub renders each paragraph as a `<p>` holding
 * the Markdown source as text (it never parses HTML), attaches a MarkdownRenderChild to the given
 * component as Obsidian does for embeds and code blocks, and records every call in `renders`.
 */
import { Component } from "./component";
import type { App } from "./app";

export class MarkdownRenderChild extends Component {
	constructor(readonly containerEl: HTMLElement) {
		super();
	}
}

export interface RenderRecord {
	markdown: string;
	el: HTMLElement;
	sourcePath: string;
	component: Component;
	child: MarkdownRenderChild;
}

export abstract class MarkdownRenderer extends MarkdownRenderChild {
	/** Every render call, in order (tests clear it). */
	static renders: RenderRecord[] = [];

	static render(_app: App, markdown: string, el: HTMLElement, sourcePath: string, component: Component): Promise<void> {
		for (const paragraph of markdown.split(/\n\s*\n/)) {
			if (paragraph.trim() === "") continue;
			const p = document.createElement("p");
			p.textContent = paragraph;
			el.appendChild(p);
		}
		const child = new MarkdownRenderChild(el);
		component.addChild(child);
		MarkdownRenderer.renders.push({ markdown, el, sourcePath, component, child });
		return Promise.resolve();
	}
}
