import { eq, inArray, sql } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { jobs, moderatedContent } from "@/db/schema";
import { jobFiltersSchema, searchJobs } from "@/lib/jobs/queries";
import { COUNT_CAP } from "@/lib/search/text-query";
import { makeOrganization, makeUser } from "../../helpers/factories";
import { makeJob } from "../../helpers/jobs";

/**
 * The board's word figures (job_search_words, kept by statement triggers on job_search_entries,
 * migration 0054_custom_job_search_words) are exactly the words of the open needs' search
 * documents, whatever is done to the needs; and a one-word search, counted from them, finds the
 * exact count at the cap and around it, moderated needs left out.
 */
async function wordsDrift() {
  return db.execute(sql`
    with truth as (select word collate "C" as word, count(*)::int as needs from job_search_entries, unnest(tsvector_to_array(search)) as word group by 1),
    kept as (select word, needs from job_search_words)
    (select 'missing' as side, * from truth except all select 'missing', * from kept)
    union all
    (select 'extra', * from kept except all select 'extra', * from truth)`);
}

const search = (q: string) => searchJobs(jobFiltersSchema.parse({ q }));

let template: typeof jobs.$inferSelect;

/** `count` open needs titled « `title` n » in one statement, as the scale seed inserts them. */
async function insertNeeds(count: number, title: string): Promise<string[]> {
  const { id: _id, search: _search, ...rest } = template;
  const rows = await db
    .insert(jobs)
    .values(Array.from({ length: count }, (_, n) => ({ ...rest, title: `${title} ${n}`, description: "Besoin créé par le test des mots du tableau." })))
    .returning({ id: jobs.id });
  return rows.map((row) => row.id);
}

beforeAll(async () => {
  const owner = await makeUser("client");
  await makeOrganization(owner);
  const [row] = await db.select().from(jobs).where(eq(jobs.id, await makeJob(owner, { title: "Installer Nextcloud pour la mairie" })));
  template = row!;
});

const vocabulary = ["Nextcloud", "Proxmox", "WireGuard", "sauvegarde", "messagerie", "mairie", "cabinet", "Quimper", "Odoo", "serveur", "serveurs"];
const text = fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 5 }).map((words) => words.join(" "));
const status = fc.constantFrom("open", "open", "closed", "draft", "in_progress") as fc.Arbitrary<"open" | "closed" | "draft" | "in_progress">;
const command = fc.oneof(
  { arbitrary: fc.record({ insert: fc.array(fc.record({ title: text, description: text, status }), { minLength: 1, maxLength: 4 }) }), weight: 4 },
  { arbitrary: fc.record({ retitle: fc.nat(), title: text }), weight: 3 },
  { arbitrary: fc.record({ restatus: fc.nat(), status }), weight: 2 },
  { arbitrary: fc.record({ retitleAll: text }), weight: 1 },
  { arbitrary: fc.record({ budgetAll: fc.integer({ min: 100_000, max: 900_000 }) }), weight: 1 },
  { arbitrary: fc.record({ remove: fc.nat() }), weight: 1 },
);

describe("the board's word figures", () => {
  it("hold every word of the open needs, with how many hold it, whatever is done to the needs", { timeout: 120_000 }, async () => {
    expect(await wordsDrift()).toEqual([]);
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 8 }), async (commands) => {
        const ids: string[] = [];
        try {
          for (const step of commands) {
            if ("insert" in step) {
              const { id: _id, search: _search, ...rest } = template;
              const rows = await db.insert(jobs).values(step.insert.map((need) => ({ ...rest, ...need }))).returning({ id: jobs.id });
              ids.push(...rows.map((row) => row.id));
            } else if ("retitle" in step && ids.length > 0) {
              await db.update(jobs).set({ title: step.title }).where(eq(jobs.id, ids[step.retitle % ids.length]!));
            } else if ("restatus" in step && ids.length > 0) {
              await db.update(jobs).set({ status: step.status }).where(eq(jobs.id, ids[step.restatus % ids.length]!));
            } else if ("retitleAll" in step && ids.length > 0) {
              // One statement changing many needs: one grouped change of the figures.
              await db.update(jobs).set({ title: sql`${step.retitleAll} || ' ' || left(${jobs.title}, 12)` }).where(inArray(jobs.id, ids));
            } else if ("budgetAll" in step && ids.length > 0) {
              await db.update(jobs).set({ budgetMaxCents: step.budgetAll }).where(inArray(jobs.id, ids));
            } else if ("remove" in step && ids.length > 0) {
              await db.delete(jobs).where(eq(jobs.id, ids.splice(step.remove % ids.length, 1)[0]!));
            }
          }
          expect(await wordsDrift()).toEqual([]);
        } finally {
          if (ids.length > 0) await db.delete(jobs).where(inArray(jobs.id, ids));
        }
      }),
      { numRuns: 40 },
    );
    expect(await wordsDrift()).toEqual([]);
    // Every word of the property's needs left with them.
    expect(await db.execute(sql`select word from job_search_words where word in ('proxmox', 'wireguard', 'odoo', 'quimp', 'serveur')`)).toEqual([]);
  });

  it("an edit that changes no word writes no figure", async () => {
    const [id] = await insertNeeds(1, "Supervision Zabbix");
    const version = async () => (await db.execute<{ version: string }>(sql`select xmin::text as version from job_search_words where word = 'zabbix'`))[0]?.version;
    const before = await version();
    await db.update(jobs).set({ budgetMaxCents: 750_000, departement: "29" }).where(eq(jobs.id, id!));
    expect(await version()).toBe(before);
    await db.delete(jobs).where(eq(jobs.id, id!));
    expect(await version()).toBeUndefined();
  });
});

describe("a one-word search's count", () => {
  it("is exact at the cap and around it, moderated needs left out, and the page lists the newest", { timeout: 60_000 }, async () => {
    const ids = await insertNeeds(COUNT_CAP + 3, "Migration zorglub");
    const hide = (id: string, visibility: "removed" | "restricted") => db.insert(moderatedContent).values({ targetType: "job", targetId: id, visibility });
    // 1,003 needs hold the word: more than the cap, from the figures alone.
    expect(await search("zorglub")).toMatchObject({ total: COUNT_CAP, totalCapped: true });
    // Two hidden: 1,001 shown, still more than the cap.
    await hide(ids[0]!, "removed");
    await hide(ids[1]!, "restricted");
    expect(await search("zorglub")).toMatchObject({ total: COUNT_CAP, totalCapped: true });
    // A third: exactly 1,000 shown, not "more than 1,000" (the figures hold 1,003).
    await hide(ids[2]!, "removed");
    const exact = await search("zorglub");
    expect(exact).toMatchObject({ total: COUNT_CAP, totalCapped: false });
    expect(exact.jobs.map((job) => job.id)).not.toContain(ids[0]);
    // A closed need leaves the count, through its side row and its words.
    await db.update(jobs).set({ status: "closed" }).where(eq(jobs.id, ids[3]!));
    expect(await search("zorglub")).toMatchObject({ total: COUNT_CAP - 1, totalCapped: false });
    // The prefix « zorgl » covers the same word: the same count.
    expect(await search("zorgl")).toMatchObject({ total: COUNT_CAP - 1, totalCapped: false });
  });

  it("counts a prefix whose words are each under the cap but together above it", { timeout: 60_000 }, async () => {
    await insertNeeds(600, "Audit kaptorix");
    await insertNeeds(600, "Audit kaptoron");
    expect(await search("kaptorix")).toMatchObject({ total: 600, totalCapped: false });
    expect(await search("kapto")).toMatchObject({ total: COUNT_CAP, totalCapped: true });
    // 600 needs holding both words (the figures add up to 1,200): each counts once.
    await db.delete(jobs).where(sql`${jobs.title} ~ '^Audit kaptorix [0-9]+$'`);
    await db.update(jobs).set({ title: sql`'Audit kaptorix ' || ${jobs.title}` }).where(sql`${jobs.title} like 'Audit kaptoron%'`);
    expect(await search("kapto")).toMatchObject({ total: 600, totalCapped: false });
  });

  it("of a stop word, or of a word no need holds, is 0", async () => {
    expect(await search("les")).toMatchObject({ total: 0, totalCapped: false });
    expect(await search("xylophonique")).toMatchObject({ total: 0, totalCapped: false });
  });
});
