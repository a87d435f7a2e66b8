/**
 * Lighthouse (mobile, its default) on the public pages, with the machine's Chromium
 * (`CHROME_PATH`, default /usr/bin/chromium), headless, no sandbox, a fresh profile per page.
 * Lighthouse is not a dependency of the project (it brings about 180 MB): the pinned release is
 * run through `npx`, which takes it from the npm registry on first use and from npm's cache after.
 * Only with `npm run bench -- --lighthouse`: its performance score measures the machine too
 * (simulated throttling on a busy 2-core machine gives a low score to a page that is not slow), so
 * read it on an idle machine.
 */
import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Measure } from "./database-goals";

export const LIGHTHOUSE_VERSION = "13.5.0";

const GOALS: Record<string, number> = { performance: 95, accessibility: 100, "best-practices": 100, seo: 100 };

interface Report {
  categories: Record<string, { score: number | null }>;
  audits: Record<string, { score: number | null; scoreDisplayMode?: string; title: string; displayValue?: string }>;
}

export async function lighthouseGoals(base: string, pages: string[]): Promise<Measure[]> {
  const measures: Measure[] = [];
  for (const page of pages) {
    const dir = await mkdtemp(path.join(os.tmpdir(), "compagnon-lighthouse-"));
    try {
      const output = path.join(dir, "report.json");
      // Lighthouse sometimes loses its trace on a loaded machine (NO_NAVSTART): tried three times.
      let status: number | null = null;
      for (let attempt = 1; attempt <= 3 && status !== 0; attempt++) status = runLighthouse(`${base}${page}`, output, path.join(dir, `profile-${attempt}`));
      if (status !== 0) {
        measures.push({ name: `Lighthouse on ${page}: no report (exit ${status})`, value: 0, unit: "", goal: "a report", ok: false });
        continue;
      }
      const report = JSON.parse(await readFile(output, "utf8")) as Report;
      let missed = false;
      for (const [category, goal] of Object.entries(GOALS)) {
        const score = Math.round((report.categories[category]?.score ?? 0) * 100);
        measures.push({ name: `Lighthouse ${category}, ${page}`, value: score, unit: "", goal: `≥ ${goal}`, ok: score >= goal });
        missed ||= score < goal;
      }
      if (missed) {
        const failing = Object.values(report.audits).filter((audit) => audit.score !== null && audit.score < 0.9 && !["informative", "notApplicable", "manual"].includes(audit.scoreDisplayMode ?? ""));
        console.log(`  ${page}, audits below 0.9: ${failing.map((audit) => `${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ""}`).join("; ")}`);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  return measures;
}

function runLighthouse(url: string, output: string, profile: string): number | null {
  const run = spawnSync(
    "npx",
    [
      "--yes",
      `lighthouse@${LIGHTHOUSE_VERSION}`,
      url,
      "--quiet",
      "--output=json",
      `--output-path=${output}`,
      `--only-categories=${Object.keys(GOALS).join(",")}`,
      `--chrome-flags=--headless=new --no-sandbox --user-data-dir=${profile}`,
    ],
    { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? "/usr/bin/chromium" }, timeout: 300_000 },
  );
  return run.status;
}
