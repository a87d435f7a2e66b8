import { env } from "@/lib/env";
import { vatOn } from "./commission";

/**
 * Platform ceilings on amounts, in integer cents.
 *
 * A milestone is paid with one Stripe charge, and Stripe takes at most 999,999.99 € in one
 * charge: the milestone, VAT included, must fit. A contract's total (excluding VAT) is capped by
 * `MAX_CONTRACT_CENTS` (default 1,000,000 €), which also keeps every amount far below the
 * integer columns' limit.
 */
export const STRIPE_MAX_CHARGE_CENTS = 99_999_999;

/** French standard VAT rate (20 %), in basis points: the highest rate a contract charges. */
export const STANDARD_VAT_BPS = 2000;

/** Whether a milestone (excluding VAT) plus its VAT fits in one Stripe charge. */
export function fitsOneCharge(exVatCents: number, vatRateBps: number): boolean {
  return exVatCents + vatOn(exVatCents, vatRateBps) <= STRIPE_MAX_CHARGE_CENTS;
}

/** The largest milestone (excluding VAT) that fits one charge at a VAT rate. */
export function maxMilestoneCents(vatRateBps: number): number {
  let cents = Math.floor((STRIPE_MAX_CHARGE_CENTS * 10_000) / (10_000 + vatRateBps));
  while (!fitsOneCharge(cents, vatRateBps)) cents -= 1;
  while (fitsOneCharge(cents + 1, vatRateBps)) cents += 1;
  return cents;
}

/**
 * A bid's milestones may not exceed one charge even if the expert is VAT-registered when the
 * bid is accepted: 833,333.32 € excluding VAT.
 */
export const MAX_MILESTONE_CENTS = maxMilestoneCents(STANDARD_VAT_BPS);

/** The configured ceiling on a contract's total, excluding VAT. */
export function maxContractCents(): number {
  return env().MAX_CONTRACT_CENTS;
}

export type AmountCeilingError = "amountOverMilestoneLimit" | "amountOverContractLimit";

/**
 * Checks a contract's amounts (all excluding VAT) against the ceilings, at the VAT rate it
 * will be charged: the first error, or null when it fits.
 */
export function checkAmountCeilings(
  amounts: { totalCents: number; milestoneCents: number[] },
  vatRateBps: number,
  maxTotalCents: number = maxContractCents(),
): { error: AmountCeilingError; milestone?: number } | null {
  const over = amounts.milestoneCents.findIndex((cents) => !Number.isSafeInteger(cents) || !fitsOneCharge(cents, vatRateBps));
  if (over >= 0) return { error: "amountOverMilestoneLimit", milestone: over };
  const sum = amounts.milestoneCents.reduce((a, b) => a + b, 0);
  if (!Number.isSafeInteger(amounts.totalCents) || amounts.totalCents > maxTotalCents || sum > maxTotalCents) return { error: "amountOverContractLimit" };
  return null;
}
