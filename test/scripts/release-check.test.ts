/**
 * The release gate: it passes on this project, and each rule fails on a broken copy of the files it reads
 * (a temporary copy of the project's manifest, package.json, versions.json, LICENSE, README and styles
 * with a one-command plugin as src/, unless a test brings its own src).
 */
import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import {
	checkDesktopOnly,
	checkLicense,
	checkManifest,
	checkMobileBundle,
	checkReadme,
	checkStyles,
	checkVersions,
	headingAnchor,
	runReleaseCheck,
	type Manifest,
	type Problem,
} from "../../scripts/release-check";
import { scanMobileHazards } from "../../scripts/release-scan";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const COPIED = ["manifest.json", "package.json", "versions.json", "LICENSE", "README.md", "styles.css"];
const TINY_PLUGIN = `import { Notice, Plugin } from "obsidian";

export default class TinyPlugin extends Plugin {
	onload(): void {
		this.addCommand({ id: "hello", name: "Say hello", callback: () => new Notice("Hello") });
	}
}
`;

const made: string[] = [];
afterAll(() => {
	for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function repoFile(name: string): string {
	return readFileSync(join(REPO, name), "utf8");
}

function repoJson<T = Record<string, unknown>>(name: string): T {
	return JSON.parse(repoFile(name)) as T;
}

/** A temporary copy of the project's release files; `changes` replace files (null deletes one). */
function project(changes: Record<string, string | null> = {}): string {
	const root = mkdtempSync(join(tmpdir(), "cqg-release-"));
	made.push(root);
	const files: Record<string, string | null> = { "src/main.ts": TINY_PLUGIN };
	for (const name of COPIED) files[name] = repoFile(name);
	Object.assign(files, changes);
	for (const [name, text] of Object.entries(files)) {
		if (text === null) continue;
		mkdirSync(dirname(join(root, name)), { recursive: true });
		writeFileSync(join(root, name), text);
	}
	return root;
}

function withJson(name: string, patch: Record<string, unknown>): Record<string, string> {
	return { [name]: `${JSON.stringify({ ...repoJson(name), ...patch }, null, "\t")}\n` };
}

async function problemsOf(root: string): Promise<Problem[]> {
	return (await runReleaseCheck(root)).problems;
}

describe("release gate on this project", () => {
	it("passes, and finds the Obsidian APIs the source uses with their versions", async () => {
		const { problems, apis } = await runReleaseCheck(REPO);
		expect(problems).toEqual([]);
		const versionOf = (api: string) => apis.find((use) => use.api === api)?.since;
		expect(versionOf("Plugin.addCommand")).toBe("0.9.7");
		expect(versionOf("Vault.createFolder")).toBe("1.4.0");
		expect(versionOf("Debouncer.run")).toBe("1.4.4");
		// revealLeaf (1.7.2) is only reached through a typeof check, so it is not a use of the typed API.
		expect(apis.some((use) => use.api === "Workspace.revealLeaf" && !use.guarded)).toBe(false);
	}, 120_000);

	it("the copy with the one-command plugin passes too (the baseline of every broken copy below)", async () => {
		expect(await problemsOf(project())).toEqual([]);
	}, 60_000);
});

describe("manifest rule", () => {
	const good = repoJson<Manifest>("manifest.json");

	it("passes the project's manifest", () => {
		expect(checkManifest(good)).toEqual([]);
	});

	it("refuses an id with obsidian, ending in plugin, or with capitals and spaces", () => {
		expect(checkManifest({ ...good, id: "obsidian-conference-plugin" }).map((p) => p.message)).toEqual([
			`id "obsidian-conference-plugin" contains "obsidian"; the directory refuses that`,
			`id "obsidian-conference-plugin" ends with "plugin"; the directory refuses that`,
		]);
		expect(checkManifest({ ...good, id: "Conference QA" }).map((p) => p.message)).toEqual([`id "Conference QA" may hold only lowercase letters, digits, "-" and "_"`]);
		expect(checkManifest({ ...good, id: "conference_qa-2" })).toEqual([]);
	});

	it("refuses a name with Obsidian or Plugin", () => {
		expect(checkManifest({ ...good, name: "Obsidian Conference Plugin" }).map((p) => p.message)).toEqual([
			`name "Obsidian Conference Plugin" contains "Obsidian"; the directory refuses that`,
			`name "Obsidian Conference Plugin" contains "Plugin"; every entry in the directory is one, so leave it out`,
		]);
	});

	it("refuses a description with Obsidian, 'this plugin', no final period or over 250 characters", () => {
		expect(checkManifest({ ...good, description: "This plugin collects Q&A in Obsidian" }).map((p) => p.message)).toEqual([
			`description contains "Obsidian"; say what the plugin does instead`,
			`description says "this plugin"; start with what it does (e.g. "Collects …")`,
			"description must end with a period",
		]);
		expect(checkManifest({ ...good, description: `${"a".repeat(250)}.` }).map((p) => p.message)).toEqual(["description is 251 characters; at most 250"]);
		expect(checkManifest({ ...good, description: `${"a".repeat(249)}.` })).toEqual([]);
	});

	it("refuses a placeholder author, a missing field, a non-boolean isDesktopOnly and a bad authorUrl", () => {
		expect(checkManifest({ ...good, author: "Your Name" }).map((p) => p.message)).toEqual([`author "Your Name" is a placeholder; name the project's author`]);
		expect(checkManifest({ ...good, author: undefined, isDesktopOnly: "no" }).map((p) => p.message)).toEqual([`"author" is missing or not a string`, `"isDesktopOnly" must be true or false`]);
		expect(checkManifest({ ...good, authorUrl: "http://example.com" }).map((p) => p.message)).toEqual(["authorUrl must be an https:// address"]);
		expect(checkManifest({ ...good, authorUrl: "https://obsidian.md" }).map((p) => p.message)).toEqual(["authorUrl points at obsidian.md; it is for the author's own page"]);
		expect(checkManifest({ ...good, authorUrl: "https://example.com/team" })).toEqual([]);
	});

	it("fails the gate on a broken copy of manifest.json", async () => {
		const root = project(withJson("manifest.json", { id: "conference-qa-plugin", description: "Collects talks" }));
		expect(await problemsOf(root)).toEqual([
			{ rule: "manifest", file: "manifest.json", message: `id "conference-qa-plugin" ends with "plugin"; the directory refuses that` },
			{ rule: "manifest", file: "manifest.json", message: "description must end with a period" },
		]);
	}, 60_000);
});

describe("versions rule", () => {
	const manifest = { version: "0.2.0", minAppVersion: "1.5.0" };

	it("passes when all agree", () => {
		expect(checkVersions(manifest, { version: "0.2.0" }, { "0.1.0": "1.4.0", "0.2.0": "1.5.0" }, { version: "0.2.0", packages: { "": { version: "0.2.0" } } })).toEqual([]);
	});

	it("names each file that disagrees", () => {
		expect(checkVersions(manifest, { version: "0.1.0" }, { "0.1.0": "1.5.0", "0.3.0": "1.5.0" }, { version: "0.1.0", packages: { "": { version: "0.0.9" } } })).toEqual([
			{ rule: "versions", file: "package.json", message: "version is 0.1.0, manifest.json says 0.2.0 (npm run version -- x.y.z moves both)" },
			{ rule: "versions", file: "package-lock.json", message: `packages[""].version is 0.0.9, package.json says 0.1.0` },
			{ rule: "versions", file: "versions.json", message: "has no entry for 0.2.0, the version in manifest.json" },
			{ rule: "versions", file: "versions.json", message: "lists 0.3.0, newer than manifest.json's 0.2.0" },
		]);
		expect(checkVersions({ version: "v0.2.0", minAppVersion: "1.5" }, { version: "v0.2.0" }, { "v0.2.0": "1.5" }).map((p) => p.message)).toEqual([
			`version "v0.2.0" is not x.y.z (Obsidian compares plain versions, no "v")`,
			`minAppVersion "1.5" is not x.y.z`,
			`"v0.2.0": "1.5" is not "x.y.z": "x.y.z"`,
		]);
	});

	it("fails the gate on a broken copy of versions.json", async () => {
		const root = project({ "versions.json": `{\n\t"0.1.0": "1.4.0"\n}\n` });
		expect(await problemsOf(root)).toEqual([{ rule: "versions", file: "versions.json", message: "maps 0.1.0 to 1.4.0, manifest.json's minAppVersion is 1.5.0" }]);
	}, 60_000);
});

describe("api rule (minAppVersion covers the APIs used)", () => {
	const LANGUAGE = `import { Plugin, getLanguage, requireApiVersion } from "obsidian";

export function unguarded(): string { return getLanguage(); }
export function optionalCall(): string { return getLanguage?.() ?? "en"; }
export function typeofCheck(): string { return typeof getLanguage === "function" ? getLanguage() : "en"; }
export function earlyReturn(): string {
	if (typeof getLanguage !== "function") return "en";
	return getLanguage();
}
export function versionCheck(): string { return requireApiVersion("1.8.7") ? getLanguage() : "en"; }
export function tried(): string {
	try {
		return getLanguage();
	} catch {
		return "en";
	}
}
export function typesOnly(language: ReturnType<typeof getLanguage>): string { return language; }

export default class LanguagePlugin extends Plugin {}
`;

	it("fails on getLanguage (1.8.7) used unguarded with minAppVersion 1.5.0, and accepts each guarded form", async () => {
		const root = project({ "src/main.ts": LANGUAGE });
		const { problems, apis } = await runReleaseCheck(root);
		expect(apis.filter((use) => use.api === "getLanguage").map((use) => [use.line, use.guarded])).toEqual([
			[3, false],
			[4, true],
			[5, true],
			[5, true],
			[7, true],
			[8, true],
			[10, true],
			[13, true],
		]);
		expect(problems).toEqual([
			{
				rule: "api",
				file: "manifest.json",
				message: `minAppVersion is 1.5.0, but getLanguage needs Obsidian 1.8.7 (src/main.ts:3); raise minAppVersion or guard the call (optional call \`?.()\`, \`typeof … === "function"\`, or requireApiVersion("1.8.7"))`,
			},
		]);
	}, 60_000);

	it("passes the same code once minAppVersion is 1.8.7 (and versions.json follows)", async () => {
		const root = project({
			"src/main.ts": LANGUAGE,
			...withJson("manifest.json", { minAppVersion: "1.8.7" }),
			"versions.json": `{\n\t"0.1.0": "1.8.7"\n}\n`,
		});
		expect(await problemsOf(root)).toEqual([]);
	}, 60_000);

	it("recognises a guarded member call through a namespace import", async () => {
		const root = project({
			"src/main.ts": `import * as obsidian from "obsidian";
export default class P extends obsidian.Plugin {
	onload(): void {
		const language = obsidian.getLanguage?.() ?? "en";
		if (this.app.workspace.ensureSideLeaf) void this.app.workspace.ensureSideLeaf("x", "right");
		void this.app.workspace.revealLeaf(this.app.workspace.getLeaf());
		void language;
	}
}
`,
		});
		expect((await problemsOf(root)).map((p) => p.message.split(";")[0])).toEqual(["minAppVersion is 1.5.0, but Workspace.revealLeaf needs Obsidian 1.7.2 (src/main.ts:6)"]);
	}, 60_000);

	it("fails on a copy of the project's own source with minAppVersion 1.3.0 (Vault.createFolder 1.4.0, Debouncer.run 1.4.4)", async () => {
		const root = project({ ...withJson("manifest.json", { minAppVersion: "1.3.0" }), "versions.json": `{\n\t"0.1.0": "1.3.0"\n}\n` });
		cpSync(join(REPO, "src"), join(root, "src"), { recursive: true });
		const problems = await problemsOf(root);
		expect(problems.map((p) => p.rule)).toEqual(["api", "api"]);
		expect(problems.map((p) => p.message.split(" (")[0]).sort()).toEqual([
			"minAppVersion is 1.3.0, but Debouncer.run needs Obsidian 1.4.4",
			"minAppVersion is 1.3.0, but Vault.createFolder needs Obsidian 1.4.0",
		]);
	}, 120_000);
});

describe("desktop rule (isDesktopOnly matches the code)", () => {
	it("fails with isDesktopOnly false when src needs Node unguarded, and on the bundle's require too", async () => {
		const root = project({
			"src/main.ts": `import { Plugin } from "obsidian";
import { readFileSync } from "fs";

export default class P extends Plugin {
	onload(): void {
		readFileSync("/tmp/x");
	}
}
`,
		});
		expect(await problemsOf(root)).toEqual([
			{ rule: "desktop", file: "manifest.json", message: "isDesktopOnly is false, but src/main.ts:2 uses fs, which only the desktop app has; guard it with Platform.isDesktopApp or set isDesktopOnly to true" },
			{ rule: "mobile", file: "main.js (production build)", message: `line 4: require("fs"): mobile has no Node or Electron modules (isDesktopOnly is false)` },
		]);
	}, 60_000);

	it("fails with isDesktopOnly true when nothing needs the desktop app", async () => {
		const root = project(withJson("manifest.json", { isDesktopOnly: true }));
		expect((await problemsOf(root)).map((p) => `${p.rule}: ${p.message.split(";")[0]}`)).toEqual(["desktop: isDesktopOnly is true, but nothing in src needs the desktop app (no Node or Electron module, no FileSystemAdapter)"]);
	}, 60_000);

	it("accepts a Platform.isDesktopApp-guarded require and FileSystemAdapter check with isDesktopOnly false", () => {
		const needs = [
			{ kind: "node-module" as const, what: "electron", file: "src/a.ts", line: 3, guarded: true },
			{ kind: "desktop-api" as const, what: "FileSystemAdapter", file: "src/a.ts", line: 4, guarded: false },
		];
		expect(checkDesktopOnly({ isDesktopOnly: false }, needs.slice(0, 1))).toEqual([]);
		expect(checkDesktopOnly({ isDesktopOnly: false }, needs).map((p) => p.message)).toEqual([
			"isDesktopOnly is false, but src/a.ts:4 uses FileSystemAdapter, which only the desktop app has; guard it with Platform.isDesktopApp or set isDesktopOnly to true",
		]);
		expect(checkDesktopOnly({ isDesktopOnly: true }, needs)).toEqual([]);
	});
});

describe("mobile rule (the production main.js)", () => {
	it("finds Node and Electron requires, lookbehind regexes and unguarded Node globals in bundled code", () => {
		const code = [
			`"use strict";var o=require("obsidian"),f=require("fs"),e=require("electron"),p=require("node:path");`,
			`var a=/(?<=\\$)\\d+/g,b=new RegExp("(?<!x)y"),c=/(?<name>\\d+)/;`,
			`var d=process.env.HOME,g=Buffer.from("x"),h=__dirname;`,
			`var i=typeof process<"u"&&process.platform,j=typeof Buffer!="undefined"?Buffer.alloc(1):null;`,
			`var k={process:1,Buffer:2},l=k.process,m=o.global;`,
		].join("\n");
		expect(scanMobileHazards(code).filter((h) => !h.guarded).map((h) => `${h.line} ${h.kind} ${h.what}`)).toEqual([
			`1 node-module require("fs")`,
			`1 node-module require("electron")`,
			`1 node-module require("node:path")`,
			`2 lookbehind /(?<=\\$)\\d+/g`,
			`2 lookbehind RegExp("(?<!x)y")`,
			"3 node-global process",
			"3 node-global Buffer",
			"3 node-global __dirname",
		]);
		expect(checkMobileBundle({ isDesktopOnly: true }, scanMobileHazards(code))).toEqual([]);
	});

	it("fails the gate when the source's regex has lookbehind or uses process unguarded, and accepts a guarded process", async () => {
		const root = project({
			"src/main.ts": `import { Plugin } from "obsidian";

export default class P extends Plugin {
	onload(): void {
		const price = /(?<=\\$)\\d+/.exec("costs $5")?.[0];
		const debug = process.env.DEBUG;
		const safe = typeof process !== "undefined" && process.env.SAFE;
		console.debug(price, debug, safe);
	}
}
`,
		});
		const problems = await problemsOf(root);
		expect(problems.map((p) => `${p.rule} ${p.file}: ${p.message.replace(/^line \d+: /, "")}`)).toEqual([
			`mobile main.js (production build): /(?<=\\$)\\d+/: a regular expression with lookbehind makes iOS before 16.4 refuse the whole file (isDesktopOnly is false)`,
			`mobile main.js (production build): process: mobile has no Node globals; guard it (typeof … !== "undefined") or avoid it (isDesktopOnly is false)`,
		]);
	}, 60_000);
});

describe("license rule", () => {
	const pkg = { license: "MIT" };
	const manifest = repoJson<Manifest>("manifest.json");

	it("passes the project's LICENSE, whose holder is manifest.json's author", () => {
		expect(checkLicense(repoFile("LICENSE"), pkg, manifest)).toEqual([]);
		expect(repoFile("LICENSE")).toContain(`Copyright (c) 2026 ${String(manifest.author)}`);
	});

	it("fails on another licence's text, another holder, or no copyright line", () => {
		const mit = repoFile("LICENSE");
		expect(checkLicense("Apache License\nVersion 2.0\nCopyright (c) 2026 Someone", pkg, manifest).map((p) => p.message)).toEqual([
			"LICENSE is not the MIT licence text that package.json declares",
			`LICENSE's copyright holder is "Someone", manifest.json's author is "${String(manifest.author)}"; make them the same`,
		]);
		expect(checkLicense(mit.replace(/^Copyright.*$/m, ""), pkg, manifest).map((p) => p.message)).toEqual([`LICENSE has no "Copyright (c) <year> <holder>" line`]);
	});

	it("fails the gate on a copy without LICENSE", async () => {
		expect(await problemsOf(project({ LICENSE: null }))).toEqual([{ rule: "license", file: "LICENSE", message: "LICENSE is missing; the directory needs one (package.json says MIT)" }]);
	}, 60_000);
});

describe("readme rule", () => {
	const readme = repoFile("README.md");
	const anchor = headingAnchor("Privacy: what it reads and writes");

	it("computes GitHub's anchor for the section", () => {
		expect(anchor).toBe("privacy-what-it-reads-and-writes");
	});

	it("passes the project's README", () => {
		expect(checkReadme(readme)).toEqual([]);
	});

	it("fails when the section is missing, says nothing of telemetry, is not linked from the top, or LICENSE is not linked", () => {
		expect(checkReadme(readme.replace("## Privacy: what it reads and writes", "## Notes")).map((p) => p.message)).toEqual([
			`has no "## Privacy: what it reads and writes" section (what the plugin reads and writes, network use, telemetry, what data.json holds)`,
		]);
		expect(checkReadme(readme.replace(/\*\*Telemetry\*\*: none\. .*\n/, "")).map((p) => p.message)).toEqual([`the "Privacy: what it reads and writes" section does not mention telemetry`]);
		expect(checkReadme(readme.replace(`(#${anchor})`, "")).map((p) => p.message)).toEqual([`the top of the README (before the first "##") does not link to #${anchor}`]);
		expect(checkReadme(readme.replace("[MIT](LICENSE)", "MIT")).map((p) => p.message)).toEqual(["does not link the licence: [MIT](LICENSE)"]);
	});

	it("fails the gate on a copy whose README lost the section", async () => {
		const root = project({ "README.md": readme.replace(/## Privacy: what it reads and writes[\s\S]*?(?=\n## )/, "") });
		expect((await problemsOf(root)).map((p) => p.message)).toEqual([`has no "## Privacy: what it reads and writes" section (what the plugin reads and writes, network use, telemetry, what data.json holds)`]);
	}, 60_000);
});

describe("styles rule", () => {
	it("passes the project's styles.css", () => {
		expect(checkStyles(repoFile("styles.css"))).toEqual([]);
	});

	it("finds hex, rgb() and named colours in declarations, but not variables, rgb(var(--…)), selectors, strings or white-space", () => {
		const css = `/* #fff in a comment */
#a1b2c3, .x:hover {
	color: #ff0000;
	background: rgba(0, 0, 0, 0.5);
	border: 1px solid white;
	white-space: nowrap;
	content: "#abc";
	box-shadow: 0 0 0 1px rgba(var(--mono-rgb-100), 0.1);
	outline-color: var(--text-accent);
}
.y { text-decoration: underline wavy orange; }
`;
		expect(checkStyles(css).map((p) => p.message)).toEqual([
			`line 3: "color: #ff0000" hard-codes a colour; use an Obsidian CSS variable such as var(--text-*), var(--background-*), var(--interactive-accent) or var(--color-<hue>) so themes and dark mode apply`,
			`line 4: "background: rgba(0, 0, 0, 0.5)" hard-codes a colour; use an Obsidian CSS variable such as var(--text-*), var(--background-*), var(--interactive-accent) or var(--color-<hue>) so themes and dark mode apply`,
			`line 5: "border: 1px solid white" hard-codes a colour; use an Obsidian CSS variable such as var(--background-primary) or var(--text-on-accent) so themes and dark mode apply`,
			`line 11: "text-decoration: underline wavy orange" hard-codes a colour; use an Obsidian CSS variable such as var(--text-warning) or var(--color-orange) so themes and dark mode apply`,
		]);
	});

	it("fails the gate on a copy of styles.css with a hard-coded colour", async () => {
		const root = project({ "styles.css": `${repoFile("styles.css")}\n.cqg-extra {\n\tcolor: #333;\n}\n` });
		const line = repoFile("styles.css").split("\n").length + 2;
		expect(await problemsOf(root)).toEqual([
			{ rule: "styles", file: "styles.css", message: `line ${line}: "color: #333" hard-codes a colour; use an Obsidian CSS variable such as var(--text-*), var(--background-*), var(--interactive-accent) or var(--color-<hue>) so themes and dark mode apply` },
		]);
	}, 60_000);
});

describe("npm run release-check", () => {
	it("exits 1 naming the rule and file on a broken copy, 0 with a summary on a good one", async () => {
		const run = (root: string) =>
			new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
				execFile(process.execPath, ["--import", "tsx", join(REPO, "scripts/release-check.ts"), `--root=${root}`], { cwd: REPO }, (error, stdout, stderr) =>
					done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
				);
			});
		const broken = await run(project({ LICENSE: null }));
		expect(broken.code).toBe(1);
		expect(broken.stderr).toContain("✗ [license] LICENSE: LICENSE is missing; the directory needs one (package.json says MIT)\nrelease-check: 1 problem(s); the plugin is not ready to release\n");
		const good = await run(project());
		expect(good.code).toBe(0);
		expect(good.stdout).toBe("release-check: ok (conference-qa-glossary 0.1.0, minAppVersion 1.5.0; newest API used unguarded: Plugin 0.9.7, isDesktopOnly false)\n");
	}, 120_000);
});
