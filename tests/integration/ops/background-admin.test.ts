import { and, eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, emailOutbox } from "@/db/schema";
import { getBackgroundOverview } from "@/lib/background-admin/queries";
import { abandonJob, retryEmail, retryJob } from "@/lib/background-admin/retry";
import { PolicyError } from "@/lib/auth/policy";
import { resetEnvCache } from "@/lib/env";
import { failedEmail, queuedEmail } from "../../helpers/background";
import { makeUser } from "../../helpers/factories";
import { startFakeResend } from "../../helpers/fake-resend";
import { runQueuedJobs } from "../../helpers/worker";

let resend: Awaited<ReturnType<typeof startFakeResend>>;
beforeAll(async () => {
  resend = await startFakeResend();
});
afterAll(() => resend.close());
afterEach(() => {
  delete process.env.RESEND_API_KEY;
  delete process.env.RESEND_BASE_URL;
  resetEnvCache();
});

function withResend() {
  process.env.RESEND_API_KEY = "re_test_key";
  process.env.RESEND_BASE_URL = resend.url;
  resetEnvCache();
}

const jobRow = async (jobId: string) =>
  (await db.execute<{ attempts: number; max_attempts: number; last_error: string | null }>(sql`select attempts, max_attempts, last_error from graphile_worker.jobs where id = ${jobId}::bigint`))[0];
const outbox = async (emailId: string) => (await db.select().from(emailOutbox).where(eq(emailOutbox.id, emailId)))[0];
const audits = (action: string, subjectId: string) => db.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.subjectId, subjectId)));

/**
 * An email whose delivery really failed for good: the fake Resend answers 500, the delivery job
 * is allowed one attempt, and the real worker task runs it (its last attempt marks the row failed).
 */
async function reallyFailedEmail() {
  await runQueuedJobs(["deliver_email"]); // the emails of earlier tests, so that the failure is this one's
  withResend();
  const queued = await queuedEmail("secret.person@example.test");
  await db.execute(sql`select graphile_worker.reschedule_jobs(array[${queued.jobId}::bigint], max_attempts := 1)`);
  resend.failNext(1);
  await runQueuedJobs(["deliver_email"]);
  return queued;
}

describe("the background jobs page's data", () => {
  it("lists a failed job and a failed email, with the error masked and no body", async () => {
    const admin = await makeUser("admin");
    const { emailId, jobId } = await reallyFailedEmail();
    expect(await jobRow(jobId)).toMatchObject({ attempts: 1, max_attempts: 1 });
    expect((await outbox(emailId))?.status).toBe("failed");

    const overview = await getBackgroundOverview(admin);
    const job = overview.jobs.find((j) => j.id === jobId);
    expect(job).toMatchObject({ task: "deliver_email", problem: "failed", attempts: 1, maxAttempts: 1 });
    expect(job?.lastError).toContain("Resend is having a bad day");
    expect(job?.lastError).not.toContain(emailId); // long ids are masked
    const email = overview.emails.find((e) => e.id === emailId);
    expect(email).toMatchObject({ template: "expert-decision", problem: "failed", attempts: 1, toAddress: "secret.person@example.test" });
    expect(email?.lastError).toContain("Resend is having a bad day");
    expect(JSON.stringify(overview)).not.toContain("<html");
  });

  it("lists a job held too long by a worker, and an email waiting too long, as stuck", async () => {
    const admin = await makeUser("admin");
    const { emailId, jobId } = await queuedEmail();
    await db.execute(sql`update graphile_worker._private_jobs set locked_at = now() - interval '20 minutes', locked_by = 'gone-worker' where id = ${jobId}::bigint`);
    await db.update(emailOutbox).set({ createdAt: sql`now() - interval '20 minutes'` }).where(eq(emailOutbox.id, emailId));
    const overview = await getBackgroundOverview(admin);
    expect(overview.jobs.find((j) => j.id === jobId)?.problem).toBe("locked");
    expect(overview.emails.find((e) => e.id === emailId)?.problem).toBe("waiting");
    // A job a worker holds is not rescheduled under it.
    expect(await retryJob(admin, { jobId })).toEqual({ ok: false, error: "locked" });
    await db.execute(sql`update graphile_worker._private_jobs set locked_at = null, locked_by = null where id = ${jobId}::bigint`);
  });

  it("a job or email in order is not listed", async () => {
    const admin = await makeUser("admin");
    const { emailId, jobId } = await queuedEmail();
    const overview = await getBackgroundOverview(admin);
    expect(overview.jobs.some((j) => j.id === jobId)).toBe(false);
    expect(overview.emails.some((e) => e.id === emailId)).toBe(false);
  });
});

describe("retry and abandon", () => {
  it("retrying a failed job runs it again with the real worker: the email goes out, audited", async () => {
    const admin = await makeUser("admin");
    const { emailId, jobId } = await reallyFailedEmail();
    expect(await retryJob(admin, { jobId })).toEqual({ ok: true, value: { task: "deliver_email" } });
    expect(await jobRow(jobId)).toMatchObject({ attempts: 0 });
    const sentBefore = resend.requests.length;
    await runQueuedJobs(["deliver_email"]);
    expect(resend.requests.length).toBe(sentBefore + 1);
    expect((await outbox(emailId))?.status).toBe("sent");
    expect(await jobRow(jobId)).toBeUndefined(); // done: graphile-worker deletes it
    const [audit] = await audits("job.retried", jobId);
    expect(audit).toMatchObject({ actorId: admin.id, subjectType: "job", data: { task: "deliver_email", attempts: 1 } });
    expect((await getBackgroundOverview(admin)).emails.some((e) => e.id === emailId)).toBe(false);
  });

  it("retrying a failed email queues its delivery again: the worker delivers it, audited", async () => {
    const admin = await makeUser("admin");
    const { emailId, jobId } = await failedEmail();
    expect(await retryEmail(admin, { emailId })).toEqual({ ok: true, value: { template: "expert-decision" } });
    expect((await outbox(emailId))?.status).toBe("pending");
    await runQueuedJobs(["deliver_email"]);
    // No mail provider in this test: the email is kept for the local mailbox, i.e. delivered.
    expect((await outbox(emailId))?.status).toBe("stored");
    expect(await jobRow(jobId)).toBeUndefined();
    expect(await audits("email.retried", emailId)).toHaveLength(1);
  });

  it("abandoning a job that keeps failing uses its attempts up; it stays listed as failed", async () => {
    const admin = await makeUser("admin");
    await runQueuedJobs(["deliver_email"]);
    withResend();
    const { jobId } = await queuedEmail();
    resend.failNext(1);
    await runQueuedJobs(["deliver_email"]);
    expect((await getBackgroundOverview(admin)).jobs.find((j) => j.id === jobId)?.problem).toBe("retrying");
    expect(await abandonJob(admin, { jobId })).toEqual({ ok: true, value: { task: "deliver_email" } });
    expect(await jobRow(jobId)).toMatchObject({ attempts: 12, max_attempts: 12, last_error: "Abandoned by an admin" });
    expect((await getBackgroundOverview(admin)).jobs.find((j) => j.id === jobId)?.problem).toBe("failed");
    expect(await audits("job.abandoned", jobId)).toHaveLength(1);
  });

  it("refuses bad input and unknown rows with an expected error", async () => {
    const admin = await makeUser("admin");
    expect(await retryJob(admin, { jobId: "x; drop table" })).toEqual({ ok: false, error: "invalid" });
    expect(await retryJob(admin, { jobId: "999999999" })).toEqual({ ok: false, error: "not_found" });
    expect(await abandonJob(admin, { jobId: "999999999" })).toEqual({ ok: false, error: "not_found" });
    expect(await retryEmail(admin, { emailId: "not-a-uuid" })).toEqual({ ok: false, error: "invalid" });
    expect(await retryEmail(admin, { emailId: "00000000-0000-4000-8000-000000000000" })).toEqual({ ok: false, error: "not_found" });
  });

  it("refuses everyone but an admin who passed the second factor, and changes nothing", async () => {
    const { emailId, jobId } = await failedEmail();
    const client = await makeUser("client");
    const expert = await makeUser("expert");
    const pendingAdmin = { ...(await makeUser("admin")), secondFactor: null };
    for (const actor of [null, client, expert, pendingAdmin]) {
      await expect(getBackgroundOverview(actor)).rejects.toBeInstanceOf(PolicyError);
      await expect(retryJob(actor, { jobId })).rejects.toBeInstanceOf(PolicyError);
      await expect(abandonJob(actor, { jobId })).rejects.toBeInstanceOf(PolicyError);
      await expect(retryEmail(actor, { emailId })).rejects.toBeInstanceOf(PolicyError);
    }
    expect((await outbox(emailId))?.status).toBe("failed");
    expect(await jobRow(jobId)).toMatchObject({ attempts: 12 });
  });
});
