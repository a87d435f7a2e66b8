import { index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * One row per graphile-worker worker (its `workerId`), refreshed every few seconds by the
 * process that runs it (lib/background/heartbeat.ts). A worker whose row has gone stale is dead: the
 * jobs it held are unlocked for the others. `/api/ready` reports the freshest row's age.
 */
export const workerHeartbeats = pgTable(
  "worker_heartbeats",
  {
    workerId: text("worker_id").primaryKey(),
    hostname: text("hostname").notNull(),
    pid: integer("pid").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    beatAt: timestamp("beat_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.beatAt)],
);
