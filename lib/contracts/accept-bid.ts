import "server-only";
import { asc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { bidMilestones, bids, expertProfiles, jobs, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError, requireOrgMember, requireRole } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { declineActiveBids } from "@/lib/bids/decline-active-bids";
import { nextBidStatus } from "@/lib/bids/bid-machine";
import { isUuidLike } from "@/lib/ids";
import { nextJobStatus } from "@/lib/jobs/job-machine";
import { readinessByExpert } from "@/lib/experts/readiness";
import { fail, ok, type Result } from "@/lib/result";
import { clientVatBuyer, contractVatRate, formContract } from "./form-contract";

export type AcceptBidError = "job_not_open" | "illegal_transition" | "expert_unavailable" | "amount_over_limit" | "expert_not_ready" | "price_changed";

export interface AcceptBidInput {
  bidId: string;
  /**
   * The client saw that the expert is not yet ready to be paid (no billing mandate, payouts not
   * enabled, stale URSSAF certificate) and accepts anyway: without it, such a bid is refused.
   */
  acceptNotReady?: boolean;
  /** The VAT rate (basis points) of the total the client confirmed; a different rate now is refused. */
  expectedVatRateBps?: number;
}

/**
 * The client accepts one bid, in one transaction: the bid is accepted, the job's other active
 * bids are declined (their experts told), the job moves to in progress, and a contract is formed
 * with the bid's milestones and the facts its documents are generated from. The job row is
 * locked first, so two acceptances at the same moment form exactly one contract.
 *
 * An expert who is verified but not yet ready to be paid may still be chosen (the money the
 * client pays stays on the platform until the expert can invoice and receive it), but only when
 * the client was told so (`acceptNotReady`): nobody wins a job unnoticed that he cannot invoice.
 */
export async function acceptBid(actor: Actor | null, input: AcceptBidInput): Promise<Result<{ contractId: string }, AcceptBidError>> {
  const client = requireRole(actor, "client");
  if (!isUuidLike(input.bidId)) throw new PolicyError("forbidden");
  return db.transaction(async (tx) => {
    const [target] = await tx.select({ jobId: bids.jobId }).from(bids).where(eq(bids.id, input.bidId));
    if (!target) throw new PolicyError("forbidden");
    const [job] = await tx.select().from(jobs).where(eq(jobs.id, target.jobId)).for("update");
    if (!job) throw new PolicyError("forbidden");
    await requireOrgMember(tx, client, job.organizationId);
    const [bid] = await tx.select().from(bids).where(eq(bids.id, input.bidId)).for("update");
    if (!bid) throw new PolicyError("forbidden");

    const nextJob = nextJobStatus(job.status, "start");
    if (!nextJob) return fail("job_not_open");
    const nextBid = nextBidStatus(bid.status, "accept");
    if (!nextBid) return fail("illegal_transition");
    const [expert] = await tx
      .select({ email: users.email, locale: users.locale, suspendedAt: users.suspendedAt, status: expertProfiles.status, vatRegime: expertProfiles.vatRegime })
      .from(users)
      .innerJoin(expertProfiles, eq(expertProfiles.id, bid.profileId))
      .where(eq(users.id, bid.expertUserId));
    if (!expert || expert.suspendedAt || expert.status !== "verified") return fail("expert_unavailable");
    const readiness = (await readinessByExpert(tx, [bid.expertUserId])).get(bid.expertUserId);
    if (!readiness?.ready && !input.acceptNotReady) return fail("expert_not_ready");

    const milestones = (
      await tx.select().from(bidMilestones).where(eq(bidMilestones.bidId, bid.id)).orderBy(asc(bidMilestones.position))
    ).map(({ title, amountCents, dueOn }) => ({ title, amountCents, dueOn }));
    const price = contractVatRate(expert.vatRegime, await clientVatBuyer(tx, job.organizationId), { totalCents: bid.totalCents, milestones, expectedVatRateBps: input.expectedVatRateBps });
    if (!price.ok) return fail(price.error);
    const now = new Date();

    await tx.update(bids).set({ status: nextBid, updatedAt: now }).where(eq(bids.id, bid.id));
    await tx.update(jobs).set({ status: nextJob, updatedAt: now }).where(eq(jobs.id, job.id));
    const declined = await declineActiveBids(tx, job, "jobAwarded", bid.id);
    const audit = { actorId: client.id, reason: null };
    await recordAudit(tx, { ...audit, action: "bid.accepted", subjectType: "bid", subjectId: bid.id, fromStatus: bid.status, toStatus: nextBid });
    await recordAudit(tx, { ...audit, action: "job.start", subjectType: "job", subjectId: job.id, fromStatus: job.status, toStatus: nextJob, data: { declinedBids: declined } });
    const contract = await formContract(tx, { client, job, bid, milestones, vatRateBps: price.vatRateBps, vatTreatment: price.vatTreatment, expert, readiness });
    return ok(contract);
  });
}
