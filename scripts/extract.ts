/**
 * npm run extract -- <file or folder>... [--tag NAME]...
 *
 * Prints one JSON object {"notes": [...]} for the notes that carry the tag (default `Conference`).
 * Folders are read recursively for `.md` files. Errors (missing path, unreadable file) go to stderr and
 * make the exit code non-zero; the other files are still processed.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { noteToJson, parseSources, type SourceFile } from "../src/core/extract";

interface CliArgs {
	paths: string[];
	tags: string[];
}

function parseArgs(argv: readonly string[]): CliArgs {
	const args: CliArgs = { paths: [], tags: [] };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === "--tag") {
			const value = argv[++i];
			if (!value) throw new Error("--tag needs a tag name");
			args.tags.push(value);
		} else if (arg.startsWith("--tag=")) {
			args.tags.push(arg.slice("--tag=".length));
		} else if (arg === "--help" || arg === "-h") {
			console.log("usage: npm run extract -- <file or folder>... [--tag NAME]");
			process.exit(0);
		} else {
			args.paths.push(arg);
		}
	}
	return args;
}

/** Expands folders to their Markdown files (sorted, recursive); reports unreadable paths. */
function collectFiles(paths: readonly string[], errors: string[]): SourceFile[] {
	const files: SourceFile[] = [];
	const visit = (path: string): void => {
		let stat;
		try {
			stat = statSync(path);
		} catch (error) {
			errors.push(`${path}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file or folder" : String(error)}`);
			return;
		}
		if (stat.isDirectory()) {
			const entries = readdirSync(path).filter((name) => !name.startsWith(".")).sort();
			for (const name of entries) {
				const child = join(path, name);
				if (name.toLowerCase().endsWith(".md") || statSync(child).isDirectory()) visit(child);
			}
			return;
		}
		try {
			files.push({ path, text: readFileSync(path, "utf8") });
		} catch (error) {
			errors.push(`${path}: cannot read (${String(error)})`);
		}
	};
	for (const path of paths) visit(path);
	return files;
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
		console.error("usage: npm run extract -- <file or folder>... [--tag NAME]");
		return 2;
	}
	const errors: string[] = [];
	const files = collectFiles(args.paths, errors);
	const parsed = parseSources(files, { tags: args.tags.length > 0 ? args.tags : undefined });
	const notes = parsed.map(({ record }) => noteToJson(record, []));
	process.stdout.write(`${JSON.stringify({ notes }, null, 2)}\n`);
	for (const error of errors) console.error(`extract: ${error}`);
	return errors.length > 0 ? 1 : 0;
}

process.exitCode = main();
