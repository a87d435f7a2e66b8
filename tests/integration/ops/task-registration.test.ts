import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { TASK_IDENTIFIERS } from "@/db/migrate";

/**
 * graphile-worker records a task's name the first time a job of it is queued. Migrations register
 * every name we queue (db/migrate.ts), so two transactions queueing jobs of two tasks in opposite
 * orders never wait for each other.
 */
const pool = postgres(process.env.DATABASE_URL ?? "", { max: 2, onnotice: () => {} });

afterAll(async () => {
  await pool.end({ timeout: 5 });
});

/** Two transactions, each queueing a job of `first` then of `second`, in opposite orders. */
async function queueCrosswise(first: string, second: string): Promise<string[]> {
  const [a, b] = [await pool.reserve(), await pool.reserve()];
  const suffix = randomBytes(4).toString("hex");
  const add = (connection: postgres.ReservedSql, task: string, who: string) =>
    connection`select graphile_worker.add_job(${task}, '{}'::json, job_key := ${`crosswise:${who}:${task}:${suffix}`}::text, run_at := now() + interval '1 day')`;
  try {
    await a`begin`;
    await b`begin`;
    await add(a, first, "a");
    await add(b, second, "b");
    const outcomes = await Promise.allSettled([add(a, second, "a"), add(b, first, "b")]);
    return outcomes.map((outcome) => (outcome.status === "fulfilled" ? "ok" : String((outcome.reason as Error).message)));
  } finally {
    await a`rollback`;
    await b`rollback`;
    a.release();
    b.release();
  }
}

describe("task names registered at migration", () => {
  it("two transactions queue jobs of two of our tasks in opposite orders without a deadlock, for every task", { timeout: 30_000 }, async () => {
    const tasks = [...TASK_IDENTIFIERS].sort();
    for (const [index, task] of tasks.entries()) {
      const other = tasks[(index + 1) % tasks.length] ?? task;
      expect(await queueCrosswise(task, other), `${task} / ${other}`).toEqual(["ok", "ok"]);
    }
  });

  it("the check itself sees the deadlock with two task names never registered", { timeout: 30_000 }, async () => {
    const outcomes = await queueCrosswise(`probe_one_${randomBytes(3).toString("hex")}`, `probe_two_${randomBytes(3).toString("hex")}`);
    expect(outcomes.filter((o) => /deadlock/.test(o))).toHaveLength(1);
  });

  it("registering left no job behind", async () => {
    const [row] = await pool<{ jobs: number }[]>`select count(*)::int as jobs from graphile_worker.jobs where key like 'register-task:%'`;
    expect(row?.jobs).toBe(0);
  });
});
