import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

/**
 * Two groups: the unit and happy-dom tests run in parallel first; then the browser tests (`test/e2e`) run one
 * file at a time, alone on the machine, so that a busy CI runner cannot starve a page of the time its
 * timers need. A browser test that fails is run once more (as Playwright's own runner does on CI); a real
 * bug fails both runs.
 */
const obsidianStub = fileURLToPath(new URL("./test/stubs/obsidian.ts", import.meta.url));

export default defineConfig({
	resolve: {
		alias: {
			obsidian: obsidianStub,
		},
	},
	test: {
		environment: "node",
		testTimeout: 30_000,
		hookTimeout: 60_000,
		projects: [
			{
				extends: true,
				test: {
					name: "unit",
					include: ["test/**/*.test.ts"],
					exclude: ["test/e2e/**"],
					sequence: { groupOrder: 0 },
				},
			},
			{
				extends: true,
				test: {
					name: "browser",
					include: ["test/e2e/**/*.test.ts"],
					fileParallelism: false,
					retry: 1,
					sequence: { groupOrder: 1 },
				},
			},
		],
	},
});
