import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { closeDb, db } from "@/db/client";
import { GET } from "@/app/api/ready/route";
import { startWorker } from "@/lib/background/worker";

async function ready() {
  const response = await GET();
  const body = (await response.json()) as Record<string, unknown>;
  return { status: response.status, body, text: JSON.stringify(body) };
}

describe("/api/ready", () => {
  it("is 503 while no worker has ever run, 200 with a live worker, 503 once its heartbeat is stale", { timeout: 60_000 }, async () => {
    expect(await ready()).toMatchObject({
      status: 503,
      body: { status: "not ready", db: "ok", migrations: "ok", worker: { status: "none", heartbeatAgeSeconds: null } },
    });

    const worker = await startWorker(process.env.DATABASE_URL ?? "", 1);
    try {
      const live = await ready();
      expect(live).toMatchObject({ status: 200, body: { status: "ready", db: "ok", migrations: "ok", worker: { status: "ok" } } });
      expect((live.body.worker as { heartbeatAgeSeconds: number }).heartbeatAgeSeconds).toBeLessThanOrEqual(10);
      // Nothing secret in it: no connection string, no key.
      expect(live.text).not.toMatch(/postgres:|secret|password|127\.0\.0\.1/i);

      await db.execute(sql`update worker_heartbeats set beat_at = now() - interval '60 seconds'`);
      expect(await ready()).toMatchObject({ status: 503, body: { worker: { status: "stale", heartbeatAgeSeconds: 60 } } });
    } finally {
      await worker.stop();
    }
  });

  it("is 503 when the database lacks this build's last migration", async () => {
    await db.execute(sql`insert into worker_heartbeats (worker_id, hostname, pid) values ('worker-test', 'test', 1)`);
    expect((await ready()).status).toBe(200);
    const [last] = await db.execute<{ id: number }>(sql`select id from drizzle.__drizzle_migrations order by created_at desc limit 1`);
    await db.execute(sql`delete from drizzle.__drizzle_migrations where id = ${last?.id}`);
    expect(await ready()).toMatchObject({ status: 503, body: { db: "ok", migrations: "behind", worker: { status: "ok" } } });
  });

  it("is 503 when the database is down", async () => {
    const real = process.env.DATABASE_URL;
    await closeDb();
    process.env.DATABASE_URL = "postgres://nobody:wrong@127.0.0.1:1/none";
    try {
      expect(await ready()).toMatchObject({ status: 503, body: { status: "not ready", db: "down", migrations: "unknown" } });
    } finally {
      await closeDb();
      process.env.DATABASE_URL = real;
    }
  });
});
