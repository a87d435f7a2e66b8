import "server-only";
import { and, eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { reviews, type Contract, type ContractSide } from "@/db/schema";
import { sendEmail } from "@/lib/email/send-email";
import { contractRecipients } from "@/lib/contracts/access";
import { appUrl } from "@/lib/http/app-url";

/**
 * Tells the reviewed side about a new review, each person in their language: the expert for
 * the client's review, every member of the client organisation for the expert's. The email
 * invites them to review in turn when their side has not done so yet.
 */
export async function notifyReview(
  tx: Transaction,
  input: { contract: Contract; side: ContractSide; reviewId: string; rating: number; comment: string },
): Promise<void> {
  const { contract, side } = input;
  const reviewedSide: ContractSide = side === "client" ? "expert" : "client";
  const [theirs] = await tx
    .select({ id: reviews.id })
    .from(reviews)
    .where(and(eq(reviews.contractId, contract.id), eq(reviews.side, reviewedSide)));
  const url = appUrl(`/contracts/${contract.id}#contract-reviews`);
  for (const recipient of await contractRecipients(tx, contract, reviewedSide)) {
    await sendEmail(tx, {
      template: "review",
      to: recipient.email,
      idempotencyKey: `review:${input.reviewId}:${recipient.id}`,
      props: {
        locale: recipient.locale,
        from: side,
        party: side === "client" ? contract.facts.client.legalName : contract.facts.expert.name,
        jobTitle: contract.facts.job.title,
        rating: input.rating,
        comment: input.comment,
        invite: !theirs,
        url,
      },
    });
  }
}
