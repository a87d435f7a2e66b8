import "server-only";
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";

/**
 * Queues a background job (graphile-worker) with `executor`: pass the transaction of the change
 * that needs it, and the job exists if and only if the change commits. The same key replaces a
 * job still waiting, so queueing twice runs it once.
 */
export async function queueJob(executor: Executor, task: string, payload: Record<string, string>, options: { key: string; maxAttempts: number }): Promise<void> {
  await executor.execute(
    sql`select graphile_worker.add_job(${task}, ${JSON.stringify(payload)}::json, job_key := ${options.key}::text, max_attempts := ${options.maxAttempts}::int)`,
  );
}
