import { eq, sql } from "drizzle-orm";
import { runOnce } from "graphile-worker";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import { deliverEmail, EmailDeliveryError } from "@/lib/email/deliver";
import { sendEmail } from "@/lib/email/send-email";
import { resetEnvCache } from "@/lib/env";
import { taskList } from "@/lib/background/worker";
import { startFakeResend } from "../../helpers/fake-resend";

const signIn = (to: string, key: string) =>
  ({
    template: "sign-in",
    to,
    idempotencyKey: key,
    props: { locale: "en", url: "http://localhost:3000/api/auth/callback/email?token=abc&email=x", expiresInMinutes: 30 },
  }) as const;

async function outboxRow(id: string) {
  const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
  if (!row) throw new Error("row missing");
  return row;
}

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

function useResend() {
  process.env.RESEND_API_KEY = "re_test_key";
  process.env.RESEND_BASE_URL = resend.url;
  resetEnvCache();
}

describe("sendEmail", () => {
  it("writes the rendered email and its delivery job in the caller's transaction", async () => {
    const { id, created } = await db.transaction((tx) => sendEmail(tx, signIn("a@example.test", "k-a")));
    expect(created).toBe(true);
    const row = await outboxRow(id);
    expect(row).toMatchObject({ template: "sign-in", locale: "en", subject: "Your sign-in link for Compagnon", status: "pending" });
    expect(row.html).toContain('lang="en"');
    expect(row.html).toContain("token=abc");
    expect(row.text).toContain("valid for 30 minutes");
    const jobs = await db.execute(sql`select 1 from graphile_worker.jobs where key = ${`email:${id}`}`);
    expect(jobs).toHaveLength(1);
  });

  it("leaves no email and no job when the transaction rolls back", async () => {
    await expect(
      db.transaction(async (tx) => {
        await sendEmail(tx, signIn("rollback@example.test", "k-rollback"));
        throw new Error("the event failed");
      }),
    ).rejects.toThrow("the event failed");
    expect(await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, "rollback@example.test"))).toHaveLength(0);
  });

  it("sends one email per idempotency key", async () => {
    const first = await sendEmail(db, signIn("dup@example.test", "k-dup"));
    const second = await sendEmail(db, signIn("dup@example.test", "k-dup"));
    expect(second).toEqual({ id: first.id, created: false });
    expect(await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, "dup@example.test"))).toHaveLength(1);
  });

  it("never writes to an erased account's address", async () => {
    const erased = "erased+0b1c2d3e-0000-4000-8000-000000000000@invalid";
    expect(await sendEmail(db, signIn(erased, "k-erased"))).toEqual({ id: "", created: false });
    expect(await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, erased))).toHaveLength(0);
  });
});

describe("deliverEmail", () => {
  it("keeps the email in the outbox (local mailbox) when no provider is configured", async () => {
    const { id } = await sendEmail(db, signIn("local@example.test", "k-local"));
    expect(await deliverEmail(id, { isLastAttempt: false })).toBe("stored");
    const row = await outboxRow(id);
    expect(row).toMatchObject({ status: "stored", attempts: 1 });
    expect(row.html).toContain("token=abc");
    expect(await deliverEmail(id, { isLastAttempt: false })).toBe("already-delivered");
  });

  it("sends through the real Resend SDK with the idempotency key, then wipes a sensitive body", async () => {
    useResend();
    const { id } = await sendEmail(db, signIn("resend@example.test", "k-resend"));
    expect(await deliverEmail(id, { isLastAttempt: false })).toBe("sent");
    const request = resend.requests.at(-1);
    expect(request).toMatchObject({ method: "POST", path: "/emails" });
    expect(request?.headers["idempotency-key"]).toBe("k-resend");
    expect(request?.headers.authorization).toBe("Bearer re_test_key");
    expect(request?.body).toMatchObject({ to: ["resend@example.test"], subject: "Your sign-in link for Compagnon" });
    const row = await outboxRow(id);
    expect(row).toMatchObject({ status: "sent", html: "", text: "", providerMessageId: expect.stringMatching(/^re_/) });
  });

  it("records a provider failure and throws so the queue retries; the last attempt marks it failed", async () => {
    useResend();
    const { id } = await sendEmail(db, signIn("flaky@example.test", "k-flaky"));
    resend.failNext(2);
    await expect(deliverEmail(id, { isLastAttempt: false })).rejects.toThrow(EmailDeliveryError);
    expect(await outboxRow(id)).toMatchObject({ status: "pending", attempts: 1, lastError: expect.stringContaining("bad day") });
    await expect(deliverEmail(id, { isLastAttempt: true })).rejects.toThrow(EmailDeliveryError);
    expect(await outboxRow(id)).toMatchObject({ status: "failed", attempts: 2 });
  });

  it("is run by the graphile-worker queue, which retries after a failure", async () => {
    useResend();
    const connectionString = process.env.DATABASE_URL ?? "";
    await runOnce({ connectionString, taskList }); // drain the jobs queued by earlier tests
    const { id } = await sendEmail(db, signIn("queued@example.test", "k-queued"));
    resend.failNext(1);
    await runOnce({ connectionString, taskList });
    expect(await outboxRow(id)).toMatchObject({ status: "pending", attempts: 1 });
    // The failed job waits for its backoff; bring it forward instead of sleeping.
    await db.execute(sql`update graphile_worker._private_jobs set run_at = now() where key = ${`email:${id}`}`);
    await runOnce({ connectionString, taskList });
    expect(await outboxRow(id)).toMatchObject({ status: "sent", attempts: 2 });
    expect(resend.requests.filter((r) => r.headers["idempotency-key"] === "k-queued")).toHaveLength(2);
  });
});
