import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { payments, payoutAccounts, transfers } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { lockMovement } from "./context";
import { postLedger, transferLines } from "./ledger";
import { findOrCreate } from "./idempotency-window";
import { notifyMilestone } from "./notify";
import { paymentProvider } from "./provider";
import type { PaymentProvider, TransferInfo, TransferInput } from "./provider/types";

/**
 * Worker (and the repair): sends one released milestone's net to the expert's connected account.
 * Three steps, no lock held during the call: the request is prepared and `requestedAt` committed;
 * the provider is called with the key `transfer:<id>`; the result is recorded in a second short
 * transaction. A failed call throws (the job is retried with the same key, so a transfer made
 * whose answer was lost comes back instead of a second one). If the expert's payouts are not
 * enabled yet, the transfer waits (and the expert is told once); account.updated queues it again.
 * A retry more than 23 hours after the first call (the key may be gone at Stripe) first looks the
 * transfer up by its group and metadata, and adopts the one made.
 */
export async function sendTransfer(transferId: string, provider: PaymentProvider = paymentProvider()): Promise<string> {
  const prepared = await prepareTransfer(transferId);
  if (typeof prepared === "string") return prepared;
  const { input, askedAt } = prepared;
  const sent = await findOrCreate(askedAt, () => provider.findTransfer(input), () => provider.createTransfer(input));
  return recordTransfer(transferId, sent);
}

async function prepareTransfer(transferId: string): Promise<{ input: TransferInput; askedAt: Date | null } | string> {
  return db.transaction(async (tx) => {
    const locked = await lockMovement(tx, transfers, transferId);
    if (!locked) return "unknown transfer";
    const { context, row: transfer } = locked;
    if (transfer.status === "sent") return "already sent";
    if (transfer.amountCents === 0) {
      await tx.update(transfers).set({ status: "sent", sentAt: new Date(), updatedAt: new Date() }).where(eq(transfers.id, transfer.id));
      return "nothing to send";
    }
    const [account] = await tx.select().from(payoutAccounts).where(eq(payoutAccounts.userId, transfer.expertUserId));
    // Once asked, the same request is sent again whatever happened since: it may already exist.
    if (!transfer.requestedAt && !account?.payoutsEnabled) {
      if (transfer.status !== "awaiting_payouts") {
        await tx.update(transfers).set({ status: "awaiting_payouts", updatedAt: new Date() }).where(eq(transfers.id, transfer.id));
        await notifyMilestone(tx, { ...context, event: "payoutsNeeded", audiences: ["expert"], amountCents: transfer.amountCents, key: transfer.id, path: "/expert/payouts" });
      }
      return "awaiting payouts";
    }
    if (!account) throw new Error(`Transfer ${transfer.id}: the expert has no payout account`);
    const [payment] = await tx.select({ chargeId: payments.chargeId }).from(payments).where(and(eq(payments.milestoneId, transfer.milestoneId), eq(payments.status, "succeeded")));
    const now = new Date();
    await tx.update(transfers).set({ status: "pending", requestedAt: transfer.requestedAt ?? now, updatedAt: now }).where(eq(transfers.id, transfer.id));
    const input = {
      amountCents: transfer.amountCents,
      destinationAccountId: account.stripeAccountId,
      transferGroup: transfer.contractId,
      sourceChargeId: payment?.chargeId ?? null,
      description: `${context.milestone.title} — ${context.contract.facts.job.title}`,
      metadata: { transferId: transfer.id, milestoneId: transfer.milestoneId, contractId: transfer.contractId },
      idempotencyKey: `transfer:${transfer.id}`,
    };
    return { input, askedAt: transfer.requestedAt };
  });
}

/** Step 3: the transfer made is recorded once, with its ledger posting and the expert's email. */
async function recordTransfer(transferId: string, sent: TransferInfo): Promise<string> {
  return db.transaction(async (tx) => {
    const locked = await lockMovement(tx, transfers, transferId);
    if (!locked) return "unknown transfer";
    const { context, row: transfer } = locked;
    if (transfer.status === "sent") return "already sent";
    const now = new Date();
    await tx.update(transfers).set({ status: "sent", stripeTransferId: sent.id, sentAt: now, updatedAt: now }).where(eq(transfers.id, transfer.id));
    await postLedger(tx, "transfer", transferLines(transfer), { contractId: transfer.contractId, milestoneId: transfer.milestoneId, sourceId: transfer.id, stripeObjectId: sent.id });
    await notifyMilestone(tx, { ...context, event: "transferSent", audiences: ["expert"], amountCents: transfer.amountCents, key: transfer.id, path: "/expert/payouts", tax: { grossCents: transfer.grossCents, commissionCents: transfer.commissionCents } });
    await recordAudit(tx, { actorId: null, action: "transfer.sent", subjectType: "transfer", subjectId: transfer.id, data: { stripeTransferId: sent.id, amountCents: transfer.amountCents } });
    return "sent";
  });
}
