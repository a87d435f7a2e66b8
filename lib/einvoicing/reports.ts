import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { einvoiceReports, type InvoiceDocument } from "@/db/schema";
import { queueJob } from "@/lib/background/queue";

export const SEND_REPORT_TASK = "einvoice_report";
/** Attempts per report (graphile-worker's backoff spreads them over about a day): a payment status waits for its invoice's flow. */
export const REPORT_MAX_ATTEMPTS = 15;

export async function queueReportJob(executor: Executor, reportId: string): Promise<void> {
  await queueJob(executor, SEND_REPORT_TASK, { reportId }, { key: `einvoice-report:${reportId}`, maxAttempts: REPORT_MAX_ATTEMPTS });
}

/** A buyer with no French electronic address in the snapshot (abroad, or no SIREN) is e-reported, not e-invoiced. */
export function isEReported(doc: InvoiceDocument): boolean {
  return doc.buyer.electronicAddress === undefined ? !(doc.buyer.siren && doc.buyer.country === "FR") : !doc.buyer.electronicAddress;
}

/**
 * Payment data is owed for a service whose VAT is due on receipt: VAT charged and no option for
 * debits (XP Z12-012: the status 212 "Encaissée" for an e-invoiced document, an e-reporting
 * payment report otherwise). Not for a franchise seller (no VAT) nor a seller on debits.
 */
export function owesPaymentData(doc: InvoiceDocument): boolean {
  return doc.kind === "invoice" && doc.totals.vatCents > 0 && doc.vatOnDebits !== true;
}

/**
 * With the issuing transaction: the e-reports a new document needs, each queued once (unique per
 * document and kind; the job is keyed by the report). A B2C or international document gets a
 * transaction report; a service invoice whose VAT is due on receipt gets a payment report (the
 * funds were received through Compagnon before the invoice was issued: its payment date).
 */
export async function queueEinvoiceReports(executor: Executor, invoiceId: string, doc: InvoiceDocument): Promise<void> {
  const eReported = isEReported(doc);
  const rate = doc.vatBreakdown[0]?.rateBps ?? doc.lines[0]?.vatRateBps ?? 0;
  const wanted = [
    eReported ? { kind: "transaction" as const, occurredOn: doc.issueDate } : null,
    owesPaymentData(doc) ? { kind: "payment" as const, occurredOn: doc.payment.paidOn } : null,
  ].filter((r) => r !== null);
  for (const report of wanted) {
    const [row] = await executor
      .insert(einvoiceReports)
      .values({
        invoiceId,
        kind: report.kind,
        channel: eReported ? "ereporting" : "lifecycle",
        occurredOn: report.occurredOn,
        amountCents: doc.totals.inclVatCents,
        vatCents: doc.totals.vatCents,
        vatRateBps: rate,
      })
      .onConflictDoNothing()
      .returning({ id: einvoiceReports.id });
    if (row) await queueReportJob(executor, row.id);
  }
}

export async function reportById(executor: Executor, reportId: string) {
  const [row] = await executor.select().from(einvoiceReports).where(eq(einvoiceReports.id, reportId));
  return row ?? null;
}
