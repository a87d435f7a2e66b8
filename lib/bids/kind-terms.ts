import "server-only";
import type { Executor } from "@/db/client";
import { db } from "@/db/client";
import type { BidTrainingTerms, JobKind } from "@/db/schema";
import { trainingTermsByBid } from "@/lib/training/terms";

/**
 * What a bid states beyond price, dates and milestones, by the kind of need it answers: a
 * training bid's hours, format, sessions and Qualiopi. Another kind of need adds its own member
 * here and its loader in `kindTermsByBid`; the comparison shows each kind as its own block of rows.
 */
export type KindTerms = { kind: "training"; training: BidTrainingTerms };

/** The kind-specific terms of several bids on one job (no policy: the caller checked who reads). */
export async function kindTermsByBid(kind: JobKind | null, bidIds: string[], executor: Executor = db): Promise<Map<string, KindTerms>> {
  if (kind === "training") {
    const terms = await trainingTermsByBid(bidIds, executor);
    return new Map([...terms].map(([bidId, training]) => [bidId, { kind: "training", training }]));
  }
  return new Map();
}
