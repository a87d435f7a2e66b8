import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { db } from "@/db/client";
import { payments, type Payment } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { lockMilestone } from "./context";
import type { CheckoutSessionInfo, CheckoutSessionInput, PaymentProvider } from "./provider/types";

/*
 * A Checkout session is made in three steps, never inside a transaction that holds a lock:
 * 1. the intent is recorded and committed (a payments row in `creating`, with the request);
 * 2. the provider is called with that request and the key `checkout:<payment id>`;
 * 3. the session's id and URL are recorded in a short transaction that re-checks the payment.
 * A retry (the client's next click, or the repair) sends the same request with the same key, so
 * the provider hands back the session it made the first time instead of making a second one.
 * The key is trusted for the intent's whole life: Stripe keeps it 24 hours, and an intent is
 * never sent again past its expiry (an hour at most, see RETRY_MARGIN_MS and the repair).
 */

/** Checkout pages stay open for an hour (Stripe allows 30 minutes to 24 hours). */
export const CHECKOUT_LIFETIME_SECONDS = 60 * 60;

/**
 * Stripe refuses to create a session that expires in less than 30 minutes: an intent closer
 * than this to its expiry is no longer sent again, it is abandoned (and a new one made).
 */
const RETRY_MARGIN_MS = 31 * 60 * 1000;

export const checkoutIdempotencyKey = (paymentId: string) => `checkout:${paymentId}`;

/** Whether a `creating` intent may still be sent again as it is. */
export function isCheckoutRetryable(payment: Payment, now = Date.now()): boolean {
  return !!payment.checkoutRequest && payment.checkoutRequest.expiresAt * 1000 - now > RETRY_MARGIN_MS;
}

/** The provider request of an intent: always the stored one, so every retry is identical. */
export function checkoutInput(payment: Payment): CheckoutSessionInput {
  if (!payment.checkoutRequest) throw new Error(`Payment ${payment.id} has no recorded checkout request`);
  return {
    ...payment.checkoutRequest,
    paymentId: payment.id,
    milestoneId: payment.milestoneId,
    contractId: payment.contractId,
    idempotencyKey: checkoutIdempotencyKey(payment.id),
  };
}

/**
 * Step 3: under the milestone's lock, a payment still `creating` becomes `open` with the
 * session's id and URL. Returns the URL to send the client to; null when the intent was given up
 * meanwhile or the session cannot be paid (the caller then closes the session).
 */
export async function recordCheckoutSession(paymentId: string, session: CheckoutSessionInfo): Promise<string | null> {
  return db.transaction(async (tx) => {
    const [found] = await tx.select({ milestoneId: payments.milestoneId }).from(payments).where(eq(payments.id, paymentId));
    const context = found ? await lockMilestone(tx, found.milestoneId) : null;
    const [payment] = await tx.select().from(payments).where(eq(payments.id, paymentId)).for("update");
    if (!context || !payment) return null;
    // A concurrent click (or the repair) recorded the same session first.
    if (payment.status === "open" && payment.checkoutSessionId === session.id) return payment.checkoutUrl;
    if (payment.status !== "creating" || session.status !== "open" || !session.url) return null;
    await tx
      .update(payments)
      .set({ status: "open", checkoutSessionId: session.id, checkoutUrl: session.url, expiresAt: session.expiresAt, updatedAt: new Date() })
      .where(eq(payments.id, payment.id));
    await recordAudit(tx, {
      actorId: payment.createdById,
      action: "milestone.funding_started",
      subjectType: "milestone",
      subjectId: context.milestone.id,
      data: { paymentId: payment.id, sessionId: session.id },
    });
    return session.url;
  });
}

/**
 * A session nobody will use (its intent was given up, or it cannot be paid): its id is written on
 * the payment, so that its events find it, an intent still `creating` is given up, and the
 * session is closed at the provider (after the commit: no transaction is open during the call).
 */
export async function closeAbandonedSession(provider: PaymentProvider, paymentId: string, session: CheckoutSessionInfo): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(payments)
      .set({ checkoutSessionId: session.id, updatedAt: new Date() })
      .where(and(eq(payments.id, paymentId), isNull(payments.checkoutSessionId)));
    await tx
      .update(payments)
      .set({ status: "expired", updatedAt: new Date() })
      .where(and(eq(payments.id, paymentId), eq(payments.status, "creating")));
  });
  if (session.status === "open") await provider.expireCheckoutSession(session.id);
}

/** Marks a `creating` intent given up (expired): a new one may be made; the repair closes its session if one was made. */
export async function abandonCheckoutIntent(paymentId: string): Promise<void> {
  await db
    .update(payments)
    .set({ status: "expired", updatedAt: new Date() })
    .where(and(eq(payments.id, paymentId), eq(payments.status, "creating")));
}
