import "server-only";
import { desc, eq, inArray, or, and, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { einvoiceReports, einvoiceStatusEvents, einvoiceTransmissions, invoices } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireRole } from "@/lib/auth/policy";
import { isEinvoicingOn } from "./config";
import { ACTION_CODES, isLifecycleCode, type EinvoiceDisplay } from "./statuses";

/**
 * The e-invoicing status of each listed document (the caller has already checked that the actor
 * may see them: `listInvoices`). A document with no transmission row yet is queued when a PA is
 * configured, off otherwise.
 */
export async function einvoiceDisplays(invoiceIds: string[]): Promise<Map<string, EinvoiceDisplay>> {
  const result = new Map<string, EinvoiceDisplay>();
  if (invoiceIds.length === 0) return result;
  const rows = await db.select().from(einvoiceTransmissions).where(inArray(einvoiceTransmissions.invoiceId, invoiceIds));
  const byId = new Map(rows.map((row) => [row.invoiceId, row]));
  const on = isEinvoicingOn();
  for (const id of invoiceIds) {
    const row = byId.get(id);
    if (!row) result.set(id, on ? { kind: "queued" } : { kind: "off" });
    else if (row.lifecycleCode !== null && row.lifecycleAt && isLifecycleCode(row.lifecycleCode)) result.set(id, { kind: "status", code: row.lifecycleCode, at: row.lifecycleAt });
    else if (row.state === "not_transmitted") result.set(id, (SKIP_DISPLAYS[row.skipReason ?? ""] ?? { kind: "off" }));
    else result.set(id, { kind: row.state });
  }
  return result;
}

const SKIP_DISPLAYS: Record<string, EinvoiceDisplay> = { buyer_no_address: { kind: "no_address" }, e_reported: { kind: "e_reported" }, seller_pa: { kind: "seller_pa" } };

export interface EinvoiceProblem {
  invoiceId: string;
  number: string;
  kind: "invoice" | "credit_note";
  state: string;
  lifecycleCode: number | null;
  attempts: number;
  lastError: string | null;
  reason: string | null;
  updatedAt: Date;
}

/** Admin: documents that the PA or the buyer rejected, refused, disputed or suspended (first), or whose transmission failed. */
export async function listEinvoiceProblems(actor: Actor | null): Promise<EinvoiceProblem[]> {
  requireRole(actor, "admin");
  // The reason given with the status shown (a later replay without one does not hide it).
  const reason = sql<string | null>`(select e.reason from einvoice_status_events e where e.invoice_id = ${einvoiceTransmissions.invoiceId} and e.code = ${einvoiceTransmissions.lifecycleCode} order by e.occurred_at desc limit 1)`;
  const needing = inArray(einvoiceTransmissions.lifecycleCode, [...ACTION_CODES]);
  return db
    .select({
      invoiceId: einvoiceTransmissions.invoiceId,
      number: invoices.number,
      kind: invoices.kind,
      state: einvoiceTransmissions.state,
      lifecycleCode: einvoiceTransmissions.lifecycleCode,
      attempts: einvoiceTransmissions.attempts,
      lastError: einvoiceTransmissions.lastError,
      reason,
      updatedAt: einvoiceTransmissions.updatedAt,
    })
    .from(einvoiceTransmissions)
    .innerJoin(invoices, eq(invoices.id, einvoiceTransmissions.invoiceId))
    .where(or(eq(einvoiceTransmissions.state, "failed"), and(eq(einvoiceTransmissions.state, "submitted"), needing)))
    // Documents needing a credit note and a new invoice first, then failed transmissions; latest first.
    .orderBy(sql`case when ${needing} then 0 else 1 end`, desc(einvoiceTransmissions.updatedAt))
    .limit(200);
}

/** Admin: the whole status history of one document, oldest first. */
export async function einvoiceHistory(actor: Actor | null, invoiceId: string) {
  requireRole(actor, "admin");
  return db.select().from(einvoiceStatusEvents).where(eq(einvoiceStatusEvents.invoiceId, invoiceId)).orderBy(einvoiceStatusEvents.occurredAt);
}

export interface EinvoiceReportRow {
  id: string;
  /** The document, or null for a period report (its seller's SIREN and period instead). */
  invoiceId: string | null;
  number: string | null;
  sellerSiren: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  kind: "payment" | "transaction";
  channel: "lifecycle" | "ereporting";
  occurredOn: string;
  amountCents: number;
  vatCents: number;
  state: "queued" | "submitted" | "failed" | "not_transmitted";
  ackStatus: string | null;
  attempts: number;
  lastError: string | null;
  updatedAt: Date;
}

/** Admin: the report of what was e-reported (payments received and refunded, the period reports of B2C and international transactions), latest first. */
export async function listEinvoiceReports(actor: Actor | null, limit = 200): Promise<EinvoiceReportRow[]> {
  requireRole(actor, "admin");
  return db
    .select({
      id: einvoiceReports.id,
      invoiceId: einvoiceReports.invoiceId,
      number: invoices.number,
      sellerSiren: einvoiceReports.sellerSiren,
      periodStart: einvoiceReports.periodStart,
      periodEnd: einvoiceReports.periodEnd,
      kind: einvoiceReports.kind,
      channel: einvoiceReports.channel,
      occurredOn: einvoiceReports.occurredOn,
      amountCents: einvoiceReports.amountCents,
      vatCents: einvoiceReports.vatCents,
      state: einvoiceReports.state,
      ackStatus: einvoiceReports.ackStatus,
      attempts: einvoiceReports.attempts,
      lastError: einvoiceReports.lastError,
      updatedAt: einvoiceReports.updatedAt,
    })
    .from(einvoiceReports)
    .leftJoin(invoices, eq(invoices.id, einvoiceReports.invoiceId))
    .orderBy(desc(einvoiceReports.updatedAt))
    .limit(limit);
}
