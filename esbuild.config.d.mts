import type { BuildOptions } from "esbuild";

/** Modules Obsidian provides at runtime: never bundled. */
export declare const externals: string[];
/** The build of main.js; the browser tests bundle the plugin with these same options. */
export declare function pluginBuildOptions(options: { production: boolean; entry?: string }): BuildOptions;
