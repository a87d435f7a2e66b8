import "server-only";
import { queueJob } from "@/lib/background/queue";
import { eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { contractMilestones, contracts, transfers, type InvoiceLine, type MilestoneStatus } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { nextContractStatus } from "@/lib/contracts/contract-machine";
import { issueReleaseInvoices } from "@/lib/invoicing/issue";
import { splitCommission } from "@/lib/money/commission";
import type { MilestoneContext } from "./context";
import { postLedger, releaseLines } from "./ledger";
import { isMilestoneSettled } from "./milestone-machine";
import { notifyMilestone } from "./notify";

export const SEND_TRANSFER_TASK = "send_transfer";

/** Queues the transfer's sending (graphile-worker, in the caller's transaction). */
export async function queueTransfer(tx: Transaction, transferId: string): Promise<void> {
  await queueJob(tx, SEND_TRANSFER_TASK, { transferId }, { key: `transfer:${transferId}`, maxAttempts: 25 });
}

/**
 * Releases `grossCents` (VAT included; `grossExVatCents` of it excluding VAT, the rest being the
 * expert's VAT) of a locked milestone's held money to the expert: the commission of the bid, on
 * the part excluding VAT, is kept (its basis and its VAT posted apart), the net becomes a
 * transfer row (sent by the worker, with an idempotency key derived from that row), and the
 * ledger moves the money out of escrow. One transfer per
 * milestone (a unique index), so two approvals can never pay twice. The invoices (the expert's
 * self-billed one and the commission one) are numbered in this same transaction.
 */
export async function releaseToExpert(
  tx: Transaction,
  { milestone, contract }: MilestoneContext,
  input: {
    grossCents: number;
    grossExVatCents: number;
    nextStatus: MilestoneStatus;
    actor: Actor | null;
    action: string;
    /** What the expert's invoice bills, when more than what is released (a split: the rest is credited). */
    invoiced?: { grossCents: number; exVatCents: number };
    /** The expert's invoice lines when more than one (a retainer month's fee and extra hours). */
    invoiceLines?: Omit<InvoiceLine, "vatRateBps">[];
  },
): Promise<{ transferId: string; serviceInvoiceId: string }> {
  const commission = splitCommission(input.grossExVatCents, contract.commissionBps);
  const { commissionCents } = commission;
  const netCents = input.grossCents - commissionCents;
  const now = new Date();
  const [transfer] = await tx
    .insert(transfers)
    .values({
      milestoneId: milestone.id,
      contractId: contract.id,
      expertUserId: contract.expertUserId,
      grossCents: input.grossCents,
      grossExVatCents: input.grossExVatCents,
      commissionCents,
      amountCents: netCents,
    })
    .returning({ id: transfers.id });
  if (!transfer) throw new Error("Transfer insert returned nothing");
  await postLedger(tx, "release", releaseLines({ grossCents: input.grossCents, grossExVatCents: input.grossExVatCents, commissionCents }), { contractId: contract.id, milestoneId: milestone.id, sourceId: transfer.id });
  await tx.update(contractMilestones).set({ status: input.nextStatus, releasedAt: now, updatedAt: now }).where(eq(contractMilestones.id, milestone.id));
  await queueTransfer(tx, transfer.id);
  const invoiced = input.invoiced ?? { grossCents: input.grossCents, exVatCents: input.grossExVatCents };
  const { serviceInvoiceId } = await issueReleaseInvoices(tx, { milestone, contract }, { transferId: transfer.id, ...invoiced, commission, lines: input.invoiceLines });
  await notifyMilestone(tx, { contract, milestone, event: "milestoneReleased", audiences: ["expert"], amountCents: netCents, key: transfer.id, tax: { grossCents: input.grossCents, commissionCents } });
  await recordAudit(tx, {
    actor: input.actor,
    action: input.action,
    subjectType: "milestone",
    subjectId: milestone.id,
    fromStatus: milestone.status,
    toStatus: input.nextStatus,
    data: { grossCents: input.grossCents, commissionCents, netCents, transferId: transfer.id },
  });
  return { transferId: transfer.id, serviceInvoiceId };
}

/** Once every milestone is settled (released, refunded or split), the contract is completed. */
export async function completeContractIfDone(tx: Transaction, contractId: string): Promise<boolean> {
  // "no key update": compatible with the key-share locks our own inserts (transfers, invoices) take.
  const [contract] = await tx.select().from(contracts).where(eq(contracts.id, contractId)).for("no key update");
  if (!contract) return false;
  const rows = await tx.select({ status: contractMilestones.status }).from(contractMilestones).where(eq(contractMilestones.contractId, contractId));
  if (!rows.every((m) => isMilestoneSettled(m.status))) return false;
  const next = nextContractStatus(contract.status, "complete");
  if (!next) return false;
  await tx.update(contracts).set({ status: next, updatedAt: new Date() }).where(eq(contracts.id, contractId));
  await recordAudit(tx, { actorId: null, action: "contract.complete", subjectType: "contract", subjectId: contractId, fromStatus: contract.status, toStatus: next });
  return true;
}
