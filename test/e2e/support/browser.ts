/**
 * Headless Chromium through playwright-core. Browsers cannot be downloaded here, so this drives the
 * system's Chromium (Debian's `chromium` package, or CHROMIUM_PATH). Each launch gets a fresh temporary
 * profile (playwright-core creates its own --user-data-dir and removes it on close).
 */
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

const CANDIDATES = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

/** The Chromium executable, or null when none is installed. */
export const CHROMIUM_PATH: string | null = CANDIDATES.find((p): p is string => typeof p === "string" && p !== "" && existsSync(p)) ?? null;

export const hasChromium = CHROMIUM_PATH !== null;

export const NO_CHROMIUM_REASON =
	"Chromium not found (tried CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome): " +
	"the browser end-to-end tests are skipped. Install it with `apt-get install -y chromium`.";

export const CHROMIUM_FLAGS = [
	"--no-sandbox",
	"--disable-gpu",
	"--disable-quic",
	"--no-first-run",
	"--disable-background-networking",
	"--disable-component-update",
	"--disable-sync",
	"--disable-dev-shm-usage",
];

export async function launchChromium(): Promise<Browser> {
	if (!CHROMIUM_PATH) throw new Error(NO_CHROMIUM_REASON);
	return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS, timeout: 30_000 });
}
