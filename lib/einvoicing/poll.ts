import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { einvoicePollCursor, einvoiceTransmissions } from "@/db/schema";
import { paConnector } from "./connector";
import { applyLifecycleFlow } from "./lifecycle-flow";
import type { PaConnector } from "./pa-client";
import { recordAcknowledgement } from "./submit";
import { queuePendingEinvoices } from "./pending";
import { pollReportAcknowledgements } from "./send-report";

export const POLL_EINVOICE_TASK = "einvoice_poll";
/** Lifecycle flows about the invoices we issued (XP Z12-013 flow types). */
export const LIFECYCLE_FLOW_TYPES = ["SupplierInvoiceLC", "CustomerInvoiceLC"];
const CURSOR_ID = "lifecycle";

/**
 * Cron: reads what the PA has for us, with no transaction open during a call. (1) The
 * acknowledgement of each submitted flow not recorded yet (Ok → Déposée, Error → Rejetée), then
 * those of the e-reports (a 212 Encaissée we sent). (2) Lifecycle flows updated since the cursor: each one's CDAR message is downloaded,
 * matched to our document by number, and recorded (once, out-of-order safe). The cursor moves to
 * the latest updatedAt read. Returns counts.
 */
export async function pollEinvoiceStatuses(connector: PaConnector | null = paConnector()): Promise<{ acknowledged: number; statuses: number }> {
  if (!connector) return { acknowledged: 0, statuses: 0 };
  // A PA configured since documents were issued without one: they are queued now, once.
  await queuePendingEinvoices();
  let acknowledged = 0;
  // Submitted flows whose acknowledgement (200 Déposée or 213 Rejetée) is not recorded yet, even
  // when another status came first (a 212 Encaissée we sent, a lifecycle flow read earlier).
  const waiting = await db
    .select({ invoiceId: einvoiceTransmissions.invoiceId, trackingId: einvoiceTransmissions.trackingId })
    .from(einvoiceTransmissions)
    .where(
      and(
        eq(einvoiceTransmissions.state, "submitted"),
        sql`not exists (select 1 from einvoice_status_events e where e.invoice_id = ${einvoiceTransmissions.invoiceId} and e.code in (200, 213))`,
      ),
    )
    .limit(200);
  for (const row of waiting) {
    const flow = (await connector.searchFlows({ trackingId: row.trackingId })).find((f) => f.trackingId === row.trackingId);
    if (!flow || (flow.ackStatus !== "Ok" && flow.ackStatus !== "Error")) continue;
    await recordAcknowledgement(db, row.invoiceId, flow);
    acknowledged += 1;
  }

  // Then the e-reports' acknowledgements (a 212 is recorded once its invoice's flow is acknowledged above).
  acknowledged += await pollReportAcknowledgements(connector);

  const [cursor] = await db.select().from(einvoicePollCursor).where(eq(einvoicePollCursor.id, CURSOR_ID));
  const flows = await connector.searchFlows({ flowTypes: LIFECYCLE_FLOW_TYPES, updatedAfter: cursor?.updatedAfter.toISOString() });
  let statuses = 0;
  let latest = cursor?.updatedAfter ?? null;
  for (const flow of flows) {
    if (await applyLifecycleFlow(connector, flow.flowId)) statuses += 1;
    const updated = flow.updatedAt ? new Date(flow.updatedAt) : null;
    if (updated && (!latest || updated > latest)) latest = updated;
  }
  if (latest && latest !== cursor?.updatedAfter) {
    await db.insert(einvoicePollCursor).values({ id: CURSOR_ID, updatedAfter: latest }).onConflictDoUpdate({ target: einvoicePollCursor.id, set: { updatedAfter: latest } });
  }
  return { acknowledged, statuses };
}
