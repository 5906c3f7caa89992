/**
 * The shipped bundle and the plugin's start-up cost.
 * - bundle_kb: size of the production main.js (built in memory with esbuild.config.mjs's production options).
 * - onload_ms: `await plugin.onload()` measured with performance.now in the browser host (headless
 *   Chromium, example vault), median of fresh page loads. Skipped (not reported) without Chromium.
 */
import { gzipSync } from "node:zlib";
import { hasChromium, NO_CHROMIUM_REASON } from "../test/e2e/support/browser";
import { buildPlugin } from "../test/e2e/support/build";
import { Session } from "../test/e2e/support/session";
import { exampleVaultFiles } from "../test/e2e/support/vault-files";
import { figure, type Benchmark } from "./harness";

const BUNDLE_TARGET_KB = 200;
const ONLOAD_TARGET_MS = 5;
const LOADS = 9;

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

const bench: Benchmark = async (log) => {
	const mainJs = await buildPlugin();
	const bundleKb = Buffer.byteLength(mainJs, "utf8") / 1024;
	figure(log, "main.js, production build", bundleKb, "KB", `< ${BUNDLE_TARGET_KB} KB, ${(bundleKb / BUNDLE_TARGET_KB).toFixed(2)}× target`);
	figure(log, "main.js, gzip (what a download costs; not the target)", gzipSync(mainJs).length / 1024, "KB");
	const metrics: Record<string, number> = { bundle_kb: Number(bundleKb.toFixed(1)) };

	if (!hasChromium) {
		log(`onload_ms skipped: ${NO_CHROMIUM_REASON}`);
		return metrics;
	}
	const session = await Session.start({ files: exampleVaultFiles(), openFile: "Conferences/Seoul Reliability Day 2025.md" });
	try {
		const onload: number[] = [];
		const evaluate: number[] = [];
		for (let i = 0; i < LOADS; i++) {
			const page = await session.open();
			const times = await page.host((h) => ({ onload: h.onloadMs, evaluate: h.evaluateMs }));
			onload.push(times.onload);
			evaluate.push(times.evaluate);
			await page.page.context().close();
		}
		const onloadMs = median(onload);
		figure(log, `evaluate main.js + construct (median of ${LOADS} loads)`, median(evaluate), "ms");
		figure(log, `plugin onload in Chromium (median of ${LOADS} loads)`, onloadMs, "ms", `< ${ONLOAD_TARGET_MS} ms, ${(onloadMs / ONLOAD_TARGET_MS).toFixed(2)}× target`);
		log(`  each load: ${onload.map((t) => t.toFixed(2)).join(", ")} ms`);
		metrics.onload_ms = Number(onloadMs.toFixed(2));
	} finally {
		await session.close();
	}
	return metrics;
};

export default bench;
