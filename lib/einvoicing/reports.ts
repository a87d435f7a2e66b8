import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { einvoiceReports, invoices, type InvoiceDocument } from "@/db/schema";
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
 * payment report otherwise). Not for a franchise seller (no VAT) nor a seller on debits (an expert
 * who said so, or Compagnon with PLATFORM_VAT_ON_DEBITS for its commission), nor for a seller who
 * sends through its own PA (its PA reports). A credit note owes the refund, negative, when its
 * invoice owed the payment (see `queueEinvoiceReports`).
 */
export function owesPaymentData(doc: InvoiceDocument): boolean {
  return doc.totals.vatCents > 0 && doc.vatOnDebits !== true && !doc.sellerPa;
}

/**
 * With the issuing transaction: the payment data a new document needs, queued once (unique per
 * document and kind; the job is keyed by the report). A service invoice whose VAT is due on
 * receipt reports what was received (the funds came through Compagnon before the invoice was
 * issued: its payment date); a credit note on an invoice already reported as paid (a refund after
 * release, a dispute split) reports the refund as a negative amount received, on its day, through
 * the same channel. B2C and international transaction data is not reported per document: it goes
 * in the seller's period report (periods.ts, period-reports.ts).
 */
export async function queueEinvoiceReports(executor: Executor, invoiceId: string, doc: InvoiceDocument): Promise<void> {
  if (!owesPaymentData(doc)) return;
  const sign = doc.kind === "credit_note" ? -1 : 1;
  if (doc.kind === "credit_note" && !(await correctedInvoiceWasReported(executor, invoiceId))) return;
  const [row] = await executor
    .insert(einvoiceReports)
    .values({
      invoiceId,
      kind: "payment",
      channel: isEReported(doc) ? "ereporting" : "lifecycle",
      occurredOn: doc.payment.paidOn,
      amountCents: sign * doc.totals.inclVatCents,
      vatCents: sign * doc.totals.vatCents,
      vatRateBps: doc.vatBreakdown[0]?.rateBps ?? doc.lines[0]?.vatRateBps ?? 0,
    })
    .onConflictDoNothing()
    .returning({ id: einvoiceReports.id });
  if (row) await queueReportJob(executor, row.id);
}

/** Whether the invoice a credit note corrects has its payment reported (or to be). */
async function correctedInvoiceWasReported(executor: Executor, creditNoteId: string): Promise<boolean> {
  const [row] = await executor
    .select({ id: einvoiceReports.id })
    .from(invoices)
    .innerJoin(einvoiceReports, and(eq(einvoiceReports.invoiceId, invoices.correctsInvoiceId), eq(einvoiceReports.kind, "payment")))
    .where(eq(invoices.id, creditNoteId));
  return row !== undefined;
}

export async function reportById(executor: Executor, reportId: string) {
  const [row] = await executor.select().from(einvoiceReports).where(eq(einvoiceReports.id, reportId));
  return row ?? null;
}
