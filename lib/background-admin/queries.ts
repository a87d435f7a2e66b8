import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { requireRole } from "@/lib/auth/policy";
import { redactError } from "./redact";

/** A job locked this long, an email or job waiting this long past its time, is stuck. */
export const STUCK_AFTER_MINUTES = 15;
/** The page lists this many rows per table at most (oldest problems first). */
const LIMIT = 100;

export type JobProblem = "failed" | "retrying" | "locked" | "waiting";

export interface ProblemJob {
  id: string;
  task: string;
  problem: JobProblem;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  createdAt: Date;
  runAt: Date;
  lockedAt: Date | null;
}

export type EmailProblem = "failed" | "retrying" | "waiting";

export interface ProblemEmail {
  id: string;
  template: string;
  toAddress: string;
  problem: EmailProblem;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
}

export interface BackgroundOverview {
  jobs: ProblemJob[];
  emails: ProblemEmail[];
  stuckAfterMinutes: number;
}

/**
 * What the "Background jobs" page shows an admin: jobs that failed for good (attempts used up),
 * that failed and wait for their next attempt, that a worker has held for too long, or that wait
 * long past their time (no worker running); and emails of the outbox failed or not delivered in
 * time. Errors are shortened and masked (redactError); no email body is read.
 */
export async function getBackgroundOverview(actor: Actor | null): Promise<BackgroundOverview> {
  requireRole(actor, "admin");
  const stuck = sql`now() - make_interval(mins => ${STUCK_AFTER_MINUTES})`;
  const jobs = await db.execute<{
    id: string;
    task: string;
    problem: JobProblem;
    attempts: number;
    max_attempts: number;
    last_error: string | null;
    created_at: string;
    run_at: string;
    locked_at: string | null;
  }>(sql`
    select * from (
      select jobs.id::text, jobs.task_identifier as task, jobs.attempts, jobs.max_attempts, jobs.last_error,
        jobs.created_at, jobs.run_at, jobs.locked_at,
        case
          when jobs.locked_at is not null then case when jobs.locked_at < ${stuck} then 'locked' end
          when jobs.attempts >= jobs.max_attempts then 'failed'
          when jobs.last_error is not null then 'retrying'
          when jobs.run_at < ${stuck} then 'waiting'
        end as problem
      from graphile_worker.jobs as jobs
    ) as listed
    where problem is not null
    order by created_at, id
    limit ${LIMIT}`);
  const emails = await db.execute<{
    id: string;
    template: string;
    to_address: string;
    problem: EmailProblem;
    attempts: number;
    last_error: string | null;
    created_at: string;
  }>(sql`
    select id, template, to_address, attempts, last_error, created_at,
      case when status = 'failed' then 'failed' when last_error is not null then 'retrying' else 'waiting' end as problem
    from email_outbox
    where status = 'failed' or (status = 'pending' and (last_error is not null or created_at < ${stuck}))
    order by created_at, id
    limit ${LIMIT}`);
  return {
    stuckAfterMinutes: STUCK_AFTER_MINUTES,
    jobs: jobs.map((row) => ({
      id: row.id,
      task: row.task,
      problem: row.problem,
      attempts: row.attempts,
      maxAttempts: row.max_attempts,
      lastError: redactError(row.last_error),
      createdAt: new Date(row.created_at),
      runAt: new Date(row.run_at),
      lockedAt: row.locked_at ? new Date(row.locked_at) : null,
    })),
    emails: emails.map((row) => ({
      id: row.id,
      template: row.template,
      toAddress: row.to_address,
      problem: row.problem,
      attempts: row.attempts,
      lastError: redactError(row.last_error),
      createdAt: new Date(row.created_at),
    })),
  };
}
