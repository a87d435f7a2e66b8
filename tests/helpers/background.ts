import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import { sendEmail } from "@/lib/email/send-email";

/** An email queued through the real entry point: its outbox row and its delivery job. */
export async function queuedEmail(to = `bg-${randomUUID().slice(0, 8)}@example.test`): Promise<{ emailId: string; jobId: string }> {
  const { id } = await db.transaction((tx) =>
    sendEmail(tx, {
      template: "expert-decision",
      to,
      idempotencyKey: `background-test:${randomUUID()}`,
      props: { locale: "fr", decision: "verified", reason: null, url: "http://localhost:3000/expert" },
    }),
  );
  const [job] = await db.execute<{ id: string }>(sql`select id::text from graphile_worker.jobs where key = ${`email:${id}`}`);
  if (!job) throw new Error("no delivery job");
  return { emailId: id, jobId: job.id };
}

/**
 * An email whose delivery failed for good, as the worker leaves one after its last attempt: the
 * outbox row failed with the provider's error, its job's attempts used up (graphile-worker's
 * own `permanently_fail_jobs`).
 */
export async function failedEmail(): Promise<{ emailId: string; jobId: string }> {
  const queued = await queuedEmail();
  await db
    .update(emailOutbox)
    .set({ status: "failed", attempts: 12, lastError: "internal_server_error: Resend is having a bad day" })
    .where(eq(emailOutbox.id, queued.emailId));
  await db.execute(sql`select graphile_worker.permanently_fail_jobs(array[${queued.jobId}::bigint], ${"EmailDeliveryError: not delivered"})`);
  return queued;
}

/** A job that failed for good (the delivery job of a failed email). */
export async function failedJob(): Promise<{ jobId: string }> {
  return { jobId: (await failedEmail()).jobId };
}
