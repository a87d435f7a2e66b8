import type { InvoiceDocument } from "../types";
import { FRANCHISE_NOTE, OUTSIDE_SCOPE_NOTE, REVERSE_CHARGE_NOTE } from "../vat-notes";
import { frenchDate } from "./mentions";

/**
 * The invoice's labels in French, or in French with the English beside them ("Facture / Invoice")
 * for English-speaking readers. The French text binds; the XML never changes.
 */
export type InvoiceLanguage = "fr" | "fr-en";

const LABELS = {
  invoice: ["Facture", "Invoice"],
  creditNote: ["Avoir", "Credit note"],
  number: ["N°", "No."],
  issueDate: ["Date d’émission", "Issue date"],
  nature: ["Nature de l’opération : Prestation de services", "Nature: supply of services"],
  mandate: ["Mandat de facturation (art. 289 I-2 du CGI)", "Billing mandate"],
  seller: ["PRESTATAIRE (VENDEUR)", "SUPPLIER (SELLER)"],
  buyer: ["CLIENT (ACHETEUR)", "CUSTOMER (BUYER)"],
  description: ["DESCRIPTION", "DESCRIPTION"],
  quantity: ["QTÉ", "QTY"],
  unitPrice: ["PRIX UNIT. HT", "NET UNIT PRICE"],
  vat: ["TVA", "VAT"],
  lineTotal: ["TOTAL HT", "TOTAL EXCL. VAT"],
  totalExVat: ["Total HT", "Total excl. VAT"],
  totalVat: ["Total TVA", "Total VAT"],
  totalInclVat: ["Total TTC", "Total incl. VAT"],
  paid: ["Montant réglé", "Amount paid"],
  refunded: ["Montant remboursé", "Amount refunded"],
  balance: ["Reste à payer", "Balance due"],
  payment: ["PAIEMENT", "PAYMENT"],
  method: ["Moyen de paiement", "Payment method"],
  terms: ["Conditions de paiement", "Payment terms"],
  mentions: ["MENTIONS", "LEGAL NOTICES"],
  vatNumber: ["N° TVA intracommunautaire", "EU VAT number"],
  shareCapital: ["Capital social", "Share capital"],
  page: ["Page", "Page"],
} as const;

export type LabelKey = keyof typeof LABELS;

/** Fixed French sentences of the documents (lib/invoicing/issue.ts) and their translations. */
const SENTENCES: Record<string, string> = {
  "Payée à la commande par l’intermédiaire de Compagnon (fonds conservés jusqu’à la validation du jalon).": "Paid when ordered through Compagnon (funds held until the milestone is approved).",
  "Réglée par compensation, déduite du virement du jalon.": "Settled by set-off, deducted from the milestone payout.",
  "Remboursé sur le moyen de paiement d’origine par l’intermédiaire de Compagnon.": "Refunded to the original means of payment through Compagnon.",
  "Carte bancaire": "Card",
  "Prélèvement SEPA": "SEPA direct debit",
  "Compensation (retenue sur le versement)": "Set-off (withheld from the payout)",
  [FRANCHISE_NOTE]: "VAT not applicable, art. 293 B of the French General Tax Code",
  [REVERSE_CHARGE_NOTE]: "Reverse charge – VAT due by the customer, art. 283-2 of the French General Tax Code (art. 44 and 196 of Directive 2006/112/EC)",
  [OUTSIDE_SCOPE_NOTE]: "Supply of services outside the scope of French VAT – art. 259-1 of the French General Tax Code",
};

export const ENGLISH_NOTICE = "English labels for information; the French text is binding.";
export const LATE_PAYMENT_ENGLISH =
  "Late payment: interest at the European Central Bank’s most recent refinancing rate plus 10 points, and a fixed 40 € recovery fee (Code de commerce, L441-10 and D441-5). No discount for early payment.";

export interface Labels {
  language: InvoiceLanguage;
  /** "Facture" or "Facture / Invoice". */
  label(key: LabelKey): string;
  /** The English of a known French sentence (null in French only, or when unknown). */
  english(french: string): string | null;
}

export function invoiceLabels(language: InvoiceLanguage): Labels {
  return {
    language,
    label: (key) => (language === "fr" || LABELS[key][0] === LABELS[key][1] ? LABELS[key][0] : `${LABELS[key][0]} / ${LABELS[key][1]}`),
    english: (french) => (language === "fr" ? null : (SENTENCES[french] ?? null)),
  };
}

/** The English of the document's own sentences (for the bilingual copy). */
export function englishSentences(doc: InvoiceDocument): { period: string; mandate: string | null; reference: string | null; payment: string } {
  const period =
    doc.serviceStart === doc.serviceEnd ? `Service date: ${frenchDate(doc.serviceEnd)}` : `Service period: ${frenchDate(doc.serviceStart)} to ${frenchDate(doc.serviceEnd)}`;
  const partial = doc.disputeSettledOn ? ` (partial service, dispute of ${frenchDate(doc.disputeSettledOn)})` : "";
  const by = doc.issuedOnBehalfBy?.name ?? "Compagnon";
  const what = doc.kind === "credit_note" ? "Credit note" : "Invoice";
  return {
    period: `${period}${partial}`,
    mandate: doc.selfBilled ? `${what} issued by ${by} in the name and on behalf of ${doc.seller.name}, under a billing mandate.` : null,
    reference: doc.corrects ? `Credit note for invoice no. ${doc.corrects.number} of ${frenchDate(doc.corrects.issueDate)}.` : null,
    payment: `${doc.kind === "credit_note" ? "Refunded on" : "Paid on"} ${frenchDate(doc.payment.paidOn)} through Compagnon (ref. ${doc.payment.reference}).`,
  };
}
