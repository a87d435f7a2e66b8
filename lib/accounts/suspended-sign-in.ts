import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import { sendEmail } from "@/lib/email/send-email";
import { appUrl } from "@/lib/http/app-url";
import { parisDay } from "@/lib/dates";

/**
 * A suspended account asked for a sign-in link: instead of the link, its address is told that the
 * account is suspended, since when, why, and how to reach us. Only the address's owner reads it,
 * so the sign-in form still answers the same for everyone. At most one such email a day.
 */
export async function tellSuspendedAccount(email: string): Promise<void> {
  const user = await db.query.users.findFirst({
    where: eq(users.email, email),
    columns: { id: true, locale: true, suspendedAt: true },
  });
  if (!user?.suspendedAt) return;
  const [decision] = await db
    .select({ reason: auditLog.reason })
    .from(auditLog)
    .where(and(eq(auditLog.subjectType, "user"), eq(auditLog.subjectId, user.id), eq(auditLog.action, "user.suspended")))
    .orderBy(desc(auditLog.createdAt))
    .limit(1);
  const since = new Intl.DateTimeFormat(user.locale === "en" ? "en-GB" : "fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" }).format(user.suspendedAt);
  await sendEmail(db, {
    template: "account-suspended",
    to: email,
    props: { locale: user.locale, since, reason: decision?.reason ?? null, contactUrl: appUrl("/legal/notice") },
    idempotencyKey: `suspended-sign-in:${user.id}:${parisDay(new Date())}`,
  });
}
