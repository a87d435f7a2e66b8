import "server-only";
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";

export interface RateLimitVerdict {
  allowed: boolean;
  count: number;
  retryAfterSeconds: number;
}

/**
 * Counts one hit on `key` in a fixed window kept in PostgreSQL (so every app instance shares it)
 * and says whether the hit stays within `limit`.
 */
export async function hitRateLimit(
  executor: Executor,
  key: string,
  limit: number,
  windowSeconds: number,
): Promise<RateLimitVerdict> {
  const rows = await executor.execute<{ count: number; retry_after: number }>(sql`
    insert into rate_limit_buckets (key, window_start, count)
    values (${key}, to_timestamp(floor(extract(epoch from now()) / ${windowSeconds}) * ${windowSeconds}), 1)
    on conflict (key, window_start) do update set count = rate_limit_buckets.count + 1
    returning count,
      ceil(extract(epoch from window_start) + ${windowSeconds} - extract(epoch from now()))::int as retry_after
  `);
  const row = rows[0];
  const count = Number(row?.count ?? 1);
  return { allowed: count <= limit, count, retryAfterSeconds: Math.max(1, Number(row?.retry_after ?? windowSeconds)) };
}

/** Drops windows older than a day; cheap thanks to the index on window_start. */
export async function pruneRateLimits(executor: Executor): Promise<void> {
  await executor.execute(sql`delete from rate_limit_buckets where window_start < now() - interval '1 day'`);
}

/** The hits counted on `key` in the current window, without counting one more. */
export async function currentRateLimitCount(executor: Executor, key: string, windowSeconds: number): Promise<number> {
  const rows = await executor.execute<{ count: number }>(sql`
    select count from rate_limit_buckets
    where key = ${key} and window_start = to_timestamp(floor(extract(epoch from now()) / ${windowSeconds}) * ${windowSeconds})
  `);
  return Number(rows[0]?.count ?? 0);
}
