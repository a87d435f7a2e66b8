import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import { db } from "@/db/client";
import { contractMilestones, disputes, payments, refunds, transfers, type Dispute, type Refund, type Transfer } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { loadContractFor } from "@/lib/contracts/access";
import { packAwaited } from "@/lib/handover/gate";
import { isUuidLike } from "@/lib/ids";
import { milestoneCharge } from "./amounts";
import { sessionsPaidNotYetProcessed } from "./confirming";

export interface MilestoneMoney {
  /** What the client pays for it: the amount excluding VAT, the expert's VAT, the total charged. */
  charge: { exVatCents: number; vatCents: number; chargeCents: number };
  /**
   * The live payment not yet confirmed (a Checkout session open, or a SEPA debit processing).
   * `confirming`: the client has paid and we wait for the provider's confirmation (a debit
   * processing, a completed-session event received but not yet processed, or the client back
   * from Checkout's success page): no second payment may be started meanwhile.
   */
  payment: { id: string; status: "open" | "processing"; method: string | null; confirming: boolean; checkoutSessionId: string | null } | null;
  delivery: { note: string; deliveredAt: Date | null } | null;
  autoApproveAt: Date | null;
  /** The last milestone of an installation, not approved automatically until the handover pack is delivered. */
  awaitsHandoverPack: boolean;
  /** The open dispute, else the last settled one. */
  dispute: Pick<Dispute, "id" | "status" | "reason" | "text" | "outcome" | "refundCents" | "releaseCents" | "resolutionNote" | "createdAt" | "settledAt"> | null;
  /** The expert's share once released: for the expert and admins only (the client never sees the commission). */
  transfer: Pick<Transfer, "status" | "grossCents" | "commissionCents" | "amountCents" | "sentAt"> | null;
  refund: Pick<Refund, "amountCents" | "status"> | null;
}

/** The payment the client came back with from Checkout (`?funding=<paymentId>`), if it is this contract's. */
export interface FundingReturn {
  paymentId: string;
  milestoneId: string;
  status: "open" | "processing" | "succeeded" | "failed" | "expired";
  method: string | null;
}

/**
 * The money side of a contract, per milestone, for its parties and admins (same policy as
 * getContractView: anyone else gets a PolicyError). Nothing here is trusted from a redirect:
 * it is read from the rows the verified events wrote.
 */
export async function getContractMoney(actor: Actor | null, contractId: string, options: { fundingPaymentId?: string | null } = {}) {
  const { contract, side } = await loadContractFor(db, actor, contractId);
  const milestones = await db
    .select({ id: contractMilestones.id, amountCents: contractMilestones.amountCents, deliveryNote: contractMilestones.deliveryNote, deliveredAt: contractMilestones.deliveredAt, autoApproveAt: contractMilestones.autoApproveAt, position: contractMilestones.position })
    .from(contractMilestones)
    .where(eq(contractMilestones.contractId, contract.id));
  const live = await db
    .select({ id: payments.id, milestoneId: payments.milestoneId, status: payments.status, method: payments.paymentMethod, checkoutSessionId: payments.checkoutSessionId })
    .from(payments)
    .where(and(eq(payments.contractId, contract.id), inArray(payments.status, ["open", "processing"])));
  const paidSessions = await sessionsPaidNotYetProcessed(db, live.flatMap((p) => (p.status === "open" && p.checkoutSessionId ? [p.checkoutSessionId] : [])));
  const disputeRows = await db.select().from(disputes).where(eq(disputes.contractId, contract.id)).orderBy(desc(disputes.createdAt));
  const transferRows = side === "client" ? [] : await db.select().from(transfers).where(eq(transfers.contractId, contract.id));
  const refundRows = await db
    .select({ milestoneId: refunds.milestoneId, amountCents: refunds.amountCents, status: refunds.status })
    .from(refunds)
    .innerJoin(contractMilestones, eq(contractMilestones.id, refunds.milestoneId))
    .where(eq(contractMilestones.contractId, contract.id));

  const lastPosition = Math.max(...milestones.map((m) => m.position));
  const waitingPack = await packAwaited(db, contract);

  const byMilestone: Record<string, MilestoneMoney> = {};
  for (const m of milestones) {
    const payment = live.find((p) => p.milestoneId === m.id);
    const dispute = disputeRows.find((d) => d.milestoneId === m.id && d.status === "open") ?? disputeRows.find((d) => d.milestoneId === m.id) ?? null;
    const transfer = transferRows.find((t) => t.milestoneId === m.id);
    const refund = refundRows.find((r) => r.milestoneId === m.id);
    const { exVatCents, vatCents, chargeCents } = milestoneCharge(m, contract);
    byMilestone[m.id] = {
      charge: { exVatCents, vatCents, chargeCents },
      payment: payment
        ? {
            id: payment.id,
            status: payment.status as "open" | "processing",
            method: payment.method,
            checkoutSessionId: payment.checkoutSessionId,
            confirming:
              payment.status === "processing" ||
              (payment.checkoutSessionId !== null && paidSessions.has(payment.checkoutSessionId)) ||
              payment.id === options.fundingPaymentId,
          }
        : null,
      delivery: m.deliveryNote ? { note: m.deliveryNote, deliveredAt: m.deliveredAt } : null,
      autoApproveAt: m.autoApproveAt,
      awaitsHandoverPack: waitingPack && m.position === lastPosition,
      dispute: dispute
        ? {
            id: dispute.id,
            status: dispute.status,
            reason: dispute.reason,
            text: dispute.text,
            outcome: dispute.outcome,
            refundCents: dispute.refundCents,
            releaseCents: dispute.releaseCents,
            resolutionNote: dispute.resolutionNote,
            createdAt: dispute.createdAt,
            settledAt: dispute.settledAt,
          }
        : null,
      transfer: transfer
        ? { status: transfer.status, grossCents: transfer.grossCents, commissionCents: transfer.commissionCents, amountCents: transfer.amountCents, sentAt: transfer.sentAt }
        : null,
      refund: refund ? { amountCents: refund.amountCents, status: refund.status } : null,
    };
  }

  let funding: FundingReturn | null = null;
  const fundingId = options.fundingPaymentId;
  if (fundingId && isUuidLike(fundingId)) {
    const [row] = await db
      .select({ id: payments.id, milestoneId: payments.milestoneId, status: payments.status, method: payments.paymentMethod })
      .from(payments)
      .where(and(eq(payments.id, fundingId), eq(payments.contractId, contract.id)));
    // A payment still `creating` has no session anyone came back from yet: it reads as open.
    if (row) funding = { paymentId: row.id, milestoneId: row.milestoneId, status: row.status === "creating" ? "open" : row.status, method: row.method };
  }
  return { side, vatRateBps: contract.vatRateBps, byMilestone, funding };
}

export type ContractMoney = Awaited<ReturnType<typeof getContractMoney>>;
