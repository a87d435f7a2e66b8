import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { bidMilestones, bids, expertProfiles, type VatRegime } from "@/db/schema";
import { priceInclVatByMilestone, vatRateBpsFor, type PriceInclVat } from "@/lib/money/vat";

/** A bid's price as the client will pay it: excluding VAT, the expert's VAT regime, VAT and the total paid. */
export interface BidPrice extends PriceInclVat {
  vatRegime: VatRegime | null;
  vatRateBps: number;
}

/** The price of a bid given its milestones and its expert's VAT regime (the regime a contract formed now would charge). */
export function bidPrice(milestoneCents: readonly number[], vatRegime: VatRegime | null): BidPrice {
  const vatRateBps = vatRateBpsFor(vatRegime);
  return { vatRegime, vatRateBps, ...priceInclVatByMilestone(milestoneCents, vatRateBps) };
}

/**
 * Prices of bids by id, at their experts' current VAT regime (the one acceptance will fix in the
 * contract). No policy here: callers pass bids the actor may already see.
 */
export async function bidPrices(bidIds: string[], executor: Executor = db): Promise<Map<string, BidPrice>> {
  if (bidIds.length === 0) return new Map();
  const [rows, milestones] = await Promise.all([
    executor.select({ id: bids.id, vatRegime: expertProfiles.vatRegime }).from(bids).innerJoin(expertProfiles, eq(expertProfiles.id, bids.profileId)).where(inArray(bids.id, bidIds)),
    executor.select({ bidId: bidMilestones.bidId, amountCents: bidMilestones.amountCents }).from(bidMilestones).where(inArray(bidMilestones.bidId, bidIds)).orderBy(asc(bidMilestones.position)),
  ]);
  return new Map(rows.map((row) => [row.id, bidPrice(milestones.filter((m) => m.bidId === row.id).map((m) => m.amountCents), row.vatRegime)]));
}
