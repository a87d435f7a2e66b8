import { nameWithLegalForm } from "@/lib/contracts/documents/format";
import { decimalString, documentMoney } from "@/lib/money/format";
import { paymentMethodKind } from "../facturx/codes";
import type { InvoiceDocument, InvoiceParty } from "../types";
import { invoiceLabels, type Labels } from "./labels";

/**
 * The French wording shared by the PDF and the Factur-X XML notes, written out (no Intl) so the
 * same invoice gives the same text on any Node or ICU version.
 */

const NBSP = "\u00a0";

export const OPERATION_NATURE = "Prestation de services";
export const NO_DISCOUNT_NOTE = "Pas d’escompte pour paiement anticipé.";
/** Code de commerce, art. L. 441-10 and D. 441-5: owed by a business customer paying late. */
export const RECOVERY_FEE_NOTE = `Indemnité forfaitaire pour frais de recouvrement en cas de retard de paiement${NBSP}: 40${NBSP}€ (art. L. 441-10 et D. 441-5 du Code de commerce).`;

/** Art. 242 nonies A, I-13° de l'annexe II au CGI: the seller opted to pay VAT on debits. */
export const VAT_ON_DEBITS_MENTION = "Option pour le paiement de la taxe d’après les débits.";

const FRAMEWORK_LABELS: Record<string, string> = {
  S1: "prestation de services",
  S2: "prestation de services déjà payée",
  B1: "livraison de biens",
  B2: "livraison de biens déjà payée",
  M1: "facture mixte",
  M2: "facture mixte déjà payée",
};

/**
 * The e-invoicing mentions printed with the legal ones (the same data as BT-23, BT-34, BT-49
 * and BT-8 in the XML); none on snapshots issued before the reform's fields.
 */
export function einvoicingMentions(doc: InvoiceDocument): string[] {
  const list: string[] = [];
  if (doc.billingFramework) {
    const label = FRAMEWORK_LABELS[doc.billingFramework];
    list.push(`Cadre de facturation${NBSP}: ${doc.billingFramework}${label ? ` (${label})` : ""}.`);
  }
  const seller = doc.seller.electronicAddress;
  const buyer = doc.buyer.electronicAddress;
  if (seller || buyer) {
    const parts = [seller ? `vendeur ${seller}` : null, buyer ? `acheteur ${buyer}` : null].filter(Boolean);
    list.push(`Adresses de facturation électronique${NBSP}: ${parts.join(", ")}.`);
  }
  if (doc.vatOnDebits === true && doc.totals.vatCents !== 0) list.push(VAT_ON_DEBITS_MENTION);
  return list;
}

/** "1234" cents → "12,34 €" with French spacing. */
export function euros(cents: number): string {
  return documentMoney(cents, "fr");
}

/** "2026-03-12" → "12/03/2026". */
export function frenchDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new Error(`Not an ISO date: ${isoDate}`);
  return `${match[3]}/${match[2]}/${match[1]}`;
}

/** 2000 basis points → "20 %", 550 → "5,5 %". */
export function ratePercent(bps: number): string {
  const percent = decimalString(bps, ",").replace(/,00$/, "").replace(/(,\d)0$/, "$1");
  return `${percent}${NBSP}%`;
}

/** "2.5" → "2,5". */
export function frenchQuantity(quantity: string): string {
  return quantity.replace(".", ",");
}

export function documentTitle(doc: InvoiceDocument): string {
  return doc.kind === "credit_note" ? "Avoir" : "Facture";
}

export function servicePeriodText(doc: InvoiceDocument): string {
  const period =
    doc.serviceStart === doc.serviceEnd
      ? `Date de la prestation${NBSP}: ${frenchDate(doc.serviceEnd)}`
      : `Période de la prestation${NBSP}: du ${frenchDate(doc.serviceStart)} au ${frenchDate(doc.serviceEnd)}`;
  return doc.disputeSettledOn ? `${period} (prestation partielle, litige du ${frenchDate(doc.disputeSettledOn)})` : period;
}

/**
 * Art. 289 I-2 du CGI: a third party (Compagnon) issues the invoice in the seller's name and on its
 * behalf under a billing mandate. Not "autofacturation", which is the buyer's.
 */
export function selfBillingMention(doc: InvoiceDocument): string | null {
  if (!doc.selfBilled) return null;
  const by = doc.issuedOnBehalfBy;
  const issuer = by ? (by.siren.trim() ? `${by.name} (SIREN${NBSP}${by.siren})` : by.name) : "Compagnon";
  const what = doc.kind === "credit_note" ? "Avoir émis" : "Facture émise";
  return `${what} par ${issuer} au nom et pour le compte de ${doc.seller.name}, en vertu d’un mandat de facturation (art. 289 I-2 du CGI).`;
}

/** "10 000 €" (cents only when there are some). */
export function capitalEuros(cents: number): string {
  return documentMoney(cents, "fr", { trimZeroCents: true });
}

/** "SAS au capital de 10 000 €, 912 345 675 RCS Paris": the seller's additional legal information (BT-33). */
export function legalInformation(party: InvoiceParty): string | null {
  const capital = party.shareCapitalCents ? `${party.legalForm ? `${party.legalForm} au capital` : "Capital social"} de ${capitalEuros(party.shareCapitalCents)}` : party.legalForm;
  const parts = [capital, party.registration].filter((part): part is string => Boolean(part));
  return parts.length > 0 ? parts.join(", ") : null;
}

/** An undelivered milestone settled in a dispute: its invoice covers part of the service. */
export function partialServiceMention(doc: InvoiceDocument): string | null {
  return doc.disputeSettledOn ? `Prestation partielle, litige du ${frenchDate(doc.disputeSettledOn)}.` : null;
}

export function creditNoteReference(doc: InvoiceDocument): string | null {
  if (!doc.corrects) return null;
  return `Avoir relatif à la facture n°${NBSP}${doc.corrects.number} du ${frenchDate(doc.corrects.issueDate)}.`;
}

const PAYMENT_METHOD_LABELS = { card: "Carte bancaire", sepa_debit: "Prélèvement SEPA", compensation: "Compensation (retenue sur le versement)" } as const;

/** "card" → "Carte bancaire"; a French label is shown as given. */
export function paymentMethodLabel(method: string): string {
  const kind = paymentMethodKind(method);
  return kind === "other" || !/^[a-z_]+$/.test(method) ? method : PAYMENT_METHOD_LABELS[kind];
}

/** "Payée le 12/03/2026 via Compagnon (réf. …)." (refunded, for a credit note). */
export function paymentMention(doc: InvoiceDocument): string {
  const { paidOn, reference } = doc.payment;
  const verb = doc.kind === "credit_note" ? "Remboursé le" : "Payée le";
  return `${verb} ${frenchDate(paidOn)} via Compagnon (réf. ${reference}).`;
}

/**
 * The late-payment note in the three parts the French CIUS wants as separate notes: penalties
 * (PMD), the 40 € fixed recovery fee (PMT) and the discount for early payment (AAB). Clauses
 * are cut at "." and ";"; a part the note lacks gets the statutory wording.
 */
export function latePaymentMentions(note: string): { penalties: string; recoveryFee: string; discount: string } {
  const clauses = note
    .trim()
    .split(/(?<=[.;!?])\s+/)
    .map((clause) => clause.replace(/\s*;$/, "."))
    .filter((clause) => clause !== "");
  const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");
  const isFee = (s: string) => /\b40\s*(€|euros?\b)/i.test(plain(s));
  const isDiscount = (s: string) => /escompte/i.test(s);
  const join = (parts: string[]) => parts.map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join(" ");
  const penalties = join(clauses.filter((c) => !isFee(c) && !isDiscount(c)));
  return {
    penalties: penalties || note.trim(),
    recoveryFee: join(clauses.filter(isFee)) || RECOVERY_FEE_NOTE,
    discount: join(clauses.filter((c) => isDiscount(c) && !isFee(c))) || NO_DISCOUNT_NOTE,
  };
}

/** The identity block of a party: name and legal form, address, registration and VAT numbers. */
export function partyLines(party: InvoiceParty, labels: Labels = invoiceLabels("fr")): { name: string; details: string[] } {
  const name = nameWithLegalForm(party.name, party.legalForm);
  const cityLine = [party.postalCode, party.city].filter(Boolean).join(" ");
  const details = [
    ...party.addressLines,
    ...(cityLine ? [cityLine] : []),
    ...(party.country !== "FR" ? [party.country] : []),
    ...(party.siren ? [`SIREN${NBSP}: ${party.siren}`] : []),
    ...(party.siret ? [`SIRET${NBSP}: ${party.siret}`] : []),
    ...(party.registration ? [party.registration] : []),
    ...(party.shareCapitalCents ? [`${labels.label("shareCapital")}${NBSP}: ${capitalEuros(party.shareCapitalCents)}`] : []),
    ...(party.vatNumber ? [`${labels.label("vatNumber")}${NBSP}: ${party.vatNumber}`] : []),
    ...(party.email ? [party.email] : []),
  ];
  return { name, details };
}
