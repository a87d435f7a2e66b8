import "server-only";
import { queueJob } from "@/lib/jobs/queue";
import type { Executor } from "@/db/client";
import { stripeEvents } from "@/db/schema";
import type { ProviderEvent } from "@/lib/payments/provider/types";

export const PROCESS_EVENT_TASK = "process_stripe_event";

/**
 * Records an accepted event once (its id is the primary key) and queues its processing in the
 * same transaction; a replay of the same id changes nothing. Returns whether it was new.
 */
export async function recordProviderEvent(executor: Executor, event: ProviderEvent): Promise<boolean> {
  const inserted = await executor
    .insert(stripeEvents)
    .values({ id: event.id, type: event.type, livemode: event.livemode, payload: event as unknown as Record<string, unknown> })
    .onConflictDoNothing({ target: stripeEvents.id })
    .returning({ id: stripeEvents.id });
  if (inserted.length === 0) return false;
  await queueEventProcessing(executor, event.id);
  return true;
}

/** Queues (or re-queues, to run now) the processing of a recorded event. */
export async function queueEventProcessing(executor: Executor, eventId: string): Promise<void> {
  await queueJob(executor, PROCESS_EVENT_TASK, { eventId }, { key: `event:${eventId}`, maxAttempts: 25 });
}
