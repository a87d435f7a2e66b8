import "server-only";
import type { Transaction } from "@/db/client";
import type { Contract } from "@/db/schema";
import type { TicketEvent } from "@/emails/TicketEventEmail";
import { contractRecipients } from "@/lib/contracts/access";
import { sendEmail } from "@/lib/email/send-email";
import { appUrl } from "@/lib/http/app-url";

/**
 * Emails (and in-app notifications) one ticket event to the contract's client members, its
 * expert, or both, in each reader's language; `key` makes each email once. `files` is how many
 * files came with it: the email says so, and never carries them.
 */
export async function notifyTicket(
  tx: Transaction,
  contract: Contract,
  input: { event: TicketEvent; audiences: ("client" | "expert")[]; ticketTitle: string; path: string; key: string; files?: number },
): Promise<void> {
  for (const audience of input.audiences) {
    for (const recipient of await contractRecipients(tx, contract, audience)) {
      await sendEmail(tx, {
        template: "ticket-event",
        to: recipient.email,
        idempotencyKey: `ticket:${input.event}:${input.key}:${recipient.id}`,
        props: { locale: recipient.locale, event: input.event, jobTitle: contract.facts.job.title, ticketTitle: input.ticketTitle, url: appUrl(input.path), files: input.files ?? 0 },
      });
    }
  }
}

export const ticketPath = (contractId: string, ticketId: string) => `/contracts/${contractId}/tickets/${ticketId}`;
