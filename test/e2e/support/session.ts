/**
 * One browser session for a test file: builds the plugin and the host (in memory, once per process),
 * serves them with a vault, launches Chromium, and opens host pages. `HostPage` wraps a Playwright page
 * with the few things scenarios ask the host (`window.__host`) and collects page errors, so a scenario
 * can assert that the plugin threw nothing.
 */
import type { Browser, JSHandle, Page } from "playwright-core";
import { launchChromium } from "./browser";
import { buildHost, buildPlugin } from "./build";
import { serveHost, type HostConfig, type RunningServer } from "./server";

let builds: Promise<{ pluginJs: string; hostJs: string }> | null = null;

/** The production main.js and the host script, built once per process. */
export function buildAll(): Promise<{ pluginJs: string; hostJs: string }> {
	builds ??= Promise.all([buildPlugin(), buildHost()]).then(([pluginJs, hostJs]) => ({ pluginJs, hostJs }));
	return builds;
}

export interface PageOptions {
	theme?: "light" | "dark";
	viewport?: { width: number; height: number };
	/** A touch screen: `locator.tap()` sends touch pointer events. */
	touch?: boolean;
	/** Obsidian's interface language (`ko`…), set in localStorage before the page loads, as Obsidian keeps it. */
	language?: string;
	/**
	 * Obsidian mobile on a touch device: the page honours its viewport meta (Chromium's mobile emulation),
	 * has touch, and the host emulates Obsidian mobile (`?mobile`: Platform.isMobile, is-mobile, drawers).
	 */
	mobile?: boolean;
}

export class HostPage {
	/** Uncaught page errors and console errors, in order. */
	readonly problems: string[] = [];
	private handle: JSHandle<HostApiLike> | null = null;

	constructor(readonly page: Page) {
		page.on("pageerror", (error) => this.problems.push(`pageerror: ${error.message}`));
		page.on("console", (message) => {
			if (message.type() === "error") this.problems.push(`console.error: ${message.text()}`);
		});
	}

	/** Errors the plugin caused (uncaught errors, console errors, errors the host caught). */
	async errors(): Promise<string[]> {
		const caught = await this.page.evaluate(() => (window as unknown as { __host?: { errors: string[] } }).__host?.errors ?? []);
		return [...this.problems, ...caught];
	}

	/** Evaluates `fn` in the page with the host API (`window.__host`) as its first argument. */
	async host<T, A = undefined>(fn: (host: HostApiLike, arg: A) => T | Promise<T>, arg?: A): Promise<T> {
		this.handle ??= await this.page.evaluateHandle(() => (window as unknown as { __host: HostApiLike }).__host);
		// Arguments are plain JSON values here, so Playwright's Unboxed<A> is A.
		return this.handle.evaluate(fn as (host: HostApiLike, arg: unknown) => T | Promise<T>, arg as unknown);
	}

	/**
	 * Waits for an element matching `selector` to be shown ("visible") or gone ("detached"), checking every
	 * animation frame (a locator's waitFor backs off to 500 ms between checks, which slows hover tests).
	 */
	async waitFor(selector: string, state: "visible" | "detached" = "visible"): Promise<void> {
		await this.page.waitForFunction(
			([s, want]) => {
				const el = document.querySelector(s);
				if (want === "detached") return el === null;
				if (!el) return false;
				const rect = el.getBoundingClientRect();
				return rect.width > 0 && rect.height > 0 && getComputedStyle(el).visibility !== "hidden";
			},
			[selector, state] as const,
			{ polling: "raf" },
		);
	}

	/**
	 * Waits until the active reading view is no longer re-rendered: the plugin re-renders reading views about a
	 * second after the index's terms change (at start-up too), which replaces every element a test may hold.
	 */
	async waitForSettledReadingView(quietMs = 1300): Promise<void> {
		for (let attempt = 0; attempt < 10; attempt++) {
			await this.page.evaluate(() => document.querySelector(".mod-root .markdown-preview-sizer > *")?.setAttribute("data-settle-probe", ""));
			await this.page.waitForTimeout(quietMs);
			if ((await this.page.locator(".mod-root .markdown-preview-sizer > [data-settle-probe]").count()) > 0) return;
		}
		throw new Error("the reading view kept re-rendering");
	}

	runCommand(id: string): Promise<boolean> {
		return this.host((h, commandId) => h.runCommand(commandId), id);
	}

	setTheme(theme: "light" | "dark"): Promise<void> {
		return this.host((h, t) => h.setTheme(t), theme);
	}

	/** The active editor's text, cursor and selection (0-based lines). */
	editorState(): Promise<{ text: string; cursor: { line: number; ch: number }; selection: string; mode: string }> {
		return this.host((h) => {
			const view = h.markdownView();
			if (!view) throw new Error("no Markdown view");
			return { text: view.editor.getValue(), cursor: view.editor.getCursor(), selection: view.editor.getSelection(), mode: view.containerEl.getAttribute("data-mode") ?? "" };
		});
	}
}

/** What the scenarios call on `window.__host` (a structural view of test/e2e/host/main.ts's HostApi). */
export interface HostApiLike {
	onloadMs: number;
	evaluateMs: number;
	requested: string[];
	errors: string[];
	setTheme(theme: "light" | "dark"): void;
	runCommand(id: string): boolean;
	commandIds(): string[];
	openCommandPalette(): void;
	openFile(path: string, options?: { line?: number; mode?: "live" | "source" | "preview" }): Promise<void>;
	setMode(mode: "live" | "source" | "preview"): void;
	writeFile(path: string, text: string): Promise<void>;
	lineOnScreen(line: number): boolean;
	openUri(uri: string): boolean;
	unloadPlugin(): void;
	openSettings(): void;
	markdownView(): {
		editor: {
			getValue(): string;
			getCursor(): { line: number; ch: number };
			getSelection(): string;
			setCursor(pos: { line: number; ch: number }): void;
			lineCount(): number;
			getLine(n: number): string;
		};
		containerEl: HTMLElement;
		getMode(): string;
	} | null;
}

export class Session {
	private constructor(
		readonly browser: Browser,
		readonly server: RunningServer,
	) {}

	static async start(config: HostConfig): Promise<Session> {
		const { pluginJs, hostJs } = await buildAll();
		const server = await serveHost({ pluginJs, hostJs, config });
		try {
			return new Session(await launchChromium(), server);
		} catch (error) {
			await server.close();
			throw error;
		}
	}

	get url(): string {
		return this.server.url;
	}

	/** Opens the host page and waits until the plugin loaded and the layout is ready. */
	async open(options: PageOptions = {}): Promise<HostPage> {
		const mobile = options.mobile === true;
		const context = await this.browser.newContext({
			viewport: options.viewport ?? { width: 1280, height: 800 },
			deviceScaleFactor: 1,
			hasTouch: options.touch === true || mobile,
			isMobile: mobile,
		});
		if (options.language) await context.addInitScript((language) => window.localStorage.setItem("language", language), options.language);
		const page = await context.newPage();
		// Fail a step well before the test's own timeout, so the report names the step that hung.
		page.setDefaultTimeout(8000);
		const host = new HostPage(page);
		await page.goto(mobile ? `${this.url}?mobile` : this.url);
		await page.waitForFunction(() => {
			const h = (window as unknown as { __host?: { ready: boolean; errors: string[] } }).__host;
			return h?.ready === true || (h?.errors.length ?? 0) > 0;
		});
		const errors = await host.errors();
		if (errors.length > 0) throw new Error(`host page failed:\n${errors.join("\n")}`);
		if (options.theme) await host.setTheme(options.theme);
		return host;
	}

	async close(): Promise<void> {
		await this.browser.close().catch(() => undefined);
		await this.server.close();
	}
}
