import type { Invoice } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireRole } from "@/lib/auth/policy";
import { toCsv, type CsvCell } from "@/lib/export/csv";
import { listInvoices, type Period } from "./queries";

/**
 * Columns named as in the FEC (art. A47 A-1 du LPF) where the FEC has the notion; this is a list
 * of documents, not journal entries, so there is no CompteNum, Debit or Credit: one line per
 * document and VAT rate, amounts signed (credit notes negative). The rest are plain names.
 */
export const ACCOUNTING_CSV_HEADER = [
  "JournalCode",
  "JournalLib",
  "EcritureDate",
  "PieceRef",
  "PieceDate",
  "EcritureLib",
  "TypeDocument",
  "CodeTypeDocument",
  "VendeurNom",
  "VendeurSIREN",
  "VendeurTVA",
  "AcheteurNom",
  "AcheteurSIREN",
  "AcheteurTVA",
  "MontantHT",
  "TauxTVA",
  "MontantTVA",
  "MontantTTC",
  "Idevise",
  "ReferencePaiement",
  "PieceRefCorrigee",
  "MentionTVA",
];

/** Whose books a document goes into, for the one who exports it, and the other party named. */
function journal(actor: Actor, invoice: Invoice): { code: string; label: string; counterpart: string } {
  const { seller, buyer } = invoice.document;
  const platformSells = invoice.role === "commission";
  const actorSells = actor.role === "admin" ? platformSells : actor.role === "expert" && !platformSells;
  if (actorSells) return { code: "VE", label: "Ventes", counterpart: buyer.name };
  if (actor.role === "admin") return { code: "MDT", label: "Factures émises sous mandat pour les experts", counterpart: `${seller.name} → ${buyer.name}` };
  return { code: "AC", label: "Achats", counterpart: seller.name };
}

const fecDate = (isoDay: string) => isoDay.replaceAll("-", "");

function documentType(invoice: Invoice): string {
  if (invoice.kind === "credit_note") return "Avoir";
  return invoice.role === "commission" ? "Facture de commission" : "Facture émise sous mandat de facturation";
}

function rows(actor: Actor, invoice: Invoice): CsvCell[][] {
  const sign = invoice.kind === "credit_note" ? -1 : 1;
  const doc = invoice.document;
  const books = journal(actor, invoice);
  return doc.vatBreakdown.map((vat) => [
    books.code,
    books.label,
    fecDate(invoice.issueDate),
    invoice.number,
    fecDate(invoice.issueDate),
    `${documentType(invoice)} ${invoice.number} — ${books.counterpart}`,
    documentType(invoice),
    invoice.kind === "credit_note" ? "381" : "380",
    doc.seller.name,
    doc.seller.siren ?? "",
    doc.seller.vatNumber ?? "",
    doc.buyer.name,
    doc.buyer.siren ?? "",
    doc.buyer.vatNumber ?? "",
    { amount: sign * vat.basisCents },
    { rateBps: vat.rateBps },
    { amount: sign * vat.vatCents },
    { amount: sign * (vat.basisCents + vat.vatCents) },
    "EUR",
    // As printed on the document: the client's payment for a service invoice or its credit note,
    // the transfer the commission was deducted from for a commission invoice.
    doc.payment.reference,
    doc.corrects?.number ?? "",
    doc.vatExemptionNote ?? "",
  ]);
}

/**
 * The accountant's export of the invoices and credit notes the actor may see, oldest first
 * (French CSV through `toCsv`: semicolon, decimal comma, UTF-8 with BOM, formulas neutralised).
 */
export async function invoicesCsv(actor: Actor | null, period: Period = {}): Promise<string> {
  const viewer = requireRole(actor, "client", "expert", "admin");
  const invoices = (await listInvoices(viewer, period)).sort((a, b) => a.issueDate.localeCompare(b.issueDate) || a.number.localeCompare(b.number));
  return toCsv(ACCOUNTING_CSV_HEADER, invoices.flatMap((invoice) => rows(viewer, invoice)));
}
