/**
 * npm run extract -- <file or folder>... [--tag NAME]...
 *
 * Prints one JSON object {"notes": [...]} for the notes that carry the tag (default `Conference`).
 * Folders are read recursively for `.md` files. Errors (missing path, unreadable file) go to stderr and
 * make the exit code non-zero; the other files are still processed.
 */
import { noteToJson, parseSources } from "../src/core/extract";
import { readMarkdownFiles } from "./source-files";

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
	const { files, errors } = readMarkdownFiles(args.paths);
	const parsed = parseSources(files, { tags: args.tags.length > 0 ? args.tags : undefined });
	const notes = parsed.map(({ record }) => noteToJson(record, []));
	process.stdout.write(`${JSON.stringify({ notes }, null, 2)}\n`);
	for (const error of errors) console.error(`extract: ${error}`);
	return errors.length > 0 ? 1 : 0;
}

process.exitCode = main();
