/**
 * The `obsidian` module as the plugin's `require("obsidian")` sees it in the browser host: the test
 * stub's parts (DOM helpers, Component, Vault, MetadataCache, Plugin, Setting, modals, Editor adapter,
 * editorLivePreviewField…) with the browser-only parts of the host replacing the stub's record-only
 * ones: the Workspace and its leaves in real DOM, MarkdownView, MarkdownRenderer, Notice, Menu, setIcon.
 */
export * from "../../stubs/obsidian";
// Obsidian's language, as 1.8.7+ gives it: `getLanguage()` reads localStorage `language` ("en" when unset),
// and `moment.locale()` returns the same (how older Obsidian told plugins). Tests set the language with
// `session.open({ language: "ko" })` or the config's `language`, before the plugin loads.
export { getLanguage, moment } from "../../stubs/obsidian";
export { HostApp as App } from "./app";
export { HostWorkspace as Workspace, HostLeaf as WorkspaceLeaf } from "./workspace";
export { MarkdownView, MarkdownPreviewView } from "./markdown-view";
export { MarkdownRenderer, MarkdownRenderChild } from "./markdown-renderer";
export { Notice, Menu, setIcon } from "./ui";
