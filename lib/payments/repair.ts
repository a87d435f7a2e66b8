import "server-only";
import { and, eq, gt, isNotNull, isNull, lt } from "drizzle-orm";
import { db } from "@/db/client";
import { contractMilestones, contracts, payments, refunds, transfers, type Payment } from "@/db/schema";
import { checkoutInput, closeAbandonedSession, isCheckoutRetryable, recordCheckoutSession } from "./checkout-intent";
import { paymentProvider } from "./provider";
import type { PaymentProvider } from "./provider/types";
import { sendRefund } from "./refunds";
import { sendTransfer } from "./transfers";

export const REPAIR_TASK = "repair_payment_intents";

/**
 * How long a provider call may still be running: an intent older than this with no result was
 * cut short (a crash, a lost answer, a failed record). Stripe calls give up after about a minute.
 */
export const REPAIR_GRACE_MS = 5 * 60 * 1000;

/** Transfers or refunds asked of the provider, with no result recorded since `cutoff`. */
export function askedNotRecorded(table: typeof transfers | typeof refunds, cutoff: Date) {
  return and(eq(table.status, "pending"), isNotNull(table.requestedAt), lt(table.updatedAt, cutoff));
}

/** Checkout intents still `creating` since `cutoff`. */
export const stalledCheckout = (cutoff: Date) => and(eq(payments.status, "creating"), lt(payments.updatedAt, cutoff));

export interface RepairReport {
  /** Intents taken to their end (session recorded, transfer or refund sent). */
  finished: number;
  /** Checkout intents given up, their session closed when one was made. */
  abandoned: number;
  /** Repairs that failed this time (the provider still unreachable…): tried again next run. */
  failed: number;
}

/**
 * Finds every provider call left half-way and finishes it. Each retry sends the recorded request
 * with the same idempotency key, so the provider returns the object made the first time, if any:
 * - a checkout intent still `creating`: its session is recorded (the client's next click resumes
 *   it), or, when the milestone no longer waits for it or it is too old to send again, abandoned;
 * - an abandoned checkout intent whose session is unknown, until its expiry: the session made, if
 *   any, is recorded on the payment and closed, so no session is left that no row knows;
 * - a transfer or refund asked for but not recorded: sent again (sendTransfer, sendRefund).
 * Run by the worker every ten minutes and before each reconciliation.
 */
export async function repairPaymentIntents(provider: PaymentProvider = paymentProvider(), now = new Date()): Promise<RepairReport> {
  const report: RepairReport = { finished: 0, abandoned: 0, failed: 0 };
  const cutoff = new Date(now.getTime() - REPAIR_GRACE_MS);
  const attempt = async (what: string, repair: () => Promise<keyof RepairReport | null>) => {
    try {
      const outcome = await repair();
      if (outcome) report[outcome]++;
    } catch (error) {
      console.error(`[repair] ${what} failed; tried again next run`, error);
      report.failed++;
    }
  };

  const creating = await db
    .select({ payment: payments, milestoneStatus: contractMilestones.status, contractStatus: contracts.status })
    .from(payments)
    .innerJoin(contractMilestones, eq(contractMilestones.id, payments.milestoneId))
    .innerJoin(contracts, eq(contracts.id, payments.contractId))
    .where(stalledCheckout(cutoff));
  for (const { payment, milestoneStatus, contractStatus } of creating) {
    await attempt(`checkout intent ${payment.id}`, async () => {
      const wanted = milestoneStatus === "pending" && contractStatus === "active" && isCheckoutRetryable(payment, now.getTime());
      if (!wanted) {
        const [given] = await db
          .update(payments)
          .set({ status: "expired", updatedAt: now })
          .where(and(eq(payments.id, payment.id), eq(payments.status, "creating"), lt(payments.updatedAt, cutoff)))
          .returning();
        if (!given) return null; // a click took it up meanwhile
        await closeSessionOf(provider, given, now);
        return "abandoned";
      }
      const session = await provider.createCheckoutSession(checkoutInput(payment));
      if (await recordCheckoutSession(payment.id, session)) return "finished";
      await closeAbandonedSession(provider, payment.id, session);
      return "abandoned";
    });
  }

  const unknownSessions = await db
    .select()
    .from(payments)
    .where(and(eq(payments.status, "expired"), isNull(payments.checkoutSessionId), isNotNull(payments.checkoutRequest), gt(payments.expiresAt, now)));
  for (const payment of unknownSessions) {
    await attempt(`abandoned checkout intent ${payment.id}`, () => closeSessionOf(provider, payment, now));
  }

  const halfWay = [
    { what: "transfer", table: transfers, send: sendTransfer, done: "sent" },
    { what: "refund", table: refunds, send: sendRefund, done: "refunded" },
  ] as const;
  for (const { what, table, send, done } of halfWay) {
    for (const { id } of await db.select({ id: table.id }).from(table).where(askedNotRecorded(table, cutoff))) {
      await attempt(`${what} ${id}`, async () => ((await send(id, provider)) === done ? "finished" : null));
    }
  }
  return report;
}

/**
 * An abandoned intent: the same request again tells whether a session was made (Stripe replays
 * it; a request it never ran is refused once the expiry is too close, which counts as failed and
 * is asked again next run). A session found is recorded and closed. After the intent's expiry
 * there is nothing left to close: Stripe has expired any session by then.
 */
async function closeSessionOf(provider: PaymentProvider, payment: Payment, now: Date): Promise<keyof RepairReport | null> {
  if (payment.checkoutSessionId || !payment.expiresAt || payment.expiresAt <= now) return null;
  const session = await provider.createCheckoutSession(checkoutInput(payment));
  await closeAbandonedSession(provider, payment.id, session);
  return "abandoned";
}
