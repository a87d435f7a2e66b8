import "server-only";
import { eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { contracts, expertProfiles, organizations, reviews, users, type ContractSide, type ContractStatus } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { loadContractFor } from "@/lib/contracts/access";
import { moderationVisibility, notRemovedReview } from "@/lib/moderation/visibility";

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
  /** Each with its moderation decision's visibility (null: none; a removed one is never here), for the page's hiddenFrom. */
  latest: { id: string; rating: number; comment: string; createdAt: Date; organization: string; moderation: string | null }[];
}

/**
 * The clients' reviews of a verified expert, for the public profile: average, count and the
 * latest comments, each signed only with the first word of the client organisation's name.
 * The expert's reviews of clients are never public; a review removed by moderation counts nowhere.
 */
export async function getPublicReviews({ slug }: { slug: string }): Promise<PublicReviews> {
  // One statement (a public page's budget is three): the summary and the latest comments in sub-selects.
  const kept = notRemovedReview(sql`r.id`);
  const [row] = await db.execute<{ average: string | null; count: number; latest: { id: string; rating: number; comment: string; createdAt: string; legalName: string; moderation: string | null }[] }>(sql`
    select
      (select round(avg(r.rating), 1) from ${reviews} r where r.subject_user_id = p.user_id and r.side = 'client' and ${kept}) as average,
      (select count(*)::int from ${reviews} r where r.subject_user_id = p.user_id and r.side = 'client' and ${kept}) as count,
      coalesce((select json_agg(latest) from (
        select r.id, r.rating, r.comment, r.created_at as "createdAt", o.legal_name as "legalName", ${moderationVisibility("review", sql`r.id`)} as "moderation"
        from ${reviews} r join ${contracts} c on c.id = r.contract_id join ${organizations} o on o.id = c.organization_id
        where r.subject_user_id = p.user_id and r.side = 'client' and r.comment <> '' and ${kept}
        order by r.created_at desc, r.id desc limit ${PUBLIC_REVIEWS_SHOWN}) latest), '[]'::json) as latest
    from ${expertProfiles} p where p.slug = ${slug} and p.status = 'verified'`);
  if (!row) return { average: null, count: 0, latest: [] };
  return {
    average: row.average == null ? null : Number(row.average),
    count: Number(row.count),
    latest: row.latest.map(({ legalName, createdAt, ...review }) => ({ ...review, createdAt: new Date(createdAt), organization: shortOrganizationName(legalName) })),
  };
}
