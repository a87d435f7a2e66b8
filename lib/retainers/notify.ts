import "server-only";
import type { Transaction } from "@/db/client";
import type { Contract } from "@/db/schema";
import type { RetainerEvent } from "@/emails/RetainerEventEmail";
import { contractRecipients } from "@/lib/contracts/access";
import { sendEmail } from "@/lib/email/send-email";
import { appUrl } from "@/lib/http/app-url";
import { formatMoney } from "@/lib/money/format";

function longDay(day: string, locale: string): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "fr-FR", { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${day}T12:00:00Z`));
}

/**
 * Emails (and in-app notifications) one retainer event to the contract's client members, its
 * expert, or both, in each reader's language. `key` makes each email once (a retried job sends nothing twice).
 */
export async function notifyRetainer(
  tx: Transaction,
  contract: Contract,
  input: { event: RetainerEvent; audiences: ("client" | "expert")[]; period?: { start: string; end: string }; amountCents?: number; date?: string | null; key: string; path?: string },
): Promise<void> {
  for (const audience of input.audiences) {
    for (const recipient of await contractRecipients(tx, contract, audience)) {
      await sendEmail(tx, {
        template: "retainer-event",
        to: recipient.email,
        idempotencyKey: `retainer:${input.event}:${input.key}:${recipient.id}`,
        props: {
          locale: recipient.locale,
          event: input.event,
          jobTitle: contract.facts.job.title,
          period: input.period ? `${longDay(input.period.start, recipient.locale)} – ${longDay(input.period.end, recipient.locale)}` : "",
          amount: input.amountCents === undefined ? "" : formatMoney(input.amountCents, recipient.locale),
          date: input.date ? longDay(input.date, recipient.locale) : null,
          url: appUrl(input.path ?? `/contracts/${contract.id}`),
        },
      });
    }
  }
}
