import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { catalogSoftware } from "@/db/schema";
import { SCALE_TERMS, seedAtScale } from "@/db/seed/scale";
import { seedCatalog } from "@/db/seed/seed";
import { forgetCatalog, watchCatalog } from "@/lib/experts/catalog-cache";
import { createPublicPageServer } from "@/lib/http/public-page-server";
import { directoryFiltersSchema, getPublicExpert, searchExperts } from "@/lib/experts/directory";
import { listCatalog } from "@/lib/experts/queries";
import { getJobForViewer, jobFiltersSchema, searchJobs } from "@/lib/jobs/queries";
import { hiddenFrom } from "@/lib/moderation/visibility";
import { offersForJob, publicOffersOf } from "@/lib/offers/queries";
import { getPublicReviews } from "@/lib/reviews/queries";

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
/** What app/jobs/[id]/page.tsx reads for a visitor: the need (software and moderation in it), then its offers. */
const jobPage = async () => {
  const view = await getJobForViewer(null, sample.job);
  if (!view || hiddenFrom(null, view.moderation)) throw new Error("the sample need should be public");
  return offersForJob(view.job.id);
};
/** What app/experts/[slug]/page.tsx reads for a visitor: the profile (moderation in it), its reviews and its offers. */
const expertPage = async () => {
  const expert = await getPublicExpert(sample.slug);
  if (!expert || hiddenFrom(null, expert.moderation)) throw new Error("the sample expert should be public");
  const [reviews] = await Promise.all([getPublicReviews({ slug: sample.slug }), publicOffersOf(expert.id)]);
  return reviews.latest.filter((review) => !hiddenFrom(null, review.moderation));
};
let sample: { job: string; slug: string };

beforeAll(async () => {
  await seedCatalog(db);
  const client = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
  await seedAtScale(client, { jobs: 400, experts: 100, bids: 200, contracts: 10 });
  // The expert with the most client reviews (their latest comments are read too), and an open need.
  const [row] = await client<{ job: string; slug: string }[]>`select
    (select id from jobs where status = 'open' order by published_at desc limit 1) as job,
    (select p.slug from expert_profiles p where p.status = 'verified'
      order by (select count(*) from reviews r where r.subject_user_id = p.user_id and r.side = 'client' and r.comment <> '') desc, p.slug limit 1) as slug`;
  sample = row!;
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
    ["/jobs/[id] (a visitor)", jobPage],
    ["/experts/[slug] (a visitor)", expertPage],
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

  it("expires after a minute in a process that does not listen; never in the web process, which listens for its changes", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const listener = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    try {
      forgetCatalog();
      await listCatalog();
      vi.setSystemTime(Date.now() + 61_000);
      expect(await statementsOf(listCatalog)).toBe(1);

      const server = createPublicPageServer({ port: 1, hostname: "127.0.0.1", appUrl: "http://localhost:3000", trustProxy: 0, sql: listener, onError: (error) => { throw error; } });
      await server.ready;
      expect(await statementsOf(listCatalog)).toBe(1); // forgotten when the listening began
      vi.setSystemTime(Date.now() + 3_600_000);
      expect(await statementsOf(listCatalog)).toBe(0);
      // A change: the trigger notifies, the web process forgets it.
      await db.update(catalogSoftware).set({ descriptionEn: "Test, changed" }).where(eq(catalogSoftware.slug, "zzz-kept-test"));
      await vi.waitUntil(async () => (await statementsOf(listCatalog)) === 1, { timeout: 10_000, interval: 100 });
    } finally {
      watchCatalog(false);
      vi.useRealTimers();
      await listener.end({ timeout: 5 });
    }
  });
});
