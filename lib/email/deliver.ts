import "server-only";
import { eq, sql } from "drizzle-orm";
import { Resend } from "resend";
import { db } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import { env } from "@/lib/env";

export type DeliveryOutcome = "sent" | "stored" | "already-delivered" | "missing";

export class EmailDeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EmailDeliveryError";
  }
}

let client: { key: string; base: string | undefined; resend: Resend } | undefined;

function resendClient(apiKey: string): Resend {
  const base = env().RESEND_BASE_URL;
  if (!client || client.key !== apiKey || client.base !== base) {
    client = { key: apiKey, base, resend: new Resend(apiKey, base ? { baseUrl: base } : undefined) };
  }
  return client.resend;
}

/**
 * Delivers one outbox email. Without a provider the email stays in the outbox, marked stored
 * (the local mailbox reads it). With Resend, the outbox idempotency key goes along, so a retry
 * after a crash between "sent" and "marked sent" does not send twice. Throws on failure so that
 * the queue retries with backoff; `isLastAttempt` marks the row failed for good.
 */
export async function deliverEmail(outboxId: string, options: { isLastAttempt: boolean }): Promise<DeliveryOutcome> {
  const row = await db.query.emailOutbox.findFirst({ where: (o, { eq: is }) => is(o.id, outboxId) });
  if (!row) return "missing";
  if (row.status === "sent" || row.status === "stored") return "already-delivered";

  const apiKey = env().RESEND_API_KEY;
  if (!apiKey) {
    await db
      .update(emailOutbox)
      .set({ status: "stored", attempts: sql`${emailOutbox.attempts} + 1`, deliveredAt: new Date(), lastError: null })
      .where(eq(emailOutbox.id, row.id));
    return "stored";
  }

  const { data, error } = await resendClient(apiKey).emails.send(
    { from: env().EMAIL_FROM, to: [row.toAddress], subject: row.subject, html: row.html, text: row.text },
    { idempotencyKey: row.idempotencyKey },
  );
  if (error || !data) {
    const message = error ? `${error.name}: ${error.message}` : "empty response";
    await db
      .update(emailOutbox)
      .set({
        attempts: sql`${emailOutbox.attempts} + 1`,
        lastError: message.slice(0, 500),
        status: options.isLastAttempt ? "failed" : "pending",
      })
      .where(eq(emailOutbox.id, row.id));
    throw new EmailDeliveryError(`Email ${row.id} not delivered: ${message}`);
  }
  await db
    .update(emailOutbox)
    .set({
      status: "sent",
      attempts: sql`${emailOutbox.attempts} + 1`,
      providerMessageId: data.id,
      deliveredAt: new Date(),
      lastError: null,
      ...(row.sensitive ? { html: "", text: "" } : {}),
    })
    .where(eq(emailOutbox.id, row.id));
  return "sent";
}
