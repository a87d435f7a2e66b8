/**
 * What a public page weighs for a visitor's browser: the HTML as sent, and the JavaScript a
 * browser that supports ES modules loads for it (every `/_next/static/…js` the page names, in its
 * script tags or in the RSC payload it hydrates from, gzip-compressed as the server sends it),
 * and whether the page still names a `nomodule` script (a polyfill for browsers the app does not
 * support, which such a browser never loads but which should not be sent either).
 */
import { gzipSync } from "node:zlib";
import type { Measure } from "./database-goals";

export interface PageWeight {
  page: string;
  htmlBytes: number;
  scripts: string[];
  javascriptGzipBytes: number;
  noModuleScripts: string[];
}

const SCRIPT_TAG = /<script\b[^>]*>/gi;
const CHUNK = /\/_next\/static\/[^"'\\\s)]+?\.js/g;

/** The script files a page names, split into those a modern browser runs and `nomodule` ones. */
export function scriptsOf(html: string): { modern: string[]; noModule: string[] } {
  const noModule = new Set<string>();
  for (const tag of html.match(SCRIPT_TAG) ?? []) {
    if (!/\bnomodule\b/i.test(tag)) continue;
    const src = /\bsrc="([^"]+)"/i.exec(tag)?.[1];
    if (src) noModule.add(src);
  }
  const modern = [...new Set(html.match(CHUNK) ?? [])].filter((src) => !noModule.has(src));
  return { modern: modern.sort(), noModule: [...noModule].sort() };
}

export async function weighPage(base: string, page: string, gzipSizes: Map<string, number> = new Map()): Promise<PageWeight> {
  const response = await fetch(`${base}${page}`);
  if (!response.ok) throw new Error(`${page}: HTTP ${response.status}`);
  const html = await response.text();
  const { modern, noModule } = scriptsOf(html);
  let javascriptGzipBytes = 0;
  for (const src of modern) {
    let size = gzipSizes.get(src);
    if (size === undefined) {
      const script = await fetch(`${base}${src}`);
      if (!script.ok) throw new Error(`${src}: HTTP ${script.status}`);
      size = gzipSync(Buffer.from(await script.arrayBuffer())).length;
      gzipSizes.set(src, size);
    }
    javascriptGzipBytes += size;
  }
  return { page, htmlBytes: Buffer.byteLength(html), scripts: modern, javascriptGzipBytes, noModuleScripts: noModule };
}

export const HTML_HOME_GOAL_KB = 40;
export const JAVASCRIPT_GOAL_KB = 120;

/** The page-weight goals: HTML of `/` ≤ 40 kB; JavaScript ≤ 120 kB gzip on every page. */
export async function pageWeightGoals(base: string, pages: string[], frameworkFiles: string[] = []): Promise<{ weights: PageWeight[]; measures: Measure[] }> {
  const cache = new Map<string, number>();
  const weights: PageWeight[] = [];
  for (const page of pages) weights.push(await weighPage(base, page, cache));
  // Next.js's and React's own runtime (the build's root main files), which every page loads
  // whatever the app does: shown so that the app's share of each page can be read.
  const framework = frameworkFiles.map((file) => `/_next/${file}`).reduce((sum, src) => sum + (cache.get(src) ?? 0), 0);
  const kB = (bytes: number) => bytes / 1000;
  const measures: Measure[] = [];
  for (const weight of weights) {
    if (weight.page === "/") {
      measures.push({ name: "HTML of /", value: kB(weight.htmlBytes), unit: "kB", goal: `≤ ${HTML_HOME_GOAL_KB}`, ok: kB(weight.htmlBytes) <= HTML_HOME_GOAL_KB });
    } else {
      measures.push({ name: `HTML of ${weight.page}`, value: kB(weight.htmlBytes), unit: "kB", goal: "(shown)", ok: true });
    }
    measures.push({ name: `JavaScript loaded by ${weight.page} (gzip)`, value: kB(weight.javascriptGzipBytes), unit: "kB", goal: `≤ ${JAVASCRIPT_GOAL_KB}`, ok: kB(weight.javascriptGzipBytes) <= JAVASCRIPT_GOAL_KB });
    // Next.js always names its legacy polyfill with `nomodule`; a browser that supports modules
    // (every browser the app supports) never downloads it (HTML standard), so it is shown, not counted.
    measures.push({ name: `nomodule scripts named by ${weight.page} (never loaded by a module browser)`, value: weight.noModuleScripts.length, unit: "", goal: "(shown)", ok: true });
  }
  if (framework > 0) measures.push({ name: "of which Next.js and React's runtime (every page)", value: kB(framework), unit: "kB", goal: "(shown)", ok: true });
  return { weights, measures };
}
