import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, sqlClient } from "@/db/client";
import { PUBLIC_PAGES_CHANNEL } from "@/lib/http/page-cache";

/** The tables behind the cached public pages (lib/http/page-cache.ts): a change to any of them empties the cache. */
const TABLES = [
  "jobs", "job_software", "bids", "organizations", "users", "expert_profiles", "expert_skills", "expert_references",
  "evidence_files", "reviews", "catalog_software", "moderated_content", "legal_announcements", "offers",
];

async function notificationsDuring(run: () => Promise<unknown>): Promise<number> {
  let received = 0;
  const listening = await sqlClient().listen(PUBLIC_PAGES_CHANNEL, () => void received++);
  try {
    await run();
    // Notifications arrive on the listening connection shortly after the commit.
    await new Promise((resolve) => setTimeout(resolve, 300));
    return received;
  } finally {
    await listening.unlisten();
  }
}

describe("public pages' change notifications", () => {
  it("a committed change to the data behind the public pages notifies the web processes, once per transaction", async () => {
    const received = await notificationsDuring(() =>
      db.transaction(async (tx) => {
        await tx.execute(sql`update jobs set title = title where false`);
        await tx.execute(sql`update expert_profiles set headline = headline where false`);
      }),
    );
    expect(received).toBe(1);
  });

  it("a rolled-back change, or a change elsewhere, notifies nobody", async () => {
    const received = await notificationsDuring(async () => {
      await db
        .transaction(async (tx) => {
          await tx.execute(sql`update jobs set title = title where false`);
          throw new Error("roll back");
        })
        .catch(() => {});
      await db.execute(sql`update email_outbox set status = status where false`);
    });
    expect(received).toBe(0);
  });

  it("every table behind the public pages has the trigger", async () => {
    const rows = await db.execute<{ table: string }>(sql`
      select c.relname as table from pg_trigger t join pg_class c on c.oid = t.tgrelid
      join pg_proc p on p.oid = t.tgfoid where p.proname = 'notify_public_pages' order by 1`);
    expect(rows.map((r) => r.table).sort()).toEqual([...TABLES].sort());
  });
});
