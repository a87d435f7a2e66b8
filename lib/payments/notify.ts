import "server-only";
import type { Transaction } from "@/db/client";
import type { Contract, ContractMilestone } from "@/db/schema";
import type { PaymentEvent } from "@/emails/PaymentEventEmail";
import { sendEmail } from "@/lib/email/send-email";
import { appUrl } from "@/lib/http/app-url";
import { contractRecipients } from "@/lib/contracts/access";

/**
 * Emails everyone in `audiences` about a money event on a milestone, each in their language.
 * `key` makes the email unique per event (derive it from the row that changed).
 */
export async function notifyMilestone(
  tx: Transaction,
  input: {
    contract: Contract;
    milestone: ContractMilestone;
    event: PaymentEvent;
    audiences: ("expert" | "client" | "admins")[];
    amountCents: number;
    key: string;
    days?: number;
    note?: string | null;
    path?: string;
    /** A payout to the expert: the tax and social notice with the gross amount (art. 242 bis du CGI). */
    tax?: { grossCents: number; commissionCents: number };
  },
): Promise<void> {
  const url = appUrl(input.path ?? `/contracts/${input.contract.id}`);
  for (const audience of input.audiences) {
    for (const recipient of await contractRecipients(tx, input.contract, audience)) {
      await sendEmail(tx, {
        template: "payment-event",
        to: recipient.email,
        idempotencyKey: `${input.event}:${input.key}:${recipient.id}`,
        props: {
          locale: recipient.locale,
          event: input.event,
          jobTitle: input.contract.facts.job.title,
          milestoneTitle: input.milestone.title,
          amountCents: input.amountCents,
          days: input.days,
          note: input.note ?? null,
          url,
          tax: input.tax ?? null,
        },
      });
    }
  }
}
