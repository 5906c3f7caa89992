/**
 * The notes the host page's in-memory vault starts with: the bundled example vault (examples/vault/),
 * the reference note read in place from ../shared (never copied into the project), and notes a
 * scenario writes itself.
 */
import { join } from "node:path";
import { readMarkdownFiles } from "../../../scripts/source-files";
import { hasSharedFixtures, readSharedFixture, REFERENCE_NOTE, SHARED_FIXTURES, SKIP_REASON } from "../../helpers/shared-fixtures";
import { PROJECT_ROOT } from "./build";

export interface VaultFile {
	/** Vault-relative path with `/` separators, as Obsidian names files. */
	path: string;
	text: string;
}

export const EXAMPLE_VAULT = join(PROJECT_ROOT, "examples", "vault");
export const REFERENCE_NOTE_FILE = join(SHARED_FIXTURES, REFERENCE_NOTE);
/** Where the reference note sits in the test vault. */
export const REFERENCE_NOTE_PATH = "Conferences/Toss Makers Conference 25.md";

export const hasReferenceNote = hasSharedFixtures;
export const REFERENCE_SKIP_REASON = `${SKIP_REASON} (browser scenarios on the reference note included)`;

/** Every Markdown note of examples/vault (the `.obsidian` folder is skipped). */
export function exampleVaultFiles(): VaultFile[] {
	const { files, errors } = readMarkdownFiles([EXAMPLE_VAULT], EXAMPLE_VAULT);
	if (errors.length > 0) throw new Error(`cannot read the example vault: ${errors.join("; ")}`);
	return files.map((f) => ({ path: f.path, text: f.text }));
}

/** The reference note, read in place. Throws when ../shared is absent (check `hasReferenceNote`). */
export function referenceNoteFile(): VaultFile {
	return { path: REFERENCE_NOTE_PATH, text: readSharedFixture(REFERENCE_NOTE) };
}
