// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import type { Plugin as ObsidianPlugin, SettingDefinitionGroup } from "obsidian";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { registerConferenceIndex } from "../../src/obsidian/conference-index";
import { SettingsStore } from "../../src/obsidian/settings-store";
import { ConferenceSettingTab, parseFolderList, parseTagList, SETTING_ROWS } from "../../src/ui/settings-tab";
import { appWith, tick } from "../obsidian/fake-app";
import { MANIFEST, TestPlugin } from "./panel/panel-harness";
import { Modal, Notice, type App } from "../stubs/obsidian";
import { applyLanguage, registerLanguage } from "../../src/i18n";

const TALK = "---\ntags: [Conference]\n---\n**Q. Why?**\nA. Because.\n";
const MEETUP = "---\ntags: [meetup]\n---\n**Q. Where?**\nA. Here.\n";

let plugins: TestPlugin[] = [];

afterEach(() => {
	for (const plugin of plugins) plugin.unload();
	plugins = [];
});

async function setup(app: App = appWith({ "a.md": TALK, "b.md": MEETUP, "Templates/t.md": TALK })) {
	const plugin = new TestPlugin(app, MANIFEST);
	plugins.push(plugin);
	plugin.load();
	const host = plugin as unknown as ObsidianPlugin;
	const settings = await SettingsStore.load(host);
	const index = registerConferenceIndex(host, settings, { yieldToUi: () => tick() });
	app.workspace.triggerLayoutReady();
	await index.whenIdle();
	const tab = new ConferenceSettingTab(app as never, host, settings, index);
	show(tab);
	document.body.appendChild(tab.containerEl);
	const settingNamed = (name: string) => {
		const item = Array.from(tab.containerEl.querySelectorAll(".setting-item")).find((el) => el.querySelector(".setting-item-name")?.textContent === name);
		if (!item) throw new Error(`no setting "${name}"`);
		return item as HTMLElement;
	};
	return { app, plugin, settings, index, tab, settingNamed };
}

/** What Obsidian before 1.13 does to show the tab. */
function show(tab: { display(): void }): void {
	tab.display();
}

function type(el: HTMLInputElement | HTMLTextAreaElement, value: string): void {
	el.value = value;
	el.dispatchEvent(new Event("input", { bubbles: true }));
}

describe("settings tab", () => {
	it("covers every setting exactly once, under headings", async () => {
		const keys = SETTING_ROWS.flatMap((row) => ("key" in row ? [row.key] : []));
		expect(keys.sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
		const { tab } = await setup();
		const headings = Array.from(tab.containerEl.querySelectorAll(".setting-item-heading .setting-item-name")).map((el) => el.textContent);
		expect(headings).toEqual(["Conference notes", "Glossary sources", "Conference panel", "Hover previews", "Export", "Language"]);
		for (const name of tab.containerEl.querySelectorAll(".setting-item-name")) {
			const text = name.textContent ?? "";
			// Sentence case: a capital first letter, no Title Case words after it (Ctrl and Cmd are names).
			expect(text[0]).toBe(text[0].toUpperCase());
			expect(text.split(" ").slice(1).filter((w) => /^[A-Z][a-z]/.test(w) && !["Ctrl", "Cmd"].includes(w))).toEqual([]);
		}
		for (const desc of tab.containerEl.querySelectorAll(".setting-item:not(.setting-item-heading) .setting-item-description")) {
			expect(desc.textContent?.length).toBeGreaterThan(10);
		}
	});

	it("names every input, switch and dropdown by its setting's visible name; buttons' names start with their label", async () => {
		const { tab } = await setup();
		const controls = Array.from(tab.containerEl.querySelectorAll<HTMLElement>(".setting-item:not(.setting-item-heading)")).flatMap((item) => {
			const name = item.querySelector(".setting-item-name")?.textContent ?? "";
			return Array.from(item.querySelectorAll<HTMLElement>("input, select, textarea, .checkbox-container, button")).map((el) => ({ name, el }));
		});
		expect(controls.length).toBe(17);
		for (const { name, el } of controls) {
			if (el.tagName === "BUTTON") expect(el.getAttribute("aria-label") ?? el.textContent ?? "").toMatch(new RegExp(`^${el.textContent ?? ""}`));
			else expect(el.getAttribute("aria-label")).toBe(name);
		}
		expect(controls.find((c) => c.name === "Mentions take keyboard focus")?.el.getAttribute("role")).toBe("switch");
	});

	it("offers the same rows to Obsidian 1.13's declarative settings", async () => {
		const { tab } = await setup();
		const items = tab.getSettingDefinitions();
		const groups = items.filter((i): i is SettingDefinitionGroup => "type" in i && i.type === "group");
		expect(groups.map((g) => g.heading)).toEqual(["Conference notes", "Glossary sources", "Conference panel", "Hover previews", "Export", "Language"]);
		const controlKeys = groups.flatMap((g) => g.items ?? []).flatMap((i) => ("control" in i && i.control ? [i.control.key] : []));
		expect(controlKeys.sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
		expect(tab.getControlValue("tags")).toBe("Conference");
		expect(tab.getControlValue("hoverReadingView")).toBe(true);
	});

	it("saves typed tags after a pause, re-runs the index, and keeps defaults untouched", async () => {
		const { settingNamed, settings, index, app } = await setup();
		expect(index.notes().map((n) => n.path).sort()).toEqual(["Templates/t.md", "a.md"]);
		const area = settingNamed("Tags to index").querySelector("textarea");
		if (!area) throw new Error("no textarea");
		type(area, "Conference, #meetup\nconference");
		expect(settings.current.tags).toEqual(["Conference"]);
		await tick(700);
		expect(settings.current.tags).toEqual(["Conference", "meetup"]);
		expect((JSON.parse(app.pluginData.get(MANIFEST.id) ?? "{}") as { tags?: string[] }).tags).toEqual(["Conference", "meetup"]);
		expect(DEFAULT_SETTINGS.tags).toEqual(["Conference"]);
		await tick(900);
		await index.whenIdle();
		expect(index.notes().map((n) => n.path).sort()).toEqual(["Templates/t.md", "a.md", "b.md"]);

		const folders = settingNamed("Folders to exclude").querySelector("textarea");
		if (!folders) throw new Error("no textarea");
		type(folders, "/Templates/\n");
		await tick(700 + 900);
		await index.whenIdle();
		expect(settings.current.excludedFolders).toEqual(["Templates"]);
		expect(index.notes().map((n) => n.path).sort()).toEqual(["a.md", "b.md"]);
	});

	it("saves what was typed when the tab closes, and switches and choices at once", async () => {
		const { settingNamed, settings, tab } = await setup();
		const area = settingNamed("Glossary tags").querySelector("textarea");
		if (!area) throw new Error("no textarea");
		type(area, "glossary, terms");
		tab.hide();
		await tick();
		expect(settings.current.glossaryTags).toEqual(["glossary", "terms"]);

		show(tab);
		settingNamed("Expand answers").querySelector<HTMLElement>(".checkbox-container")?.click();
		await tick();
		expect(settings.current.expandAnswers).toBe(true);
		const select = settingNamed("Terms to underline").querySelector("select");
		if (!select) throw new Error("no select");
		select.value = "marked";
		select.dispatchEvent(new Event("change"));
		await tick();
		expect(settings.current.decorateMentions).toBe("marked");
	});

	it("keeps settings across a reload and restores defaults on request", async () => {
		const app = appWith({ "a.md": TALK });
		const first = await setup(app);
		first.settingNamed("Require Ctrl or Cmd").querySelector<HTMLElement>(".checkbox-container")?.click();
		type(first.settingNamed("Export folder").querySelector("input") as HTMLInputElement, "Exports/");
		first.tab.hide();
		await tick();
		first.plugin.unload();

		const second = await setup(app);
		expect(second.settings.current.hoverRequireModifier).toBe(true);
		expect(second.settings.current.exportFolder).toBe("Exports");
		expect(second.settingNamed("Export folder").querySelector("input")?.value).toBe("Exports");

		second.settingNamed("Restore defaults").querySelector("button")?.click();
		await tick();
		// It asks first: Cancel holds the focus and changes nothing.
		const modal = Modal.openModals[Modal.openModals.length - 1];
		expect(modal?.titleEl.textContent).toBe("Restore default settings?");
		const [cancel, restore] = Array.from(modal.contentEl.querySelectorAll("button"));
		expect([cancel.textContent, restore.textContent]).toEqual(["Cancel", "Restore defaults"]);
		expect(document.activeElement).toBe(cancel);
		cancel.click();
		await tick();
		expect(second.settings.current.hoverRequireModifier).toBe(true);
		expect(Modal.openModals).toHaveLength(0);

		second.settingNamed("Restore defaults").querySelector("button")?.click();
		Array.from(Modal.openModals[0].contentEl.querySelectorAll("button"))[1].click();
		await tick();
		expect(second.settings.current).toEqual(DEFAULT_SETTINGS);
		expect(second.settings.current.tags).not.toBe(DEFAULT_SETTINGS.tags);
		expect(second.settingNamed("Export folder").querySelector("input")?.value).toBe("");
	});

	it("refuses an export folder outside the vault and says why, keeping the saved one", async () => {
		const { settingNamed, settings, tab } = await setup();
		const input = settingNamed("Export folder").querySelector("input") as HTMLInputElement;
		Notice.shown.length = 0;
		type(input, "내보내기/2025");
		await tick(700);
		expect(settings.current.exportFolder).toBe("내보내기/2025");
		for (const raw of ["../Elsewhere", "/Exports", "C:\\Users\\me", ".obsidian/plugins"]) {
			type(input, raw);
			tab.hide();
			await tick();
			expect(settings.current.exportFolder).toBe("내보내기/2025");
		}
		expect(Notice.shown).toEqual([
			"The export folder “../Elsewhere” leaves the vault (“..”). Use a folder inside the vault, such as Exports. The export folder stays “내보내기/2025”.",
			"The export folder “/Exports” is an absolute path. Use a folder inside the vault, such as Exports. The export folder stays “내보내기/2025”.",
			"The export folder “C:\\Users\\me” is an absolute path. Use a folder inside the vault, such as Users/me. The export folder stays “내보내기/2025”.",
			"The export folder “.obsidian/plugins” is hidden (a part starts with a dot), so its files would not show in the vault. Use a folder such as Exports. The export folder stays “내보내기/2025”.",
		]);
	});

	it("switches the interface language from its Language choice, and follows Obsidian's on Auto", async () => {
		const { tab, settings, plugin, settingNamed } = await setup();
		try {
			registerLanguage(plugin as unknown as ObsidianPlugin, settings, { getLanguage: () => "en" });
			const select = settingNamed("Interface language").querySelector("select");
			if (!select) throw new Error("no select");
			expect(Array.from(select.options).map((o) => o.text)).toEqual(["Same as Obsidian", "English", "한국어"]);
			select.value = "ko";
			select.dispatchEvent(new Event("change"));
			await tick();
			expect(settings.current.language).toBe("ko");
			const headings = Array.from(tab.containerEl.querySelectorAll(".setting-item-heading .setting-item-name")).map((el) => el.textContent);
			expect(headings).toEqual(["컨퍼런스 노트", "용어집 출처", "컨퍼런스 패널", "호버 미리보기", "내보내기", "언어"]);
			const status = Array.from(tab.containerEl.querySelectorAll(".setting-item")).find((el) => el.querySelector(".setting-item-name")?.textContent === "색인");
			expect(status?.querySelector(".setting-item-description")?.textContent).toBe("컨퍼런스 노트 2개와 용어 0개를 색인했습니다.");
			await settings.update({ language: "auto" });
			expect(tab.getSettingDefinitions().flatMap((i) => ("type" in i && i.type === "group" ? [i.heading] : []))).toEqual(["Conference notes", "Glossary sources", "Conference panel", "Hover previews", "Export", "Language"]);
		} finally {
			applyLanguage("en");
		}
	});

	it("shows what is indexed and re-indexes on request", async () => {
		const { settingNamed, app, index } = await setup();
		expect(settingNamed("Index").querySelector(".setting-item-description")?.textContent).toBe("2 conference notes and 0 glossary terms indexed.");
		await app.vault.create("c.md", "---\ntags: [Conference]\n---\n> API\n> Application programming interface.\n");
		await app.metadataCache.whenIdle();
		settingNamed("Index").querySelector("button")?.click();
		// The button's handler awaits the re-index; wait for it rather than for a fixed time (slow machines).
		await index.whenIdle();
		await tick();
		expect(settingNamed("Index").querySelector(".setting-item-description")?.textContent).toBe("3 conference notes and 1 glossary term indexed.");
	});

	it("keeps the index line current while the tab is open, without pressing Re-index", async () => {
		const { settingNamed, settings, index } = await setup();
		const status = () => settingNamed("Index").querySelector(".setting-item-description")?.textContent;
		expect(status()).toBe("2 conference notes and 0 glossary terms indexed.");
		await settings.update({ tags: ["Conference", "meetup"] });
		await tick(900);
		await index.whenIdle();
		expect(status()).toBe("3 conference notes and 0 glossary terms indexed.");
	});
});

describe("list parsing", () => {
	it("reads tags separated by commas, spaces or lines, without # or duplicates", () => {
		expect(parseTagList(" #Conference, conference\nmeetup/2025/  ,,")).toEqual(["Conference", "meetup/2025"]);
		expect(parseTagList("")).toEqual([]);
	});

	it("reads folders one per line or by commas, keeping existing folders with commas whole", () => {
		expect(parseFolderList("Templates\n/Archive/Old/\n\nA, B")).toEqual(["Templates", "Archive/Old", "A", "B"]);
		expect(parseFolderList("Talks, 2025", (p) => p === "Talks, 2025")).toEqual(["Talks, 2025"]);
	});
});
