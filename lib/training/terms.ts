import "server-only";
import { and, desc, eq, gte, inArray } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { bidMilestones, bids, bidTrainingTerms, evidenceFiles, jobs, type BidTrainingTerms } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError, requireRole } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { fieldErrors } from "@/lib/actions/field-errors";
import { nextBidStatus } from "@/lib/bids/bid-machine";
import { requireBidReader } from "@/lib/bids/bid-reader";
import { isUuidLike } from "@/lib/ids";
import { fail, ok, type Result } from "@/lib/result";
import { sessionMilestoneTitle, trainingTermsSchema, type TrainingTermsInput } from "./schemas";

export type SaveTrainingTermsError = "invalid" | "locked" | "not_training";

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The expert's Qualiopi certificate still valid on `onDate`, as checked evidence on the profile. */
export async function validQualiopi(executor: Executor, profileId: string, onDate: string) {
  const [row] = await executor
    .select({ certificateNumber: evidenceFiles.certificateNumber, expiresOn: evidenceFiles.expiresOn })
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.profileId, profileId), eq(evidenceFiles.kind, "qualiopi"), gte(evidenceFiles.expiresOn, onDate)))
    .orderBy(desc(evidenceFiles.expiresOn))
    .limit(1);
  return row?.certificateNumber && row.expiresOn ? { certificateNumber: row.certificateNumber, expiresOn: row.expiresOn } : null;
}

/**
 * The expert states the training terms of a bid on a training need, while the bid can still be
 * edited. The bid becomes a fixed price with one milestone per session (paid when delivered), its
 * start the first session. Declaring Qualiopi needs a certificate on the profile that is still
 * valid on the last session's day.
 */
export async function saveTrainingTerms(actor: Actor | null, input: TrainingTermsInput): Promise<Result<void, SaveTrainingTermsError>> {
  const expert = requireRole(actor, "expert");
  if (!isUuidLike(input.bidId)) throw new PolicyError("forbidden");
  const parsed = trainingTermsSchema.safeParse(input);
  return db.transaction(async (tx) => {
    const [bid] = await tx.select().from(bids).where(eq(bids.id, input.bidId)).for("update");
    if (!bid || bid.expertUserId !== expert.id) throw new PolicyError("forbidden");
    if (!nextBidStatus(bid.status, "edit")) return fail("locked");
    const [job] = await tx.select({ kind: jobs.kind }).from(jobs).where(eq(jobs.id, bid.jobId));
    if (job?.kind !== "training") return fail("not_training");
    if (!parsed.success) return fail("invalid", fieldErrors(parsed.error));
    const terms = parsed.data;
    const first = terms.sessions[0];
    const last = terms.sessions[terms.sessions.length - 1];
    if (!first || !last) return fail("invalid", { sessions: "trainingSessionsRequired" });
    if (terms.qualiopiCertified && !(await validQualiopi(tx, bid.profileId, last.date))) {
      return fail("invalid", { qualiopiCertified: "qualiopiEvidenceMissing" });
    }
    const now = new Date();
    const values = {
      objectives: terms.objectives,
      prerequisites: terms.prerequisites,
      outline: terms.outline,
      durationHours: terms.durationHours,
      format: terms.format,
      attendeesCount: terms.attendeesCount,
      sessions: terms.sessions,
      priceBasis: terms.priceBasis,
      unitPriceCents: terms.unitPriceCents,
      qualiopiCertified: terms.qualiopiCertified,
      activityDeclarationNumber: terms.activityDeclarationNumber,
      updatedAt: now,
    };
    await tx.insert(bidTrainingTerms).values({ bidId: bid.id, ...values }).onConflictDoUpdate({ target: bidTrainingTerms.bidId, set: values });
    await tx
      .update(bids)
      .set({ pricing: "fixed", totalCents: terms.totalCents, dailyRateCents: null, days: null, startOn: first.date, durationDays: daysBetween(first.date, last.date) + 1, updatedAt: now })
      .where(eq(bids.id, bid.id));
    await tx.delete(bidMilestones).where(eq(bidMilestones.bidId, bid.id));
    await tx.insert(bidMilestones).values(
      terms.sessions.map((session, position) => ({
        bidId: bid.id,
        position,
        title: sessionMilestoneTitle(position, session),
        amountCents: terms.amounts[position] ?? 0,
        dueOn: session.date,
      })),
    );
    await recordAudit(tx, {
      actorId: expert.id,
      action: "bid.training_terms_saved",
      subjectType: "bid",
      subjectId: bid.id,
      data: { totalCents: terms.totalCents, sessions: terms.sessions.length, qualiopi: terms.qualiopiCertified },
    });
    return ok(undefined);
  });
}

/**
 * A bid's training terms, for its expert, the members of the client organisation that posted the
 * job, and admins; null when the bid has none.
 */
export async function getTrainingTerms(actor: Actor | null, bidId: string): Promise<BidTrainingTerms | null> {
  await requireBidReader(actor, bidId);
  const [terms] = await db.select().from(bidTrainingTerms).where(eq(bidTrainingTerms.bidId, bidId));
  return terms ?? null;
}

/** Training terms of several bids at once (for the comparison), no policy: callers already checked. */
export async function trainingTermsByBid(bidIds: string[], executor: Executor = db): Promise<Map<string, BidTrainingTerms>> {
  if (bidIds.length === 0) return new Map();
  const rows = await executor.select().from(bidTrainingTerms).where(inArray(bidTrainingTerms.bidId, bidIds));
  return new Map(rows.map((r) => [r.bidId, r]));
}
