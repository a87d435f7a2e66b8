import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";

export const baseUrl = inject("e2eBaseUrl");
const executablePath = inject("e2eChromium");
/** False where no Chromium is installed (global setup printed why, and CI fails instead). */
export const e2eEnabled = baseUrl !== "";

const SCREENSHOTS = path.resolve(import.meta.dirname, "../screenshots");

let browser: Browser | undefined;

/** Launches Debian's Chromium once per file, with the flags this closed network needs. */
export function launchBrowserPerFile() {
  beforeAll(async () => {
    if (!e2eEnabled) return;
    browser = await chromium.launch({
      executablePath,
      headless: true,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });
}

export interface Visitor {
  context: BrowserContext;
  page: Page;
  /** Every URL the page requested: they must all be ours. */
  requests: string[];
  screenshot: (name: string) => Promise<void>;
}

/** A new visitor: own cookies, browser language set (Accept-Language follows it). */
export async function newVisitor(locale: "fr-FR" | "en-US"): Promise<Visitor> {
  if (!browser) throw new Error("launchBrowserPerFile() first");
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    context,
    page,
    requests,
    screenshot: async (name) => {
      if (process.env.E2E_SCREENSHOTS !== "0") await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
    },
  };
}

export function foreignRequests(visitor: Visitor): string[] {
  return visitor.requests.filter((url) => !url.startsWith(baseUrl) && !url.startsWith("data:") && !url.startsWith("blob:"));
}
