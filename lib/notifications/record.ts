import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { notificationSettings, notifications, users } from "@/db/schema";
import { isLocked, type NotificationCategory } from "./categories";

export interface NotificationEvent {
  to: string;
  category: NotificationCategory;
  template: string;
  title: string;
  /** The email's link (absolute): only its path is kept. */
  url: string;
  idempotencyKey: string;
}

/** The part of an email's link the app routes: `/contracts/…?tab=…`. */
export function inAppLink(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}${parsed.hash}`;
  } catch {
    return url.startsWith("/") ? url : "/notifications";
  }
}

/**
 * Called by `sendEmail` in the event's transaction: when the address is a user's, records their
 * notification (once per idempotency key) and says whether they still want the email. Addresses
 * that are no user's (an invitation's, an anonymous support request's) get the email only.
 */
export async function recordNotification(executor: Executor, event: NotificationEvent): Promise<{ emailWanted: boolean }> {
  const [user] = await executor.select({ id: users.id }).from(users).where(eq(users.email, event.to.toLowerCase())).limit(1);
  if (!user) return { emailWanted: true };
  await executor
    .insert(notifications)
    .values({
      userId: user.id,
      idempotencyKey: event.idempotencyKey,
      category: event.category,
      template: event.template,
      title: event.title,
      link: inAppLink(event.url),
    })
    .onConflictDoNothing({ target: notifications.idempotencyKey });
  if (isLocked(event.category)) return { emailWanted: true };
  const [setting] = await executor
    .select({ email: notificationSettings.email })
    .from(notificationSettings)
    .where(and(eq(notificationSettings.userId, user.id), eq(notificationSettings.category, event.category)));
  return { emailWanted: setting?.email ?? true };
}
