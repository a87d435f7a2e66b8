import type { VatRegime } from "@/db/schema";
import { vatOn } from "./commission";
import { STANDARD_VAT_BPS } from "./limits";

/** The VAT rate an expert charges, in basis points: 20 % when VAT-registered, none under the franchise (art. 293 B du CGI). */
export function vatRateBpsFor(regime: VatRegime | null | undefined): number {
  return regime === "vat_registered" ? STANDARD_VAT_BPS : 0;
}

export interface PriceInclVat {
  exVatCents: number;
  vatCents: number;
  inclVatCents: number;
}

/**
 * What the client will pay for a bid or contract, computed as its invoices will be: one invoice
 * per milestone, each with VAT = round-half-up(amount excluding VAT × rate), the sum over the
 * milestones. (Kept beside lib/payments/amounts.ts `milestoneCharge`, which charges the same per
 * milestone: the two must agree to the cent.)
 */
export function priceInclVatByMilestone(milestoneExVatCents: readonly number[], vatRateBps: number): PriceInclVat {
  let exVatCents = 0;
  let vatCents = 0;
  for (const amount of milestoneExVatCents) {
    exVatCents += amount;
    vatCents += vatOn(amount, vatRateBps);
  }
  return { exVatCents, vatCents, inclVatCents: exVatCents + vatCents };
}
