/**
 * npm run screenshots [-- name…]
 *
 * Takes the README's screenshots in headless Chromium with the browser host and the example vault:
 * the conference panel, a hover preview and the two code-block embeds (from examples/vault/Notes/Conference
 * index.md in reading view), each in the light and the dark theme, and in Korean (Obsidian's language set
 * to `ko`) in the light theme, and the panel and a tapped preview on a phone (390 x 844, Obsidian mobile
 * emulated), saved as PNG under docs/. Names (`panel`, `hover`, `embeds`, `phone-panel`, `phone-hover`)
 * limit the run.
 * Needs Chromium (`apt-get install -y chromium`) and, for Korean text, a CJK font such as
 * fonts-noto-cjk.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { hasChromium, NO_CHROMIUM_REASON } from "../test/e2e/support/browser";
import { PROJECT_ROOT } from "../test/e2e/support/build";
import { Session, type HostPage } from "../test/e2e/support/session";
import { exampleVaultFiles } from "../test/e2e/support/vault-files";

const DOCS = join(PROJECT_ROOT, "docs");
const NOTE = "Conferences/Seoul Reliability Day 2025.md";
const VIEWPORT = { width: 1280, height: 760 };
const EMBED_VIEWPORT = { width: 1280, height: 1800 };
const PHONE = { width: 390, height: 844 };

async function phonePanel(page: HostPage, file: string): Promise<void> {
	const p = page.page;
	await p.locator(".mobile-navbar .host-open-right").tap();
	const note = p.locator(".cqg-panel-body .cqg-panel-note").filter({ hasText: "서울 신뢰성 데이" }).first();
	await note.tap();
	const question = p.locator(".cqg-panel-body .cqg-panel-question").first();
	await question.waitFor();
	await question.locator(".cqg-panel-chevron").tap();
	await p.locator(".cqg-panel-body .cqg-panel-answer").first().waitFor();
	await p.screenshot({ path: file });
}

async function phoneHover(page: HostPage, file: string): Promise<void> {
	const p = page.page;
	const target = p.locator(".mod-root .cm-content .cqg-mention").filter({ hasText: /^SLO$/ }).first();
	await target.waitFor();
	await target.tap();
	await page.waitFor(".popover.cqg-hover");
	await p.screenshot({ path: file });
}

async function panel(page: HostPage, file: string): Promise<void> {
	const p = page.page;
	// Open the note's Q&A and its first answer, as a reader would.
	const note = p.locator(".cqg-panel-body .cqg-panel-note").filter({ hasText: "서울 신뢰성 데이" }).first();
	await note.click();
	const question = p.locator(".cqg-panel-body .cqg-panel-question").first();
	await question.waitFor();
	await question.locator(".cqg-panel-chevron").click();
	await p.locator(".cqg-panel-body .cqg-panel-answer").first().waitFor();
	await p.mouse.move(640, 740);
	await p.screenshot({ path: file });
}

async function hover(page: HostPage, file: string): Promise<void> {
	const p = page.page;
	const target = p.locator(".mod-root .cm-content .cqg-mention").filter({ hasText: /^SLO$/ }).first();
	await target.waitFor();
	await target.hover();
	await page.waitFor(".popover.cqg-hover");
	await p.screenshot({ path: file });
}

const INDEX_NOTE = "Notes/Conference index.md";

/** The two code blocks of the index note in reading view: one picture per block. */
async function embeds(page: HostPage, file: string): Promise<string[]> {
	const written: string[] = [];
	const p = page.page;
	await page.host((h, path) => h.openFile(path, { mode: "preview" }), INDEX_NOTE);
	// Reading views re-render about a second after the terms change (the hover marks follow them): let the
	// start-up one pass so the blocks are not replaced while the picture is taken.
	await p.waitForTimeout(1500);
	for (const [kind, selector] of [
		["qa", ".mod-root .markdown-reading-view .block-language-conference-qa"],
		["glossary", ".mod-root .markdown-reading-view .block-language-conference-glossary"],
	] as const) {
		const block = p.locator(selector).first();
		// The glossary's health warning arrives a moment after the table (computed in the background).
		await block.locator(kind === "qa" ? ".cqg-embed-item" : ".cqg-embed-warning").first().waitFor();
		await p.mouse.move(0, 0);
		const path = file.replace("embeds-", `embed-${kind}-`);
		await block.screenshot({ path });
		written.push(path);
	}
	return written;
}

async function main(): Promise<void> {
	const only = process.argv.slice(2);
	if (!hasChromium) throw new Error(NO_CHROMIUM_REASON);
	mkdirSync(DOCS, { recursive: true });
	const session = await Session.start({
		files: exampleVaultFiles(),
		openFile: NOTE,
		openPanel: true,
		pluginData: { glossaryFolders: ["Glossary"] },
	});
	try {
		// Light and dark in English, and the Korean interface (Obsidian set to Korean) in light.
		const variants = [
			{ theme: "light", language: undefined, suffix: "light" },
			{ theme: "dark", language: undefined, suffix: "dark" },
			{ theme: "light", language: "ko", suffix: "ko" },
		] as const;
		for (const { theme, language, suffix } of variants) {
			for (const [name, shoot] of [
				["panel", panel],
				["hover", hover],
				["embeds", embeds],
				["phone-panel", phonePanel],
				["phone-hover", phoneHover],
			] as const) {
				if (only.length > 0 && !only.includes(name)) continue;
				const phone = name.startsWith("phone-");
				// The glossary block is taller than the usual window: a taller one shows it whole.
				const viewport = phone ? PHONE : name === "embeds" ? EMBED_VIEWPORT : VIEWPORT;
				const page = await session.open({ theme, viewport, language, mobile: phone });
				if (!phone) await page.page.locator(".cqg-panel-body .cqg-panel-note").first().waitFor();
				const file = join(DOCS, `${name}-${suffix}.png`);
				const written = await shoot(page, file);
				const errors = await page.errors();
				if (errors.length > 0) throw new Error(`the page reported errors:\n${errors.join("\n")}`);
				for (const path of written ?? [file]) console.log(`wrote ${path}`);
				await page.page.context().close();
			}
		}
	} finally {
		await session.close();
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
