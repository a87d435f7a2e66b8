import "server-only";
import type { Transaction } from "@/db/client";
import type { Contract, ContractMilestone, Payment } from "@/db/schema";
import { contractRecipients } from "@/lib/contracts/access";
import { sendEmail } from "@/lib/email/send-email";
import { appUrl } from "@/lib/http/app-url";
import { milestoneCharge } from "./amounts";

/**
 * The client's receipt once a milestone's payment is confirmed (card, or a SEPA debit settled):
 * each member of the client organisation, in their language, once per payment and person.
 */
export async function sendPaymentReceipt(
  tx: Transaction,
  input: { contract: Contract; milestone: ContractMilestone; payment: Payment; method: string | null; paidAt: Date },
): Promise<void> {
  const { contract, milestone, payment } = input;
  const { exVatCents, vatCents } = milestoneCharge(milestone, contract);
  for (const recipient of await contractRecipients(tx, contract, "client")) {
    await sendEmail(tx, {
      template: "payment-receipt",
      to: recipient.email,
      idempotencyKey: `payment-receipt:${payment.id}:${recipient.id}`,
      props: {
        locale: recipient.locale,
        jobTitle: contract.facts.job.title,
        milestoneTitle: milestone.title,
        milestoneNumber: milestone.position + 1,
        amountCents: payment.amountCents,
        exVatCents,
        vatCents,
        method: input.method,
        paidAt: input.paidAt.toISOString(),
        reference: payment.id,
        url: appUrl(`/contracts/${contract.id}`),
      },
    });
  }
}
