import "server-only";
import { eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { bidTrainingTerms, expertProfiles, trainingSessions, type Bid, type TrainingFacts } from "@/db/schema";
import { vatRateBpsFor } from "@/lib/money/vat";
import { validQualiopi } from "./terms";

/**
 * The training terms of a bid being accepted, frozen for the training agreement, or null for a
 * bid without them. The Qualiopi certificate is named only when it is still on the profile and
 * valid on the last session's day. The VAT rate is the one the contract charges (the expert's
 * regime now), kept so the agreement's text, and so its hash, never changes afterwards.
 */
export async function trainingFacts(tx: Transaction, bid: Bid): Promise<TrainingFacts | null> {
  const [terms] = await tx.select().from(bidTrainingTerms).where(eq(bidTrainingTerms.bidId, bid.id));
  if (!terms) return null;
  const last = terms.sessions[terms.sessions.length - 1];
  const qualiopi = terms.qualiopiCertified && last ? await validQualiopi(tx, bid.profileId, last.date) : null;
  const [profile] = await tx.select({ vatRegime: expertProfiles.vatRegime }).from(expertProfiles).where(eq(expertProfiles.id, bid.profileId));
  return {
    objectives: terms.objectives,
    prerequisites: terms.prerequisites,
    outline: terms.outline,
    durationHours: terms.durationHours,
    format: terms.format,
    attendeesCount: terms.attendeesCount,
    sessions: terms.sessions,
    priceBasis: terms.priceBasis,
    unitPriceCents: terms.unitPriceCents,
    activityDeclarationNumber: terms.activityDeclarationNumber,
    qualiopi,
    vatRateBps: vatRateBpsFor(profile?.vatRegime ?? null),
  };
}

/** One training session per session milestone of the new contract, in the same order. */
export async function writeTrainingSessions(tx: Transaction, contractId: string, training: TrainingFacts, milestones: { id: string; position: number }[]) {
  const byPosition = new Map(milestones.map((m) => [m.position, m.id]));
  const rows = training.sessions.map((session, position) => {
    const milestoneId = byPosition.get(position);
    if (!milestoneId) throw new Error(`Training session ${position} has no milestone in contract ${contractId}`);
    return { contractId, milestoneId, position, date: session.date, slot: session.slot };
  });
  if (rows.length) await tx.insert(trainingSessions).values(rows);
}
