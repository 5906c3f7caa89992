/** The part of the index the commands read. */
import type { NoteRecord, TermRecord } from "../../core/types";

/** What the commands read from the index (ConferenceIndex provides it). */
export interface CommandIndex {
	readonly terms: {
		lookup(name: string): TermRecord | undefined;
		records(): TermRecord[];
		readonly size: number;
	};
	notes(): NoteRecord[];
	note(path: string): NoteRecord | undefined;
	readonly ready: boolean;
}
