// @vitest-environment happy-dom
/**
 * Notes that could not be read: the index keeps their path and a short reason, the panel lists them
 * in its health area, and the user is told once in a notice.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Plugin as ObsidianPlugin } from "obsidian";
import { Notice } from "../../stubs/obsidian";
import { registerConferenceIndex, shortReason } from "../../../src/obsidian/conference-index";
import { SettingsStore } from "../../../src/obsidian/settings-store";
import { applyLanguage } from "../../../src/i18n";
import { readFailureNotice, readFailureWarnings, registerReadFailureNotice } from "../../../src/ui/panel/panel-health";
import { appWith, fileAt, startIndex, tick } from "../../obsidian/fake-app";
import { MANIFEST, TestPlugin, openPanel, rows, text, type Panel } from "./panel-harness";

// The parser survives any input, so a failure is simulated: a note holding this word makes it throw.
const POISON = "PARSER-FAILS-HERE";
vi.mock("../../../src/core/note-parser", async (importOriginal) => {
	const original = await importOriginal<typeof import("../../../src/core/note-parser")>();
	return {
		...original,
		parseNote: (text: string, ...rest: Parameters<typeof original.parseNote> extends [string, ...infer R] ? R : never) => {
			if (text.includes(POISON)) throw new RangeError(`Maximum call stack size exceeded\n    at parseNote (note-parser.ts:1:1)`);
			return original.parseNote(text, ...rest);
		},
	};
});

const GOOD = `---
tags: [Conference]
---
## Caching at the edge - Mina Park

**Q. How long do you keep entries?**
A. A day for pages.
`;

const BAD = `---
tags: [Conference]
---
## Broken talk - Someone

${POISON}
`;

let panel: Panel | null = null;
beforeEach(() => {
	Notice.shown = [];
	vi.spyOn(console, "error").mockImplementation(() => undefined);
});
afterEach(() => {
	panel?.plugin.unload();
	panel = null;
	vi.restoreAllMocks();
});

describe("shortReason", () => {
	it("keeps the first line of an error's message, cut at 120 characters", () => {
		expect(shortReason(new Error("first line\nsecond line"))).toBe("first line");
		expect(shortReason(new Error("a\r\nb"))).toBe("a");
		expect(shortReason("plain string")).toBe("plain string");
		expect(shortReason(new TypeError(""))).toBe("TypeError");
		const long = shortReason(new Error("x".repeat(500)));
		expect(long).toHaveLength(120);
		expect(long.endsWith("…")).toBe(true);
	});
});

describe("ConferenceIndex: read failures", () => {
	it("records a note the parser fails on, with its path and the error's first line, and keeps an empty record", async () => {
		const app = appWith({ "good.md": GOOD, "talks/bad.md": BAD });
		const { index } = await startIndex(app);
		expect(index.readFailures()).toEqual([{ path: "talks/bad.md", stage: "parse", reason: "Maximum call stack size exceeded" }]);
		expect(index.notes().map((n) => [n.path, n.title, n.qa.length])).toEqual([
			["good.md", "good", 1],
			["talks/bad.md", "talks/bad.md", 0],
		]);
		index.unload();
	});

	it("records a note the vault cannot read, and forgets it once it reads well", async () => {
		const app = appWith({ "good.md": GOOD, "locked.md": GOOD });
		const read = app.vault.cachedRead.bind(app.vault);
		let locked = true;
		app.vault.cachedRead = (file) => (locked && file.path === "locked.md" ? Promise.reject(new Error("EACCES: permission denied, open 'locked.md'")) : read(file));
		const { index, settle, events } = await startIndex(app);
		expect(index.readFailures()).toEqual([{ path: "locked.md", stage: "read", reason: "EACCES: permission denied, open 'locked.md'" }]);
		expect(index.notes().map((n) => n.path)).toEqual(["good.md"]);

		locked = false;
		events.length = 0;
		await index.reindexAll();
		await settle();
		expect(index.readFailures()).toEqual([]);
		expect(index.notes().map((n) => n.path)).toEqual(["good.md", "locked.md"]);
		expect(events).toEqual([["locked.md"]]);
		index.unload();
	});

	it("clears a failure when the note is fixed, renamed or deleted", async () => {
		const app = appWith({ "a.md": BAD, "b.md": BAD, "c.md": BAD });
		const { index, settle } = await startIndex(app);
		expect(index.readFailures().map((f) => f.path)).toEqual(["a.md", "b.md", "c.md"]);

		await app.vault.modify(fileAt(app, "a.md"), GOOD);
		await app.vault.rename(fileAt(app, "b.md"), "moved/b.md");
		await app.fileManager.trashFile(fileAt(app, "c.md"));
		await settle();
		// The renamed note is read again under its new path: it still fails there.
		expect(index.readFailures()).toEqual([{ path: "moved/b.md", stage: "parse", reason: "Maximum call stack size exceeded" }]);
		expect(index.note("a.md")?.qa).toHaveLength(1);
		index.unload();
	});
});

describe("read failures: what the user sees", () => {
	it("turns failures into panel warnings, for every note or only the current one", () => {
		const failures = [
			{ path: "a.md", stage: "read" as const, reason: "EIO" },
			{ path: "b.md", stage: "parse" as const, reason: "Oops" },
		];
		expect(readFailureWarnings(failures)).toEqual([
			{ term: "a.md", kind: "unreadable", count: 1, reason: "EIO", path: "a.md" },
			{ term: "b.md", kind: "unparsable", count: 1, reason: "Oops", path: "b.md" },
		]);
		expect(readFailureWarnings(failures, "b.md")).toEqual([{ term: "b.md", kind: "unparsable", count: 1, reason: "Oops", path: "b.md" }]);
	});

	it("names up to three notes in the notice and counts the rest", () => {
		const one = [{ path: "a.md", stage: "read" as const, reason: "EIO" }];
		expect(readFailureNotice(one)).toBe("Conference Q&A Glossary could not read a note: a.md (could not be read: EIO). The glossary warnings in the conference panel list it.");
		const five = ["a", "b", "c", "d", "e"].map((n) => ({ path: `${n}.md`, stage: "parse" as const, reason: "X" }));
		expect(readFailureNotice(five)).toBe(
			"Conference Q&A Glossary could not read 5 notes: a.md (could not be parsed: X); b.md (could not be parsed: X); c.md (could not be parsed: X), and 2 more. The glossary warnings in the conference panel list them.",
		);
	});

	it("says it in Korean when Obsidian speaks Korean", () => {
		applyLanguage("ko");
		try {
			const two = [
				{ path: "노트/가.md", stage: "read" as const, reason: "EIO" },
				{ path: "노트/나.md", stage: "parse" as const, reason: "Oops" },
			];
			expect(readFailureNotice(two)).toBe("Conference Q&A Glossary가 노트 2개를 읽지 못했습니다: 노트/가.md (읽을 수 없음: EIO); 노트/나.md (해석할 수 없음: Oops). 컨퍼런스 패널의 용어집 경고에 나옵니다.");
		} finally {
			applyLanguage("en");
		}
	});

	it("shows the failure in the panel's health area; clicking it opens the note", async () => {
		panel = await openPanel({ "good.md": GOOD, "talks/bad.md": BAD });
		const warnings = rows(panel.view, "cqg-panel-warning");
		expect(warnings.map((w) => text(w))).toEqual(["talks/bad.md could not be parsed: Maximum call stack size exceeded."]);
		warnings[0].click();
		await panel.settle();
		expect(panel.app.workspace.getActiveFile()?.path).toBe("talks/bad.md");

		await panel.app.vault.modify(fileAt(panel.app, "talks/bad.md"), GOOD);
		await panel.settle();
		expect(rows(panel.view, "cqg-panel-warning")).toHaveLength(0);
	});

	it("tells the user once per failure, in one notice per batch", async () => {
		const app = appWith({ "good.md": GOOD, "a.md": BAD, "b.md": BAD });
		const plugin = new TestPlugin(app, MANIFEST);
		plugin.load();
		const host = plugin as unknown as ObsidianPlugin;
		const settings = await SettingsStore.load(host);
		const index = registerConferenceIndex(host, settings, { yieldToUi: () => tick() });
		registerReadFailureNotice(host, index);
		app.workspace.triggerLayoutReady();
		const settle = async () => {
			for (let i = 0; i < 4; i++) {
				await app.metadataCache.whenIdle();
				await index.whenIdle();
				await tick();
			}
		};
		await settle();
		expect(Notice.shown).toEqual([
			"Conference Q&A Glossary could not read 2 notes: a.md (could not be parsed: Maximum call stack size exceeded); b.md (could not be parsed: Maximum call stack size exceeded). The glossary warnings in the conference panel list them.",
		]);

		// Other changes do not repeat it; a new failure is told on its own.
		await app.vault.modify(fileAt(app, "good.md"), `${GOOD}\nmore\n`);
		await app.vault.create("c.md", BAD);
		await settle();
		expect(Notice.shown.slice(1)).toEqual([
			"Conference Q&A Glossary could not read a note: c.md (could not be parsed: Maximum call stack size exceeded). The glossary warnings in the conference panel list it.",
		]);

		// Fixed, then broken again: told again.
		await app.vault.modify(fileAt(app, "a.md"), GOOD);
		await settle();
		await app.vault.modify(fileAt(app, "a.md"), BAD);
		await settle();
		expect(Notice.shown).toHaveLength(3);
		expect(Notice.shown[2]).toContain("could not read a note: a.md");
		plugin.unload();
	});
});
