import "server-only";
import { and, asc, eq, getTableColumns, inArray } from "drizzle-orm";
import { db, type Transaction } from "@/db/client";
import { bidMilestones, bids, contracts, expertProfiles, jobs, users, type Bid } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError, requireOrgMember, requireRole } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { sendEmail } from "@/lib/email/send-email";
import { splitCommission } from "@/lib/money/commission";
import { fail, ok, type Result } from "@/lib/result";
import { nextBidStatus } from "./bid-machine";
import { bidPrices, type BidPrice } from "./prices";
import { isUuidLike } from "@/lib/ids";
import { appUrl } from "@/lib/http/app-url";

async function lockBidForClient(tx: Transaction, actor: Actor | null, bidId: string) {
  requireRole(actor, "client");
  if (!isUuidLike(bidId)) throw new PolicyError("forbidden");
  const [row] = await tx
    .select({ bid: bids, organizationId: jobs.organizationId, jobTitle: jobs.title })
    .from(bids)
    .innerJoin(jobs, eq(jobs.id, bids.jobId))
    .where(eq(bids.id, bidId))
    .for("update", { of: bids });
  if (!row) throw new PolicyError("forbidden");
  await requireOrgMember(tx, actor, row.organizationId);
  return row;
}

/** The client shortlists a bid it wants to consider seriously. */
export async function shortlistBid(actor: Actor | null, input: { bidId: string }): Promise<Result<void, "illegal_transition">> {
  return db.transaction(async (tx) => {
    const { bid } = await lockBidForClient(tx, actor, input.bidId);
    const next = nextBidStatus(bid.status, "shortlist");
    if (!next) return fail("illegal_transition");
    await tx.update(bids).set({ status: next, updatedAt: new Date() }).where(eq(bids.id, bid.id));
    await recordAudit(tx, { actorId: actor?.id ?? null, action: "bid.shortlisted", subjectType: "bid", subjectId: bid.id, fromStatus: bid.status, toStatus: next });
    return ok(undefined);
  });
}

/** The client declines a bid (reason optional); the expert is told by email in their language. */
export async function declineBid(
  actor: Actor | null,
  input: { bidId: string; reason?: string },
): Promise<Result<void, "illegal_transition" | "invalid">> {
  const reason = input.reason?.trim() || null;
  if (reason && reason.length > 2000) return fail("invalid", { reason: "tooLong" });
  return db.transaction(async (tx) => {
    const { bid, jobTitle } = await lockBidForClient(tx, actor, input.bidId);
    const next = nextBidStatus(bid.status, "decline");
    if (!next) return fail("illegal_transition");
    await tx.update(bids).set({ status: next, declineReason: reason, updatedAt: new Date() }).where(eq(bids.id, bid.id));
    const [expert] = await tx
      .select({ email: users.email, locale: users.locale, name: expertProfiles.displayName })
      .from(users)
      .innerJoin(expertProfiles, eq(expertProfiles.userId, users.id))
      .where(eq(users.id, bid.expertUserId));
    if (expert) {
      await sendEmail(tx, {
        template: "bid-event",
        to: expert.email,
        idempotencyKey: `bid-declined:${bid.id}`,
        props: { locale: expert.locale, event: "bidDeclined", jobTitle, expertName: expert.name, reason, url: appUrl("/jobs") },
      });
    }
    await recordAudit(tx, { actorId: actor?.id ?? null, action: "bid.declined", subjectType: "bid", subjectId: bid.id, fromStatus: bid.status, toStatus: next, reason });
    return ok(undefined);
  });
}

export type BidWithMilestones = Bid & {
  expertName: string;
  expertSlug: string;
  verifiedAt: Date | null;
  milestones: { title: string; amountCents: number; dueOn: string }[];
  commissionCents: number;
  netCents: number;
};

async function withMilestones(rows: (Bid & { expertName: string; expertSlug: string; verifiedAt: Date | null })[]): Promise<BidWithMilestones[]> {
  const milestones = rows.length
    ? await db.select().from(bidMilestones).where(inArray(bidMilestones.bidId, rows.map((r) => r.id))).orderBy(asc(bidMilestones.position))
    : [];
  return rows.map((row) => ({
    ...row,
    milestones: milestones.filter((m) => m.bidId === row.id).map(({ title, amountCents, dueOn }) => ({ title, amountCents, dueOn })),
    ...splitCommission(row.totalCents, row.commissionBps),
  }));
}

const bidColumns = getTableColumns(bids);

/** The expert's own bid on a job (an expert sees only its own). */
export async function getMyBidForJob(actor: Actor | null, jobId: string): Promise<(BidWithMilestones & { contractId: string | null; price: BidPrice | null }) | null> {
  const expert = requireRole(actor, "expert");
  if (!isUuidLike(jobId)) return null;
  const rows = await db
    .select({ ...bidColumns, expertName: expertProfiles.displayName, expertSlug: expertProfiles.slug, verifiedAt: expertProfiles.verifiedAt, contractId: contracts.id })
    .from(bids)
    .innerJoin(expertProfiles, eq(expertProfiles.id, bids.profileId))
    .leftJoin(contracts, eq(contracts.bidId, bids.id))
    .where(and(eq(bids.jobId, jobId), eq(bids.expertUserId, expert.id)))
    .orderBy(asc(bids.createdAt));
  const last = rows.at(-1);
  if (!last) return null;
  const [[latest], prices] = await Promise.all([withMilestones([last]), bidPrices([last.id])]);
  return latest ? { ...latest, contractId: last.contractId, price: prices.get(last.id) ?? null } : null;
}
