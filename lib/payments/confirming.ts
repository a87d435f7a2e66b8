import "server-only";
import { and, inArray, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { stripeEvents } from "@/db/schema";

/**
 * The sessions among `sessionIds` whose completion event we received (verified) but have not
 * processed yet: the client has paid, the milestone is funded as soon as the worker handles it.
 */
export async function sessionsPaidNotYetProcessed(executor: Executor, sessionIds: string[]): Promise<Set<string>> {
  if (sessionIds.length === 0) return new Set();
  const sessionId = sql<string>`${stripeEvents.payload}->'data'->'object'->>'id'`;
  const rows = await executor
    .select({ sessionId })
    .from(stripeEvents)
    .where(and(isNull(stripeEvents.processedAt), inArray(stripeEvents.type, ["checkout.session.completed", "checkout.session.async_payment_succeeded"]), inArray(sessionId, sessionIds)));
  return new Set(rows.map((r) => r.sessionId));
}

