import "server-only";
import { eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { einvoiceTransmissions, invoices, type Invoice } from "@/db/schema";
import { invoicePdfBytes } from "@/lib/invoicing/files";
import { sha256Hex } from "@/lib/invoicing/chain";
import { queueJob } from "@/lib/background/queue";
import type { Executor } from "@/db/client";
import { paConnector } from "./connector";
import { lookupAddress } from "./directory";
import { PaError, type FlowInfo, type PaConnector } from "./pa-client";
import { recordStatus } from "./record-status";
import { isEReported } from "./reports";

export const SUBMIT_EINVOICE_TASK = "einvoice_submit";
export const SUBMIT_MAX_ATTEMPTS = 12;

/** Queues a document's submission, with `executor` (the issuing transaction: the job exists only if the document does). */
export async function queueEinvoiceSubmission(executor: Executor, invoiceId: string): Promise<void> {
  await queueJob(executor, SUBMIT_EINVOICE_TASK, { invoiceId }, { key: `einvoice:${invoiceId}`, maxAttempts: SUBMIT_MAX_ATTEMPTS });
}

type Prepared = { invoice: Invoice; attempt: number } | string;

/**
 * Worker: sends one issued invoice or credit note to the PA, as one flow. Intent first (the
 * transmission row and its attempt count committed), then the calls with no transaction open,
 * then the result in a short transaction. The trackingId is the document's id: a retry (after a
 * crash, a timeout, a lost answer) first searches the PA for a flow with that trackingId and
 * adopts it, so a document is never sent twice. A retryable failure throws (graphile-worker
 * retries with backoff); on the last attempt, or when the PA refuses the request, it is marked
 * failed for an admin to retry.
 */
export async function submitEinvoice(invoiceId: string, options: { connector?: PaConnector | null; isLastAttempt?: boolean } = {}): Promise<string> {
  const connector = options.connector === undefined ? paConnector() : options.connector;
  const prepared = await prepare(invoiceId, connector !== null);
  // Issued in the name of an expert who sends through their own PA (a credit note follows its invoice): they deposit it.
  if (typeof prepared !== "string" && prepared.invoice.document.sellerPa) return markNotTransmitted(prepared.invoice.id, "seller_pa");
  if (typeof prepared === "string") return prepared;
  if (!connector) return "e-invoicing off";
  const { invoice, attempt } = prepared;
  try {
    // A buyer abroad or without SIREN (B2C, international): its data is e-reported instead (reports.ts).
    if (isEReported(invoice.document)) return markNotTransmitted(invoice.id, "e_reported");
    const siren = invoice.document.buyer.siren;
    const address = siren ? await lookupAddress(connector, siren) : null;
    if (!address) return markNotTransmitted(invoice.id, "buyer_no_address");
    const existing = attempt > 1 ? (await connector.searchFlows({ trackingId: invoice.id })).find((f) => f.trackingId === invoice.id) : undefined;
    const flow = existing ?? (await send(connector, invoice));
    return recordSubmitted(invoice.id, flow);
  } catch (error) {
    const paError = error instanceof PaError ? error : new PaError(error instanceof Error ? error.message : String(error), true);
    const final = !paError.retryable || options.isLastAttempt === true;
    await db
      .update(einvoiceTransmissions)
      .set({ lastError: paError.message.slice(0, 500), state: final ? "failed" : "queued", updatedAt: new Date() })
      .where(eq(einvoiceTransmissions.invoiceId, invoice.id));
    if (final) return "failed";
    throw paError;
  }
}

async function send(connector: PaConnector, invoice: Invoice): Promise<FlowInfo> {
  const pdf = await invoicePdfBytes(invoice);
  return connector.submitFlow({ trackingId: invoice.id, fileName: `${invoice.number}.pdf`, file: pdf, sha256: sha256Hex(pdf) });
}

async function prepare(invoiceId: string, on: boolean): Promise<Prepared> {
  return db.transaction(async (tx) => {
    const [invoice] = await tx.select().from(invoices).where(eq(invoices.id, invoiceId));
    if (!invoice) return "unknown invoice";
    await tx.insert(einvoiceTransmissions).values({ invoiceId, trackingId: invoiceId }).onConflictDoNothing();
    const [row] = await tx.execute<{ state: string; attempts: number }>(sql`select state, attempts from einvoice_transmissions where invoice_id = ${invoiceId} for update`);
    if (!row) throw new Error(`e-invoice ${invoiceId}: no transmission row`);
    if (row.state === "submitted") return "already submitted";
    if (invoice.document.sellerPa) return { invoice, attempt: row.attempts };
    if (!on) {
      await tx.update(einvoiceTransmissions).set({ state: "not_transmitted", skipReason: "no_pa", updatedAt: new Date() }).where(eq(einvoiceTransmissions.invoiceId, invoiceId));
      return "not transmitted: no PA configured";
    }
    const attempt = row.attempts + 1;
    await tx.update(einvoiceTransmissions).set({ state: "queued", skipReason: null, attempts: attempt, updatedAt: new Date() }).where(eq(einvoiceTransmissions.invoiceId, invoiceId));
    return { invoice, attempt };
  });
}

const SKIPPED = {
  buyer_no_address: "not transmitted: buyer has no electronic address",
  e_reported: "not transmitted: e-reported (B2C or international)",
  seller_pa: "not transmitted: the seller's own PA transmits it",
} as const;

async function markNotTransmitted(invoiceId: string, reason: keyof typeof SKIPPED): Promise<string> {
  await db.update(einvoiceTransmissions).set({ state: "not_transmitted", skipReason: reason, updatedAt: new Date() }).where(eq(einvoiceTransmissions.invoiceId, invoiceId));
  return SKIPPED[reason];
}

/** The flow the PA holds, with its acknowledgement if it came at once (Ok: Déposée; Error: Rejetée). */
export async function recordSubmitted(invoiceId: string, flow: FlowInfo): Promise<string> {
  return db.transaction(async (tx) => {
    await tx
      .update(einvoiceTransmissions)
      .set({ state: "submitted", flowId: flow.flowId, lastError: null, updatedAt: new Date() })
      .where(eq(einvoiceTransmissions.invoiceId, invoiceId));
    await recordAcknowledgement(tx, invoiceId, flow);
    return "submitted";
  });
}

export async function recordAcknowledgement(executor: Executor, invoiceId: string, flow: FlowInfo): Promise<boolean> {
  if (flow.ackStatus !== "Ok" && flow.ackStatus !== "Error") return false;
  const at = new Date(flow.updatedAt ?? flow.submittedAt ?? Date.now());
  return recordStatus(executor, { invoiceId, code: flow.ackStatus === "Ok" ? 200 : 213, occurredAt: at, flowId: flow.flowId, reason: flow.ackReason });
}
