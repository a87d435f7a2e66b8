import type { InvoiceDocument } from "../types";

/** Scheme of French electronic invoicing addresses (BT-34-1 / BT-49-1): the directory's SIREN-based identifier. */
export const ELECTRONIC_ADDRESS_SCHEME = "0225";

/**
 * BT-23, the French billing framework (cadre de facturation): every Compagnon document is a
 * service (S) already paid through the platform (2) when issued, credit notes included (they
 * follow their invoice; the refund goes back on the original means).
 */
export const SERVICES_ALREADY_PAID = "S2";

/** BT-8 in CII (UNTDID 2475): 5 = the invoice date, which is how VAT on debits is stated (UBL 3). */
export const VAT_ON_DEBITS_DUE_DATE_CODE = "5";

/** EN 16931 in CII, profile EN 16931 ("Comfort") of Factur-X 1.0 (BT-24). */
export const EN16931_GUIDELINE = "urn:cen.eu:en16931:2017";

/**
 * Invoice type code (BT-3, UNTDID 1001). 380 commercial invoice, 381 credit note.
 *
 * Not 389 ("self-billed invoice") nor 261 ("self-billed credit note") for the invoices Compagnon
 * issues under the expert's billing mandate: in
 * EN 16931 and in the French CIUS (BR-FR-04 lists 380, 389, 381, 261…), 389/261 mean that the
 * *buyer* (the invoicee) issued the invoice instead of the seller. Here a third party issues it
 * in the seller's name (CGI art. 289 I-2, "tiers mandaté"), which the standard models as an
 * ordinary 380/381 from the seller; the mandate is stated in a REG note. A 389 would tell the
 * client's accounting that the client issued it.
 */
export function documentTypeCode(doc: InvoiceDocument): "380" | "381" {
  return doc.kind === "credit_note" ? "381" : "380";
}

/** What `payment.method` names: a Stripe payment method type or its French label. */
export function paymentMethodKind(method: string): "card" | "sepa_debit" | "compensation" | "other" {
  const key = method.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  if (key === "card" || key.startsWith("carte")) return "card";
  if (key === "sepa_debit" || key.startsWith("prelevement")) return "sepa_debit";
  if (key === "payout_deduction" || key.startsWith("compensation")) return "compensation";
  return "other";
}

/**
 * Payment means (BT-81, UNTDID 4461) for an invoice already settled through Compagnon:
 * 48 bank card, 59 SEPA direct debit (Stripe's "card" and "sepa_debit"), 97 "clearing between
 * partners" for the commission withheld from the expert's payout, and 1 "instrument not
 * defined" otherwise. Never 30/58 (credit transfer): nobody is asked to transfer anything, and
 * BR-61 would then require the payee's IBAN (BT-84).
 */
const PAYMENT_MEANS = { card: "48", sepa_debit: "59", compensation: "97", other: "1" } as const;

export function paymentMeansCode(method: string): (typeof PAYMENT_MEANS)[keyof typeof PAYMENT_MEANS] {
  return PAYMENT_MEANS[paymentMethodKind(method)];
}

/**
 * VAT category (BT-118/BT-151, UNCL5305): S standard rate, or E exempt for a 0 % rate, which
 * here only happens under the franchise en base (CGI art. 293 B). The exemption reason
 * (BT-120) is the note printed on the PDF, and the code (BT-121) the French VATEX code for the
 * franchise when the note cites 293 B.
 */
export function vatCategory(rateBps: number, exemptionNote: string | null): { code: "S" | "E"; reason: string | null; reasonCode: string | null } {
  if (rateBps > 0) return { code: "S", reason: null, reasonCode: null };
  if (!exemptionNote) throw new Error("A 0 % VAT rate needs vatExemptionNote (e.g. TVA non applicable, art. 293 B du CGI)");
  return { code: "E", reason: exemptionNote, reasonCode: /293\s*B/i.test(exemptionNote) ? "VATEX-FR-FRANCHISE" : null };
}

/** ISO/IEC 6523 identifier schemes: SIRENE SIREN (0002) and SIRET (0009). */
export const SIREN_SCHEME = "0002";
export const SIRET_SCHEME = "0009";
