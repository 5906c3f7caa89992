import type { Plugin } from "esbuild";

/** Every key of the English table (the text of src/i18n/en.ts), in table order. */
export function messageKeys(enSource: string): string[];
/** The short id of the key at `index`. */
export function shortId(index: number): string;
/** `source` with every double-quoted key replaced by its id; throws on a key quoted any other way. */
export function shortenKeys(source: string, ids: ReadonlyMap<string, string>, path?: string): string;
/** The esbuild plugin, for the English table at `enPath`. */
export function shortMessageKeys(enPath: string): Plugin;
