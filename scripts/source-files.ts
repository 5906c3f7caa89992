/** Reading Markdown files for the command-line tools: files as given, folders recursively (sorted). */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { SourceFile } from "../src/core/vault-report";

export interface ReadResult {
	files: SourceFile[];
	/** One message per path that could not be read. */
	errors: string[];
}

/**
 * Reads `paths`: files as given, folders recursively for `.md` files, skipping dot-folders such as
 * `.obsidian`. With `root`, each file's path is relative to it with `/` separators, as Obsidian names notes.
 */
export function readMarkdownFiles(paths: readonly string[], root?: string): ReadResult {
	const files: SourceFile[] = [];
	const errors: string[] = [];
	const name = (path: string) => (root === undefined ? path : relative(root, path).split(sep).join("/"));
	const visit = (path: string): void => {
		let stat;
		try {
			stat = statSync(path);
		} catch (error) {
			errors.push(`${path}: ${(error as { code?: string }).code === "ENOENT" ? "no such file or folder" : String(error)}`);
			return;
		}
		if (stat.isDirectory()) {
			for (const entry of readdirSync(path).sort()) {
				if (entry.startsWith(".")) continue;
				const child = join(path, entry);
				if (entry.toLowerCase().endsWith(".md") || statSync(child).isDirectory()) visit(child);
			}
			return;
		}
		try {
			files.push({ path: name(path), text: readFileSync(path, "utf8") });
		} catch (error) {
			errors.push(`${path}: cannot read (${String(error)})`);
		}
	};
	for (const path of paths) visit(path);
	return { files, errors };
}
