import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { supportThreads, users, type SupportThread } from "@/db/schema";
import { sendEmail } from "@/lib/email/send-email";
import { appUrl } from "@/lib/http/app-url";
import { hashSupportKey } from "./access";

/**
 * Tells the person who wrote. With an account, the link is the thread page behind sign-in.
 * Without one, each email carries a new secret link and the previous one stops working: only
 * the address's owner can follow it, and a link found in an old email opens nothing.
 */
export async function notifyRequester(tx: Transaction, thread: SupportThread, event: "received" | "answered", messageId: string) {
  let url = appUrl(`/support/${thread.id}`);
  if (!thread.requesterId) {
    const key = randomBytes(24).toString("base64url");
    await tx.update(supportThreads).set({ accessKeyHash: hashSupportKey(key) }).where(eq(supportThreads.id, thread.id));
    url = `${url}?key=${key}`;
  }
  await sendEmail(tx, {
    template: "support-event",
    to: thread.requesterEmail,
    props: { locale: thread.locale, event, subject: thread.subject, url },
    idempotencyKey: `support:${event}:${messageId}`,
  });
}

/** Tells every active admin, each in their language. */
export async function notifyAdmins(tx: Transaction, thread: SupportThread, event: "new" | "replied", messageId: string) {
  const admins = await tx
    .select({ email: users.email, locale: users.locale })
    .from(users)
    .where(and(eq(users.role, "admin"), isNull(users.suspendedAt)));
  for (const admin of admins) {
    await sendEmail(tx, {
      template: "support-event",
      to: admin.email,
      props: { locale: admin.locale, event, subject: thread.subject, url: appUrl(`/admin/support/${thread.id}`) },
      idempotencyKey: `support:${event}:${messageId}:${admin.email}`,
    });
  }
}
