import "server-only";
import { and, eq, inArray, ne } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { bids, users } from "@/db/schema";
import type { BidEvent } from "@/emails/BidEventEmail";
import { sendEmail } from "@/lib/email/send-email";
import { appUrl } from "@/lib/http/app-url";

/**
 * Declines a job's active bids (all of them, or all but `exceptBidId`) and emails each expert,
 * in their language, with `event` saying why. Call it inside the transaction of the cause.
 */
export async function declineActiveBids(
  tx: Transaction,
  job: { id: string; title: string },
  event: Extract<BidEvent, "jobClosed" | "jobCancelled" | "jobAwarded">,
  exceptBidId?: string,
): Promise<string[]> {
  const declined = await tx
    .update(bids)
    .set({ status: "declined", declineReason: null, updatedAt: new Date() })
    .where(
      and(
        eq(bids.jobId, job.id),
        inArray(bids.status, ["submitted", "shortlisted"]),
        exceptBidId ? ne(bids.id, exceptBidId) : undefined,
      ),
    )
    .returning({ id: bids.id, expertUserId: bids.expertUserId });
  if (declined.length === 0) return [];
  const experts = await tx
    .select({ id: users.id, email: users.email, locale: users.locale, name: users.name })
    .from(users)
    .where(inArray(users.id, declined.map((b) => b.expertUserId)));
  for (const bid of declined) {
    const expert = experts.find((e) => e.id === bid.expertUserId);
    if (!expert) continue;
    await sendEmail(tx, {
      template: "bid-event",
      to: expert.email,
      idempotencyKey: `${event}:${job.id}:${bid.id}`,
      props: { locale: expert.locale, event, jobTitle: job.title, expertName: expert.name ?? "", reason: null, url: appUrl("/jobs") },
    });
  }
  return declined.map((b) => b.id);
}
