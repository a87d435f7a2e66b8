import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { sessions, type SecondFactorMethod } from "@/db/schema";

/** Marks the current session (and only it) as having passed the second factor. */
export async function markSessionSecondFactor(
  executor: Executor,
  actor: { id: string; sessionId: string },
  method: SecondFactorMethod,
): Promise<void> {
  await executor
    .update(sessions)
    .set({ secondFactorMethod: method, secondFactorAt: new Date() })
    .where(and(eq(sessions.id, actor.sessionId), eq(sessions.userId, actor.id)));
}
