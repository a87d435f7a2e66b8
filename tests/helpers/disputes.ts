import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { disputes } from "@/db/schema";

/**
 * The expert's response window of a dispute has run out (as if DISPUTE_RESPONSE_DAYS had
 * passed): for tests about what a settlement does, not about when it may happen.
 */
export async function endResponseWindow(disputeId: string): Promise<void> {
  await db.update(disputes).set({ responseDueAt: new Date(Date.now() - 60_000) }).where(eq(disputes.id, disputeId));
}
