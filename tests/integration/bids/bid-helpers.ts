import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { expertProfiles } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { submitBid } from "@/lib/bids/expert-bids";
import type { BidInput } from "@/lib/bids/schemas";
import { makeCompleteExpert } from "../../helpers/experts";

export const method =
  "Je commence par un audit de l’existant, puis j’installe Nextcloud sur un VPS français, je configure les sauvegardes chiffrées et je forme vos équipes.";

export function fixedBid(jobId: string, overrides: Partial<BidInput> = {}): BidInput {
  return {
    jobId,
    pricing: "fixed",
    total: "2 400,50",
    durationDays: 20,
    startOn: "2027-01-15",
    method,
    milestones: [
      { title: "Installation", amount: "1 200", dueOn: "2027-01-25" },
      { title: "Formation", amount: "1 200,50", dueOn: "2027-02-05" },
    ],
    ...overrides,
  };
}

/** A verified expert (its profile id and slug too). */
export async function verifiedExpert(): Promise<{ actor: Actor; profileId: string; slug: string }> {
  const { actor, profileId } = await makeCompleteExpert();
  const [profile] = await db
    .update(expertProfiles)
    .set({ status: "verified", verifiedAt: new Date("2025-03-12T10:00:00Z") })
    .where(eq(expertProfiles.id, profileId))
    .returning({ slug: expertProfiles.slug });
  return { actor, profileId, slug: profile?.slug ?? "" };
}

/** Submits a bid that must succeed, and returns its id. */
export async function bidOn(expert: Actor, input: BidInput): Promise<string> {
  const result = await submitBid(expert, input);
  if (!result.ok) throw new Error(`bid refused: ${JSON.stringify(result)}`);
  return result.value.bidId;
}
