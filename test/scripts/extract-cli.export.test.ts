/** `npm run extract -- <paths> --export FMT [--out FILE]`: the export flags of the CLI, run as a process. */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { hasSharedFixtures, REFERENCE_NOTE, SHARED_FIXTURES } from "../helpers/shared-fixtures";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const dir = mkdtempSync(join(tmpdir(), "cqg-export-"));
const note = join(dir, "talk.md");
writeFileSync(note, ["---", "tags: [Conference]", "---", "## Intro - Ana", "", "**Q. Why, \"really\"?**", "A. Because.", "", "> P99 (99th percentile)", "> The slowest 1%", ""].join("\n"));

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
	const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/extract.ts", ...args], { cwd: ROOT, encoding: "utf8" });
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("extract --export", () => {
	it("prints CSV, TSV, JSON or a digest instead of the notes JSON", () => {
		const csv = run(note, "--export", "csv");
		expect(csv.status).toBe(0);
		expect(csv.stdout).toBe(
			'type,front,back,aliases,note,talk,speaker,path,line\r\nqa,"Why, ""really""?",Because.,,talk,Intro,Ana,' + note + ",6\r\nterm,P99,The slowest 1%,99th percentile,talk,,," + note + ",9\r\n",
		);
		expect(run(note, "--export=tsv").stdout).toMatch(/^#separator:tab\n#html:false\n/);
		expect(JSON.parse(run(note, "--export", "json").stdout)).toMatchObject({ format: "conference-qa-glossary", version: 1 });
		expect(run(note, "--export", "md").stdout).toContain("> [!question] Why, \"really\"?\n> Because.\n");
	});

	it("leaves the default JSON contract alone", () => {
		const plain = run(note);
		expect(plain.status).toBe(0);
		expect(Object.keys(JSON.parse(plain.stdout) as object)).toEqual(["notes"]);
	});

	it("writes --out, and never replaces an existing file without --force", () => {
		const out = join(dir, "out.csv");
		expect(run(note, "--export", "csv", "--out", out).status).toBe(0);
		expect(readFileSync(out, "utf8").charCodeAt(0)).toBe(0xfeff);
		writeFileSync(out, "mine");
		const refused = run(note, "--export", "csv", "--out", out);
		expect(refused.status).toBe(2);
		expect(refused.stderr).toMatch(/already exists/);
		expect(readFileSync(out, "utf8")).toBe("mine");
		expect(run(note, "--export", "csv", "--out", out, "--force").status).toBe(0);
		expect(readFileSync(out, "utf8")).toMatch(/^\uFEFFtype,/);
	});

	it("rejects an unknown format", () => {
		const bad = run(note, "--export", "xls");
		expect(bad.status).toBe(2);
		expect(bad.stderr).toMatch(/md, csv, json, tsv/);
	});

	it.skipIf(!hasSharedFixtures)("exports the reference note's 69 Q&A and 19 glossary rows", () => {
		const out = join(dir, "ref.tsv");
		const result = run(join(SHARED_FIXTURES, REFERENCE_NOTE), "--export", "tsv", "--out", out);
		expect(result.stderr).toContain("wrote 69 Q&A and 19 glossary entries");
		expect(existsSync(out)).toBe(true);
		const cards = readFileSync(out, "utf8").split("\n").filter((l) => l !== "" && !l.startsWith("#"));
		expect(cards).toHaveLength(88);
	});
});
