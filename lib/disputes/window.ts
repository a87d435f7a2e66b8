import type { Dispute } from "@/db/schema";
import { env } from "@/lib/env";

const DAY_MS = 86_400_000;

/** When the expert's time to answer ends: set at opening (disputes from before that count from their opening). */
export function responseDueAt(dispute: Pick<Dispute, "responseDueAt" | "createdAt">): Date {
  return dispute.responseDueAt ?? new Date(dispute.createdAt.getTime() + env().DISPUTE_RESPONSE_DAYS * DAY_MS);
}

/** The end of the response window of a dispute opened `now`. */
export function newResponseDueAt(now: Date): Date {
  return new Date(now.getTime() + env().DISPUTE_RESPONSE_DAYS * DAY_MS);
}

/**
 * Whether an admin may decide now. Both sides must have been heard: the expert's response
 * window has run out, or both the client and the expert said they have nothing to add. A side's
 * "ready" is cleared when the other side writes again, so no one is decided against on a
 * message they had no time to answer.
 */
export function mayDecideNow(dispute: Pick<Dispute, "responseDueAt" | "createdAt" | "clientReadyAt" | "expertReadyAt">, now = new Date()): boolean {
  if (dispute.clientReadyAt && dispute.expertReadyAt) return true;
  return now.getTime() >= responseDueAt(dispute).getTime();
}
