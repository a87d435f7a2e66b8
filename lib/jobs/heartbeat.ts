import "server-only";
import { hostname } from "node:os";
import postgres from "postgres";

/** Each worker process writes its workers' heartbeat this often… */
export const HEARTBEAT_SECONDS = 10;
/** …a worker silent for this long is dead, and the jobs it held are unlocked… */
export const DEAD_AFTER_SECONDS = 45;
/** …by a sweep that every worker process runs this often. */
export const SWEEP_SECONDS = 5;
/** Heartbeat rows of dead workers are kept this long (for the readiness report), then deleted. */
const FORGET_AFTER_SECONDS = 24 * 60 * 60;

/**
 * Unlocks the jobs held by dead workers: locked for longer than DEAD_AFTER_SECONDS by a worker
 * without a fresh heartbeat (a crashed process, or one that died before its first beat).
 * graphile-worker alone would leave them locked for four hours. Returns the dead workers' ids.
 */
export async function unlockJobsOfDeadWorkers(sql: postgres.Sql): Promise<string[]> {
  const dead = await sql<{ workerId: string }[]>`
    select distinct jobs.locked_by as "workerId"
    from graphile_worker.jobs as jobs
    where jobs.locked_by is not null
      and jobs.locked_at < now() - make_interval(secs => ${DEAD_AFTER_SECONDS})
      and not exists (
        select 1 from worker_heartbeats as beats
        where beats.worker_id = jobs.locked_by and beats.beat_at >= now() - make_interval(secs => ${DEAD_AFTER_SECONDS})
      )`;
  const ids = dead.map((row) => row.workerId);
  if (ids.length === 0) return ids;
  await sql.begin(async (tx) => {
    await tx`select graphile_worker.force_unlock_workers(${ids}::text[])`;
    // Wake the live workers now rather than at their next poll.
    await tx`select pg_notify('jobs:insert', ${JSON.stringify({ count: ids.length })})`;
  });
  return ids;
}

export interface Heartbeat {
  /** Records (at once) that these workers of this process are alive. */
  beat: () => Promise<void>;
  stop: () => Promise<void>;
}

/**
 * Keeps the heartbeat rows of this process's workers fresh and sweeps dead workers, on a
 * connection of its own (a pool busy with jobs must not delay the heartbeat).
 */
export function startHeartbeat(connectionString: string, workerIds: () => string[], log: (message: string) => void): Heartbeat {
  const sql = postgres(connectionString, { max: 1, onnotice: () => {} });
  const host = hostname();
  const beat = async () => {
    const ids = workerIds();
    if (ids.length === 0) return;
    await sql`
      insert into worker_heartbeats (worker_id, hostname, pid)
      select unnest(${ids}::text[]), ${host}, ${process.pid}
      on conflict (worker_id) do update set beat_at = now()`;
  };
  const sweep = async () => {
    const dead = await unlockJobsOfDeadWorkers(sql);
    if (dead.length > 0) log(`jobs of dead workers unlocked: ${dead.join(", ")}`);
    await sql`delete from worker_heartbeats where beat_at < now() - make_interval(secs => ${FORGET_AFTER_SECONDS})`;
  };
  const report = (what: string) => (error: unknown) => log(`${what} failed: ${String(error)}`);
  const timers = [
    setInterval(() => void beat().catch(report("heartbeat")), HEARTBEAT_SECONDS * 1000),
    setInterval(() => void sweep().catch(report("dead-worker sweep")), SWEEP_SECONDS * 1000),
  ];
  return {
    beat,
    stop: async () => {
      for (const timer of timers) clearInterval(timer);
      // A clean stop: the rows go at once, so the readiness report does not count them.
      const ids = workerIds();
      if (ids.length > 0) await sql`delete from worker_heartbeats where worker_id = any(${ids}::text[])`.catch(() => {});
      await sql.end({ timeout: 5 });
    },
  };
}
