import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { catalogSoftware } from "@/db/schema";
import { SCALE_TERMS, seedAtScale } from "@/db/seed/scale";
import { seedCatalog } from "@/db/seed/seed";
import { forgetCatalog } from "@/lib/experts/catalog-cache";
import { directoryFiltersSchema, searchExperts } from "@/lib/experts/directory";
import { listCatalog } from "@/lib/experts/queries";
import { jobFiltersSchema, searchJobs } from "@/lib/jobs/queries";

/**
 * A public page's render costs at most three SQL statements (the goal, which `npm run
 * bench` measures on the production server): here the statements the job board and the
 * directory send for a render, counted by the database client's own counter (db/client.ts,
 * COMPAGNON_SQL_COUNT_FILE, as the benchmark counts them). What a render reads is what
 * app/jobs/page.tsx and app/experts/page.tsx run together: the search and the catalogue (the filters).
 */
const counterDir = mkdtempSync(path.join(os.tmpdir(), "compagnon-sql-count-"));
const counterFile = path.join(counterDir, "count");
// Before the first statement: the client is created then, with the counter (db/client.ts).
process.env.COMPAGNON_SQL_COUNT_FILE = counterFile;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** The counter's total, once written: the client writes it at most every 100 ms. */
async function counted(): Promise<number> {
  await pause(250);
  return existsSync(counterFile) ? Number(readFileSync(counterFile, "utf8")) : 0;
}

async function statementsOf(render: () => Promise<unknown>): Promise<number> {
  const before = await counted();
  await render();
  return (await counted()) - before;
}

const jobBoard = (query: Record<string, string>) => () => Promise.all([searchJobs(jobFiltersSchema.parse(query)), listCatalog()]);
const directory = (query: Record<string, string>) => () => Promise.all([searchExperts(directoryFiltersSchema.parse(query)), listCatalog()]);

beforeAll(async () => {
  await seedCatalog(db);
  const client = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
  await seedAtScale(client, { jobs: 400, experts: 100, bids: 200, contracts: 10 });
  await client.end();
}, 60_000);

afterAll(() => rmSync(counterDir, { recursive: true, force: true }));

describe("statements per public page render", () => {
  const renders: [string, () => Promise<unknown>][] = [
    ["/jobs", jobBoard({})],
    [`/jobs?q=${SCALE_TERMS.common}`, jobBoard({ q: SCALE_TERMS.common })],
    [`/jobs?q=${SCALE_TERMS.none}`, jobBoard({ q: SCALE_TERMS.none })],
    ["/jobs?q=nexcloud (misspelled: the corrected search too)", jobBoard({ q: "nexcloud" })],
    ["/experts", directory({})],
    ["/experts?q=nextcloud", directory({ q: "nextcloud" })],
    ["/experts?q=nexcloud (misspelled: the corrected search too)", directory({ q: "nexcloud" })],
  ];
  for (const [page, render] of renders) {
    it(`${page}: at most 3`, async () => {
      await render(); // the first render of a process reads what it keeps (the catalogue)
      expect(await statementsOf(render)).toBeLessThanOrEqual(3);
    });
  }

  it("the misspelled search still finds the software it meant", async () => {
    const [jobs] = await jobBoard({ q: "nexcloud" })();
    expect(jobs.correctedTo).toBe("Nextcloud");
    expect(jobs.jobs.length).toBeGreaterThan(0);
    const [experts] = await directory({ q: "nexcloud" })();
    expect(experts.correctedTo).toBe("Nextcloud");
  });
});

describe("the catalogue kept in the process", () => {
  it("is read again once forgotten (the web process forgets it on each public_pages notification)", async () => {
    await listCatalog();
    expect(await statementsOf(listCatalog)).toBe(0);
    await db.insert(catalogSoftware).values({ slug: "zzz-kept-test", name: "Zzz Kept Test", category: "collaboration", licence: "MIT", website: "https://example.test", descriptionFr: "Essai", descriptionEn: "Test" });
    expect((await listCatalog()).map((c) => c.slug)).not.toContain("zzz-kept-test");
    forgetCatalog();
    expect(await statementsOf(listCatalog)).toBe(1);
    expect((await listCatalog()).map((c) => c.slug)).toContain("zzz-kept-test");
  });
});
