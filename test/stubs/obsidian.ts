/**
 * A small, honest stand-in for the `obsidian` module in tests (the npm package holds types only).
 * Each part lives in its own file under test/stubs/obsidian/; add only what the code under test uses,
 * and make it behave like Obsidian does. Add a part by adding one `export *` line here.
 */
export * from "./obsidian/dom";
export * from "./obsidian/component";
export * from "./obsidian/dom-nodes";
export * from "./obsidian/vault";
export * from "./obsidian/metadata-cache";
export * from "./obsidian/workspace";
export * from "./obsidian/views";
export * from "./obsidian/app";
export * from "./obsidian/plugin";
export * from "./obsidian/markdown";
export * from "./obsidian/misc";
export * from "./obsidian/hover";
export * from "./obsidian/editor";
export * from "./obsidian/modal";
