/**
 * A clock that cuts long main-thread work (the index's start-up scan, glossary health) into slices that
 * give the UI back its thread, and measures them.
 */

/** Measured slices of main-thread work. */
export interface SliceStats {
	/** Sum of all slices, ms. */
	totalMs: number;
	/** Longest slice, ms. */
	longestMs: number;
	/** Number of slices. */
	slices: number;
}

/**
 * Cuts work into slices of about `budgetMs`. A slice is the synchronous work between two yields to the
 * UI; waiting for file reads does not count (the clock pauses), but the reads do not end a slice either,
 * since a resolved promise runs before the UI gets a turn.
 */
export class SliceClock {
	private sliceMs = 0;
	private segmentStart = -1;
	private stats: SliceStats = { totalMs: 0, longestMs: 0, slices: 0 };

	constructor(
		private readonly budgetMs: number,
		private readonly yieldToUi: () => Promise<void>,
		private readonly now: () => number,
	) {}

	/** Starts (or continues) counting work. */
	resume(): void {
		if (this.segmentStart < 0) this.segmentStart = this.now();
	}

	/** Stops counting while waiting for I/O; the slice stays open. */
	pause(): void {
		if (this.segmentStart < 0) return;
		this.sliceMs += this.now() - this.segmentStart;
		this.segmentStart = -1;
	}

	/** True when the open slice has used its budget. */
	get spent(): boolean {
		const running = this.segmentStart < 0 ? 0 : this.now() - this.segmentStart;
		return this.sliceMs + running >= this.budgetMs;
	}

	/** Closes the slice, lets the UI run, and opens the next one. */
	async yield(): Promise<void> {
		this.close();
		await this.yieldToUi();
		this.resume();
	}

	/** Closes the open slice (end of a run of work). */
	close(): void {
		this.pause();
		if (this.sliceMs > 0) {
			this.stats.totalMs += this.sliceMs;
			this.stats.longestMs = Math.max(this.stats.longestMs, this.sliceMs);
			this.stats.slices++;
		}
		this.sliceMs = 0;
	}

	/** The figures since the last reset. */
	read(): SliceStats {
		return { ...this.stats };
	}

	reset(): void {
		this.stats = { totalMs: 0, longestMs: 0, slices: 0 };
	}
}

/** Yields to the event loop with a timer: input and rendering run before the callback (works on mobile, unlike requestIdleCallback on iOS). */
export function yieldWithTimer(): Promise<void> {
	return new Promise((resolve) => window.setTimeout(resolve, 0));
}
