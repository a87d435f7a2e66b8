import "server-only";
import type { Executor } from "@/db/client";
import { db } from "@/db/client";
import type { BidRetainerTerms, BidTrainingTerms, JobKind } from "@/db/schema";
import { retainerTermsByBid } from "@/lib/retainers/terms";
import { trainingTermsByBid } from "@/lib/training/terms";

/**
 * What a bid states beyond price, dates and milestones, by the kind of need it answers: a
 * training bid's hours, format, sessions and Qualiopi; a monthly support bid's service level
 * (fee, hours, response targets…). An installation states none. Another kind of need adds its
 * own member here, its loader in `kindTermsByBid` and its case in `KindTermsComparison`.
 */
export type KindTerms = { kind: "training"; training: BidTrainingTerms } | { kind: "support_monthly"; retainer: BidRetainerTerms };

/** The kind-specific terms of several bids on one job (no policy: the caller checked who reads). */
export async function kindTermsByBid(kind: JobKind | null, bidIds: string[], executor: Executor = db): Promise<Map<string, KindTerms>> {
  switch (kind) {
    case "training": {
      const terms = await trainingTermsByBid(bidIds, executor);
      return new Map([...terms].map(([bidId, training]) => [bidId, { kind, training }]));
    }
    case "support_monthly": {
      const terms = await retainerTermsByBid(bidIds, executor);
      return new Map([...terms].map(([bidId, retainer]) => [bidId, { kind, retainer }]));
    }
    default:
      return new Map();
  }
}
