/**
 * Terms that are one concept: a term, and another term's alias of the same name. `에러 버짓` defined in
 * one note and `Error budget (에러 버짓)` in a glossary note are two records of the term index (a term is
 * never shadowed by an alias), but a reader means one thing by both: the hover shows every definition of
 * both, and glossary health reports them when their definitions differ.
 *
 * Built from the records alone (no term-index internals), once per index version, in O(names).
 */
import { compareTerms, termKey } from "./term-key";
import type { TermDefinition, TermRecord } from "./types";

export class Concepts {
	/** Record key → the records of its concept, when it has more than one. */
	private readonly groups = new Map<string, readonly TermRecord[]>();

	constructor(records: readonly TermRecord[]) {
		const byKey = new Map<string, TermRecord>();
		for (const record of records) byKey.set(record.key, record);
		const parent = new Map<string, string>();
		const find = (key: string): string => {
			let root = key;
			while (parent.has(root)) root = parent.get(root) as string;
			// Path compression keeps later finds short.
			for (let k = key; k !== root; ) {
				const next = parent.get(k) as string;
				parent.set(k, root);
				k = next;
			}
			return root;
		};
		for (const record of records) {
			for (const name of record.names) {
				const key = termKey(name);
				if (key === record.key || !byKey.has(key)) continue;
				const a = find(record.key);
				const b = find(key);
				if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
			}
		}
		const members = new Map<string, TermRecord[]>();
		for (const key of parent.keys()) {
			const root = find(key);
			if (!members.has(root)) members.set(root, [byKey.get(root) as TermRecord]);
			(members.get(root) as TermRecord[]).push(byKey.get(key) as TermRecord);
		}
		for (const group of members.values()) {
			group.sort((a, b) => compareTerms(a.term, b.term));
			for (const record of group) this.groups.set(record.key, group);
		}
	}

	/** The records of `record`'s concept: itself first, then the others in term order. */
	of(record: TermRecord): TermRecord[] {
		const group = this.groups.get(record.key);
		return group ? [record, ...group.filter((r) => r.key !== record.key)] : [record];
	}

	/** Concepts of more than one record, each in term order. */
	shared(): (readonly TermRecord[])[] {
		return [...new Set(this.groups.values())];
	}

	/**
	 * One record for the whole concept, as `record` names it: the terms (its own first), then their aliases,
	 * once per spelling; its definitions, then the others'.
	 */
	merged(record: TermRecord): TermRecord {
		const group = this.of(record);
		if (group.length === 1) return record;
		const names: string[] = [];
		const seen = new Set<string>();
		const definitions: TermDefinition[] = [];
		// The terms as their records spell them first, then the aliases.
		for (const name of [...group.map((r) => r.term), ...group.flatMap((r) => r.names)]) {
			const key = termKey(name);
			if (seen.has(key)) continue;
			seen.add(key);
			names.push(name);
		}
		for (const r of group) definitions.push(...r.definitions);
		return { key: record.key, term: record.term, names, definitions };
	}
}
