/**
 * The notes the host page's in-memory vault starts with: the bundled example vault (examples/vault/),
 * the reference note read in place from ../shared (never copied into the project), and notes a
 * scenario writes itself.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { readMarkdownFiles } from "../../../scripts/source-files";
import { PROJECT_ROOT } from "./build";

export interface VaultFile {
	/** Vault-relative path with `/` separators, as Obsidian names files. */
	path: string;
	text: string;
}

export const EXAMPLE_VAULT = join(PROJECT_ROOT, "examples", "vault");
export const REFERENCE_NOTE_FILE = join(PROJECT_ROOT, "..", "shared", "fixtures", "seed", "toss-makers-conference-25.md");
/** Where the reference note sits in the test vault. */
export const REFERENCE_NOTE_PATH = "Conferences/Toss Makers Conference 25.md";

export const hasReferenceNote = existsSync(REFERENCE_NOTE_FILE);
export const REFERENCE_SKIP_REASON = `reference note not found at ${REFERENCE_NOTE_FILE} (../shared is absent): scenarios on it are skipped`;

/** Every Markdown note of examples/vault (the `.obsidian` folder is skipped). */
export function exampleVaultFiles(): VaultFile[] {
	const { files, errors } = readMarkdownFiles([EXAMPLE_VAULT], EXAMPLE_VAULT);
	if (errors.length > 0) throw new Error(`cannot read the example vault: ${errors.join("; ")}`);
	return files.map((f) => ({ path: f.path, text: f.text }));
}

/** The reference note, read in place. Throws when ../shared is absent (check `hasReferenceNote`). */
export function referenceNoteFile(): VaultFile {
	return { path: REFERENCE_NOTE_PATH, text: readFileSync(REFERENCE_NOTE_FILE, "utf8") };
}
