/** The `npm run extract` contract: JSON on stdout for tagged notes, errors on stderr, --tag, --health. */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { VaultReport } from "../../src/core/vault-report";
import { hasSharedFixtures, REFERENCE_NOTE, SHARED_FIXTURES } from "../helpers/shared-fixtures";

const root = resolve(import.meta.dirname, "..", "..");

function extract(...args: string[]): { json: VaultReport | null; stderr: string; status: number | null } {
	const run = spawnSync(process.execPath, ["--import", "tsx", join(root, "scripts", "extract.ts"), ...args], { cwd: root, encoding: "utf8" });
	let json: VaultReport | null = null;
	try {
		json = JSON.parse(run.stdout) as VaultReport;
	} catch {
		json = null;
	}
	return { json, stderr: run.stderr, status: run.status };
}

function tempVault(): string {
	const dir = mkdtempSync(join(tmpdir(), "cqg-cli-"));
	mkdirSync(join(dir, "talks"));
	writeFileSync(join(dir, "talks", "day1.md"), "---\ntags: [Conference, day1]\n---\n## Caching - Ana\n**Q. Where does the CDN* sit?**\nA. In front of the API.\n\n> CDN (Content Delivery Network)\n> Servers close to users\n");
	writeFileSync(join(dir, "talks", "meetup.md"), "#meetup\nQ: Pizza?\nA: Yes, the CDN team brought it.\n");
	writeFileSync(join(dir, "untagged.md"), "Q: Not indexed?\nA: Right.\n");
	writeFileSync(join(dir, "notes.txt"), "#Conference\nQ: not markdown\nA: skipped\n");
	return dir;
}

describe("npm run extract", () => {
	it("prints the tagged notes of a folder with talks, Q&A, glossary and mentions", () => {
		const dir = tempVault();
		const { json, status, stderr } = extract(dir);
		expect(status, stderr).toBe(0);
		expect(json?.notes).toEqual([
			{
				path: join(dir, "talks", "day1.md"),
				title: "day1",
				tags: ["Conference", "day1"],
				talks: [{ title: "Caching", speaker: "Ana", line: 4 }],
				qa: [{ question: "Where does the CDN sit?", answer: "In front of the API.", line: 5, answerLine: 6, talk: 0 }],
				glossary: [{ term: "CDN", aliases: ["Content Delivery Network"], definition: "Servers close to users", line: 8 }],
				mentions: [{ line: 5, column: 21, text: "CDN", term: "CDN", marked: true }],
			},
		]);
	});

	it("reports missing paths on stderr with a non-zero exit and still prints the others", () => {
		const dir = tempVault();
		const { json, status, stderr } = extract(join(dir, "missing.md"), join(dir, "talks", "day1.md"));
		expect(status).toBe(1);
		expect(stderr).toContain("missing.md: no such file or folder");
		expect(json?.notes.map((n) => n.title)).toEqual(["day1"]);
	});

	it("uses --tag instead of Conference, and rejects unknown options", () => {
		const dir = tempVault();
		expect(extract(dir, "--tag", "meetup").json?.notes.map((n) => n.qa[0].question)).toEqual(["Pizza?"]);
		const bad = extract(dir, "--frobnicate");
		expect(bad.status).toBe(2);
		expect(bad.stderr).toContain("unknown option --frobnicate");
	});

	it("adds glossary health with --health", () => {
		const dir = tempVault();
		writeFileSync(join(dir, "talks", "day2.md"), "#Conference\nQ: What is RUM*?\nA: Real users, measured.\n\n> CDN\n> Another definition\n");
		const { json } = extract(dir, "--health");
		expect(json?.health?.undefinedMarked).toEqual([{ text: "RUM", path: join(dir, "talks", "day2.md"), line: 2, column: 12 }]);
		expect(json?.health?.conflicting.map((c) => [c.term, c.definitions.length])).toEqual([["CDN", 2]]);
		expect(json?.notes[0].health?.unused).toEqual([]);
	});

	it.skipIf(!hasSharedFixtures)("gives the reference note's 5 talks, 69 Q&A, 19 glossary entries and 25 mentions", () => {
		const { json, status } = extract(join(SHARED_FIXTURES, "seed"));
		expect(status).toBe(0);
		expect(json?.notes).toHaveLength(1);
		const note = json?.notes[0];
		expect(note?.path).toBe(join(SHARED_FIXTURES, REFERENCE_NOTE));
		expect([note?.talks.length, note?.qa.length, note?.glossary.length, note?.mentions.length]).toEqual([5, 69, 19, 25]);
		expect(note?.mentions[0]).toEqual({ line: 10, column: 32, text: "ECPM", term: "eCPM", marked: true });
		expect(note?.qa[0]).toMatchObject({ line: 10, answerLine: 19, talk: 0 });
	});
});

describe("npm run extract through its prebuilt bundle", () => {
	it("prints exactly what the TypeScript entry prints, note by note", () => {
		const dir = tempVault();
		const viaTsx = spawnSync(process.execPath, ["--import", "tsx", join(root, "scripts", "extract.ts"), dir, "--health", "--tag", "meetup", "--tag", "Conference"], { cwd: root, encoding: "utf8" });
		const viaBundle = spawnSync(process.execPath, [join(root, "scripts", "extract-cli.mjs"), dir, "--health", "--tag", "meetup", "--tag", "Conference"], { cwd: root, encoding: "utf8" });
		expect(viaBundle.status, viaBundle.stderr).toBe(0);
		expect(viaBundle.stdout).toBe(viaTsx.stdout);
		expect((JSON.parse(viaBundle.stdout) as VaultReport).notes.map((n) => n.path)).toEqual([join(dir, "talks", "day1.md"), join(dir, "talks", "meetup.md")]);
	});
});
