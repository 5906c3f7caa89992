/**
 * Every glossary entry of every indexed note, by term and by alias, kept current one note at a time.
 *
 * - A record per term key (`termKey`): a term and its aliases are one `TermRecord`; the same term defined
 *   in several notes or lines gives several `TermDefinition`s on that record, ordered by (path, line).
 *   The record's display `term` is the term as written in its first definition.
 * - Name resolution (lookup and matcher): a record's own term key always resolves to that record. An
 *   alias resolves to the record that lists it, unless the alias is itself another record's term, in
 *   which case the term wins (an alias never shadows a defined term). When several records list the same
 *   alias, the one whose earliest definition listing it comes first by (path, line) wins. Resolution
 *   does not depend on the order notes were added.
 * - `setNote`, `removeNote` and `renameNote` cost in proportion to that note's entries, however many other
 *   notes define the same terms: a record keeps its definitions by note, counts its spellings, and sorts
 *   its definitions only when read. The matcher is patched lazily (on the next `matcher()` call) for the
 *   names those records carry, never rebuilt.
 */
import { Concepts } from "./concepts";
import { TermMatcher } from "./matcher";
import { CASE_ANY, combineCaseRules, compareTerms, isAcronymName, nameCaseRule, spacedKey, termKey, type CaseRule } from "./term-key";
import type { GlossaryEntry, TermDefinition, TermRecord } from "./types";

interface NoteState {
	entries: readonly GlossaryEntry[];
	/** The definitions this note gives, by record key (each list in line order). */
	byRecord: Map<string, TermDefinition[]>;
}

/** The spellings of one name key on one record, counted over its definitions. */
interface NameState {
	total: number;
	/** `spacedKey` spelling → how many definitions write it. */
	variants: Map<string, number>;
	/** Per `CaseRule`, how many spellings ask for it. */
	rules: number[];
	/** How many spellings are acronyms (`isAcronymName`). */
	acronyms: number;
}

interface RecordState {
	key: string;
	/** Definitions by note path, each list in line order. */
	byPath: Map<string, TermDefinition[]>;
	/** Number of definitions over all paths. */
	count: number;
	/** Name keys (its own key and its aliases') → spellings. */
	names: Map<string, NameState>;
	/** The smallest path in `byPath`, or null when it must be looked up again. */
	firstPath: string | null;
	/** Every definition in (path, line) order, built on read. */
	sorted: TermDefinition[] | null;
	cached: TermRecord | null;
}

export class TermIndex {
	private readonly notes = new Map<string, NoteState>();
	private readonly records_ = new Map<string, RecordState>();
	/** Alias key → term keys of the records listing that alias. */
	private readonly aliasClaims = new Map<string, Set<string>>();
	/** Name keys whose resolution may have changed since the matcher was last brought up to date. */
	private readonly dirty = new Set<string>();
	private currentMatcher: TermMatcher | null = null;
	private sorted: TermRecord[] | null = null;
	private version_ = 0;

	/** Number of terms (records). */
	get size(): number {
		return this.records_.size;
	}

	/** Increments on every change to the indexed entries. */
	get version(): number {
		return this.version_;
	}

	/** Replaces the glossary entries of one note. Entries with a blank term are ignored. */
	setNote(path: string, entries: readonly GlossaryEntry[]): void {
		const old = this.notes.get(path);
		if (old && sameEntries(old.entries, entries)) return;
		if (!old && entries.length === 0) return;
		const added = new Map<string, TermDefinition[]>();
		for (const entry of entries) {
			const key = termKey(entry.term);
			if (!key) continue;
			const definition: TermDefinition = {
				term: entry.term,
				aliases: [...entry.aliases],
				definition: entry.definition,
				definitionMarkdown: entry.definitionMarkdown,
				path,
				line: entry.line,
			};
			const list = added.get(key);
			if (list) list.push(definition);
			else added.set(key, [definition]);
		}
		if (old) for (const [key, definitions] of old.byRecord) this.removeDefinitions(key, path, definitions);
		for (const [key, definitions] of added) this.addDefinitions(key, path, definitions);
		if (added.size > 0) this.notes.set(path, { entries: entries.map(copyEntry), byRecord: added });
		else this.notes.delete(path);
		this.changed();
	}

	/** Forgets one note's entries. */
	removeNote(path: string): void {
		if (this.notes.has(path)) this.setNote(path, []);
	}

	/** Moves one note's entries to a new path (the definitions' `path` follows). */
	renameNote(oldPath: string, newPath: string): void {
		const old = this.notes.get(oldPath);
		if (!old || oldPath === newPath) return;
		this.setNote(oldPath, []);
		this.setNote(newPath, old.entries);
	}

	/** Forgets everything. */
	clear(): void {
		if (this.records_.size === 0 && this.notes.size === 0) return;
		this.notes.clear();
		this.records_.clear();
		this.aliasClaims.clear();
		this.dirty.clear();
		this.currentMatcher = null;
		this.changed();
	}

	/** The record a term or alias stands for, in any case, spacing or normalisation form. */
	lookup(name: string): TermRecord | undefined {
		const key = this.resolve(termKey(name));
		return key === undefined ? undefined : this.recordOf(key);
	}

	/** Every term, in `compareTerms` order of display terms. The array is a fresh copy; records are shared, read-only. */
	records(): TermRecord[] {
		if (!this.sorted) {
			const all: TermRecord[] = [];
			for (const key of this.records_.keys()) all.push(this.recordOf(key));
			all.sort((a, b) => compareTerms(a.term, b.term));
			this.sorted = all;
		}
		return [...this.sorted];
	}

	/** Paths of the notes that currently contribute entries. */
	paths(): string[] {
		return [...this.notes.keys()];
	}

	/** The entries last set for a note (empty when none). */
	entriesOf(path: string): readonly GlossaryEntry[] {
		return this.notes.get(path)?.entries ?? [];
	}

	/**
	 * A matcher for every term and alias, resolved as described above. The same `TermMatcher` object is
	 * returned across versions and patched in place when entries change; compare `version` to know
	 * whether earlier results are stale.
	 */
	matcher(): TermMatcher {
		if (!this.currentMatcher) {
			const matcher = new TermMatcher();
			const keys = new Set<string>(this.records_.keys());
			for (const key of this.aliasClaims.keys()) keys.add(key);
			for (const key of keys) this.assignName(matcher, key);
			this.currentMatcher = matcher;
			this.dirty.clear();
		} else if (this.dirty.size > 0) {
			for (const key of this.dirty) this.assignName(this.currentMatcher, key);
			this.dirty.clear();
		}
		return this.currentMatcher;
	}

	private conceptCache: { version: number; concepts: Concepts } | null = null;

	/** Terms that are one concept (a term and another term's alias of the same name), built once per version. */
	concepts(): Concepts {
		if (this.conceptCache?.version !== this.version_) this.conceptCache = { version: this.version_, concepts: new Concepts(this.records()) };
		return this.conceptCache.concepts;
	}

	private changed(): void {
		this.version_++;
		this.sorted = null;
	}

	/** Takes back the definitions `path` gave record `key`. */
	private removeDefinitions(key: string, path: string, definitions: readonly TermDefinition[]): void {
		const state = this.records_.get(key);
		if (!state || !state.byPath.delete(path)) return;
		this.markNames(state);
		state.count -= definitions.length;
		for (const definition of definitions) this.countNames(state, definition, -1);
		if (state.firstPath === path) state.firstPath = null;
		state.sorted = null;
		state.cached = null;
		if (state.count === 0) this.records_.delete(key);
	}

	/** Adds the definitions `path` gives record `key` (it gave none before). */
	private addDefinitions(key: string, path: string, definitions: TermDefinition[]): void {
		let state = this.records_.get(key);
		if (!state) {
			state = { key, byPath: new Map(), count: 0, names: new Map(), firstPath: path, sorted: null, cached: null };
			this.records_.set(key, state);
		} else if (state.firstPath !== null && path < state.firstPath) {
			state.firstPath = path;
		}
		definitions.sort(compareSources);
		state.byPath.set(path, definitions);
		state.count += definitions.length;
		for (const definition of definitions) this.countNames(state, definition, 1);
		state.sorted = null;
		state.cached = null;
		this.markNames(state);
	}

	/** Counts (or uncounts) the spellings of a definition's term and aliases on its record. */
	private countNames(state: RecordState, definition: TermDefinition, delta: number): void {
		this.countName(state, definition.term, delta);
		for (const alias of definition.aliases) this.countName(state, alias, delta);
	}

	private countName(state: RecordState, name: string, delta: number): void {
		const nameKey = termKey(name);
		if (!nameKey) return;
		let names = state.names.get(nameKey);
		if (!names) {
			if (delta < 0) return;
			names = { total: 0, variants: new Map(), rules: [0, 0, 0], acronyms: 0 };
			state.names.set(nameKey, names);
			if (nameKey !== state.key) this.claimAlias(nameKey, state.key);
		}
		const variant = spacedKey(name);
		const count = (names.variants.get(variant) ?? 0) + delta;
		if (count > 0) names.variants.set(variant, count);
		else names.variants.delete(variant);
		names.rules[nameCaseRule(name)] += delta;
		if (isAcronymName(name)) names.acronyms += delta;
		names.total += delta;
		if (names.total <= 0) {
			state.names.delete(nameKey);
			this.dirty.add(nameKey);
			if (nameKey !== state.key) this.releaseAlias(nameKey, state.key);
		}
	}

	private markNames(state: RecordState): void {
		this.dirty.add(state.key);
		for (const nameKey of state.names.keys()) this.dirty.add(nameKey);
	}

	private claimAlias(aliasKey: string, recordKey: string): void {
		let claims = this.aliasClaims.get(aliasKey);
		if (!claims) this.aliasClaims.set(aliasKey, (claims = new Set()));
		claims.add(recordKey);
	}

	private releaseAlias(aliasKey: string, recordKey: string): void {
		const claims = this.aliasClaims.get(aliasKey);
		if (!claims) return;
		claims.delete(recordKey);
		if (claims.size === 0) this.aliasClaims.delete(aliasKey);
	}

	/** Term key of the record a name key resolves to. */
	private resolve(nameKey: string): string | undefined {
		if (!nameKey) return undefined;
		if (this.records_.has(nameKey)) return nameKey;
		const claims = this.aliasClaims.get(nameKey);
		if (!claims) return undefined;
		if (claims.size === 1) {
			for (const recordKey of claims) return this.records_.has(recordKey) ? recordKey : undefined;
		}
		let best: string | undefined;
		let bestSource: TermDefinition | undefined;
		for (const recordKey of claims) {
			const state = this.records_.get(recordKey);
			if (!state) continue;
			const source = this.definitionsOf(state).find((d) => d.aliases.some((a) => termKey(a) === nameKey));
			if (!source) continue;
			const order = bestSource ? compareSources(source, bestSource) : -1;
			if (order < 0 || (order === 0 && best !== undefined && recordKey < best)) {
				best = recordKey;
				bestSource = source;
			}
		}
		return best;
	}

	/** Brings one name key of the matcher in line with the index. */
	private assignName(matcher: TermMatcher, nameKey: string): void {
		const recordKey = this.resolve(nameKey);
		const state = recordKey === undefined ? undefined : this.records_.get(recordKey);
		const names = state?.names.get(nameKey);
		if (!state || !names) {
			matcher.assign(nameKey, undefined, []);
			return;
		}
		let rule: CaseRule | undefined;
		names.rules.forEach((count, r) => {
			if (count > 0) rule = rule === undefined ? (r as CaseRule) : combineCaseRules(rule, r as CaseRule);
		});
		matcher.assign(nameKey, this.firstDefinition(state).term, [...names.variants.keys()], rule ?? CASE_ANY, names.acronyms === names.total);
	}

	/** The record's first definition by (path, line), without sorting the others. */
	private firstDefinition(state: RecordState): TermDefinition {
		if (state.firstPath === null) {
			let first: string | null = null;
			for (const path of state.byPath.keys()) if (first === null || path < first) first = path;
			state.firstPath = first;
		}
		const list = state.firstPath === null ? undefined : state.byPath.get(state.firstPath);
		if (!list || list.length === 0) throw new Error(`No definitions for term key ${state.key}`);
		return list[0];
	}

	/** Every definition of a record in (path, line) order, sorted on first read after a change. */
	private definitionsOf(state: RecordState): TermDefinition[] {
		if (!state.sorted) {
			const all: TermDefinition[] = [];
			for (const list of state.byPath.values()) for (const definition of list) all.push(definition);
			all.sort(compareSources);
			state.sorted = all;
		}
		return state.sorted;
	}

	private recordOf(key: string): TermRecord {
		const state = this.records_.get(key);
		if (!state) throw new Error(`No term record for key ${key}`);
		if (!state.cached) {
			const definitions = this.definitionsOf(state);
			const names: string[] = [];
			const seen = new Set<string>();
			// Names in order of first appearance; stop once every name the record counts has been seen.
			for (let i = 0; i < definitions.length && seen.size < state.names.size; i++) {
				const definition = definitions[i];
				for (const name of [definition.term, ...definition.aliases]) {
					const nameKey = termKey(name);
					if (!nameKey || seen.has(nameKey)) continue;
					seen.add(nameKey);
					names.push(name.trim());
				}
			}
			state.cached = Object.freeze({
				key,
				term: definitions[0].term,
				names,
				definitions: definitions.slice(),
			});
		}
		return state.cached;
	}
}

function compareSources(a: TermDefinition, b: TermDefinition): number {
	if (a.path !== b.path) return a.path < b.path ? -1 : 1;
	return a.line - b.line;
}

function copyEntry(entry: GlossaryEntry): GlossaryEntry {
	return { ...entry, aliases: [...entry.aliases] };
}

function sameEntries(a: readonly GlossaryEntry[], b: readonly GlossaryEntry[]): boolean {
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) {
		const x = a[i];
		const y = b[i];
		if (
			x.term !== y.term ||
			x.definition !== y.definition ||
			x.definitionMarkdown !== y.definitionMarkdown ||
			x.line !== y.line ||
			x.endLine !== y.endLine ||
			x.aliases.length !== y.aliases.length ||
			x.aliases.some((alias, k) => alias !== y.aliases[k])
		) {
			return false;
		}
	}
	return true;
}
