import { and, asc, desc, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import { db } from "@/db/client";
import { invoices, organizationMembers, type Invoice } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError, requireRole } from "@/lib/auth/policy";
import { isUuidLike } from "@/lib/ids";
import { csvLine } from "@/lib/text/csv";

export interface Period {
  /** Inclusive, YYYY-MM-DD. */
  from?: string;
  /** Exclusive, YYYY-MM-DD. */
  to?: string;
}

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/** Which invoices an actor may see: the client's organisation's, the expert's own (both ways), or all for admins. */
async function visibleTo(actor: Actor | null): Promise<SQL | undefined> {
  const user = requireRole(actor, "client", "expert", "admin");
  if (user.role === "admin") return undefined;
  if (user.role === "expert") return eq(invoices.expertUserId, user.id);
  const orgs = await db.select({ id: organizationMembers.organizationId }).from(organizationMembers).where(eq(organizationMembers.userId, user.id));
  if (orgs.length === 0) return sql`false`;
  return and(inArray(invoices.organizationId, orgs.map((o) => o.id)), eq(invoices.role, "service"));
}

function inPeriod(period: Period): SQL[] {
  return [
    ...(period.from && isoDay.test(period.from) ? [gte(invoices.issueDate, period.from)] : []),
    ...(period.to && isoDay.test(period.to) ? [lt(invoices.issueDate, period.to)] : []),
  ];
}

/** The actor's invoices and credit notes in a period, newest first. */
export async function listInvoices(actor: Actor | null, period: Period = {}): Promise<Invoice[]> {
  const scope = await visibleTo(actor);
  return db
    .select()
    .from(invoices)
    .where(and(scope, ...inPeriod(period)))
    .orderBy(desc(invoices.issueDate), desc(invoices.number));
}

/** One invoice, for its parties and admins only (anyone else: PolicyError, as if it did not exist). */
export async function getInvoiceFor(actor: Actor | null, invoiceId: string): Promise<Invoice> {
  const scope = await visibleTo(actor);
  if (!isUuidLike(invoiceId)) throw new PolicyError("forbidden");
  const [invoice] = await db.select().from(invoices).where(and(eq(invoices.id, invoiceId), scope));
  if (!invoice) throw new PolicyError("forbidden");
  return invoice;
}


/**
 * The accountant's export (French CSV: semicolon, decimal comma, UTF-8 with BOM): one row per
 * invoice or credit note (credit notes negative), oldest first.
 */
export async function invoicesCsv(actor: Actor | null, period: Period = {}): Promise<string> {
  const rows = (await listInvoices(actor, period)).sort((a, b) => a.issueDate.localeCompare(b.issueDate) || a.number.localeCompare(b.number));
  const header = ["Date", "Numéro", "Type", "Vendeur", "SIREN vendeur", "Acheteur", "SIREN acheteur", "Montant HT", "TVA", "Montant TTC", "Référence de paiement", "Facture corrigée"];
  const lines = rows.map((invoice) => {
    const sign = invoice.kind === "credit_note" ? -1 : 1;
    const doc = invoice.document;
    return csvLine([
      invoice.issueDate,
      invoice.number,
      invoice.kind === "credit_note" ? "Avoir" : invoice.role === "commission" ? "Facture de commission" : "Facture (autofacturation)",
      doc.seller.name,
      doc.seller.siren ?? "",
      doc.buyer.name,
      doc.buyer.siren ?? "",
      { amount: sign * invoice.exVatCents },
      { amount: sign * invoice.vatCents },
      { amount: sign * invoice.inclVatCents },
      invoice.paymentReference,
      doc.corrects?.number ?? "",
    ]);
  });
  return `\uFEFF${[header.join(";"), ...lines].join("\r\n")}\r\n`;
}

/**
 * Article 242 bis du CGI: for an expert and a calendar year, the number of transactions made
 * through Compagnon and their gross amount (what clients paid, VAT included, net of credit
 * notes). Available from 1 January of the following year.
 */
export async function yearlyStatement(actor: Actor | null, year: number, today = new Date()) {
  const expert = requireRole(actor, "expert");
  if (!Number.isInteger(year) || year < 2020 || year >= today.getFullYear()) return null;
  const rows = await db
    .select()
    .from(invoices)
    .where(and(eq(invoices.expertUserId, expert.id), eq(invoices.role, "service"), eq(invoices.year, year)))
    // Each invoice, then its credit notes (a credit note sorts under the invoice it corrects).
    .orderBy(
      sql`coalesce((select c.issue_date from invoices c where c.id = ${invoices.correctsInvoiceId}), ${invoices.issueDate})`,
      sql`coalesce((select c.number from invoices c where c.id = ${invoices.correctsInvoiceId}), ${invoices.number})`,
      asc(invoices.kind),
      asc(invoices.issueDate),
      asc(invoices.number),
    );
  const transactions = rows.filter((r) => r.kind === "invoice").length;
  const grossCents = rows.reduce((sum, r) => sum + (r.kind === "credit_note" ? -r.inclVatCents : r.inclVatCents), 0);
  const exVatCents = rows.reduce((sum, r) => sum + (r.kind === "credit_note" ? -r.exVatCents : r.exVatCents), 0);
  return { year, transactions, grossCents, exVatCents, invoices: rows.map((r) => ({ number: r.number, issueDate: r.issueDate, kind: r.kind, inclVatCents: r.inclVatCents })) };
}

/** The years for which an expert's statement can be downloaded (past years with invoices). */
export async function statementYears(actor: Actor | null, today = new Date()): Promise<number[]> {
  const expert = requireRole(actor, "expert");
  const rows = await db
    .selectDistinct({ year: invoices.year })
    .from(invoices)
    .where(and(eq(invoices.expertUserId, expert.id), eq(invoices.role, "service"), lt(invoices.year, today.getFullYear())))
    .orderBy(desc(invoices.year));
  return rows.map((r) => r.year);
}
