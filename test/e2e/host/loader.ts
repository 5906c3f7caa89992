/**
 * Loads a plugin the way Obsidian does: fetch main.js as text, evaluate it as a CommonJS module whose
 * `require` answers `obsidian` (the host's shim) and the CodeMirror packages Obsidian shares with plugins
 * (the very instances the host's editors use), construct the default export with (app, manifest), and
 * run `onload`. Any other module the bundle asks for throws, so a bundle that needs more fails loudly.
 */
import * as cmCommands from "@codemirror/commands";
import * as cmState from "@codemirror/state";
import * as cmView from "@codemirror/view";
import type { PluginManifest } from "../../stubs/obsidian/plugin";
import type { HostApp } from "./app";
import * as obsidian from "./obsidian-shim";

const MODULES: Record<string, unknown> = {
	obsidian,
	"@codemirror/state": cmState,
	"@codemirror/view": cmView,
	"@codemirror/commands": cmCommands,
};

/** The modules the plugin asked for, in order (tests check the bundle needs nothing else). */
export const requested: string[] = [];

function hostRequire(name: string): unknown {
	requested.push(name);
	const module = MODULES[name];
	if (module === undefined) throw new Error(`The host does not provide module "${name}" (the plugin's main.js asked for it)`);
	return module;
}

interface PluginInstance {
	onload(): Promise<void> | void;
	unload(): void;
}

type PluginClass = new (app: HostApp, manifest: PluginManifest) => PluginInstance;

export interface LoadedPlugin {
	plugin: PluginInstance;
	/** Time of `await plugin.onload()` in ms (performance.now). */
	onloadMs: number;
	/** Time to evaluate main.js and construct the plugin, in ms. */
	evaluateMs: number;
}

/** Evaluates main.js's text as CommonJS and returns its default export. */
export function evaluatePlugin(source: string, id: string): PluginClass {
	const module: { exports: Record<string, unknown> } = { exports: {} };
	// Obsidian evaluates plugin code the same way: a function of (require, module, exports) over the file's text.
	// eslint-disable-next-line @typescript-eslint/no-implied-eval -- this is what a plugin host does
	const run = new Function("require", "module", "exports", `${source}\n//# sourceURL=plugin:${id}/main.js`) as (
		require: (name: string) => unknown,
		module: { exports: Record<string, unknown> },
		exports: Record<string, unknown>,
	) => void;
	run(hostRequire, module, module.exports);
	const exported = (module.exports.default ?? module.exports) as unknown;
	if (typeof exported !== "function") throw new Error("main.js has no default export class");
	return exported as PluginClass;
}

/**
 * Constructs and loads the plugin. Like Component.load, the plugin counts as loaded before `onload`
 * runs (so children added in onload load at once); `onload` is awaited, as Obsidian awaits it.
 */
export async function loadPlugin(app: HostApp, manifest: PluginManifest, source: string): Promise<LoadedPlugin> {
	const evaluateStart = performance.now();
	const Plugin = evaluatePlugin(source, manifest.id);
	const plugin = new Plugin(app, manifest);
	const evaluateMs = performance.now() - evaluateStart;
	(plugin as unknown as { _loaded: boolean })._loaded = true;
	const start = performance.now();
	await plugin.onload();
	const onloadMs = performance.now() - start;
	return { plugin, onloadMs, evaluateMs };
}
