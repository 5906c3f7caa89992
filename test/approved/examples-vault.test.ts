/**
 * Approval test over the example vault in the repository (examples/vault/): everything the plugin reads
 * from it — talks, Q&A, glossary entries, term mentions and glossary health, as `npm run extract --health`
 * prints them, plus the extra glossary sources and the notes it ignores — compared with the approved copy
 * in test/approved/examples-vault.json. It needs nothing outside the repository, so a fresh clone tests
 * as much as CI does.
 *
 * When a change to the parser or the matcher changes this output on purpose, run `npm run approve`,
 * read the diff of examples-vault.json (`git diff test/approved`), and commit it with the change.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { vaultReport } from "../../src/core/vault-report";
import { EXAMPLE_VAULT, PROJECT_ROOT, splitVault, readVaultNotes } from "../../scripts/demo";

const APPROVED = join(PROJECT_ROOT, "test", "approved", "examples-vault.json");
const APPROVING = process.env.APPROVE === "1";

/** The whole reading of the example vault, as stable, diff-friendly JSON. */
function received(): string {
	const files = readVaultNotes(EXAMPLE_VAULT);
	const vault = splitVault(files);
	const document = {
		extract: vaultReport(files, { health: true }),
		glossarySources: vault.glossarySources,
		ignored: vault.ignored,
	};
	return `${JSON.stringify(document, null, "\t")}\n`;
}

describe("approval: examples/vault", () => {
	it("reads the example vault exactly as approved (re-approve with `npm run approve`)", () => {
		const text = received();
		if (APPROVING) {
			writeFileSync(APPROVED, text, "utf8");
			console.log(`Approved ${APPROVED}: review it with git diff test/approved`);
			return;
		}
		expect(existsSync(APPROVED), `${APPROVED} is missing: run npm run approve`).toBe(true);
		const approved = readFileSync(APPROVED, "utf8").replace(/\r\n/g, "\n");
		// The structured comparison first, for a readable diff; then the text, so the file stays as `approve` writes it.
		expect(JSON.parse(text), "the example vault reads differently: if that is intended, run npm run approve and review git diff test/approved").toEqual(JSON.parse(approved));
		expect(text).toBe(approved);
	});

	it("covers every part of the extract (an approved file with empty parts would prove little)", () => {
		const document = JSON.parse(readFileSync(APPROVED, "utf8")) as {
			extract: { notes: { talks: unknown[]; qa: unknown[]; glossary: unknown[]; mentions: unknown[] }[]; health: { undefinedMarked: unknown[]; conflicting: unknown[]; unused: unknown[] } };
			glossarySources: { glossary: unknown[] }[];
		};
		const notes = document.extract.notes;
		const total = (pick: (n: (typeof notes)[number]) => unknown[]) => notes.reduce((sum, n) => sum + pick(n).length, 0);
		expect(notes.length).toBeGreaterThan(0);
		expect(total((n) => n.talks)).toBeGreaterThan(0);
		expect(total((n) => n.qa)).toBeGreaterThan(0);
		expect(total((n) => n.glossary)).toBeGreaterThan(0);
		expect(total((n) => n.mentions)).toBeGreaterThan(0);
		expect(document.glossarySources.some((s) => s.glossary.length > 0)).toBe(true);
	});
});
