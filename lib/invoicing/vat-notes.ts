import type { InvoiceDocument, VatTreatment } from "./types";

/** Art. 293 B du CGI: the seller is under the franchise en base. */
export const FRANCHISE_NOTE = "TVA non applicable, art. 293 B du CGI";
/**
 * Art. 283-2 du CGI (art. 196 of directive 2006/112/EC): a business client established in another
 * member state accounts for the VAT; art. 242 nonies A of annex II to the CGI wants the word
 * "Autoliquidation" on the invoice.
 */
export const REVERSE_CHARGE_NOTE = "Autoliquidation – TVA due par le preneur, art. 283-2 du CGI (art. 44 et 196 de la directive 2006/112/CE)";
/** Art. 259-1° du CGI: a service to a business client established outside the EU is taxed there, not in France. */
export const OUTSIDE_SCOPE_NOTE = "Prestation de services hors du champ de la TVA française – art. 259-1 du CGI";

/** The reason no French VAT is charged, printed on the invoice and sent as BT-120 (none when VAT is charged). */
export function vatExemptionNoteFor(treatment: VatTreatment): string | null {
  if (treatment === "franchise") return FRANCHISE_NOTE;
  if (treatment === "reverse_charge") return REVERSE_CHARGE_NOTE;
  if (treatment === "outside_scope") return OUTSIDE_SCOPE_NOTE;
  return null;
}

/** A document's VAT treatment; older snapshots without one: franchise when they carry the exemption note, standard otherwise. */
export function documentVatTreatment(doc: Pick<InvoiceDocument, "vatTreatment" | "vatExemptionNote">): VatTreatment {
  return doc.vatTreatment ?? (doc.vatExemptionNote ? "franchise" : "standard");
}
