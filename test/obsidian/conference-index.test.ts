import { describe, expect, it } from "vitest";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { TFile } from "../stubs/obsidian";
import { parseNote } from "../../src/core/note-parser";
import { BLOG_POST, REFERENCE_NOTE, SHARED_FIXTURES, SKIP_REASON, hasSharedFixtures, readSharedFixture, tagWildNote } from "../helpers/shared-fixtures";
import { appWith, asObsidian, fileAt, startIndex, tick } from "./fake-app";
import { ConferenceIndex } from "../../src/obsidian/conference-index";
import { mergeSettings } from "../../src/core/settings";

// Small notes of our own, in the shapes the plugin reads.
const TALK_NOTE = `---
tags: [Conference]
---
# Dev day

## Caching at the edge - Mina Park

**Q. How long do you keep entries?**
A. A day for pages, an hour for APIs.

> TTL (Time To Live)
> How long a cached copy stays valid.
`;

const INLINE_TAG_NOTE = `Notes from the meetup #conference/2025

## Search relevance - Jo Lee

**Q. Do you tune BM25 by hand?**
A. Only the field weights.
`;

const PLAIN_NOTE = `# Groceries

- milk
- #1 priority: bread
`;

const GLOSSARY_NOTE = `# Words

> SLA (Service Level Agreement)
> A promise about uptime.
`;

function withTag(text: string, tag: string): string {
	return `---\ntags: [${tag}]\n---\n${text}`;
}

describe("ConferenceIndex: start-up", () => {
	it("does no vault work in onload, and scans once the layout is ready", async () => {
		const app = appWith({ "talks/dev-day.md": TALK_NOTE, "plain.md": PLAIN_NOTE });
		const reads = app.vault.readCount;
		const index = new ConferenceIndex(asObsidian(app), () => mergeSettings({}), { yieldToUi: () => tick() });
		index.load();
		await tick(5);
		expect(app.vault.readCount).toBe(reads);
		expect(index.ready).toBe(false);
		expect(index.notes()).toEqual([]);

		const changed: string[][] = [];
		index.on("changed", (paths) => changed.push(paths));
		app.workspace.triggerLayoutReady();
		await index.whenIdle();
		expect(index.ready).toBe(true);
		expect(index.notes().map((n) => n.path)).toEqual(["talks/dev-day.md"]);
		// Only the tagged note was read: the tag check uses the metadata cache.
		expect(app.vault.readCount - reads).toBe(1);
		expect(changed).toEqual([["talks/dev-day.md"]]);
		index.unload();
	});

	it("indexes our own notes: frontmatter tag, nested inline tag, case-insensitive tags", async () => {
		const app = appWith({
			"a.md": TALK_NOTE,
			"meetups/b.md": INLINE_TAG_NOTE,
			"c.md": withTag("## Talk - Someone\n\n**Q. Why?**\nA. Because.\n", "CONFERENCE"),
			"d.md": withTag("## Talk - Someone\n\n**Q. Why?**\nA. Because.\n", "conferences"),
			"plain.md": PLAIN_NOTE,
		});
		const { index } = await startIndex(app);
		expect(index.notes().map((n) => n.path).sort()).toEqual(["a.md", "c.md", "meetups/b.md"]);
		expect(index.note("a.md")?.qa).toHaveLength(1);
		expect(index.note("meetups/b.md")?.talks[0]?.title).toBe("Search relevance");
		expect(index.note("d.md")).toBeUndefined();
		expect(index.terms.lookup("ttl")?.definitions[0]?.path).toBe("a.md");
		index.unload();
	});

	it("lists notes by title, then path", async () => {
		const note = (title: string) => withTag(`# x\n\n**Q. q?**\nA. a\n`, "Conference").replace("---\n#", `title: ${title}\n---\n#`);
		const app = appWith({ "z.md": note("Alpha"), "y/b.md": note("Beta"), "a.md": note("Beta"), "m.md": note("alpha 2") });
		const { index } = await startIndex(app);
		const titles = index.notes().map((n) => `${n.title}|${n.path}`);
		expect(titles).toEqual(["Alpha|z.md", "alpha 2|m.md", "Beta|a.md", "Beta|y/b.md"]);
		index.unload();
	});

	it("picks up notes whose metadata was not cached yet once the cache parses them", async () => {
		const app = appWith({ "a.md": TALK_NOTE });
		app.metadataCache.seedUncached("late.md", withTag("**Q. Late?**\nA. Yes.\n", "Conference"));
		const { index, settle } = await startIndex(app);
		expect(index.notes().map((n) => n.path)).toEqual(["a.md"]);
		await app.metadataCache.computePending();
		await settle();
		expect(index.notes().map((n) => n.path).sort()).toEqual(["a.md", "late.md"]);
		index.unload();
	});
});

describe.skipIf(!hasSharedFixtures)("ConferenceIndex: the reference note, the blog post and the wild notes", () => {
	if (!hasSharedFixtures) console.warn(SKIP_REASON);

	const wildFiles = hasSharedFixtures ? readdirSync(join(SHARED_FIXTURES, "wild")).filter((f) => f.endsWith(".md") && f !== "SOURCES.md") : [];

	it("indexes the reference note with 5 talks, 69 Q&A and 19 glossary entries, and ignores the blog post", async () => {
		const reference = readSharedFixture(REFERENCE_NOTE);
		const app = appWith({ "Conferences/toss-makers.md": reference, "Blog/blog-post.md": readSharedFixture(BLOG_POST) });
		const { index } = await startIndex(app);
		expect(index.notes().map((n) => n.path)).toEqual(["Conferences/toss-makers.md"]);
		const note = index.note("Conferences/toss-makers.md");
		expect(note?.talks).toHaveLength(5);
		expect(note?.qa).toHaveLength(69);
		expect(note?.glossary).toHaveLength(19);
		expect(note).toEqual(parseNote(reference, "Conferences/toss-makers.md", { requireTag: false }));
		expect(index.note("Blog/blog-post.md")).toBeUndefined();
		expect(index.terms.lookup("CTR")?.definitions.map((d) => d.path)).toEqual(["Conferences/toss-makers.md"]);
		expect(index.terms.lookup("ECPM")?.term).toBe("eCPM");
		index.unload();
	});

	it("indexes the wild notes only once they carry the tag, exactly as the parser reads them", async () => {
		const files: Record<string, string> = {};
		for (const name of wildFiles) {
			const text = readSharedFixture(`wild/${name}`);
			files[`wild/${name}`] = text;
			files[`tagged/${name}`] = tagWildNote(text);
		}
		const app = appWith(files);
		const { index } = await startIndex(app);
		expect(index.notes().map((n) => n.path).sort()).toEqual(wildFiles.map((n) => `tagged/${n}`).sort());
		for (const name of wildFiles) {
			const path = `tagged/${name}`;
			expect(index.note(path), path).toEqual(parseNote(files[path], path, { requireTag: false }));
		}
		// Labels in wild/SOURCES.md, for notes whose shapes the parser must read.
		expect(index.note("tagged/haenarashin-super-init.md")?.qa).toHaveLength(9);
		expect(index.note("tagged/lastcool-build2017-msft-it.md")?.qa).toHaveLength(7);
		index.unload();
	});

	it("follows the reference note through modify, rename and delete without stale entries", async () => {
		const reference = readSharedFixture(REFERENCE_NOTE);
		const app = appWith({ "ref.md": reference });
		const { index, settle, events } = await startIndex(app);
		const file = fileAt(app, "ref.md");

		// Remove the last talk (and its Q&A and glossary) by editing the note.
		const cut = reference.indexOf("## 토스 팀 전체의 성과를 끌어올리는 제품");
		await app.vault.modify(file, reference.slice(0, cut));
		await settle();
		expect(index.note("ref.md")?.talks).toHaveLength(4);
		expect(index.terms.lookup("컴플라이언스")).toBeUndefined();
		expect(index.terms.lookup("CTR")).toBeDefined();

		await app.vault.rename(file, "Archive/2025/ref.md");
		await settle();
		expect(index.note("ref.md")).toBeUndefined();
		expect(index.note("Archive/2025/ref.md")?.talks).toHaveLength(4);
		expect(index.terms.lookup("CTR")?.definitions.map((d) => d.path)).toEqual(["Archive/2025/ref.md"]);
		expect(events.at(-1)).toEqual(expect.arrayContaining(["ref.md", "Archive/2025/ref.md"]));

		await app.fileManager.trashFile(file);
		await settle();
		expect(index.notes()).toEqual([]);
		expect(index.terms.size).toBe(0);
		expect(events.at(-1)).toEqual(["Archive/2025/ref.md"]);
		index.unload();
	});
});

describe("ConferenceIndex: following the vault", () => {
	it("indexes a created tagged note and ignores a created plain one", async () => {
		const app = appWith({});
		const { index, settle, events } = await startIndex(app);
		await app.vault.create("new/talk.md", TALK_NOTE);
		await app.vault.create("new/plain.md", PLAIN_NOTE);
		await settle();
		expect(index.notes().map((n) => n.path)).toEqual(["new/talk.md"]);
		expect(events.at(-1)).toEqual(["new/talk.md"]);
		index.unload();
	});

	it("re-parses a modified note alone", async () => {
		const app = appWith({ "a.md": TALK_NOTE, "b.md": withTag("**Q. B?**\nA. b\n", "Conference") });
		const { index, settle, events } = await startIndex(app);
		const before = index.note("b.md");
		const reads = app.vault.readCount;
		await app.vault.modify(fileAt(app, "a.md"), `${TALK_NOTE}\n**Q. And for errors?**\nA. Never cached.\n`);
		await settle();
		expect(index.note("a.md")?.qa).toHaveLength(2);
		expect(index.note("b.md")).toBe(before);
		expect(events.at(-1)).toEqual(["a.md"]);
		// The metadata cache read the file once to parse it; the index reused the text it was handed.
		expect(app.vault.readCount - reads).toBe(1);
		index.unload();
	});

	it("drops a note when its tag is removed and adds it back when the tag returns", async () => {
		const app = appWith({ "a.md": TALK_NOTE });
		const { index, settle } = await startIndex(app);
		const file = fileAt(app, "a.md");
		expect(index.terms.lookup("TTL")).toBeDefined();

		await app.vault.modify(file, TALK_NOTE.replace("tags: [Conference]", "tags: [draft]"));
		await settle();
		expect(index.notes()).toEqual([]);
		expect(index.terms.lookup("TTL")).toBeUndefined();

		await app.vault.modify(file, `${TALK_NOTE.replace("tags: [Conference]", "tags: [draft]")}\n#Conference\n`);
		await settle();
		expect(index.notes().map((n) => n.path)).toEqual(["a.md"]);
		expect(index.terms.lookup("TTL")?.definitions[0]?.path).toBe("a.md");
		index.unload();
	});

	it("moves notes with a renamed folder and drops notes moved into an excluded folder", async () => {
		const app = appWith({ "2025/a.md": TALK_NOTE, "2025/b.md": INLINE_TAG_NOTE });
		const { index, settle } = await startIndex(app, { excludedFolders: ["Archive"] });
		await app.vault.rename(app.vault.getFolderByPath("2025")!, "Events/2025");
		await settle();
		expect(index.notes().map((n) => n.path).sort()).toEqual(["Events/2025/a.md", "Events/2025/b.md"]);
		await app.vault.rename(fileAt(app, "Events/2025/a.md"), "Archive/a.md");
		await settle();
		expect(index.notes().map((n) => n.path)).toEqual(["Events/2025/b.md"]);
		expect(index.terms.lookup("TTL")).toBeUndefined();
		index.unload();
	});

	it("drops a deleted note even when the delete lands while the note is being read", async () => {
		const app = appWith({ "a.md": TALK_NOTE, "b.md": INLINE_TAG_NOTE });
		// Reads that wait for the test to release them.
		let release: () => void = () => {};
		const gate = new Promise<void>((resolve) => (release = resolve));
		const read = app.vault.cachedRead.bind(app.vault);
		app.vault.cachedRead = async (file: TFile) => {
			await gate;
			return read(file);
		};
		const index = new ConferenceIndex(asObsidian(app), () => mergeSettings({}), { yieldToUi: () => tick() });
		index.load();
		app.workspace.triggerLayoutReady();
		await tick(5);
		await app.fileManager.trashFile(fileAt(app, "a.md"));
		await app.vault.rename(fileAt(app, "b.md"), "c.md");
		release();
		await index.whenIdle();
		await app.metadataCache.whenIdle();
		await index.whenIdle();
		expect(index.note("a.md")).toBeUndefined();
		expect(index.note("b.md")).toBeUndefined();
		expect(index.notes().map((n) => n.path)).toEqual(["c.md"]);
		expect(index.terms.lookup("TTL")).toBeUndefined();
		index.unload();
	});

	it("keeps up with a burst of edits and ends with the last text", async () => {
		const app = appWith({ "a.md": TALK_NOTE });
		const { index, settle } = await startIndex(app);
		const file = fileAt(app, "a.md");
		for (let i = 1; i <= 20; i++) {
			const extra = Array.from({ length: i }, (_, k) => `**Q. Extra ${k}?**\nA. yes\n`).join("\n");
			await app.vault.modify(file, `${TALK_NOTE}\n${extra}`);
			if (i % 3 === 0) await tick();
		}
		await settle();
		expect(index.note("a.md")?.qa).toHaveLength(21);
		index.unload();
	});
});

describe("ConferenceIndex: bounded state", () => {
	it("keeps no per-path bookkeeping once notes are indexed, changed or deleted", async () => {
		const files: Record<string, string> = {};
		for (let i = 0; i < 200; i++) files[`n/${i}.md`] = i % 2 === 0 ? TALK_NOTE : PLAIN_NOTE;
		const app = appWith(files);
		let most = 0;
		let index: ConferenceIndex | null = null;
		const yieldToUi = () => {
			most = Math.max(most, index?.readsInFlight ?? 0);
			return tick();
		};
		const started = await startIndex(app, {}, { batchSize: 16, sliceBudgetMs: 1, yieldToUi });
		index = started.index;
		expect(index.notes()).toHaveLength(100);
		expect(index.readsInFlight).toBe(0);
		for (let i = 0; i < 200; i += 2) await app.vault.modify(fileAt(app, `n/${i}.md`), `${TALK_NOTE}\n**Q. More?**\nA. Yes.\n`);
		await started.settle();
		expect(index.readsInFlight).toBe(0);
		for (let i = 0; i < 200; i++) await app.fileManager.trashFile(fileAt(app, `n/${i}.md`));
		await started.settle();
		expect(index.notes()).toEqual([]);
		expect(index.readsInFlight).toBe(0);
		// While reading, at most one batch is tracked.
		expect(most).toBeGreaterThan(0);
		expect(most).toBeLessThanOrEqual(16);
		index.unload();
	});
});

describe("ConferenceIndex: settings", () => {
	it("skips excluded folders and re-checks everything on reindexAll", async () => {
		const app = appWith({ "Templates/talk.md": TALK_NOTE, "Events/talk.md": TALK_NOTE });
		const { index, settings } = await startIndex(app, { excludedFolders: ["Templates"] });
		expect(index.notes().map((n) => n.path)).toEqual(["Events/talk.md"]);
		settings.excludedFolders = [];
		await index.reindexAll();
		expect(index.notes().map((n) => n.path).sort()).toEqual(["Events/talk.md", "Templates/talk.md"]);
		settings.tags = ["meetup"];
		await index.reindexAll();
		expect(index.notes()).toEqual([]);
		expect(index.terms.size).toBe(0);
		index.unload();
	});

	it("reads glossary sources into the terms without listing them as conference notes", async () => {
		const app = appWith({
			"a.md": TALK_NOTE,
			"Glossary/words.md": GLOSSARY_NOTE,
			"tagged-words.md": withTag("> MTTR (Mean Time To Recovery)\n> How fast service comes back.\n", "glossary/ops"),
		});
		const { index, settings } = await startIndex(app, { glossaryFolders: ["Glossary"], glossaryTags: ["glossary"] });
		expect(index.notes().map((n) => n.path)).toEqual(["a.md"]);
		expect(index.note("Glossary/words.md")).toBeUndefined();
		expect(index.terms.lookup("SLA")?.definitions[0]?.path).toBe("Glossary/words.md");
		expect(index.terms.lookup("MTTR")?.definitions[0]?.path).toBe("tagged-words.md");
		expect(index.terms.lookup("TTL")).toBeDefined();

		settings.glossaryFolders = [];
		await index.reindexAll();
		expect(index.terms.lookup("SLA")).toBeUndefined();
		expect(index.terms.lookup("MTTR")).toBeDefined();
		index.unload();
	});

	it("re-parses nothing on reindexAll when only roles change", async () => {
		const app = appWith({ "a.md": TALK_NOTE, "b.md": INLINE_TAG_NOTE });
		const { index, settings } = await startIndex(app);
		const reads = app.vault.readCount;
		settings.excludedFolders = ["nowhere"];
		await index.reindexAll();
		expect(app.vault.readCount).toBe(reads);
		expect(index.notes()).toHaveLength(2);
		index.unload();
	});
});

describe("ConferenceIndex: slices and unloading", () => {
	it("cuts the initial scan into slices and yields between them", async () => {
		const files: Record<string, string> = {};
		for (let i = 0; i < 300; i++) files[`n/${i}.md`] = i % 3 === 0 ? TALK_NOTE : PLAIN_NOTE;
		const app = appWith(files);
		let yields = 0;
		const { index } = await startIndex(app, {}, { sliceBudgetMs: 1, batchSize: 16, yieldToUi: () => (yields++, tick()) });
		expect(index.notes()).toHaveLength(100);
		expect(yields).toBeGreaterThan(3);
		const scan = index.lastScan;
		expect(scan.filesChecked).toBe(300);
		expect(scan.filesParsed).toBe(100);
		expect(scan.slices).toBeGreaterThan(1);
		// Loose: timing belongs in the benchmark; this only catches a scan done in one long block.
		expect(scan.longestMs).toBeLessThan(100);
		index.unload();
	});

	it("releases every vault and metadata-cache listener on unload, and stops working", async () => {
		const app = appWith({ "a.md": TALK_NOTE });
		const counts = () => ["create", "modify", "rename", "delete"].map((e) => app.vault.listenerCount(e)).concat(["changed", "deleted", "resolved"].map((e) => app.metadataCache.listenerCount(e)));
		const baseline = counts();
		const { index, settle } = await startIndex(app);
		expect(counts()).not.toEqual(baseline);
		index.unload();
		expect(counts()).toEqual(baseline);
		await app.vault.create("b.md", TALK_NOTE);
		await settle();
		expect(index.note("b.md")).toBeUndefined();
	});

	it("never starts when unloaded before the layout is ready", async () => {
		const app = appWith({ "a.md": TALK_NOTE });
		const reads = app.vault.readCount;
		const index = new ConferenceIndex(asObsidian(app), () => mergeSettings({}), { yieldToUi: () => tick() });
		index.load();
		index.unload();
		app.workspace.triggerLayoutReady();
		await tick(5);
		expect(app.vault.readCount).toBe(reads);
		expect(app.metadataCache.listenerCount("changed")).toBe(0);
	});
});
