import type { Contract, ContractMilestone } from "@/db/schema";
import { splitCommission, vatOn } from "@/lib/money/commission";

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
