/**
 * Registers the ` ```conference-qa ` and ` ```conference-glossary ` code-block processors. Each block
 * becomes an `EmbedBlock` added to the block's context (so Obsidian unloads it with the block); the
 * blocks alive now are told about every index change, and glossary blocks about new health warnings
 * (one background `HealthTracker` for all of them, running only while a glossary block is shown).
 */
import type { MarkdownPostProcessorContext, Plugin } from "obsidian";
import type { EmbedKind } from "../../core/embed-options";
import type { ConferenceIndex } from "../../obsidian/conference-index";
import { HealthTracker } from "../panel/panel-health";
import { EmbedBlock, type EmbedHost } from "./embed-block";

export const QA_BLOCK = "conference-qa";
export const GLOSSARY_BLOCK = "conference-glossary";

export interface EmbedsHandle {
	/** Blocks alive now (tests). */
	readonly blocks: ReadonlySet<EmbedBlock>;
	readonly health: HealthTracker;
}

export function registerEmbeds(plugin: Plugin, index: ConferenceIndex): EmbedsHandle {
	const blocks = new Set<EmbedBlock>();
	const updateAll = (kind: EmbedKind | null) => {
		for (const block of [...blocks]) {
			if (kind !== null && block.kind !== kind) continue;
			block.update();
		}
	};
	const hasGlossary = () => [...blocks].some((b) => b.kind === "glossary");
	const health = new HealthTracker(index, () => updateAll("glossary"));
	plugin.register(() => health.stop());
	// Blocks belong to their note's rendering, which outlives the plugin until the next render: unloading
	// them here lets go of their listeners and rendered Markdown at once (their last output stays visible).
	plugin.register(() => {
		for (const block of [...blocks]) block.unload();
	});

	const host: EmbedHost = {
		app: plugin.app,
		index,
		warnings: (notePath) => health.warnings(notePath),
		attach: (block) => {
			const first = block.kind === "glossary" && !hasGlossary();
			blocks.add(block);
			if (first) health.refresh();
		},
		detach: (block) => blocks.delete(block),
	};

	plugin.registerEvent(
		index.on("changed", () => {
			if (blocks.size === 0) return;
			updateAll(null);
			if (hasGlossary()) health.refresh();
		}),
	);

	const processor = (kind: EmbedKind) => (source: string, el: HTMLElement, ctx: MarkdownPostProcessorContext) => {
		ctx.addChild(new EmbedBlock(el, kind, source, ctx.sourcePath, host));
	};
	plugin.registerMarkdownCodeBlockProcessor(QA_BLOCK, processor("qa"));
	plugin.registerMarkdownCodeBlockProcessor(GLOSSARY_BLOCK, processor("glossary"));
	return { blocks, health };
}
