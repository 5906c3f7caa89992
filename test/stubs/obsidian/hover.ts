/**
 * Editor state fields Obsidian exports for CodeMirror extensions, and `setCssProps` (Obsidian's way to set
 * CSS custom properties on an element).
 *
 * `editorLivePreviewField` is a real CodeMirror StateField, true in Live Preview and false in source mode.
 * Obsidian flips it when the user switches modes; tests do the same by dispatching `setLivePreview`, or
 * start an editor in source mode with `editorLivePreviewField.init(() => false)`.
 */
import { StateEffect, StateField } from "@codemirror/state";

/** Test seam: switch an editor between Live Preview (true) and source mode (false). */
export const setLivePreview = StateEffect.define<boolean>();

export const editorLivePreviewField = StateField.define<boolean>({
	create: () => true,
	update(value, tr) {
		for (const effect of tr.effects) if (effect.is(setLivePreview)) value = effect.value;
		return value;
	},
});

function installSetCssProps(): void {
	if (typeof globalThis.HTMLElement === "undefined") return;
	for (const proto of [HTMLElement.prototype, SVGElement.prototype] as unknown as Record<string, unknown>[]) {
		if ("setCssProps" in proto) continue;
		Object.defineProperty(proto, "setCssProps", {
			configurable: true,
			writable: true,
			value: function (this: HTMLElement, props: Record<string, string>) {
				for (const [name, value] of Object.entries(props)) this.style.setProperty(name, value);
			},
		});
	}
}

installSetCssProps();
