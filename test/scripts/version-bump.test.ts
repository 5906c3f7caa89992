import { describe, expect, it } from "vitest";
import { bumpVersion, compareVersions, type VersionFiles } from "../../scripts/version-bump";

function files(): VersionFiles {
	return {
		pkg: { name: "conference-qa-glossary", version: "0.1.0" },
		lock: { name: "conference-qa-glossary", version: "0.1.0", packages: { "": { name: "conference-qa-glossary", version: "0.1.0" } } },
		manifest: { id: "conference-qa-glossary", version: "0.1.0", minAppVersion: "1.5.0" },
		versions: { "0.1.0": "1.5.0" },
	};
}

describe("version bump", () => {
	it("moves package.json, the lockfile, manifest.json and versions.json to the new version together", () => {
		const after = bumpVersion(files(), "0.2.0");
		expect(after.pkg.version).toBe("0.2.0");
		expect(after.lock?.version).toBe("0.2.0");
		expect(after.lock?.packages?.[""].version).toBe("0.2.0");
		expect(after.manifest).toEqual({ id: "conference-qa-glossary", version: "0.2.0", minAppVersion: "1.5.0" });
		expect(after.versions).toEqual({ "0.1.0": "1.5.0", "0.2.0": "1.5.0" });
	});

	it("raises minAppVersion when asked, in the manifest and for the new version only", () => {
		const after = bumpVersion(files(), "0.2.0", "1.6.0");
		expect(after.manifest.minAppVersion).toBe("1.6.0");
		expect(after.versions).toEqual({ "0.1.0": "1.5.0", "0.2.0": "1.6.0" });
	});

	it("does not change its input", () => {
		const before = files();
		bumpVersion(before, "0.2.0");
		expect(before).toEqual(files());
	});

	it("refuses versions Obsidian cannot use and going backwards", () => {
		expect(() => bumpVersion(files(), "v0.2.0")).toThrow(/x\.y\.z/);
		expect(() => bumpVersion(files(), "0.2")).toThrow(/x\.y\.z/);
		expect(() => bumpVersion(files(), "0.2.0", "1.6")).toThrow(/minAppVersion/);
		expect(() => bumpVersion({ ...files(), versions: { "0.1.0": "1.5.0", "0.3.0": "1.5.0" } }, "0.2.0")).toThrow(/lower than 0\.3\.0/);
	});

	it("compares versions numerically", () => {
		expect(compareVersions("0.10.0", "0.9.9")).toBe(1);
		expect(compareVersions("1.0.0", "1.0.0")).toBe(0);
		expect(compareVersions("1.2.3", "1.10.0")).toBe(-1);
	});
});
