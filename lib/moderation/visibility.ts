import "server-only";
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { moderatedContent, type ReportTarget } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { isAdmin } from "@/lib/auth/policy";

/**
 * Whether a moderation decision hides this content from this viewer: removed content is shown to
 * admins only, restricted content to signed-in people only.
 */
export async function hiddenByModeration(executor: Executor, actor: Actor | null, type: ReportTarget, id: string): Promise<boolean> {
  const [row] = await executor
    .select({ visibility: moderatedContent.visibility })
    .from(moderatedContent)
    .where(and(eq(moderatedContent.targetType, type), eq(moderatedContent.targetId, id)));
  return hiddenFrom(actor, row?.visibility);
}

/** The ids among `ids` hidden from this viewer (for lists: reviews, messages). */
export async function hiddenIds(executor: Executor, actor: Actor | null, type: ReportTarget, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await executor
    .select({ id: moderatedContent.targetId, visibility: moderatedContent.visibility })
    .from(moderatedContent)
    .where(and(eq(moderatedContent.targetType, type), inArray(moderatedContent.targetId, ids)));
  return new Set(rows.filter((row) => hiddenFrom(actor, row.visibility)).map((row) => row.id));
}

/**
 * SQL: the moderation decision's visibility of the `type` content `id` (null when there is none),
 * for a page that reads it in the same statement as the content (a public page renders in at most
 * three), then asks hiddenFrom.
 */
export function moderationVisibility(type: ReportTarget, id: SQL) {
  return sql<string | null>`(select m.visibility::text from ${moderatedContent} m where m.target_type = ${type} and m.target_id = ${id})`;
}

/** Whether content with this moderation `visibility` (null or undefined: no decision) is hidden from this viewer. */
export function hiddenFrom(actor: Actor | null, visibility: string | null | undefined): boolean {
  if (visibility === "removed") return !isAdmin(actor);
  if (visibility === "restricted") return actor === null;
  return false;
}

/** For pages: `hiddenIds` on the app's database. */
export function hiddenIdsFor(actor: Actor | null, type: ReportTarget, ids: string[]): Promise<Set<string>> {
  return hiddenIds(db, actor, type, ids);
}

/**
 * SQL condition: the review `reviewId` was not removed by a moderation decision. A removed review
 * counts in no rating (public profile, bid comparison); a restricted one still does.
 */
export function notRemovedReview(reviewId: SQL) {
  return sql`not exists (select 1 from ${moderatedContent} m where m.target_type = 'review' and m.target_id = ${reviewId} and m.visibility = 'removed')`;
}
