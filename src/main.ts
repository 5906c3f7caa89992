import { Plugin } from "obsidian";

export default class ConferenceQaGlossaryPlugin extends Plugin {
	onload(): void {
		// Wiring lands with the indexer, panel, hovers and commands.
	}
}
