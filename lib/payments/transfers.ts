import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { payments, payoutAccounts, transfers } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { lockMilestone } from "./context";
import { postLedger, transferLines } from "./ledger";
import { notifyMilestone } from "./notify";
import { paymentProvider } from "./provider";

/**
 * Worker: sends one released milestone's net to the expert's connected account, with an
 * idempotency key derived from our transfer row. If the expert's payouts are not enabled yet,
 * the transfer waits (and the expert is told once); account.updated queues it again.
 */
export async function sendTransfer(transferId: string): Promise<string> {
  return db.transaction(async (tx) => {
    const [found] = await tx.select({ milestoneId: transfers.milestoneId }).from(transfers).where(eq(transfers.id, transferId));
    if (!found) return "unknown transfer";
    const context = await lockMilestone(tx, found.milestoneId);
    const [transfer] = await tx.select().from(transfers).where(eq(transfers.id, transferId)).for("update");
    if (!context || !transfer) return "unknown transfer";
    if (transfer.status === "sent") return "already sent";
    if (transfer.amountCents === 0) {
      await tx.update(transfers).set({ status: "sent", sentAt: new Date(), updatedAt: new Date() }).where(eq(transfers.id, transfer.id));
      return "nothing to send";
    }
    const [account] = await tx.select().from(payoutAccounts).where(eq(payoutAccounts.userId, transfer.expertUserId));
    if (!account?.payoutsEnabled) {
      if (transfer.status !== "awaiting_payouts") {
        await tx.update(transfers).set({ status: "awaiting_payouts", updatedAt: new Date() }).where(eq(transfers.id, transfer.id));
        await notifyMilestone(tx, { ...context, event: "payoutsNeeded", audiences: ["expert"], amountCents: transfer.amountCents, key: transfer.id, path: "/expert/payouts" });
      }
      return "awaiting payouts";
    }
    const [payment] = await tx.select({ chargeId: payments.chargeId }).from(payments).where(and(eq(payments.milestoneId, transfer.milestoneId), eq(payments.status, "succeeded")));
    const sent = await paymentProvider().createTransfer({
      amountCents: transfer.amountCents,
      destinationAccountId: account.stripeAccountId,
      transferGroup: transfer.contractId,
      sourceChargeId: payment?.chargeId ?? null,
      description: `${context.milestone.title} — ${context.contract.facts.job.title}`,
      metadata: { transferId: transfer.id, milestoneId: transfer.milestoneId, contractId: transfer.contractId },
      idempotencyKey: `transfer:${transfer.id}`,
    });
    const now = new Date();
    await tx.update(transfers).set({ status: "sent", stripeTransferId: sent.id, sentAt: now, updatedAt: now }).where(eq(transfers.id, transfer.id));
    await postLedger(tx, "transfer", transferLines(transfer.amountCents), { contractId: transfer.contractId, milestoneId: transfer.milestoneId, sourceId: transfer.id, stripeObjectId: sent.id });
    await notifyMilestone(tx, { ...context, event: "transferSent", audiences: ["expert"], amountCents: transfer.amountCents, key: transfer.id, path: "/expert/payouts" });
    await recordAudit(tx, { actorId: null, action: "transfer.sent", subjectType: "transfer", subjectId: transfer.id, data: { stripeTransferId: sent.id, amountCents: transfer.amountCents } });
    return "sent";
  });
}
