import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { evidenceFiles, expertProfiles, users } from "@/db/schema";
import { sendEmail } from "@/lib/email/send-email";
import { URSSAF_REMINDER_DAYS, urssafStaleOn } from "./completeness";
import { appUrl } from "@/lib/http/app-url";

/**
 * Daily job: verified experts whose latest URSSAF certificate turns six months old within 15 days
 * get one reminder per certificate (the certificate's date is remembered on the profile).
 */
export async function sendUrssafReminders(today: string): Promise<number> {
  const candidates = await db
    .select({
      profileId: expertProfiles.id,
      email: users.email,
      locale: users.locale,
      remindedFor: expertProfiles.urssafReminderFor,
      latest: sql<string>`max(${evidenceFiles.issuedOn})::text`,
    })
    .from(expertProfiles)
    .innerJoin(users, eq(users.id, expertProfiles.userId))
    .innerJoin(evidenceFiles, and(eq(evidenceFiles.profileId, expertProfiles.id), eq(evidenceFiles.kind, "urssaf")))
    .where(eq(expertProfiles.status, "verified"))
    .groupBy(expertProfiles.id, users.email, users.locale);

  let sent = 0;
  for (const c of candidates) {
    if (!c.latest || c.remindedFor === c.latest) continue;
    const staleOn = urssafStaleOn(c.latest);
    const remindFrom = new Date(`${staleOn}T00:00:00Z`);
    remindFrom.setUTCDate(remindFrom.getUTCDate() - URSSAF_REMINDER_DAYS);
    if (remindFrom.toISOString().slice(0, 10) > today) continue;
    await db.transaction(async (tx) => {
      await tx.update(expertProfiles).set({ urssafReminderFor: c.latest }).where(eq(expertProfiles.id, c.profileId));
      await sendEmail(tx, {
        template: "urssaf-reminder",
        to: c.email,
        idempotencyKey: `urssaf-reminder:${c.profileId}:${c.latest}`,
        props: { locale: c.locale, staleOn, url: appUrl("/expert/profile") },
      });
    });
    sent += 1;
  }
  return sent;
}
