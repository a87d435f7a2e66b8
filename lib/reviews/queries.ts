import { and, desc, eq, ne, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { contracts, expertProfiles, organizations, reviews, users, type ContractSide, type ContractStatus } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { loadContractFor } from "@/lib/contracts/access";

/** One review as the parties of its contract (and admins) read it. */
export interface ContractReview {
  rating: number;
  comment: string;
  createdAt: Date;
  /** The member or expert who wrote it; null once their account is gone. */
  authorName: string | null;
}

export interface ContractReviews {
  side: ContractSide | "admin";
  status: ContractStatus;
  /** The actor's side may review now (contract completed, not reviewed yet by the side). */
  canReview: boolean;
  bySide: Record<ContractSide, ContractReview | null>;
}

/** The reviews of a contract, for its parties and the admins (same policy as the contract). */
export async function getContractReviews(actor: Actor | null, contractId: string): Promise<ContractReviews> {
  const { contract, side } = await loadContractFor(db, actor, contractId);
  const rows = await db
    .select({ side: reviews.side, rating: reviews.rating, comment: reviews.comment, createdAt: reviews.createdAt, authorName: users.name })
    .from(reviews)
    .leftJoin(users, eq(users.id, reviews.authorId))
    .where(eq(reviews.contractId, contract.id));
  const find = (s: ContractSide): ContractReview | null => {
    const row = rows.find((r) => r.side === s);
    return row ? { rating: row.rating, comment: row.comment, createdAt: row.createdAt, authorName: row.authorName } : null;
  };
  const bySide = { client: find("client"), expert: find("expert") };
  const canReview = side !== "admin" && contract.status === "completed" && !bySide[side];
  return { side, status: contract.status, canReview, bySide };
}

/** An organisation's name cut to its first word ("Boulangerie Martin SARL" → "Boulangerie"), for privacy. */
export function shortOrganizationName(legalName: string): string {
  return legalName.trim().split(/\s+/)[0]?.replace(/[,;:.]+$/, "") ?? "";
}

export const PUBLIC_REVIEWS_SHOWN = 10;

export interface PublicReviews {
  /** Rounded to one decimal; null without any review. */
  average: number | null;
  count: number;
  /** The latest reviews that have a comment, newest first. */
  latest: { id: string; rating: number; comment: string; createdAt: Date; organization: string }[];
}

/**
 * The clients' reviews of a verified expert, for the public profile: average, count and the
 * latest comments, each signed only with the first word of the client organisation's name.
 * The expert's reviews of clients are never public.
 */
export async function getPublicReviews({ slug }: { slug: string }): Promise<PublicReviews> {
  const [profile] = await db
    .select({ userId: expertProfiles.userId })
    .from(expertProfiles)
    .where(and(eq(expertProfiles.slug, slug), eq(expertProfiles.status, "verified")));
  if (!profile) return { average: null, count: 0, latest: [] };
  const about = and(eq(reviews.subjectUserId, profile.userId), eq(reviews.side, "client"));
  const [[summary], latest] = await Promise.all([
    db
      .select({ average: sql<string | null>`round(avg(${reviews.rating}), 1)`, count: sql<number>`count(*)::int` })
      .from(reviews)
      .where(about),
    db
      .select({ id: reviews.id, rating: reviews.rating, comment: reviews.comment, createdAt: reviews.createdAt, legalName: organizations.legalName })
      .from(reviews)
      .innerJoin(contracts, eq(contracts.id, reviews.contractId))
      .innerJoin(organizations, eq(organizations.id, contracts.organizationId))
      .where(and(about, ne(reviews.comment, "")))
      .orderBy(desc(reviews.createdAt), desc(reviews.id))
      .limit(PUBLIC_REVIEWS_SHOWN),
  ]);
  return {
    average: summary?.average == null ? null : Number(summary.average),
    count: Number(summary?.count ?? 0),
    latest: latest.map(({ legalName, ...row }) => ({ ...row, organization: shortOrganizationName(legalName) })),
  };
}
