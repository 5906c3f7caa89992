/** What the host page starts with; the server sends it as /host-config.json. */
export interface HostFile {
	/** Vault-relative path with `/` separators. */
	path: string;
	text: string;
}

export interface HostConfig {
	files: HostFile[];
	/** The note opened in the main area once the layout is ready. */
	openFile?: string;
	/** Open the plugin's conference panel at start (runs its "Open conference panel" command). */
	openPanel?: boolean;
	theme?: "light" | "dark";
	/** The plugin's data.json before it loads (its settings). */
	pluginData?: unknown;
	/** Obsidian's interface language (`ko`, `en`…), stored as Obsidian stores it before the plugin loads. */
	language?: string;
	/** Show the person-facing toolbar and file list (npm run preview). */
	preview?: boolean;
	/**
	 * Emulate Obsidian mobile (npm run preview -- --mobile): `Platform.isMobile`, `is-mobile` and
	 * `is-phone`/`is-tablet` on the body (phone below 600 px wide), sidebars as drawers, a bottom navbar.
	 * A page opened with `?mobile` in its address is mobile too.
	 */
	mobile?: boolean;
}
