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

export type VatCategoryCode = "S" | "E" | "AE" | "O";

/**
 * VAT category (BT-118/BT-151, UNCL5305) of a document, from its VAT treatment (absent on older
 * snapshots: S with a rate, E without):
 * - S standard rate;
 * - E exempt, which here only happens under the franchise en base (CGI art. 293 B): BT-121 is the
 *   French VATEX code for the franchise when the note cites 293 B;
 * - AE reverse charge, a business client in another member state (art. 283-2 du CGI): VATEX-EU-AE;
 * - O not subject to (French) VAT, a client outside the EU (art. 259-1° du CGI): VATEX-EU-O. Not G
 *   ("free export item"), which is the exemption of exported goods (art. 262 ter and 262 I du CGI).
 * The exemption reason (BT-120) is the note printed on the PDF.
 */
export function vatCategory(rateBps: number, doc: Pick<InvoiceDocument, "vatExemptionNote" | "vatTreatment">): { code: VatCategoryCode; reason: string | null; reasonCode: string | null } {
  const treatment = doc.vatTreatment ?? (rateBps > 0 ? "standard" : "franchise");
  if (treatment === "standard") {
    if (rateBps <= 0) throw new Error("A standard-rated document needs a VAT rate above 0");
    return { code: "S", reason: null, reasonCode: null };
  }
  if (rateBps !== 0) throw new Error(`A document under ${treatment} charges no VAT, not ${rateBps} bps`);
  const note = doc.vatExemptionNote;
  if (!note) throw new Error("A 0 % VAT rate needs vatExemptionNote (e.g. TVA non applicable, art. 293 B du CGI)");
  if (treatment === "reverse_charge") return { code: "AE", reason: note, reasonCode: "VATEX-EU-AE" };
  if (treatment === "outside_scope") return { code: "O", reason: note, reasonCode: "VATEX-EU-O" };
  return { code: "E", reason: note, reasonCode: /293\s*B/i.test(note) ? "VATEX-FR-FRANCHISE" : null };
}

/** Category O ("not subject to VAT") carries no rate (BR-O-05, BR-48) and no VAT identifier of seller or buyer (BR-O-02). */
export function isNotSubjectToVat(doc: Pick<InvoiceDocument, "vatTreatment">): boolean {
  return doc.vatTreatment === "outside_scope";
}

/** ISO/IEC 6523 identifier schemes: SIRENE SIREN (0002) and SIRET (0009). */
export const SIREN_SCHEME = "0002";
export const SIRET_SCHEME = "0009";
