import "server-only";
import { eq, inArray } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { bidMilestones, bidRetainerTerms, bids, jobs, type BidRetainerTerms } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError, requireRole } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { fieldErrors } from "@/lib/actions/field-errors";
import { nextBidStatus } from "@/lib/bids/bid-machine";
import { requireBidReader } from "@/lib/bids/bid-reader";
import { isUuidLike } from "@/lib/ids";
import { fail, ok, type Result } from "@/lib/result";
import { retainerPeriod } from "./periods";
import { monthMilestoneTitle, retainerTermsSchema, type RetainerTermsInput } from "./schemas";

export type SaveRetainerTermsError = "invalid" | "locked" | "not_retainer";

/**
 * The expert states the service level of a bid on a monthly support need, while the bid can
 * still be edited. The bid becomes a fixed price: the first month's fee, in one milestone ending
 * with that month; the contract formed from it runs at least the minimum term.
 */
export async function saveRetainerTerms(actor: Actor | null, input: RetainerTermsInput): Promise<Result<void, SaveRetainerTermsError>> {
  const expert = requireRole(actor, "expert");
  if (!isUuidLike(input.bidId)) throw new PolicyError("forbidden");
  const parsed = retainerTermsSchema.safeParse(input);
  return db.transaction(async (tx) => {
    const [bid] = await tx.select().from(bids).where(eq(bids.id, input.bidId)).for("update");
    if (!bid || bid.expertUserId !== expert.id) throw new PolicyError("forbidden");
    if (!nextBidStatus(bid.status, "edit")) return fail("locked");
    const [job] = await tx.select({ kind: jobs.kind }).from(jobs).where(eq(jobs.id, bid.jobId));
    if (job?.kind !== "support_monthly") return fail("not_retainer");
    if (!parsed.success) return fail("invalid", fieldErrors(parsed.error));
    const { terms } = parsed.data;
    const now = new Date();
    const values = { ...terms, updatedAt: now };
    await tx.insert(bidRetainerTerms).values({ bidId: bid.id, ...values }).onConflictDoUpdate({ target: bidRetainerTerms.bidId, set: values });
    const first = retainerPeriod(bid.startOn, 0);
    const termEnd = retainerPeriod(bid.startOn, terms.minimumTermMonths - 1).periodEnd;
    const durationDays = Math.round((Date.parse(`${termEnd}T00:00:00Z`) - Date.parse(`${bid.startOn}T00:00:00Z`)) / 86_400_000) + 1;
    await tx
      .update(bids)
      .set({ pricing: "fixed", totalCents: terms.monthlyFeeCents, dailyRateCents: null, days: null, durationDays, updatedAt: now })
      .where(eq(bids.id, bid.id));
    await tx.delete(bidMilestones).where(eq(bidMilestones.bidId, bid.id));
    await tx.insert(bidMilestones).values({ bidId: bid.id, position: 0, title: monthMilestoneTitle(0, first.periodStart), amountCents: terms.monthlyFeeCents, dueOn: first.periodEnd });
    await recordAudit(tx, {
      actorId: expert.id,
      action: "bid.retainer_terms_saved",
      subjectType: "bid",
      subjectId: bid.id,
      data: { monthlyFeeCents: terms.monthlyFeeCents, hoursIncluded: terms.hoursIncluded, minimumTermMonths: terms.minimumTermMonths },
    });
    return ok(undefined);
  });
}

/**
 * A bid's retainer terms, for its expert, the members of the client organisation that posted the
 * job, and admins; null when the bid has none.
 */
export async function getRetainerTerms(actor: Actor | null, bidId: string): Promise<BidRetainerTerms | null> {
  await requireBidReader(actor, bidId);
  const [terms] = await db.select().from(bidRetainerTerms).where(eq(bidRetainerTerms.bidId, bidId));
  return terms ?? null;
}

/** Retainer terms of several bids at once (for the comparison), no policy: callers already checked. */
export async function retainerTermsByBid(bidIds: string[], executor: Executor = db): Promise<Map<string, BidRetainerTerms>> {
  if (bidIds.length === 0) return new Map();
  const rows = await executor.select().from(bidRetainerTerms).where(inArray(bidRetainerTerms.bidId, bidIds));
  return new Map(rows.map((r) => [r.bidId, r]));
}
