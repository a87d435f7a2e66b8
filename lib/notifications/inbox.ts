import "server-only";
import { and, count, desc, eq, isNull, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { notifications, type NotificationRow } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireUser } from "@/lib/auth/policy";
import { isUuidLike } from "@/lib/ids";
import { fail, ok, type Result } from "@/lib/result";

export const NOTIFICATIONS_PER_PAGE = 20;

/** The bell's number: one count on the partial index of unread rows. */
export async function unreadNotificationCount(userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

export interface NotificationPage {
  items: Pick<NotificationRow, "id" | "category" | "title" | "link" | "createdAt" | "readAt">[];
  page: number;
  pages: number;
  unread: number;
}

/** The signed-in person's notifications, newest first, `NOTIFICATIONS_PER_PAGE` a page (from 1). */
export async function listMyNotifications(actor: Actor | null, page: number): Promise<NotificationPage> {
  const user = requireUser(actor);
  const [[totals], unread] = await Promise.all([
    db.select({ n: count() }).from(notifications).where(eq(notifications.userId, user.id)),
    unreadNotificationCount(user.id),
  ]);
  const pages = Math.max(1, Math.ceil((totals?.n ?? 0) / NOTIFICATIONS_PER_PAGE));
  const current = Number.isInteger(page) && page >= 1 ? Math.min(page, pages) : 1;
  const items = await db
    .select({
      id: notifications.id,
      category: notifications.category,
      title: notifications.title,
      link: notifications.link,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .where(eq(notifications.userId, user.id))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(NOTIFICATIONS_PER_PAGE)
    .offset((current - 1) * NOTIFICATIONS_PER_PAGE);
  return { items, page: current, pages, unread };
}

/** A stored link, kept inside the app: a path, never `//host` nor a scheme. */
export function safeInAppPath(link: string): string {
  return link.startsWith("/") && !link.startsWith("//") && !link.startsWith("/\\") ? link : "/notifications";
}

/**
 * Marks one of one's own notifications read (opening it does too) and gives its link; someone
 * else's is "not found", as if it did not exist.
 */
export async function markNotificationRead(actor: Actor | null, input: { id: string }): Promise<Result<{ id: string; link: string }, "not_found">> {
  const user = requireUser(actor);
  if (!isUuidLike(input.id)) return fail("not_found");
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, input.id), eq(notifications.userId, user.id)))
    .returning({ id: notifications.id, link: notifications.link });
  return row ? ok({ id: row.id, link: safeInAppPath(row.link) }) : fail("not_found");
}

/** Marks all of one's unread notifications read; returns how many were. */
export async function markAllNotificationsRead(actor: Actor | null): Promise<Result<{ marked: number }, never>> {
  const user = requireUser(actor);
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.userId, user.id), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return ok({ marked: rows.length });
}
