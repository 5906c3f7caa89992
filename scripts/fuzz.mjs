/**
 * `npm run fuzz`: the property tests at 100,000 runs each (`CQG_PROPERTY_RUNS`, or the first argument),
 * without the per-test time limit. Not part of CI, where the same tests run at their usual sizes.
 */
import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const runs = process.argv[2] ?? process.env.CQG_PROPERTY_RUNS ?? "100000";
const files = ["test/core/matcher.property.test.ts", "test/core/note-parser.property.test.ts", "test/ui/mentions/editor-decorations.test.ts"];
const vitest = join(root, "node_modules", "vitest", "vitest.mjs");
const run = spawnSync(process.execPath, [vitest, "run", ...files, "--testTimeout=0"], { cwd: root, stdio: "inherit", env: { ...process.env, CQG_PROPERTY_RUNS: runs } });
process.exitCode = run.status ?? 1;
