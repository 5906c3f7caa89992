/** Parser throughput: parseNote over a synthetic vault built from the fixtures. Target ≥ 100 MB/s. */
import { parseNote } from "../src/core/note-parser";
import { conferenceCorpus } from "./corpus";
import { bestOf, figure, type Benchmark } from "./harness";

const bench: Benchmark = async (log) => {
	const corpus = conferenceCorpus(20 * 1024 * 1024);
	const mb = corpus.bytes / (1024 * 1024);
	log(`corpus: ${corpus.notes.length} notes, ${mb.toFixed(1)} MB (UTF-8) from ${corpus.source}`);
	let pairs = 0;
	const ms = bestOf(() => {
		pairs = 0;
		for (const note of corpus.notes) pairs += parseNote(note.text, note.path)?.qa.length ?? 0;
	}, 2000, 3);
	const mbPerS = mb / (ms / 1000);
	figure(log, "parse: all notes", ms, "ms");
	figure(log, "parse: throughput", mbPerS, "MB/s", "≥ 100 MB/s");
	log(`(${pairs} Q&A pairs per pass)`);
	return { parse_mb_per_s: Number(mbPerS.toFixed(1)) };
};

export default bench;
