/**
 * An issued invoice or credit note, as stored (a frozen snapshot: it is never edited) and as
 * rendered to PDF and Factur-X (CII XML, EN 16931 profile). Amounts are integer cents, EUR.
 */
export type InvoiceKind = "invoice" | "credit_note";

/**
 * How French VAT applies to a service, decided at contract formation from the expert's regime and
 * where the client is established: `standard` (French VAT charged), `franchise` (the expert under
 * the franchise en base, art. 293 B du CGI), `reverse_charge` (a business client established in
 * another EU member state: art. 259-1° and 283-2 du CGI, the client accounts for the VAT) or
 * `outside_scope` (a client established outside the EU: art. 259-1° du CGI, no French VAT).
 */
export type VatTreatment = "standard" | "franchise" | "reverse_charge" | "outside_scope";

/** Who issues and who is billed; `null` fields are left out of the documents. */
export interface InvoiceParty {
  name: string;
  /** "EURL", "Micro-entreprise"…: shown after the name. */
  legalForm: string | null;
  siren: string | null;
  siret: string | null;
  vatNumber: string | null;
  addressLines: string[];
  postalCode: string | null;
  city: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string;
  email: string | null;
  /** Trade register mention (Code de commerce R123-237), e.g. "812 345 676 RCS Lyon"; absent on older snapshots. */
  registration?: string | null;
  /** A company's share capital, printed beside its legal form; absent on older snapshots. */
  shareCapitalCents?: number | null;
  /**
   * Electronic invoicing address (BT-34 seller, BT-49 buyer), scheme 0225 (the French directory's
   * SIREN-based addressing identifier: "SIREN", "SIREN_SIRET", "SIREN_suffix"…), from the PA's
   * directory (cached) at issue; absent on older snapshots.
   */
  electronicAddress?: string | null;
}

export interface InvoiceLine {
  description: string;
  /** Decimal quantity as a string ("1", "2.5"), unit "C62" (one) for a milestone. */
  quantity: string;
  unitPriceExVatCents: number;
  /** Basis points: 2000 = 20 %, 0 under the franchise. */
  vatRateBps: number;
  /** Line total excluding VAT (quantity × unit price, rounded to the cent). */
  totalExVatCents: number;
}

export interface InvoiceDocument {
  kind: InvoiceKind;
  /** e.g. F-SBERNARD-2026-0001 (expert → client), C-2026-00001 (commission), A-… (credit note). */
  number: string;
  /** YYYY-MM-DD, Europe/Paris. */
  issueDate: string;
  /** Date or period of the service (YYYY-MM-DD). */
  serviceStart: string;
  serviceEnd: string;
  /** Set when the milestone was never delivered and a dispute settlement released it (YYYY-MM-DD): a partial service. */
  disputeSettledOn?: string | null;
  seller: InvoiceParty;
  buyer: InvoiceParty;
  /** Issued by Compagnon in the seller's name and on its behalf under a billing mandate (art. 289 I-2 CGI). */
  selfBilled: boolean;
  /** The platform that issued it on the seller's behalf (name, SIREN) when self-billed. */
  issuedOnBehalfBy: { name: string; siren: string } | null;
  lines: InvoiceLine[];
  totals: { exVatCents: number; vatCents: number; inclVatCents: number };
  /** One entry per VAT rate: the basis and the VAT amount (EN 16931 BG-23). */
  vatBreakdown: { rateBps: number; basisCents: number; vatCents: number }[];
  /**
   * Why no VAT is charged (BT-120), printed on the PDF: "TVA non applicable, art. 293 B du CGI"
   * under the franchise, the reverse charge or outside-scope mention otherwise.
   */
  vatExemptionNote: string | null;
  /** How VAT applies (the contract's, frozen at formation); absent on older snapshots: standard with VAT, franchise without. */
  vatTreatment?: VatTreatment;
  /** Already paid through Compagnon: date (YYYY-MM-DD) and our payment reference. */
  payment: { paidOn: string; reference: string; method: string; terms: string };
  /** Mandatory late-payment mentions (rate, €40 recovery fee). */
  latePaymentNote: string;
  /** For a credit note: the number and date of the invoice it corrects. */
  corrects: { number: string; issueDate: string } | null;
  /** Free notes shown at the bottom (e.g. the contract, the job). */
  notes: string[];
  /**
   * French billing framework ("cadre de facturation", BT-23), e.g. "S2": a service invoice already
   * paid (XP Z12-012 / French CIUS: B1/S1/M1 to be paid, B2/S2/M2 already paid…); absent on older snapshots.
   */
  billingFramework?: string | null;
  /**
   * The seller opted to pay VAT on debits ("option pour le paiement de la taxe d'après les débits",
   * art. 269 2 c CGI): BT-8 = 5 (invoice date) in the CII and the mention on the PDF. Absent: on receipts.
   */
  vatOnDebits?: boolean;
  /**
   * The seller sends its invoices through its own Plateforme Agréée (XP Z12-014, invoices issued by
   * a mandated third party): Compagnon issues the document and hands it to the seller, who deposits
   * it; Compagnon transmits neither the document nor its e-reports. Absent: through Compagnon's PA.
   */
  sellerPa?: { name: string } | null;
}
