import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { jobSearchEntries, jobs } from "@/db/schema";
import { jobFiltersSchema, searchJobs } from "@/lib/jobs/queries";
import { makeOrganization, makeUser } from "../../helpers/factories";
import { makeJob } from "../../helpers/jobs";

/**
 * The job board's side rows (job_search_entries) follow the needs, kept by the database (trigger
 * jobs_search_entry): one row per open need, with the need's own search document and filters.
 */
const search = (query: Record<string, string>) => searchJobs(jobFiltersSchema.parse(query));
const entryOf = async (jobId: string) => (await db.select().from(jobSearchEntries).where(eq(jobSearchEntries.jobId, jobId)))[0];
const versionOf = async (jobId: string) =>
  (await db.execute<{ version: string }>(sql`select xmin::text as version from job_search_entries where job_id = ${jobId}`))[0]?.version;

let owner: Awaited<ReturnType<typeof makeUser>>;

beforeAll(async () => {
  owner = await makeUser("client");
  await makeOrganization(owner);
});

describe("the board's side rows", () => {
  it("an open need has one, with its search document and filters; a draft has none", async () => {
    const open = await makeJob(owner, { title: "Installer Nextcloud pour la mairie", departement: "29", kind: "installation" });
    const draft = await makeJob(owner, { title: "Brouillon de migration Zimbra" }, false);
    const [need] = await db.select({ search: jobs.search, publishedAt: jobs.publishedAt }).from(jobs).where(eq(jobs.id, open));
    expect(await entryOf(open)).toMatchObject({ search: need!.search, publishedAt: need!.publishedAt, departement: "29", kind: "installation" });
    expect(await entryOf(draft)).toBeUndefined();
    expect((await search({ q: "mairie" })).jobs.map((j) => j.id)).toEqual([open]);
  });

  it("follows an edit of the text and the filters, and is rewritten only when they changed", async () => {
    const id = await makeJob(owner, { title: "Sauvegardes BorgBackup du cabinet" });
    await db.update(jobs).set({ title: "Sauvegardes Proxmox du cabinet", departement: "35" }).where(eq(jobs.id, id));
    expect((await search({ q: "proxmox" })).jobs.map((j) => j.id)).toEqual([id]);
    expect((await search({ q: "borgbackup" })).total).toBe(0);
    expect((await search({ q: "proxmox", departement: "35" })).total).toBe(1);
    const version = await versionOf(id);
    await db.update(jobs).set({ title: "Sauvegardes Proxmox du cabinet" }).where(eq(jobs.id, id));
    await db.update(jobs).set({ bidCount: 3 }).where(eq(jobs.id, id));
    expect(await versionOf(id)).toBe(version);
  });

  it("goes when the need is no longer open or is deleted, and comes back when it opens again", async () => {
    const closed = await makeJob(owner, { title: "Migrer la messagerie vers Zimbra" });
    await db.update(jobs).set({ status: "closed" }).where(eq(jobs.id, closed));
    expect(await entryOf(closed)).toBeUndefined();
    expect((await search({ q: "zimbra" })).total).toBe(0);
    await db.update(jobs).set({ status: "open" }).where(eq(jobs.id, closed));
    expect((await search({ q: "zimbra" })).jobs.map((j) => j.id)).toEqual([closed]);
    const deleted = await makeJob(owner, { title: "Déployer Jitsi pour les réunions" });
    await db.delete(jobs).where(eq(jobs.id, deleted));
    expect(await entryOf(deleted)).toBeUndefined();
  });

  it("one row per open need, whatever was done to them", async () => {
    const [counts] = await db.execute<{ open: number; entries: number; strays: number }>(sql`select
      (select count(*)::int from jobs where status = 'open') as open,
      (select count(*)::int from job_search_entries) as entries,
      (select count(*)::int from job_search_entries e join jobs j on j.id = e.job_id where j.status <> 'open' or j.search <> e.search) as strays`);
    expect(counts).toMatchObject({ strays: 0 });
    expect(counts!.entries).toBe(counts!.open);
  });
});
