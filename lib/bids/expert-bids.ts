import "server-only";
import { and, eq, gte, sql } from "drizzle-orm";
import { db, type Transaction } from "@/db/client";
import { bidMilestones, bids, expertProfiles, jobs, organizationMembers, organizations, users, type Bid } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError, requireRole } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { sendEmail } from "@/lib/email/send-email";
import { env } from "@/lib/env";
import { fieldErrors } from "@/lib/actions/field-errors";
import { fail, ok, type Result } from "@/lib/result";
import { nextBidStatus } from "./bid-machine";
import { bidSchema, type BidInput } from "./schemas";
import { isUuidLike } from "@/lib/ids";
import { appUrl } from "@/lib/http/app-url";
import { priceText } from "@/lib/money/price-text";
import { bidPrice } from "./prices";

export type SubmitBidError = "invalid" | "not_verified" | "job_closed" | "already_bid" | "quota_reached";

/** First day of the current month in Paris, as a timestamp, for the monthly quota. */
const monthStart = sql`date_trunc('month', now() at time zone 'Europe/Paris') at time zone 'Europe/Paris'`;

async function writeMilestones(tx: Transaction, bidId: string, milestones: { title: string; amount: number; dueOn: string }[]) {
  await tx.delete(bidMilestones).where(eq(bidMilestones.bidId, bidId));
  await tx.insert(bidMilestones).values(milestones.map((m, position) => ({ bidId, position, title: m.title, amountCents: m.amount, dueOn: m.dueOn })));
}

/**
 * A verified expert bids on an open job: one active bid per expert and job, within the monthly
 * quota, milestones adding up exactly to the total; the commission rate of the day is kept.
 */
export async function submitBid(actor: Actor | null, input: BidInput): Promise<Result<{ bidId: string }, SubmitBidError>> {
  const expert = requireRole(actor, "expert");
  const parsed = bidSchema.safeParse(input);
  if (!parsed.success) return fail("invalid", fieldErrors(parsed.error));
  const bid = parsed.data;
  return db.transaction(async (tx) => {
    // One expert's submissions are serialised: the quota and the one-bid rule hold under races.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`bids:${expert.id}`}))`);
    const [profile] = await tx.select().from(expertProfiles).where(eq(expertProfiles.userId, expert.id));
    if (profile?.status !== "verified") return fail("not_verified");
    // Waits for an acceptance in progress on this job, and for another expert's bid on it: the bid's
    // trigger then updates the job's liquidity columns, and two share locks upgraded to that update
    // at once deadlocked (no key update: the job's key is not touched, its foreign keys still hold).
    const [job] = await tx.select({ status: jobs.status }).from(jobs).where(eq(jobs.id, bid.jobId)).for("no key update");
    if (job?.status !== "open") return fail("job_closed");
    const active = await tx
      .select({ id: bids.id })
      .from(bids)
      .where(and(eq(bids.jobId, bid.jobId), eq(bids.expertUserId, expert.id), sql`${bids.status} in ('submitted','shortlisted','accepted')`));
    if (active.length > 0) return fail("already_bid");
    const [{ count } = { count: 0 }] = await tx
      .select({ count: sql<number>`count(*)::int` })
      .from(bids)
      .where(and(eq(bids.expertUserId, expert.id), gte(bids.createdAt, monthStart)));
    if (Number(count) >= env().BID_MONTHLY_QUOTA) return fail("quota_reached");

    const [row] = await tx
      .insert(bids)
      .values({
        jobId: bid.jobId,
        expertUserId: expert.id,
        profileId: profile.id,
        pricing: bid.pricing,
        totalCents: bid.totalCents,
        dailyRateCents: bid.dailyRateCents,
        days: bid.days,
        durationDays: bid.durationDays,
        startOn: bid.startOn,
        method: bid.method,
        commissionBps: env().PLATFORM_COMMISSION_BPS,
      })
      .returning({ id: bids.id });
    if (!row) throw new Error("bid insert returned nothing");
    await writeMilestones(tx, row.id, bid.milestones);
    const [jobRow] = await tx
      .select({ title: jobs.title, organizationId: jobs.organizationId, buyer: { country: organizations.country, vatNumber: organizations.vatNumber } })
      .from(jobs)
      .innerJoin(organizations, eq(organizations.id, jobs.organizationId))
      .where(eq(jobs.id, bid.jobId));
    const members = await tx
      .select({ email: users.email, locale: users.locale })
      .from(organizationMembers)
      .innerJoin(users, eq(users.id, organizationMembers.userId))
      .where(eq(organizationMembers.organizationId, jobRow?.organizationId ?? ""));
    const price = bidPrice(bid.milestones.map((m) => m.amount), profile.vatRegime, jobRow?.buyer);
    for (const member of members) {
      await sendEmail(tx, {
        template: "bid-event",
        to: member.email,
        idempotencyKey: `bid-new:${row.id}:${member.email}`,
        props: {
          locale: member.locale,
          event: "newBid",
          jobTitle: jobRow?.title ?? "",
          expertName: profile.displayName,
          reason: null,
          price: priceText(price, member.locale).line,
          url: appUrl(`/jobs/${bid.jobId}/bids`),
        },
      });
    }
    await recordAudit(tx, { actorId: expert.id, action: "bid.submitted", subjectType: "bid", subjectId: row.id, toStatus: "submitted", data: { jobId: bid.jobId, totalCents: bid.totalCents } });
    return ok({ bidId: row.id });
  });
}

async function lockOwnBid(tx: Transaction, actor: Actor | null, bidId: string): Promise<Bid> {
  const expert = requireRole(actor, "expert");
  if (!isUuidLike(bidId)) throw new PolicyError("forbidden");
  const [bid] = await tx.select().from(bids).where(eq(bids.id, bidId)).for("update");
  if (!bid || bid.expertUserId !== expert.id) throw new PolicyError("forbidden");
  return bid;
}

/**
 * The expert edits the bid until the client acts on it (only while submitted: "locked" after);
 * the milestones are replaced and must still add up exactly to the total. The bid stays on its job.
 */
export async function updateBid(actor: Actor | null, bidId: string, input: BidInput): Promise<Result<void, "invalid" | "locked">> {
  const parsed = bidSchema.safeParse(input);
  return db.transaction(async (tx) => {
    const bid = await lockOwnBid(tx, actor, bidId);
    if (!nextBidStatus(bid.status, "edit")) return fail("locked");
    if (!parsed.success) return fail("invalid", fieldErrors(parsed.error));
    const data = parsed.data;
    if (data.jobId !== bid.jobId) throw new PolicyError("forbidden");
    await tx
      .update(bids)
      .set({
        pricing: data.pricing,
        totalCents: data.totalCents,
        dailyRateCents: data.dailyRateCents,
        days: data.days,
        durationDays: data.durationDays,
        startOn: data.startOn,
        method: data.method,
        updatedAt: new Date(),
      })
      .where(eq(bids.id, bid.id));
    await writeMilestones(tx, bid.id, data.milestones);
    await recordAudit(tx, { actorId: bid.expertUserId, action: "bid.updated", subjectType: "bid", subjectId: bid.id, data: { totalCents: data.totalCents } });
    return ok(undefined);
  });
}

/** The expert withdraws the bid until the client acts on it. */
export async function withdrawBid(actor: Actor | null, bidId: string): Promise<Result<void, "illegal_transition">> {
  return db.transaction(async (tx) => {
    const bid = await lockOwnBid(tx, actor, bidId);
    const next = nextBidStatus(bid.status, "withdraw");
    if (!next) return fail("illegal_transition");
    await tx.update(bids).set({ status: next, updatedAt: new Date() }).where(eq(bids.id, bid.id));
    await recordAudit(tx, { actorId: bid.expertUserId, action: "bid.withdrawn", subjectType: "bid", subjectId: bid.id, fromStatus: bid.status, toStatus: next });
    return ok(undefined);
  });
}
