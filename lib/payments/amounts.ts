import type { Contract, ContractMilestone } from "@/db/schema";
import { exVatOf, splitCommission, vatOn, withVat, type VatAmounts } from "@/lib/money/commission";

/**
 * What the client pays for a milestone: its amount (excluding VAT) plus the expert's VAT, if
 * any. The commission is computed on the amount excluding VAT; the expert receives the rest
 * (VAT included, which the expert declares).
 */
export function milestoneCharge(milestone: Pick<ContractMilestone, "amountCents">, contract: Pick<Contract, "vatRateBps" | "commissionBps">) {
  const vatCents = vatOn(milestone.amountCents, contract.vatRateBps);
  const chargeCents = milestone.amountCents + vatCents;
  const { commissionCents } = splitCommission(milestone.amountCents, contract.commissionBps);
  return { exVatCents: milestone.amountCents, vatCents, chargeCents, commissionCents, expertCents: chargeCents - commissionCents };
}

/**
 * A paid milestone (`exVatCents` at `vatRateBps`) divided between a refund to the client and a
 * release to the expert, so that every document is exact on its own: the credit note is
 * basis + round(basis × rate) = the refund, and what is released is the invoice minus the
 * credit note, basis and VAT alike. Null when no exact credit note totals the refund (at 20 %,
 * 123,45 €: 102,87 € gives 123,44 €, 102,88 € gives 123,46 €).
 */
export function refundSplit(exVatCents: number, vatRateBps: number, refundCents: number): { refund: VatAmounts; release: VatAmounts } | null {
  const invoiced = withVat(exVatCents, vatRateBps);
  if (!Number.isInteger(refundCents) || refundCents < 0 || refundCents > invoiced.inclVatCents) return null;
  const refundExVat = refundCents === invoiced.inclVatCents ? exVatCents : exVatOf(refundCents, vatRateBps);
  if (refundExVat === null) return null;
  const refund = withVat(refundExVat, vatRateBps);
  return {
    refund,
    release: { exVatCents: exVatCents - refund.exVatCents, vatCents: invoiced.vatCents - refund.vatCents, inclVatCents: invoiced.inclVatCents - refund.inclVatCents },
  };
}
