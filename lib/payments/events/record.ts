import { sql } from "drizzle-orm";
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
  await executor.execute(
    sql`select graphile_worker.add_job(${PROCESS_EVENT_TASK}, json_build_object('eventId', ${event.id}::text), job_key := ${`event:${event.id}`}::text, max_attempts := 25)`,
  );
  return true;
}
