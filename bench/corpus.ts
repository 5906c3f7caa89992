/**
 * A synthetic vault built from the real notes in ../shared/fixtures (read in place), or from the
 * example vault where that folder is absent. Notes are repeated with small edits so no two are equal.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const shared = resolve(root, "..", "shared", "fixtures");

export interface CorpusNote {
	path: string;
	text: string;
}

function markdownFiles(dir: string): string[] {
	if (!existsSync(dir)) return [];
	const out: string[] = [];
	for (const name of readdirSync(dir).sort()) {
		if (name.startsWith(".")) continue;
		const path = join(dir, name);
		if (statSync(path).isDirectory()) out.push(...markdownFiles(path));
		else if (name.endsWith(".md") && name !== "SOURCES.md" && name !== "README.md") out.push(path);
	}
	return out;
}

/** The seed notes: real conference notes (tagged), or the example vault. */
export function seedNotes(): { notes: CorpusNote[]; source: string } {
	const real = markdownFiles(shared).filter((p) => !p.endsWith("blog-post.md"));
	if (real.length > 0) {
		const notes = real.map((path) => {
			const text = readFileSync(path, "utf8");
			return { path, text: text.startsWith("---") ? text : `---\ntags: [Conference]\n---\n${text}` };
		});
		return { notes, source: "../shared/fixtures (seed + wild)" };
	}
	const examples = markdownFiles(join(root, "examples", "vault"));
	return { notes: examples.map((path) => ({ path, text: readFileSync(path, "utf8") })), source: "examples/vault" };
}

/** Repeats the seed notes (each copy with its own title line) until the corpus reaches `targetBytes`. */
export function conferenceCorpus(targetBytes: number): { notes: CorpusNote[]; source: string; bytes: number } {
	const { notes: seeds, source } = seedNotes();
	const notes: CorpusNote[] = [];
	let bytes = 0;
	for (let copy = 0; bytes < targetBytes; copy++) {
		for (const seed of seeds) {
			const text = seed.text.replace(/\n/, `\n<!-- copy ${copy} -->\n`);
			notes.push({ path: `copy-${copy}/${seed.path.split("/").pop() ?? "note.md"}`, text });
			bytes += Buffer.byteLength(text, "utf8");
			if (bytes >= targetBytes) break;
		}
	}
	return { notes, source, bytes };
}
