import "server-only";
import type { Transaction } from "@/db/client";
import type { Contract } from "@/db/schema";
import type { HandoverEvent } from "@/emails/HandoverEventEmail";
import { contractRecipients } from "@/lib/contracts/access";
import { sendEmail } from "@/lib/email/send-email";
import { appUrl } from "@/lib/http/app-url";

/** Emails one side of the contract about its handover, each in their language; `key` makes each email once. */
export async function notifyHandover(tx: Transaction, contract: Contract, input: { event: HandoverEvent; audience: "client" | "expert"; key: string; access?: string }): Promise<void> {
  const url = appUrl(`/contracts/${contract.id}/handover`);
  for (const recipient of await contractRecipients(tx, contract, input.audience)) {
    await sendEmail(tx, {
      template: "handover-event",
      to: recipient.email,
      idempotencyKey: `handover:${input.event}:${input.key}:${recipient.id}`,
      props: {
        locale: recipient.locale,
        event: input.event,
        jobTitle: contract.facts.job.title,
        party: input.audience === "client" ? contract.facts.expert.name : contract.facts.client.legalName,
        access: input.access ?? null,
        url,
      },
    });
  }
}
