/**
 * Bumps the plugin's version in package.json, package-lock.json, manifest.json and versions.json together.
 *
 *   npm run version -- 0.2.0                  set 0.2.0 everywhere (you commit and tag)
 *   npm run version -- 0.2.0 --min-app=1.6.0  also raise manifest.json's minAppVersion
 *   npm version minor                          npm bumps package.json and runs this as its `version`
 *                                              lifecycle script: manifest.json and versions.json follow
 *                                              and are staged, so npm's commit and tag include them
 *
 * versions.json maps every released plugin version to the minAppVersion it needs, as Obsidian reads it.
 * Versions are plain x.y.z (Obsidian compares them and release tags must equal them, without a "v").
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const SEMVER = /^\d+\.\d+\.\d+$/;

export interface VersionFiles {
	pkg: Record<string, unknown> & { version: string };
	lock: (Record<string, unknown> & { version?: string; packages?: Record<string, Record<string, unknown>> }) | null;
	manifest: Record<string, unknown> & { version: string; minAppVersion: string };
	versions: Record<string, string>;
}

/** -1, 0 or 1 as `a` is lower than, equal to or higher than `b` (x.y.z). */
export function compareVersions(a: string, b: string): number {
	const pa = a.split(".").map(Number);
	const pb = b.split(".").map(Number);
	for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] < pb[i] ? -1 : 1;
	return 0;
}

/** The files with `version` (and optionally a new minAppVersion) applied. Throws on a bad or lower version. */
export function bumpVersion(files: VersionFiles, version: string, minAppVersion?: string): VersionFiles {
	if (!SEMVER.test(version)) throw new Error(`"${version}" is not a plain x.y.z version (Obsidian needs e.g. 0.2.0, no "v")`);
	if (minAppVersion !== undefined && !SEMVER.test(minAppVersion)) throw new Error(`minAppVersion "${minAppVersion}" is not x.y.z`);
	const released = Object.keys(files.versions).filter((v) => SEMVER.test(v));
	const highest = released.sort(compareVersions).pop();
	if (highest !== undefined && compareVersions(version, highest) < 0) throw new Error(`${version} is lower than ${highest}, already in versions.json`);
	const minApp = minAppVersion ?? files.manifest.minAppVersion;
	const lock = files.lock === null ? null : { ...files.lock, version };
	if (lock?.packages?.[""]) lock.packages = { ...lock.packages, "": { ...lock.packages[""], version } };
	return {
		pkg: { ...files.pkg, version },
		lock,
		manifest: { ...files.manifest, version, minAppVersion: minApp },
		versions: { ...files.versions, [version]: minApp },
	};
}

function readJson<T>(path: string): T {
	return JSON.parse(readFileSync(path, "utf8")) as T;
}

/** Writes JSON with the file's own indentation (tabs or spaces) and a final newline. */
function writeJson(path: string, data: unknown, like: string): void {
	const indent = /^\{\n(\t| +)/.exec(like)?.[1] ?? "\t";
	writeFileSync(path, `${JSON.stringify(data, null, indent)}\n`);
}

function insideGit(cwd: string): boolean {
	try {
		return execFileSync("git", ["rev-parse", "--is-inside-work-tree"], { cwd, stdio: ["ignore", "pipe", "ignore"] }).toString().trim() === "true";
	} catch {
		return false;
	}
}

function main(): void {
	const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
	const args = process.argv.slice(2);
	const minApp = args.find((a) => a.startsWith("--min-app="))?.slice("--min-app=".length);
	const explicit = args.find((a) => !a.startsWith("--"));
	// As npm's `version` lifecycle script, package.json already holds the new version.
	const lifecycle = explicit === undefined && process.env.npm_lifecycle_event === "version";
	const version = explicit ?? (lifecycle ? process.env.npm_package_version : undefined);
	if (!version) throw new Error("usage: npm run version -- <x.y.z> [--min-app=<x.y.z>]   (or: npm version patch|minor|major)");

	const paths = {
		pkg: join(root, "package.json"),
		lock: join(root, "package-lock.json"),
		manifest: join(root, "manifest.json"),
		versions: join(root, "versions.json"),
	};
	const raw = {
		pkg: readFileSync(paths.pkg, "utf8"),
		lock: (() => {
			try {
				return readFileSync(paths.lock, "utf8");
			} catch {
				return null;
			}
		})(),
		manifest: readFileSync(paths.manifest, "utf8"),
		versions: readFileSync(paths.versions, "utf8"),
	};
	const before: VersionFiles = {
		pkg: readJson(paths.pkg),
		lock: raw.lock === null ? null : readJson(paths.lock),
		manifest: readJson(paths.manifest),
		versions: readJson(paths.versions),
	};
	const after = bumpVersion(before, version, minApp);
	if (!lifecycle) {
		writeJson(paths.pkg, after.pkg, raw.pkg);
		if (after.lock !== null && raw.lock !== null) writeJson(paths.lock, after.lock, raw.lock);
	}
	writeJson(paths.manifest, after.manifest, raw.manifest);
	writeJson(paths.versions, after.versions, raw.versions);
	console.log(`version ${before.manifest.version} → ${version} (minAppVersion ${after.manifest.minAppVersion}): manifest.json, versions.json${lifecycle ? "" : ", package.json, package-lock.json"}`);
	if (lifecycle) {
		// npm commits and tags after this script: stage the two files it does not know about.
		if (insideGit(root)) execFileSync("git", ["add", "manifest.json", "versions.json"], { cwd: root, stdio: "inherit" });
	} else {
		console.log(`Next: commit, then tag and push the tag to release: git tag ${version} && git push origin ${version}`);
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
	try {
		main();
	} catch (error) {
		console.error(error instanceof Error ? error.message : error);
		process.exit(1);
	}
}
