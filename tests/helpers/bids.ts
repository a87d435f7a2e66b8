import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { expertProfiles } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { submitBid } from "@/lib/bids/expert-bids";
import type { BidInput } from "@/lib/bids/schemas";
import { makeCompleteExpert } from "./experts";

export const bidMethod =
  "Je commence par un audit de l’existant, puis j’installe Nextcloud sur un VPS français, je configure les sauvegardes chiffrées et je forme vos équipes.";

/** A fixed-price bid of 2 400,50 € in two milestones. */
export function fixedBidInput(jobId: string, overrides: Partial<BidInput> = {}): BidInput {
  return {
    jobId,
    pricing: "fixed",
    total: "2 400,50",
    durationDays: 20,
    startOn: "2027-01-15",
    method: bidMethod,
    milestones: [
      { title: "Installation", amount: "1 200", dueOn: "2027-01-25" },
      { title: "Formation", amount: "1 200,50", dueOn: "2027-02-05" },
    ],
    ...overrides,
  };
}

/** A complete expert profile, verified by hand. */
export async function makeVerifiedExpert(): Promise<Actor & { profileId: string }> {
  const { actor, profileId } = await makeCompleteExpert();
  await db.update(expertProfiles).set({ status: "verified", verifiedAt: new Date() }).where(eq(expertProfiles.id, profileId));
  return { ...actor, profileId };
}

/** A verified expert's bid on the job; returns the expert and the bid id. */
export async function makeBid(jobId: string, overrides: Partial<BidInput> = {}) {
  const expert = await makeVerifiedExpert();
  const result = await submitBid(expert, fixedBidInput(jobId, overrides));
  if (!result.ok) throw new Error(`bid refused: ${JSON.stringify(result)}`);
  return { expert, bidId: result.value.bidId };
}
