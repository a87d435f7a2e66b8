import "server-only";
import { eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { notificationSettings } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireUser } from "@/lib/auth/policy";
import { ok, type Result } from "@/lib/result";
import { isLocked, isNotificationCategory, LOCKED_CATEGORIES, NOTIFICATION_CATEGORIES, type NotificationCategory } from "./categories";

export interface CategorySetting {
  category: NotificationCategory;
  email: boolean;
  /** Why its email cannot be turned off (notifications.locked.*), or null. */
  lockedReason: "security" | "money" | null;
}

/** The signed-in person's choice for each category (email on unless they turned it off). */
export async function myNotificationSettings(actor: Actor | null): Promise<CategorySetting[]> {
  const user = requireUser(actor);
  const rows = await db
    .select({ category: notificationSettings.category, email: notificationSettings.email })
    .from(notificationSettings)
    .where(eq(notificationSettings.userId, user.id));
  const chosen = new Map(rows.map((r) => [r.category, r.email]));
  return NOTIFICATION_CATEGORIES.map((category) => {
    const lockedReason = LOCKED_CATEGORIES[category] ?? null;
    return { category, email: lockedReason ? true : (chosen.get(category) ?? true), lockedReason };
  });
}

/**
 * Saves which optional categories are emailed: `emailed` lists those left on, every other
 * optional one is turned off. Locked categories and unknown names are ignored (always emailed).
 */
export async function saveNotificationSettings(actor: Actor | null, input: { emailed: string[] }): Promise<Result<{ saved: number }, never>> {
  const user = requireUser(actor);
  const on = new Set(input.emailed.filter(isNotificationCategory));
  const values = NOTIFICATION_CATEGORIES.filter((c) => !isLocked(c)).map((category) => ({ userId: user.id, category, email: on.has(category) }));
  await db
    .insert(notificationSettings)
    .values(values)
    .onConflictDoUpdate({
      target: [notificationSettings.userId, notificationSettings.category],
      set: { email: sql`excluded.email`, updatedAt: sql`now()` },
    });
  return ok({ saved: values.length });
}
