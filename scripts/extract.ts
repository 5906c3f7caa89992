/**
 * npm run extract -- <file or folder>... [--tag NAME]... [--health] [--export md|csv|json|tsv [--out FILE [--force]]]
 *
 * Prints one JSON object {"notes": [...]} for the notes that carry the tag (default `Conference`), with
 * each note's mentions of the terms defined in any of them; `--health` adds glossary health per note and
 * a vault-wide `health` object.
 * With `--export`, prints (or writes to FILE, never replacing an existing file without `--force`) the
 * Markdown digest, CSV, JSON or Anki TSV of the plugin's export commands instead.
 * Folders are read recursively for `.md` files. Errors (missing path, unreadable file) go to stderr and
 * make the exit code non-zero; the other files are still processed.
 */
import { existsSync, writeFileSync } from "node:fs";
import { exportAs, isExportFormat, type ExportFormat } from "../src/core/export";
import { parseSources, streamVaultReport, type SourceFile, type VaultReportOptions } from "../src/core/vault-report";
import { cleanTagList } from "../src/core/tags";
import { readMarkdownFiles } from "./source-files";

interface CliArgs {
	paths: string[];
	tags: string[];
	health: boolean;
	exportFormat?: ExportFormat;
	out?: string;
	force?: boolean;
}

const USAGE = "usage: npm run extract -- <file or folder>... [--tag NAME]... [--health] [--export md|csv|json|tsv [--out FILE [--force]]]";

function exportFormatOf(value: string | undefined): ExportFormat {
	if (!value || !isExportFormat(value)) throw new Error("--export needs one of md, csv, json, tsv");
	return value;
}

function parseArgs(argv: readonly string[]): CliArgs {
	const args: CliArgs = { paths: [], tags: [], health: false };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === "--tag") {
			const value = argv[++i];
			if (!value) throw new Error("--tag needs a tag name");
			args.tags.push(value);
		} else if (arg.startsWith("--tag=")) {
			args.tags.push(arg.slice("--tag=".length));
		} else if (arg === "--export" || arg.startsWith("--export=")) {
			args.exportFormat = exportFormatOf(arg === "--export" ? argv[++i] : arg.slice("--export=".length));
		} else if (arg === "--out" || arg.startsWith("--out=")) {
			const value = arg === "--out" ? argv[++i] : arg.slice("--out=".length);
			if (!value) throw new Error("--out needs a file name");
			args.out = value;
		} else if (arg === "--force") {
			args.force = true;
		} else if (arg === "--health") {
			args.health = true;
		} else if (arg === "--help" || arg === "-h") {
			console.log(USAGE);
			process.exit(0);
		} else if (arg.startsWith("--")) {
			throw new Error(`unknown option ${arg}\n${USAGE}`);
		} else {
			args.paths.push(arg);
		}
	}
	return args;
}

function main(): number {
	let args: CliArgs;
	try {
		args = parseArgs(process.argv.slice(2));
	} catch (error) {
		console.error(String(error instanceof Error ? error.message : error));
		return 2;
	}
	if (args.paths.length === 0) {
		console.error(USAGE);
		return 2;
	}
	const { files, errors } = readMarkdownFiles(args.paths);
	const tags = args.tags.length > 0 ? cleanTagList(args.tags) : undefined;
	if (args.exportFormat) return writeExport(args, parseSources(files, { tags }).map(({ record }) => record), errors);
	writeJson(files, { tags, health: args.health });
	for (const error of errors) console.error(`extract: ${error}`);
	return errors.length > 0 ? 1 : 0;
}

/**
 * Prints `{"notes": [...], "health": {...}}` as `JSON.stringify(…, null, 2)` would, but each note as soon
 * as it is extracted, in chunks, so the output never waits for (nor holds) the whole vault's text.
 */
function writeJson(files: readonly SourceFile[], options: VaultReportOptions): void {
	const out = new ChunkedWriter((chunk) => process.stdout.write(chunk));
	let count = 0;
	out.write("{\n  \"notes\": [");
	const health = streamVaultReport(files, options, (note) => {
		out.write(`${count++ === 0 ? "" : ","}\n    ${JSON.stringify(note, null, 2).replace(/\n/g, "\n    ")}`);
	});
	out.write(count === 0 ? "]" : "\n  ]");
	if (health) out.write(`,\n  "health": ${JSON.stringify(health, null, 2).replace(/\n/g, "\n  ")}`);
	out.write("\n}\n");
	out.flush();
}

/** Collects small strings and hands them on in pieces of about 64 KB (fewer system calls than one per note). */
class ChunkedWriter {
	private parts: string[] = [];
	private size = 0;

	constructor(private readonly sink: (chunk: string) => void) {}

	write(text: string): void {
		this.parts.push(text);
		this.size += text.length;
		if (this.size >= 65536) this.flush();
	}

	flush(): void {
		if (this.parts.length === 0) return;
		this.sink(this.parts.join(""));
		this.parts = [];
		this.size = 0;
	}
}

/** `--export`: the export commands' output, to stdout or to `--out` (never replacing a file without `--force`). */
function writeExport(args: CliArgs, records: Parameters<typeof exportAs>[0]["notes"], errors: string[]): number {
	const format = args.exportFormat as ExportFormat;
	if (args.out && existsSync(args.out) && !args.force) {
		console.error(`extract: ${args.out} already exists; pass --force to replace it`);
		return 2;
	}
	const result = exportAs({ notes: records }, format, { bom: Boolean(args.out) && format === "csv" });
	if (args.out) {
		writeFileSync(args.out, result.text, "utf8");
		console.error(`extract: wrote ${result.qaCount} Q&A and ${result.glossaryCount} glossary entries to ${args.out}`);
	} else {
		process.stdout.write(result.text);
	}
	for (const error of errors) console.error(`extract: ${error}`);
	return errors.length > 0 ? 1 : 0;
}

process.exitCode = main();
