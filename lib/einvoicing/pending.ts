import "server-only";
import { and, eq, gte, isNull, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { einvoiceReports, einvoiceTransmissions, invoices } from "@/db/schema";
import { log } from "@/lib/observability/logger";
import { isEinvoicingOn } from "./config";
import { queueReportJob } from "./reports";
import { queueEinvoiceSubmission } from "./submit";

/** Documents issued before this day are outside the reform (its first obligations: 1 September 2026). */
export const REFORM_START = "2026-09-01";
const BATCH = 500;

/**
 * When a PA is configured after documents were issued without one ("not transmitted: no PA
 * configured", or issued before e-invoicing existed and never looked at), each of them is queued
 * once: the move from not_transmitted/no_pa to queued and the job are one transaction, and a row
 * already queued is not picked again, so running it twice (two workers, every poll) queues
 * nothing twice. Their e-reports left aside for the same reason follow. Returns how many.
 */
export async function queuePendingEinvoices(on: boolean = isEinvoicingOn()): Promise<{ documents: number; reports: number }> {
  if (!on) return { documents: 0, reports: 0 };
  const result = await db.transaction(async (tx) => {
    const never = await tx
      .select({ id: invoices.id })
      .from(invoices)
      .leftJoin(einvoiceTransmissions, eq(einvoiceTransmissions.invoiceId, invoices.id))
      .where(and(isNull(einvoiceTransmissions.invoiceId), gte(invoices.issueDate, REFORM_START)))
      .limit(BATCH);
    if (never.length > 0) {
      await tx
        .insert(einvoiceTransmissions)
        .values(never.map((row) => ({ invoiceId: row.id, trackingId: row.id })))
        .onConflictDoNothing();
    }
    const moved = await tx
      .update(einvoiceTransmissions)
      .set({ state: "queued", skipReason: null, updatedAt: new Date() })
      .where(
        and(
          eq(einvoiceTransmissions.state, "not_transmitted"),
          eq(einvoiceTransmissions.skipReason, "no_pa"),
          sql`${einvoiceTransmissions.invoiceId} in (select id from invoices where issue_date >= ${REFORM_START} order by issue_date limit ${BATCH})`,
        ),
      )
      .returning({ invoiceId: einvoiceTransmissions.invoiceId });
    const documents = new Set([...never.map((row) => row.id), ...moved.map((row) => row.invoiceId)]);
    for (const invoiceId of documents) await queueEinvoiceSubmission(tx, invoiceId);
    const reports = await tx
      .update(einvoiceReports)
      .set({ state: "queued", skipReason: null, updatedAt: new Date() })
      .where(and(eq(einvoiceReports.state, "not_transmitted"), eq(einvoiceReports.skipReason, "no_pa")))
      .returning({ id: einvoiceReports.id });
    for (const report of reports) await queueReportJob(tx, report.id);
    return { documents: documents.size, reports: reports.length };
  });
  if (result.documents + result.reports > 0) log("einvoicing").info(result, "a PA is configured: documents issued without one are queued");
  return result;
}
