/**
 * Access to the real notes in ../shared/fixtures/, read in place (never copied into the project).
 * Where the folder is absent (a fresh clone), tests that need it skip with a clear message.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const SHARED_FIXTURES = resolve(projectRoot, "..", "shared", "fixtures");
export const REFERENCE_NOTE = "seed/toss-makers-conference-25.md";
export const BLOG_POST = "seed/blog-post.md";

/** True when ../shared/fixtures is present. */
export const hasSharedFixtures = existsSync(join(SHARED_FIXTURES, REFERENCE_NOTE));

/** The message a skipped suite carries, so a fresh clone says why. */
export const SKIP_REASON = `../shared/fixtures not found at ${SHARED_FIXTURES}: tests on the real notes are skipped`;

if (!hasSharedFixtures) console.warn(SKIP_REASON);

/** Reads a shared fixture by its path under fixtures/ (e.g. "wild/daneah-pygotham2017-loop-better.md"). */
export function readSharedFixture(relativePath: string): string {
	return readFileSync(join(SHARED_FIXTURES, relativePath), "utf8");
}

/** Prepends frontmatter tagging a wild note `Conference`; expected lines shift by `WILD_TAG_SHIFT`. */
export function tagWildNote(text: string): string {
	return `---\ntags: [Conference]\n---\n${text}`;
}
export const WILD_TAG_SHIFT = 3;
