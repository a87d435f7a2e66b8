import "server-only";
import { sqlClient } from "@/db/client";
import journal from "@/db/migrations/meta/_journal.json";
import { DEAD_AFTER_SECONDS } from "@/lib/jobs/heartbeat";

/** True when the database answers a trivial query within `timeoutMs`. */
export async function databaseIsUp(timeoutMs = 2000): Promise<boolean> {
  try {
    const query = sqlClient()`select 1 as up`;
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), timeoutMs));
    const rows = await Promise.race([query, timeout]);
    return rows[0]?.up === 1;
  } catch {
    return false;
  }
}

export interface Readiness {
  ready: boolean;
  db: "ok" | "down";
  /** "behind": this build expects a migration the database does not have yet. */
  migrations: "ok" | "behind" | "unknown";
  /** Age of the freshest worker heartbeat, any machine; stale past DEAD_AFTER_SECONDS, none when no worker ever ran. */
  worker: { status: "ok" | "stale" | "none" | "unknown"; heartbeatAgeSeconds: number | null };
}

/** The build's last migration (drizzle-kit's journal), as drizzle records it once applied. */
const headMigration = Math.max(...journal.entries.map((entry) => entry.when));

/** What `/api/ready` reports: the database answers, its migrations are this build's, a worker is alive. */
export async function readiness(): Promise<Readiness> {
  if (!(await databaseIsUp())) {
    return { ready: false, db: "down", migrations: "unknown", worker: { status: "unknown", heartbeatAgeSeconds: null } };
  }
  const [row] = await sqlClient()<{ applied: string | null; age: number | null }[]>`
    select
      (select max(created_at)::text from drizzle.__drizzle_migrations) as applied,
      (select extract(epoch from now() - max(beat_at))::float8 from worker_heartbeats) as age`.catch(() => []);
  const migrations = row?.applied ? (Number(row.applied) >= headMigration ? "ok" : "behind") : row ? "behind" : "unknown";
  const age = row?.age ?? null;
  const worker: Readiness["worker"] = {
    status: age === null ? (row ? "none" : "unknown") : age <= DEAD_AFTER_SECONDS ? "ok" : "stale",
    heartbeatAgeSeconds: age === null ? null : Math.round(age),
  };
  return { ready: migrations === "ok" && worker.status === "ok", db: "ok", migrations, worker };
}
