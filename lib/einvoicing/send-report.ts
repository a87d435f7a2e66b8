import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { einvoiceReports, einvoiceTransmissions, invoices, type EinvoiceReport, type Invoice } from "@/db/schema";
import { sha256Hex } from "@/lib/invoicing/chain";
import { paConnector } from "./connector";
import { PaError, type FlowInfo, type PaConnector } from "./pa-client";
import { recordStatus } from "./record-status";
import { periodDocuments } from "./period-reports";
import { eReportingFile, PAID_STATUS, paidStatusCdar, periodReportFile } from "./report-files";

const WAITING = "waiting for the invoice's flow";
/** What a report is sent about: one document (payment data), or a seller's period (its international documents listed). */
type Subject = { invoice: Invoice } | { period: Invoice[] };
type Prepared = { report: EinvoiceReport; subject: Subject; sentAt: Date; attempt: number } | string;

/**
 * Worker: sends one e-report to the PA, like an invoice: intent and attempt committed first, the
 * calls with no transaction open, the result in a short transaction. The trackingId is the
 * report's id (a retry adopts the flow the PA already has). A payment status (212) about an
 * e-invoiced document waits until the invoice's own flow is with the PA (a retryable wait); it is
 * dropped when the invoice was not transmitted. Without a PA: not transmitted, nothing else.
 */
export async function sendEinvoiceReport(reportId: string, options: { connector?: PaConnector | null; isLastAttempt?: boolean } = {}): Promise<string> {
  const connector = options.connector === undefined ? paConnector() : options.connector;
  const prepared = await prepare(reportId, connector !== null);
  if (prepared === WAITING) {
    if (!options.isLastAttempt) throw new PaError("the invoice is not with the PA yet: the payment status waits", true);
    await db.update(einvoiceReports).set({ state: "failed", lastError: "the invoice never reached the PA", updatedAt: new Date() }).where(eq(einvoiceReports.id, reportId));
    return "failed";
  }
  if (typeof prepared === "string") return prepared;
  if (!connector) return "e-invoicing off";
  const { report, subject, sentAt, attempt } = prepared;
  try {
    const existing = attempt > 1 ? (await connector.searchFlows({ trackingId: report.id })).find((f) => f.trackingId === report.id) : undefined;
    const flow = existing ?? (await send(connector, report, subject, sentAt));
    return recordSent(report, flow, sentAt);
  } catch (error) {
    const paError = error instanceof PaError ? error : new PaError(error instanceof Error ? error.message : String(error), true);
    const final = !paError.retryable || options.isLastAttempt === true;
    await db
      .update(einvoiceReports)
      .set({ lastError: paError.message.slice(0, 500), state: final ? "failed" : "queued", updatedAt: new Date() })
      .where(eq(einvoiceReports.id, report.id));
    if (final) return "failed";
    throw paError;
  }
}

async function send(connector: PaConnector, report: EinvoiceReport, subject: Subject, sentAt: Date): Promise<FlowInfo> {
  if ("period" in subject) {
    const file = new TextEncoder().encode(periodReportFile(report, subject.period.map((d) => d.document), sentAt));
    return connector.submitFlow({
      trackingId: report.id,
      fileName: `ereporting-transactions-${report.sellerSiren}-${report.periodStart}.xml`,
      file,
      sha256: sha256Hex(file),
      flowSyntax: "FRR",
      processingRule: (report.periodData?.days.length ?? 0) > 0 ? "B2C" : "B2BInt",
    });
  }
  const { invoice } = subject;
  const lifecycle = report.channel === "lifecycle";
  const xml = lifecycle ? paidStatusCdar(report, invoice.document, sentAt) : eReportingFile(report, invoice.document, sentAt);
  const file = new TextEncoder().encode(xml);
  return connector.submitFlow({
    trackingId: report.id,
    fileName: `${lifecycle ? "cdar-212" : `ereporting-${report.kind}`}-${invoice.number}.xml`,
    file,
    sha256: sha256Hex(file),
    flowSyntax: lifecycle ? "CDAR" : "FRR",
    processingRule: lifecycle ? "B2B" : invoice.document.buyer.country === "FR" ? "B2C" : "B2BInt",
  });
}

async function prepare(reportId: string, on: boolean): Promise<Prepared> {
  return db.transaction(async (tx) => {
    const [row] = await tx.execute<{ id: string }>(sql`select id from einvoice_reports where id = ${reportId} for update`);
    if (!row) return "unknown report";
    const [report] = await tx.select().from(einvoiceReports).where(eq(einvoiceReports.id, reportId));
    if (!report) return "unknown report";
    const [invoice] = report.invoiceId ? await tx.select().from(invoices).where(eq(invoices.id, report.invoiceId)) : [];
    if (report.invoiceId && !invoice) return "unknown report";
    if (report.state === "submitted") return "already submitted";
    const skip = async (reason: string, message: string) => {
      await tx.update(einvoiceReports).set({ state: "not_transmitted", skipReason: reason, updatedAt: new Date() }).where(eq(einvoiceReports.id, reportId));
      return message;
    };
    if (!on) return skip("no_pa", "not transmitted: no PA configured");
    if (report.channel === "lifecycle" && invoice) {
      // The status is about the invoice that was paid: a refund's (on a credit note) about the invoice it corrects.
      const paidInvoiceId = invoice.correctsInvoiceId ?? invoice.id;
      const [transmission] = await tx.select({ state: einvoiceTransmissions.state }).from(einvoiceTransmissions).where(eq(einvoiceTransmissions.invoiceId, paidInvoiceId));
      if (transmission?.state === "not_transmitted") return skip("invoice_not_transmitted", "not transmitted: the invoice was not");
      if (transmission?.state !== "submitted") return WAITING;
    }
    const attempt = report.attempts + 1;
    // Whole seconds: the CDAR carries the time to the second, and the PA's copy of the status read
    // back by the poll must be the same event (unique per document, code and time), not a second one.
    const sentAt = report.sentAt ?? new Date(Math.floor(Date.now() / 1000) * 1000);
    await tx.update(einvoiceReports).set({ state: "queued", skipReason: null, attempts: attempt, sentAt, updatedAt: new Date() }).where(eq(einvoiceReports.id, reportId));
    const subject: Subject = invoice ? { invoice } : { period: await periodDocuments(tx, report) };
    return { report: { ...report, sentAt }, subject, sentAt, attempt };
  });
}

/** The flow the PA holds; an acknowledged payment status is the document's 212 "Encaissée" (dated when sent). */
async function recordSent(report: EinvoiceReport, flow: FlowInfo, sentAt: Date): Promise<string> {
  return db.transaction(async (tx) => {
    await tx
      .update(einvoiceReports)
      .set({ state: flow.ackStatus === "Error" ? "failed" : "submitted", flowId: flow.flowId, ackStatus: flow.ackStatus === "Pending" ? null : flow.ackStatus, lastError: flow.ackStatus === "Error" ? flow.ackReason : null, updatedAt: new Date() })
      .where(eq(einvoiceReports.id, report.id));
    if (report.channel === "lifecycle" && report.invoiceId && flow.ackStatus === "Ok") {
      const [document] = await tx.select({ correctsInvoiceId: invoices.correctsInvoiceId }).from(invoices).where(eq(invoices.id, report.invoiceId));
      await recordStatus(tx, { invoiceId: document?.correctsInvoiceId ?? report.invoiceId, code: PAID_STATUS, occurredAt: sentAt, flowId: flow.flowId });
    }
    return flow.ackStatus === "Error" ? "refused by the PA" : "submitted";
  });
}

/** Cron (with the status poll): the acknowledgements of sent reports still without one. Returns how many came. */
export async function pollReportAcknowledgements(connector: PaConnector): Promise<number> {
  const waiting = await db
    .select()
    .from(einvoiceReports)
    .where(and(eq(einvoiceReports.state, "submitted"), isNull(einvoiceReports.ackStatus)))
    .limit(200);
  let count = 0;
  for (const report of waiting) {
    const flow = (await connector.searchFlows({ trackingId: report.id })).find((f) => f.trackingId === report.id);
    if (!flow || (flow.ackStatus !== "Ok" && flow.ackStatus !== "Error")) continue;
    await recordSent(report, flow, report.sentAt ?? new Date());
    count += 1;
  }
  return count;
}
