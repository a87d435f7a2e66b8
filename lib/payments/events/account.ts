import "server-only";
import { and, eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { payoutAccounts, transfers } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { PaymentProvider, ProviderEvent } from "@/lib/payments/provider/types";
import { queueTransfer } from "@/lib/payments/release";

/**
 * account.updated: re-reads the connected account (events may come out of order) and records
 * whether payouts are enabled and what is still due; transfers that waited for it go now.
 */
export async function handleAccountUpdated(tx: Transaction, provider: PaymentProvider, event: ProviderEvent): Promise<string> {
  const accountId = event.account ?? event.data.object.id;
  const [row] = await tx.select().from(payoutAccounts).where(eq(payoutAccounts.stripeAccountId, accountId)).for("update");
  if (!row) return "ignored: unknown account";
  const account = await provider.retrieveAccount(accountId);
  await tx
    .update(payoutAccounts)
    .set({ payoutsEnabled: account.payoutsEnabled, detailsSubmitted: account.detailsSubmitted, requirementsDue: account.requirementsDue, updatedAt: new Date() })
    .where(eq(payoutAccounts.userId, row.userId));
  if (account.payoutsEnabled !== row.payoutsEnabled) {
    await recordAudit(tx, { actorId: null, action: account.payoutsEnabled ? "payouts.enabled" : "payouts.disabled", subjectType: "user", subjectId: row.userId, data: { accountId } });
  }
  if (!account.payoutsEnabled) return "payouts disabled";
  const waiting = await tx
    .select({ id: transfers.id })
    .from(transfers)
    .where(and(eq(transfers.expertUserId, row.userId), eq(transfers.status, "awaiting_payouts")));
  for (const transfer of waiting) {
    await tx.update(transfers).set({ status: "pending", updatedAt: new Date() }).where(eq(transfers.id, transfer.id));
    await queueTransfer(tx, transfer.id);
  }
  return `payouts enabled; ${waiting.length} transfer(s) queued`;
}
