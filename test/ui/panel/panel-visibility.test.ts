// @vitest-environment happy-dom
/**
 * The conference panel builds its tree only when someone can see it: changes that arrive while its sidebar is
 * collapsed or its tab is in the background are rendered once, when it shows again.
 */
import { afterEach, describe, expect, it } from "vitest";
import { fileAt } from "../../obsidian/fake-app";
import { openPanel, rows, type Panel } from "./panel-harness";

const NOTE = `---
tags: [Conference]
---
## Caching at the edge - Mina Park

**Q. How long do you keep entries?**
A. A day for pages.
`;

const MORE = `${NOTE}
**Q. Do you cache errors?**
A. Never.
`;

const EVEN_MORE = `${MORE}
**Q. What about redirects?**
A. An hour.
`;

let panel: Panel | null = null;
afterEach(() => {
	panel?.plugin.unload();
	panel = null;
});

function questions(p: Panel): number {
	return rows(p.view, "cqg-panel-question").length;
}

describe("conference panel: renders only when visible", () => {
	it("skips renders while its sidebar is collapsed and renders once when it is expanded", async () => {
		panel = await openPanel({ "talks/edge.md": NOTE });
		const { app, view } = panel;
		expect(view.isVisible()).toBe(true);
		expect(questions(panel)).toBe(1);

		app.workspace.rightSplit.collapse();
		expect(view.isVisible()).toBe(false);
		const before = view.renderCount;
		await app.vault.modify(fileAt(app, "talks/edge.md"), MORE);
		await panel.settle();
		await app.vault.modify(fileAt(app, "talks/edge.md"), EVEN_MORE);
		await panel.settle();
		expect(view.renderCount).toBe(before);
		expect(questions(panel)).toBe(1);

		app.workspace.rightSplit.expand();
		await panel.settle();
		expect(questions(panel)).toBe(3);
		// One render for the two changes; the health pass that follows finds no warning and does not render.
		expect(view.renderCount - before).toBe(1);

		// Nothing changed since: showing again does not render again.
		const after = view.renderCount;
		app.workspace.rightSplit.collapse();
		app.workspace.rightSplit.expand();
		expect(view.renderCount).toBe(after);
	});

	it("a panel in a background tab catches up when its tab is shown (resize)", async () => {
		panel = await openPanel({ "talks/edge.md": NOTE });
		const { app, view } = panel;
		view.containerEl.hide();
		const before = view.renderCount;
		await app.vault.modify(fileAt(app, "talks/edge.md"), MORE);
		await panel.settle();
		expect(view.renderCount).toBe(before);
		view.containerEl.show();
		view.onResize();
		expect(questions(panel)).toBe(2);
		expect(view.renderCount).toBe(before + 1);
	});

	it("user actions on a visible panel still render at once", async () => {
		panel = await openPanel({ "talks/edge.md": MORE });
		const before = panel.view.renderCount;
		panel.view.setQuery("errors");
		expect(panel.view.renderCount).toBe(before + 1);
		expect(questions(panel)).toBe(1);
	});
});
