import { queueJob } from "@/lib/jobs/queue";
import { eq } from "drizzle-orm";
import { db, type Transaction } from "@/db/client";
import { payments, refunds } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { lockMilestone } from "./context";
import { postLedger, refundLines } from "./ledger";
import { notifyMilestone } from "./notify";
import { paymentProvider } from "./provider";

export const SEND_REFUND_TASK = "send_refund";

export async function queueRefund(tx: Transaction, refundId: string): Promise<void> {
  await queueJob(tx, SEND_REFUND_TASK, { refundId }, { key: `refund:${refundId}`, maxAttempts: 25 });
}

/**
 * Worker: sends one refund to the provider with an idempotency key derived from our refund row
 * (a retry cannot refund twice), then writes the ledger and tells the client. Returns what it did.
 */
export async function sendRefund(refundId: string): Promise<string> {
  return db.transaction(async (tx) => {
    const [found] = await tx.select({ milestoneId: refunds.milestoneId }).from(refunds).where(eq(refunds.id, refundId));
    if (!found) return "unknown refund";
    const context = await lockMilestone(tx, found.milestoneId);
    const [refund] = await tx.select().from(refunds).where(eq(refunds.id, refundId)).for("update");
    if (!context || !refund) return "unknown refund";
    if (refund.status === "succeeded") return "already refunded";
    const [payment] = await tx.select().from(payments).where(eq(payments.id, refund.paymentId));
    if (!payment?.paymentIntentId) throw new Error(`Refund ${refund.id}: the payment has no payment intent`);
    const result = await paymentProvider().createRefund({
      paymentIntentId: payment.paymentIntentId,
      amountCents: refund.amountCents,
      metadata: { refundId: refund.id, milestoneId: refund.milestoneId, contractId: context.contract.id },
      idempotencyKey: `refund:${refund.id}`,
    });
    if (result.status === "failed" || result.status === "canceled") {
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
