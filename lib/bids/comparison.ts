import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { bidMilestones, bids, expertProfiles, jobs, organizations, reviews, type BidStatus } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError, requireOrgMember, requireRole } from "@/lib/auth/policy";
import { isUuidLike } from "@/lib/ids";
import { notRemovedReview } from "@/lib/moderation/visibility";
import { responseMinutesByExpert } from "@/lib/conversations/response-time";
import { readinessByExpert, type ReadinessItem } from "@/lib/experts/readiness";
import { kindTermsByBid, type KindTerms } from "./kind-terms";
import { bidPrice, type BidPrice } from "./prices";

export const bidSorts = ["total", "start", "rating"] as const;
export type BidSort = (typeof bidSorts)[number];

/** A `?sort=` value from the URL; anything unknown falls back to the cheapest (total paid, VAT included) first. */
export function parseBidSort(value: unknown): BidSort {
  return bidSorts.find((s) => s === value) ?? "total";
}

/**
 * One bid as the client compares it: the bid's facts, the expert's verification, rating and
 * response time, how soon after publication it came, its price with the expert's VAT and whether
 * the expert is ready to be paid. No commission: the client never sees it.
 */
export interface ComparedBid {
  id: string;
  jobId: string;
  status: BidStatus;
  pricing: "fixed" | "daily";
  totalCents: number;
  dailyRateCents: number | null;
  days: number | null;
  durationDays: number;
  startOn: string;
  method: string;
  declineReason: string | null;
  createdAt: Date;
  expertUserId: string;
  expertName: string;
  expertSlug: string;
  /** Whether the expert is verified today (a profile can be suspended after bidding), and since when. */
  expertVerified: boolean;
  verifiedAt: Date | null;
  milestones: { title: string; amountCents: number; dueOn: string }[];
  /** Average of the reviews written about the expert (1 to 5, rounded to one decimal), null without any. */
  ratingAverage: number | null;
  ratingCount: number;
  /** Median minutes the expert took to answer a client over the last 180 days; null under 2 answers. */
  responseMinutes: number | null;
  /** Minutes between the job's publication and this bid; null if the job has no publication date. */
  sentAfterMinutes: number | null;
  /** Excluding VAT, the expert's VAT regime, and the total the client will pay (VAT included). */
  price: BidPrice;
  /** What the expert still lacks to invoice and be paid (empty: ready to be paid). */
  notReady: ReadinessItem[];
  /**
   * The terms specific to the job's kind (a training's hours, sessions, Qualiopi…; a monthly
   * support need's service level); null when none were stated.
   */
  kindTerms: KindTerms | null;
}

/** Per expert: average rating and number of reviews written about them (removed ones left out). */
export async function ratingsByExpert(expertUserIds: string[]): Promise<Map<string, { average: number | null; count: number }>> {
  const result = new Map(expertUserIds.map((id) => [id, { average: null as number | null, count: 0 }]));
  if (expertUserIds.length === 0) return result;
  const rows = await db
    .select({ userId: reviews.subjectUserId, average: sql<string>`round(avg(${reviews.rating}), 1)`, count: sql<number>`count(*)::int` })
    .from(reviews)
    .where(and(inArray(reviews.subjectUserId, expertUserIds), notRemovedReview(sql`${reviews.id}`)))
    .groupBy(reviews.subjectUserId);
  for (const row of rows) result.set(row.userId, { average: Number(row.average), count: Number(row.count) });
  return result;
}

const byCreation = (a: ComparedBid, b: ComparedBid) => a.createdAt.getTime() - b.createdAt.getTime();

const comparators: Record<BidSort, (a: ComparedBid, b: ComparedBid) => number> = {
  total: (a, b) => a.price.inclVatCents - b.price.inclVatCents || byCreation(a, b),
  start: (a, b) => a.startOn.localeCompare(b.startOn) || a.price.inclVatCents - b.price.inclVatCents || byCreation(a, b),
  // Best rated first; experts without reviews last; more reviews win a tie.
  rating: (a, b) => (b.ratingAverage ?? -1) - (a.ratingAverage ?? -1) || b.ratingCount - a.ratingCount || a.price.inclVatCents - b.price.inclVatCents || byCreation(a, b),
};

/**
 * The bids on a job side by side, for its organisation's members only; withdrawn bids are left
 * out. Sorted by the total the client pays, VAT included (cheapest first), start date
 * (earliest first) or rating (best first).
 */
export async function compareBidsForJob(actor: Actor | null, jobId: string, options: { sort?: BidSort } = {}): Promise<ComparedBid[]> {
  requireRole(actor, "client");
  if (!isUuidLike(jobId)) throw new PolicyError("forbidden");
  const [job] = await db
    .select({ organizationId: jobs.organizationId, publishedAt: jobs.publishedAt, kind: jobs.kind, buyer: { country: organizations.country, vatNumber: organizations.vatNumber } })
    .from(jobs)
    .innerJoin(organizations, eq(organizations.id, jobs.organizationId))
    .where(eq(jobs.id, jobId));
  if (!job) throw new PolicyError("forbidden");
  await requireOrgMember(db, actor, job.organizationId);

  const rows = await db
    .select({
      id: bids.id,
      jobId: bids.jobId,
      status: bids.status,
      pricing: bids.pricing,
      totalCents: bids.totalCents,
      dailyRateCents: bids.dailyRateCents,
      days: bids.days,
      durationDays: bids.durationDays,
      startOn: bids.startOn,
      method: bids.method,
      declineReason: bids.declineReason,
      createdAt: bids.createdAt,
      expertUserId: bids.expertUserId,
      expertName: expertProfiles.displayName,
      expertSlug: expertProfiles.slug,
      expertStatus: expertProfiles.status,
      vatRegime: expertProfiles.vatRegime,
      verifiedAt: expertProfiles.verifiedAt,
    })
    .from(bids)
    .innerJoin(expertProfiles, eq(expertProfiles.id, bids.profileId))
    .where(eq(bids.jobId, jobId));
  const active = rows.filter((r) => r.status !== "withdrawn");
  if (active.length === 0) return [];

  const bidIds = active.map((r) => r.id);
  const expertIds = [...new Set(active.map((r) => r.expertUserId))];
  const [milestones, ratings, responses, readiness, kindTerms] = await Promise.all([
    db.select().from(bidMilestones).where(inArray(bidMilestones.bidId, bidIds)).orderBy(asc(bidMilestones.position)),
    ratingsByExpert(expertIds),
    responseMinutesByExpert(expertIds),
    readinessByExpert(db, expertIds),
    kindTermsByBid(job.kind, bidIds),
  ]);

  const compared = active.map(({ expertStatus, vatRegime, ...row }): ComparedBid => {
    const rating = ratings.get(row.expertUserId);
    const own = milestones.filter((m) => m.bidId === row.id).map(({ title, amountCents, dueOn }) => ({ title, amountCents, dueOn }));
    return {
      ...row,
      expertVerified: expertStatus === "verified",
      milestones: own,
      price: bidPrice(own.map((m) => m.amountCents), vatRegime, job.buyer),
      notReady: readiness.get(row.expertUserId)?.missing ?? ["verified", "mandate", "payouts", "urssaf"],
      kindTerms: kindTerms.get(row.id) ?? null,
      ratingAverage: rating?.average ?? null,
      ratingCount: rating?.count ?? 0,
      responseMinutes: responses.get(row.expertUserId) ?? null,
      sentAfterMinutes: job.publishedAt ? Math.max(0, Math.round((row.createdAt.getTime() - job.publishedAt.getTime()) / 60_000)) : null,
    };
  });
  return compared.sort(comparators[options.sort ?? "total"]);
}
