/**
 * Build step: message keys (`"settings.focusableMentions.desc"`) become short ids (`"b7"`) in main.js.
 * A key is written three times in the bundle (the English table, the Korean table, the call site), and
 * 204 keys of about 20 characters cost about 12 KB of the 200 KB budget; the short ids cost 2 KB. The
 * sources, the tests and the CLI keep the readable keys; the browser tests run on the built main.js.
 *
 * Only exact double-quoted literals are replaced; a key written any other way (single quotes, a
 * template) stops the build, since it would no longer find its message.
 */
import { readFile } from "node:fs/promises";
import { readFileSync } from "node:fs";

/** Every key of the English table, in table order. */
export function messageKeys(enSource) {
	return [...enSource.matchAll(/^\s*"([A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)+)":/gm)].map((m) => m[1]);
}

/** `a`…`z`, then `a0`…: short, and never a key (keys have a dot). */
export function shortId(index) {
	const letters = "abcdefghijklmnopqrstuvwxyz";
	if (index < letters.length) return letters[index];
	return letters[Math.floor(index / 36) % 26] + (index % 36).toString(36) + (index >= 26 * 36 ? Math.floor(index / (26 * 36)).toString(36) : "");
}

function escapeRegExp(text) {
	return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Replaces every `"key"` in `source`; throws on a key quoted any other way. */
export function shortenKeys(source, ids, path = "") {
	const keys = [...ids.keys()];
	if (keys.length === 0) return source;
	const alternatives = keys.map(escapeRegExp).join("|");
	const stray = new RegExp(`['\`](${alternatives})['\`]`).exec(source);
	if (stray) throw new Error(`${path}: message key ${stray[0]} must be written in double quotes`);
	return source.replace(new RegExp(`"(${alternatives})"`, "g"), (_, key) => `"${ids.get(key)}"`);
}

/** The esbuild plugin. */
export function shortMessageKeys(enPath) {
	const keys = messageKeys(readFileSync(enPath, "utf8"));
	const ids = new Map(keys.map((key, i) => [key, shortId(i)]));
	if (new Set(ids.values()).size !== ids.size) throw new Error("short message ids collide");
	return {
		name: "short-message-keys",
		setup(build) {
			build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => ({
				contents: shortenKeys(await readFile(args.path, "utf8"), ids, args.path),
				loader: "ts",
			}));
		},
	};
}
