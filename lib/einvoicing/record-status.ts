import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { einvoiceStatusEvents, einvoiceTransmissions } from "@/db/schema";
import { log } from "@/lib/observability/logger";
import { notifyEinvoiceAction } from "./notify-action";
import { LIFECYCLE_NAMES, isLifecycleCode, needsAction } from "./statuses";

const logger = log("einvoicing");

/**
 * Records one lifecycle status of a document (once: a replay changes nothing) and makes it the
 * document's current status only if it is not older than the one shown: statuses may arrive out
 * of order, the latest in the PA's time wins. A new status that needs action alerts the admins and
 * the expert (notify-action.ts) in the same transaction: the outbox sends it after the commit.
 * Returns whether it was new.
 */
export async function recordStatus(
  executor: Executor,
  input: { invoiceId: string; code: number; occurredAt: Date; flowId: string | null; reason?: string | null },
): Promise<boolean> {
  if (!isLifecycleCode(input.code)) {
    logger.warn({ invoiceId: input.invoiceId, code: input.code }, "unknown e-invoicing lifecycle code ignored");
    return false;
  }
  return executor.transaction(async (tx) => {
    const inserted = await tx
      .insert(einvoiceStatusEvents)
      .values({ invoiceId: input.invoiceId, code: input.code, occurredAt: input.occurredAt, flowId: input.flowId, reason: input.reason ?? null })
      .onConflictDoNothing()
      .returning({ id: einvoiceStatusEvents.id });
    if (inserted.length === 0) return false;
    await tx
      .update(einvoiceTransmissions)
      .set({ lifecycleCode: input.code, lifecycleAt: input.occurredAt, updatedAt: new Date() })
      .where(and(eq(einvoiceTransmissions.invoiceId, input.invoiceId), sql`(${einvoiceTransmissions.lifecycleAt} is null or ${einvoiceTransmissions.lifecycleAt} <= ${input.occurredAt.toISOString()}::timestamptz)`));
    if (needsAction(input.code)) {
      logger.warn({ invoiceId: input.invoiceId, code: input.code, status: LIFECYCLE_NAMES[input.code], reason: input.reason }, "e-invoice needs action: issue a credit note and a new invoice");
      await notifyEinvoiceAction(tx, { invoiceId: input.invoiceId, code: input.code, reason: input.reason ?? null });
    }
    return true;
  });
}
