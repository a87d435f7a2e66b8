import "server-only";
import { and, inArray, eq, ne } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { auditLog } from "@/db/schema";

/**
 * Past a record's retention period, its audit rows keep what happened and when (action, statuses,
 * date) but lose who acted and every free text: the reason typed (a decision's facts, a
 * complaint's body, an answer) and the data (which may name the content or the person). The row
 * recording the anonymisation itself (`keepAction`) stays whole. The audit log has no
 * append-only trigger (only the ledger and the invoices do): this is a plain update, in the
 * caller's transaction.
 */
export async function scrubAuditRows(executor: Executor, subjectType: string, subjectIds: string[], keepAction: string): Promise<number> {
  if (subjectIds.length === 0) return 0;
  const scrubbed = await executor
    .update(auditLog)
    .set({ actorId: null, reason: null, data: null })
    .where(and(eq(auditLog.subjectType, subjectType), inArray(auditLog.subjectId, subjectIds), ne(auditLog.action, keepAction)))
    .returning({ id: auditLog.id });
  return scrubbed.length;
}
