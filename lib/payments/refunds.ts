import "server-only";
import { queueJob } from "@/lib/jobs/queue";
import { eq } from "drizzle-orm";
import { db, type Transaction } from "@/db/client";
import { payments, refunds } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { lockMovement } from "./context";
import { postLedger, refundLines } from "./ledger";
import { findOrCreate } from "./idempotency-window";
import { notifyMilestone } from "./notify";
import { paymentProvider } from "./provider";
import type { PaymentProvider, RefundInfo, RefundInput } from "./provider/types";

export const SEND_REFUND_TASK = "send_refund";

export async function queueRefund(tx: Transaction, refundId: string): Promise<void> {
  await queueJob(tx, SEND_REFUND_TASK, { refundId }, { key: `refund:${refundId}`, maxAttempts: 25 });
}

/**
 * Worker (and the repair): sends one refund to the provider, in three steps like a transfer
 * (transfers.ts): `requestedAt` committed, the call with the key `refund:<id>` (a retry cannot
 * refund twice), then the result recorded with the ledger and the client's email. A retry more
 * than 23 hours after the first call looks the refund up first (by payment intent and metadata).
 * Returns what it did.
 */
export async function sendRefund(refundId: string, provider: PaymentProvider = paymentProvider()): Promise<string> {
  const prepared = await prepareRefund(refundId);
  if (typeof prepared === "string") return prepared;
  const { input, askedAt } = prepared;
  const result = await findOrCreate(askedAt, () => provider.findRefund(input), () => provider.createRefund(input));
  return recordRefund(refundId, result);
}

async function prepareRefund(refundId: string): Promise<{ input: RefundInput; askedAt: Date | null } | string> {
  return db.transaction(async (tx) => {
    const locked = await lockMovement(tx, refunds, refundId);
    if (!locked) return "unknown refund";
    const { context, row: refund } = locked;
    if (refund.status === "succeeded") return "already refunded";
    const [payment] = await tx.select().from(payments).where(eq(payments.id, refund.paymentId));
    if (!payment?.paymentIntentId) throw new Error(`Refund ${refund.id}: the payment has no payment intent`);
    if (!refund.requestedAt) await tx.update(refunds).set({ requestedAt: new Date(), updatedAt: new Date() }).where(eq(refunds.id, refund.id));
    const input = {
      paymentIntentId: payment.paymentIntentId,
      amountCents: refund.amountCents,
      metadata: { refundId: refund.id, milestoneId: refund.milestoneId, contractId: context.contract.id },
      idempotencyKey: `refund:${refund.id}`,
    };
    return { input, askedAt: refund.requestedAt };
  });
}

async function recordRefund(refundId: string, result: RefundInfo): Promise<string> {
  return db.transaction(async (tx) => {
    const locked = await lockMovement(tx, refunds, refundId);
    if (!locked) return "unknown refund";
    const { context, row: refund } = locked;
    if (refund.status === "succeeded") return "already refunded";
    if (result.status === "failed" || result.status === "canceled") {
      if (refund.status === "failed" && refund.stripeRefundId === result.id) return "failed";
      await tx.update(refunds).set({ status: "failed", stripeRefundId: result.id, updatedAt: new Date() }).where(eq(refunds.id, refund.id));
      await recordAudit(tx, { actorId: null, action: "refund.failed", subjectType: "refund", subjectId: refund.id, data: { stripeRefundId: result.id } });
      return "failed";
    }
    // "pending" (e.g. SEPA) still means the money is on its way back: the escrow no longer holds it.
    await tx.update(refunds).set({ status: "succeeded", stripeRefundId: result.id, updatedAt: new Date() }).where(eq(refunds.id, refund.id));
    await postLedger(tx, "refund", refundLines(refund.amountCents), { contractId: context.contract.id, milestoneId: refund.milestoneId, sourceId: refund.id, stripeObjectId: result.id });
    await notifyMilestone(tx, { ...context, event: "refundSent", audiences: ["client"], amountCents: refund.amountCents, key: refund.id });
    await recordAudit(tx, { actorId: null, action: "refund.sent", subjectType: "refund", subjectId: refund.id, data: { stripeRefundId: result.id, amountCents: refund.amountCents } });
    return "refunded";
  });
}
