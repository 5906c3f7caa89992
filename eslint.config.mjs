import { defineConfig, globalIgnores } from "eslint/config";
import obsidianmd from "eslint-plugin-obsidianmd";

export default defineConfig([
	globalIgnores(["node_modules/", "main.js", "examples/vault/**/plugins/", "coverage/", "out/", "build/"]),
	...obsidianmd.configs.recommended,
	{
		languageOptions: {
			parserOptions: {
				projectService: {
					allowDefaultProject: ["eslint.config.mjs", "esbuild.config.mjs", "scripts/*.mjs"],
				},
			},
		},
	},
	{
		// Sentence case, taught this plugin's words: the rule's brand list reads "cursor" as the Cursor app
		// and splits "Q&A" into words, so strings with those two are left to review.
		rules: {
			"obsidianmd/ui/sentence-case": ["warn", { ignoreRegex: ["\\bQ&A\\b", "\\bcursor\\b"] }],
		},
	},
	{
		// The English message table (src/i18n/en.ts) is where the plugin's texts live: the same sentence-case rule.
		files: ["src/i18n/en.ts"],
		rules: {
			// Besides the two words above: texts quoting note syntax ("Q. …", "> Term (Alias)"), a UI label or "..",
			// picker hints that follow Obsidian's own lower-case "to navigate", a bracketed "(no answer)", a
			// lower-case tag example; and names (Anki's File → Import menu, Ctrl, Cmd, the Conference tag).
			"obsidianmd/ui/sentence-case-locale-module": [
				"warn",
				{
					ignoreRegex: ["\\bQ&A\\b", "\\bcursor\\b", '"', "\\.\\.", "^to [a-z]", "^\\(", "^[a-z]+$"],
					ignoreWords: ["Anki", "File", "Import", "Ctrl", "Cmd", "Conference", "Templates", "Exports", "TSV"],
				},
			],
		},
	},
	{
		// The core is pure TypeScript: types only from `obsidian`, nothing from the adapters or the UI.
		// Its public surface is src/core/index.ts.
		files: ["src/core/**/*.ts"],
		rules: {
			"@typescript-eslint/no-restricted-imports": [
				"error",
				{
					paths: [{ name: "obsidian", message: "src/core imports only types from obsidian (import type { … }).", allowTypeImports: true }],
					patterns: [
						{ regex: "^\\.{1,2}/(.*/)?(ui|obsidian)(/|$)", message: "src/core must not import src/ui or src/obsidian: move the shared part into src/core." },
					],
				},
			],
		},
	},
	{
		// Tests, benchmarks and command-line tools run in Node, not in Obsidian.
		files: ["test/**/*.ts", "bench/**/*.ts", "scripts/**/*.ts", "scripts/**/*.mjs", "vitest.config.ts", "esbuild.config.mjs"],
		languageOptions: {
			globals: { process: "readonly", console: "readonly", Buffer: "readonly", URL: "readonly" },
		},
		rules: {
			"obsidianmd/rule-custom-message": "off",
			"obsidianmd/hardcoded-config-path": "off",
			"obsidianmd/no-nodejs-modules": "off",
			"obsidianmd/prefer-window-timers": "off",
			"obsidianmd/no-global-this": "off",
			"obsidianmd/prefer-active-doc": "off",
			"obsidianmd/ui/sentence-case": "off",
			"import/no-nodejs-modules": "off",
			"no-console": "off",
		},
	},
	{
		// The stub implements Obsidian's own DOM helpers, so it must use the native DOM API.
		files: ["test/stubs/**/*.ts"],
		rules: {
			"obsidianmd/prefer-create-el": "off",
			"obsidianmd/prefer-instanceof": "off",
			// It is Obsidian: its getLanguage() reads the language from localStorage.
			"obsidianmd/prefer-get-language": "off",
			"no-restricted-globals": "off",
		},
	},
]);
