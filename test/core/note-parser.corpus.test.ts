/**
 * The note-shape corpus: notes written for this project (test/fixtures/notes), one per shape or trap that real
 * conference notes show, each with the talks, Q&A pairs and glossary entries a careful reader takes from it
 * (`<name>.expected.json`). Every note must come out exactly; the corpus-wide recall and precision are
 * reported and must both be 1.0. docs/note-shapes.md catalogues the shapes; every shape there has a note here.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseNote } from "../../src/core/note-parser";
import type { NoteRecord } from "../../src/core/types";

const HERE = dirname(fileURLToPath(import.meta.url));
const DIR = join(HERE, "../fixtures/notes");
const DOC = join(HERE, "../../docs/note-shapes.md");

interface Expected {
	shapes: string[];
	talks: { title: string; speaker: string | null; line: number }[];
	qa: { line: number; answerLine: number; talk: number | null; question: string; answer: string }[];
	glossary: { term: string; line: number; definition: string }[];
}

interface CorpusNote {
	name: string;
	text: string;
	expected: Expected;
}

const NOTES: CorpusNote[] = readdirSync(DIR)
	.filter((f) => f.endsWith(".md"))
	.sort()
	.map((f) => {
		const name = f.slice(0, -3);
		return {
			name,
			text: readFileSync(join(DIR, f), "utf8"),
			expected: JSON.parse(readFileSync(join(DIR, `${name}.expected.json`), "utf8")) as Expected,
		};
	});

function parse(note: CorpusNote): NoteRecord {
	const record = parseNote(note.text, `Conferences/${note.name}.md`);
	if (!record) throw new Error(`${note.name} was not parsed`);
	return record;
}

function actualOf(record: NoteRecord): Omit<Expected, "shapes"> {
	return {
		talks: record.talks.map((t) => ({ title: t.title, speaker: t.speaker, line: t.line })),
		qa: record.qa.map((q) => ({ line: q.line, answerLine: q.answerLine, talk: q.talk, question: q.question, answer: q.answer })),
		glossary: record.glossary.map((g) => ({ term: g.term, line: g.line, definition: g.definition })),
	};
}

/** Every parsed item as one comparable key. */
function keys(items: Omit<Expected, "shapes">): string[] {
	return [
		...items.talks.map((t) => `talk ${t.line} ${t.title} | ${t.speaker ?? ""}`),
		...items.qa.map((q) => `qa ${q.line}:${q.answerLine} talk=${q.talk} ${q.question} => ${q.answer}`),
		...items.glossary.map((g) => `glossary ${g.line} ${g.term} = ${g.definition}`),
	];
}

/** Shape ids of docs/note-shapes.md: one `Shape: \`id\`` line per `##`/`###` section. */
function documentedShapes(): string[] {
	const doc = readFileSync(DOC, "utf8");
	return [...doc.matchAll(/^Shape: `([a-z0-9-]+)`/gm)].map((m) => m[1]);
}

describe("note-shape corpus (test/fixtures/notes)", () => {
	it("holds at least 30 notes, Korean and English", () => {
		expect(NOTES.length).toBeGreaterThanOrEqual(30);
		expect(NOTES.filter((n) => /\p{Script=Hangul}/u.test(n.text)).length).toBeGreaterThanOrEqual(10);
		expect(NOTES.filter((n) => !/\p{Script=Hangul}/u.test(n.text)).length).toBeGreaterThanOrEqual(10);
	});

	it.each(NOTES.map((n) => [n.name, n] as const))("%s: exact talks, Q&A and glossary", (_name, note) => {
		const { shapes: _shapes, ...expected } = note.expected;
		expect(actualOf(parse(note))).toEqual(expected);
	});

	it("reports recall and precision over the whole corpus, both 1.0", () => {
		let truePositives = 0;
		let expectedCount = 0;
		let foundCount = 0;
		const misses: string[] = [];
		const extras: string[] = [];
		for (const note of NOTES) {
			const want = keys(note.expected);
			const got = keys(actualOf(parse(note)));
			expectedCount += want.length;
			foundCount += got.length;
			const remaining = [...got];
			for (const key of want) {
				const at = remaining.indexOf(key);
				if (at >= 0) {
					truePositives++;
					remaining.splice(at, 1);
				} else {
					misses.push(`${note.name}: ${key}`);
				}
			}
			extras.push(...remaining.map((key) => `${note.name}: ${key}`));
		}
		const recall = expectedCount === 0 ? 1 : truePositives / expectedCount;
		const precision = foundCount === 0 ? 1 : truePositives / foundCount;
		console.info(`note-shape corpus: ${NOTES.length} notes, ${expectedCount} expected items, recall ${recall.toFixed(3)}, precision ${precision.toFixed(3)}`);
		expect({ misses, extras }).toEqual({ misses: [], extras: [] });
		expect(recall).toBe(1);
		expect(precision).toBe(1);
	});

	it("covers every shape of docs/note-shapes.md, and names only shapes documented there", () => {
		const documented = documentedShapes();
		expect(documented.length).toBeGreaterThanOrEqual(20);
		expect(new Set(documented).size).toBe(documented.length);
		const covered = new Set(NOTES.flatMap((n) => n.expected.shapes));
		expect(documented.filter((s) => !covered.has(s))).toEqual([]);
		expect([...covered].filter((s) => !documented.includes(s))).toEqual([]);
	});
});
