import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { invoices } from "@/db/schema";
import { log } from "@/lib/observability/logger";
import { parseLifecycleMessage } from "./cdar";
import type { PaConnector } from "./pa-client";
import { recordStatus } from "./record-status";

const logger = log("einvoicing");

/**
 * One lifecycle flow the PA holds (polled or announced by a callback): its CDAR message is
 * downloaded from the PA (never taken from whoever announced it), matched to our document by
 * number and recorded (once, out-of-order safe). Returns whether a new status was recorded.
 */
export async function applyLifecycleFlow(connector: PaConnector, flowId: string): Promise<boolean> {
  const message = parseLifecycleMessage(new TextDecoder().decode(await connector.downloadFlow(flowId)));
  if (!message) {
    logger.warn({ flowId }, "lifecycle flow not understood, skipped");
    return false;
  }
  const [invoice] = await db.select({ id: invoices.id }).from(invoices).where(eq(invoices.number, message.invoiceNumber));
  if (!invoice) {
    logger.warn({ flowId }, "lifecycle flow for an unknown document, skipped");
    return false;
  }
  return recordStatus(db, { invoiceId: invoice.id, code: message.code, occurredAt: message.occurredAt, flowId, reason: message.reason });
}
