import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireRole } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { DELIVER_EMAIL_TASK, EMAIL_MAX_ATTEMPTS } from "@/lib/email/send-email";
import { queueJob } from "@/lib/jobs/queue";
import { fail, ok, type Result } from "@/lib/result";

const jobInput = z.object({ jobId: z.string().regex(/^\d{1,18}$/) });
const emailInput = z.object({ emailId: z.uuid() });

export type JobActionError = "invalid" | "not_found" | "locked";
export type EmailRetryError = "invalid" | "not_found";

/** Wakes the workers now rather than at their next poll (graphile-worker's own channel). */
const wakeWorkers = sql`select pg_notify('jobs:insert', '{"count":1}')`;

/**
 * An admin runs a job again now, with its attempts counted afresh (graphile-worker's
 * `reschedule_jobs`). A job a worker holds is refused: it is running, or the dead-worker sweep
 * will hand it back. Audited.
 */
export async function retryJob(actor: Actor | null, input: { jobId: string }): Promise<Result<{ task: string }, JobActionError>> {
  const admin = requireRole(actor, "admin");
  const parsed = jobInput.safeParse(input);
  if (!parsed.success) return fail("invalid");
  return db.transaction(async (tx) => {
    const [job] = await tx.execute<{ task: string; attempts: number; locked: boolean }>(
      sql`select task_identifier as task, attempts, locked_at is not null as locked from graphile_worker.jobs where id = ${parsed.data.jobId}::bigint`,
    );
    if (!job) return fail("not_found");
    const moved = await tx.execute(sql`select id from graphile_worker.reschedule_jobs(array[${parsed.data.jobId}::bigint], run_at := now(), attempts := 0)`);
    if (moved.length === 0) return fail("locked");
    await tx.execute(wakeWorkers);
    await recordAudit(tx, { actor: admin, action: "job.retried", subjectType: "job", subjectId: parsed.data.jobId, data: { task: job.task, attempts: job.attempts } });
    return ok({ task: job.task });
  });
}

/**
 * An admin gives up a job that keeps failing: its attempts are used up (graphile-worker's
 * `permanently_fail_jobs`), it stays listed as failed and can still be retried. Audited.
 */
export async function abandonJob(actor: Actor | null, input: { jobId: string }): Promise<Result<{ task: string }, JobActionError>> {
  const admin = requireRole(actor, "admin");
  const parsed = jobInput.safeParse(input);
  if (!parsed.success) return fail("invalid");
  return db.transaction(async (tx) => {
    const [job] = await tx.execute<{ task: string; attempts: number }>(
      sql`select task_identifier as task, attempts from graphile_worker.jobs where id = ${parsed.data.jobId}::bigint`,
    );
    if (!job) return fail("not_found");
    const failed = await tx.execute(sql`select id from graphile_worker.permanently_fail_jobs(array[${parsed.data.jobId}::bigint], ${"Abandoned by an admin"})`);
    if (failed.length === 0) return fail("locked");
    await recordAudit(tx, { actor: admin, action: "job.abandoned", subjectType: "job", subjectId: parsed.data.jobId, data: { task: job.task, attempts: job.attempts } });
    return ok({ task: job.task });
  });
}

/**
 * An admin sends a failed or stuck email again: the outbox row waits again and its delivery job
 * runs again now, its attempts counted afresh. The outbox idempotency key still goes to the
 * provider, so a retry cannot send twice. Audited.
 */
export async function retryEmail(actor: Actor | null, input: { emailId: string }): Promise<Result<{ template: string }, EmailRetryError>> {
  const admin = requireRole(actor, "admin");
  const parsed = emailInput.safeParse(input);
  if (!parsed.success) return fail("invalid");
  return db.transaction(async (tx) => {
    const [email] = await tx
      .update(emailOutbox)
      .set({ status: "pending" })
      .where(and(eq(emailOutbox.id, parsed.data.emailId), inArray(emailOutbox.status, ["failed", "pending"])))
      .returning({ id: emailOutbox.id, template: emailOutbox.template, attempts: emailOutbox.attempts });
    if (!email) return fail("not_found");
    // Its failed job runs again (graphile-worker keeps it, under the email's key); a job running
    // right now is left to finish; without one, a new job is queued.
    const key = `email:${email.id}`;
    const [job] = await tx.execute<{ id: string; locked: boolean }>(sql`select id::text, locked_at is not null as locked from graphile_worker.jobs where key = ${key}`);
    if (!job) await queueJob(tx, DELIVER_EMAIL_TASK, { outboxId: email.id }, { key, maxAttempts: EMAIL_MAX_ATTEMPTS });
    else if (!job.locked) await tx.execute(sql`select id from graphile_worker.reschedule_jobs(array[${job.id}::bigint], run_at := now(), attempts := 0)`);
    await tx.execute(wakeWorkers);
    await recordAudit(tx, { actor: admin, action: "email.retried", subjectType: "email", subjectId: email.id, data: { template: email.template, attempts: email.attempts } });
    return ok({ template: email.template });
  });
}
