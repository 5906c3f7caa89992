/**
 * `npm run approve`: re-writes the approved files of the approval tests (test/approved/) from what the
 * code produces now. Review the result with `git diff test/approved` before committing it.
 */
import { spawnSync } from "node:child_process";

const result = spawnSync("npx", ["vitest", "run", "test/approved"], {
	stdio: "inherit",
	shell: process.platform === "win32",
	env: { ...process.env, APPROVE: "1" },
});
process.exit(result.status ?? 1);
