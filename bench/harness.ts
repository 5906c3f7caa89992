/** Shared pieces of the benchmarks: timing, figures, and the corpus built from the fixtures. */
import { performance } from "node:perf_hooks";

export type Log = (line: string) => void;
export type Benchmark = (log: Log) => Promise<Record<string, number>>;

/** Runs `fn` until `minMs` has passed (at least `minRuns` times) and returns the best time per run in ms. */
export function bestOf(fn: () => unknown, minMs = 300, minRuns = 3): number {
	let best = Infinity;
	let runs = 0;
	const start = performance.now();
	while (runs < minRuns || performance.now() - start < minMs) {
		const t0 = performance.now();
		fn();
		const t = performance.now() - t0;
		if (t < best) best = t;
		runs++;
	}
	return best;
}

/** Median time per call in ms over `runs` calls. */
export function medianOf(fn: () => unknown, runs = 50): number {
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t0 = performance.now();
		fn();
		times.push(performance.now() - t0);
	}
	times.sort((a, b) => a - b);
	return times[Math.floor(times.length / 2)];
}

export function utf8Bytes(text: string): number {
	return Buffer.byteLength(text, "utf8");
}

export function figure(log: Log, label: string, value: number, unit: string, target?: string): void {
	const shown = value >= 100 ? value.toFixed(0) : value >= 1 ? value.toFixed(2) : value.toPrecision(3);
	log(`${label.padEnd(52)} ${shown.padStart(10)} ${unit}${target ? `   (target ${target})` : ""}`);
}

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same input. */
export function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Something that says when it has changed, as the live index does. */
interface ChangeSource<Ref> {
	on(name: "changed", callback: () => void): Ref;
	offref(ref: Ref): void;
}

/** Resolves at the source's next "changed" event (for the index: when its first scan is done). */
export function nextChange<Ref>(source: ChangeSource<Ref>): Promise<void> {
	return new Promise<void>((resolve) => {
		const ref = source.on("changed", () => {
			source.offref(ref);
			resolve();
		});
	});
}
