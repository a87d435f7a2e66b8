import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { bidMilestones, bids, expertProfiles, jobs, organizations, type VatRegime, type VatTreatment } from "@/db/schema";
import { priceInclVatByMilestone, type PriceInclVat } from "@/lib/money/vat";
import { vatRateBpsOf, vatTreatmentFor, type VatBuyer } from "@/lib/money/vat-treatment";

/** A bid's price as the client will pay it: excluding VAT, the expert's VAT regime, how VAT applies, VAT and the total paid. */
export interface BidPrice extends PriceInclVat {
  vatRegime: VatRegime | null;
  vatTreatment: VatTreatment;
  vatRateBps: number;
}

/**
 * The price of a bid given its milestones, its expert's VAT regime and the client organisation
 * (what a contract formed now would charge: `contractVatRate`). Without a client (a public offer
 * seen by a visitor), as for a client in France.
 */
export function bidPrice(milestoneCents: readonly number[], vatRegime: VatRegime | null, buyer?: VatBuyer | null): BidPrice {
  const vatTreatment = vatTreatmentFor(vatRegime, buyer);
  const vatRateBps = vatRateBpsOf(vatTreatment);
  return { vatRegime, vatTreatment, vatRateBps, ...priceInclVatByMilestone(milestoneCents, vatRateBps) };
}

/**
 * Prices of bids by id, at their experts' current VAT regime and for the job's organisation (what
 * acceptance will fix in the contract). No policy here: callers pass bids the actor may already see.
 */
export async function bidPrices(bidIds: string[], executor: Executor = db): Promise<Map<string, BidPrice>> {
  if (bidIds.length === 0) return new Map();
  const [rows, milestones] = await Promise.all([
    executor
      .select({ id: bids.id, vatRegime: expertProfiles.vatRegime, country: organizations.country, vatNumber: organizations.vatNumber })
      .from(bids)
      .innerJoin(expertProfiles, eq(expertProfiles.id, bids.profileId))
      .innerJoin(jobs, eq(jobs.id, bids.jobId))
      .innerJoin(organizations, eq(organizations.id, jobs.organizationId))
      .where(inArray(bids.id, bidIds)),
    executor.select({ bidId: bidMilestones.bidId, amountCents: bidMilestones.amountCents }).from(bidMilestones).where(inArray(bidMilestones.bidId, bidIds)).orderBy(asc(bidMilestones.position)),
  ]);
  return new Map(rows.map((row) => [row.id, bidPrice(milestones.filter((m) => m.bidId === row.id).map((m) => m.amountCents), row.vatRegime, row)]));
}
