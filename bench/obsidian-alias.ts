/**
 * Lets a benchmark import code that imports `obsidian` (types only on npm): a module-resolution hook
 * maps `obsidian` to the test stub, as vitest's alias does. Import this before the code under test
 * (with a dynamic import), once per process.
 */
import { register } from "node:module";

const stub = new URL("../test/stubs/obsidian.ts", import.meta.url).href;

const hook = `export async function resolve(specifier, context, next) {
	return specifier === "obsidian" ? next(${JSON.stringify(stub)}, context) : next(specifier, context);
}`;

register(`data:text/javascript,${encodeURIComponent(hook)}`);
