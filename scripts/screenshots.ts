/**
 * npm run screenshots
 *
 * Takes the README's screenshots in headless Chromium with the browser host and the example vault:
 * the side panel and a hover preview, each in the light and the dark theme, and in Korean (Obsidian's
 * language set to `ko`) in the light theme, saved as PNG under docs/.
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

async function main(): Promise<void> {
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
			] as const) {
				const page = await session.open({ theme, viewport: VIEWPORT, language });
				await page.page.locator(".cqg-panel-body .cqg-panel-note").first().waitFor();
				const file = join(DOCS, `${name}-${suffix}.png`);
				await shoot(page, file);
				const errors = await page.errors();
				if (errors.length > 0) throw new Error(`the page reported errors:\n${errors.join("\n")}`);
				console.log(`wrote ${file}`);
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
