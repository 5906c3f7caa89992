/**
 * npm run preview [-- --port=5173] [-- --reference] [-- --mobile]
 *
 * Serves the browser host with the example vault on http://127.0.0.1:<port>/ so a person can try the
 * conference panel, hover previews and commands without installing Obsidian: the plugin's production
 * main.js and styles.css run on a small stand-in for Obsidian's API with a real CodeMirror editor.
 * `--reference` adds the reference note from ../shared (read in place) when it is present.
 * `--mobile` emulates Obsidian mobile (Platform.isMobile, is-mobile/is-phone, sidebars as drawers, a bottom
 * navbar); open it with the browser's device toolbar at a phone size (or any page with `?mobile`).
 * Stop with Ctrl+C.
 */
import { buildHost, buildPlugin } from "../test/e2e/support/build";
import { serveHost } from "../test/e2e/support/server";
import { exampleVaultFiles, hasReferenceNote, referenceNoteFile, REFERENCE_SKIP_REASON } from "../test/e2e/support/vault-files";

async function main(): Promise<void> {
	const portArg = process.argv.find((a) => a.startsWith("--port="))?.slice("--port=".length);
	const port = portArg === undefined ? 0 : Number(portArg);
	if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, got "${portArg}"`);
	const files = exampleVaultFiles();
	if (process.argv.includes("--reference")) {
		if (hasReferenceNote) files.push(referenceNoteFile());
		else console.warn(REFERENCE_SKIP_REASON);
	}
	const [pluginJs, hostJs] = await Promise.all([buildPlugin(), buildHost()]);
	const server = await serveHost({
		pluginJs,
		hostJs,
		port,
		config: {
			files,
			openFile: "Conferences/Seoul Reliability Day 2025.md",
			openPanel: true,
			preview: true,
			mobile: process.argv.includes("--mobile"),
			// The example vault's glossary folder is an extra glossary source, as `npm run demo` sets it up.
			pluginData: { glossaryFolders: ["Glossary"] },
		},
	});
	console.log(`Conference Q&A Glossary preview (${files.length} notes, main.js ${(Buffer.byteLength(pluginJs) / 1024).toFixed(1)} KB)`);
	console.log(`Open ${server.url} in a browser. Ctrl+P opens the command palette. Ctrl+C stops.`);
	const stop = () => void server.close().then(() => process.exit(0));
	process.on("SIGINT", stop);
	process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
