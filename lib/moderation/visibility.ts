import "server-only";
import { and, eq, inArray } from "drizzle-orm";
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
  return isHidden(actor, row?.visibility);
}

/** The ids among `ids` hidden from this viewer (for lists: reviews, messages). */
export async function hiddenIds(executor: Executor, actor: Actor | null, type: ReportTarget, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await executor
    .select({ id: moderatedContent.targetId, visibility: moderatedContent.visibility })
    .from(moderatedContent)
    .where(and(eq(moderatedContent.targetType, type), inArray(moderatedContent.targetId, ids)));
  return new Set(rows.filter((row) => isHidden(actor, row.visibility)).map((row) => row.id));
}

function isHidden(actor: Actor | null, visibility: string | undefined): boolean {
  if (visibility === "removed") return !isAdmin(actor);
  if (visibility === "restricted") return actor === null;
  return false;
}

/** For pages: `hiddenByModeration` on the app's database. */
export function isHiddenFor(actor: Actor | null, type: ReportTarget, id: string): Promise<boolean> {
  return hiddenByModeration(db, actor, type, id);
}

/** For pages: `hiddenIds` on the app's database. */
export function hiddenIdsFor(actor: Actor | null, type: ReportTarget, ids: string[]): Promise<Set<string>> {
  return hiddenIds(db, actor, type, ids);
}
