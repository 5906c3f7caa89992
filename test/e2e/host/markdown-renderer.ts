/**
 * `MarkdownRenderer.render` for the browser host: the host's renderer (which never interprets HTML),
 * then every registered Markdown post-processor, as Obsidian runs them for rendered Markdown too. The
 * content is tied to `component` through a MarkdownRenderChild, so unloading the component releases it.
 */
import type { Component } from "../../stubs/obsidian/component";
import { MarkdownRenderChild } from "../../stubs/obsidian/markdown";
import type { HostApp } from "./app";
import { renderMarkdown } from "./markdown-render";
import { runPostProcessors } from "./markdown-view";

export { MarkdownRenderChild };

export abstract class MarkdownRenderer extends MarkdownRenderChild {
	static async render(app: HostApp, markdown: string, el: HTMLElement, sourcePath: string, component: Component): Promise<void> {
		const child = new MarkdownRenderChild(el);
		component.addChild(child);
		const sections = renderMarkdown(el, markdown);
		await runPostProcessors(app, sections, sourcePath, child, null);
	}

}
