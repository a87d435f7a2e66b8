import "server-only";
import { db } from "@/db/client";
import { sendEmail } from "@/lib/email/send-email";
import { appUrl } from "@/lib/http/app-url";
import { parisDay } from "@/lib/dates";
import { reportableSellers } from "./sellers";

/**
 * Daily worker task. In December, every expert paid this year whose declaration data is missing
 * is asked once to complete it (first and last name, date of birth, SIREN, address). From 1 to
 * 31 January, every expert paid the previous year gets once their copy of what the platform
 * declares for them (DAC7, art. 242 bis), with a link to the full copy. Emails are idempotent by
 * expert and year: a rerun, or a second worker, sends nothing twice.
 */
export async function sendDac7Notices(now = new Date()): Promise<{ reminders: number; copies: number }> {
  const today = parisDay(now);
  const [year, month] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  let reminders = 0;
  let copies = 0;
  if (month === 12) {
    for (const seller of await reportableSellers(db, year)) {
      if (seller.missing.length === 0 || (seller.missing.length === 1 && seller.missing[0] === "financialAccount")) continue;
      const sent = await sendEmail(db, {
        template: "dac7",
        to: seller.email,
        idempotencyKey: `dac7-reminder:${seller.userId}:${year}`,
        props: { locale: seller.locale, kind: "reminder", year, url: appUrl("/expert/tax-details") },
      });
      if (sent.created) reminders += 1;
    }
  }
  if (month === 1) {
    for (const seller of await reportableSellers(db, year - 1)) {
      const sent = await sendEmail(db, {
        template: "dac7",
        to: seller.email,
        idempotencyKey: `dac7-copy:${seller.userId}:${year - 1}`,
        props: {
          locale: seller.locale,
          kind: "copy",
          year: year - 1,
          url: appUrl(`/expert/dac7/${year - 1}`),
          considerationCents: seller.totals.considerationCents,
          feesCents: seller.totals.feesCents + seller.totals.taxesCents,
          activities: seller.totals.activities,
        },
      });
      if (sent.created) copies += 1;
    }
  }
  return { reminders, copies };
}
