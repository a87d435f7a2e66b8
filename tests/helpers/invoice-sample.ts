import { readFileSync } from "node:fs";
import path from "node:path";
import { DOMParser, type Element } from "@xmldom/xmldom";
import { validateXML } from "xmllint-wasm";
import { lineTotal } from "@/lib/invoicing/facturx/consistency";
import type { InvoiceDocument, InvoiceLine, InvoiceParty } from "@/lib/invoicing/types";

/**
 * Realistic invoice snapshots for the renderer's tests: a self-billed invoice from a
 * VAT-registered EURL expert to an SME, and its variants (franchise expert, credit note,
 * Compagnon's commission invoice). Identifiers are made up but well formed (SIREN/SIRET pass
 * the Luhn check, VAT keys are right).
 */

export const LATE_PAYMENT_NOTE =
  "Pénalités de retard : taux d’intérêt appliqué par la Banque centrale européenne à son opération de refinancement la plus récente, majoré de 10 points ; indemnité forfaitaire pour frais de recouvrement de 40 € (articles L441-10 et D441-5 du Code de commerce). Pas d’escompte pour paiement anticipé.";
export const FRANCHISE_NOTE = "TVA non applicable, art. 293 B du CGI";

export const platform: InvoiceParty = {
  name: "Compagnon SAS",
  legalForm: "SAS",
  siren: "901234567",
  siret: "90123456700013",
  vatNumber: "FR15901234567",
  addressLines: ["8 rue du Faubourg Poissonnière"],
  postalCode: "75010",
  city: "Paris",
  country: "FR",
  email: null,
  registration: "901 234 567 RCS Paris",
  shareCapitalCents: 1_000_000,
};

export const vatRegisteredExpert: InvoiceParty = {
  name: "Sophie Bernard Conseil",
  legalForm: "EURL",
  siren: "812345676",
  siret: "81234567600025",
  vatNumber: "FR19812345676",
  addressLines: ["12 rue des Lilas"],
  postalCode: "69003",
  city: "Lyon",
  country: "FR",
  email: "sophie@bernard-conseil.fr",
  registration: "812 345 676 RCS Lyon",
  shareCapitalCents: 500_000,
};

export const franchiseExpert: InvoiceParty = {
  name: "Łukasz Nowak EI",
  legalForm: "Entrepreneur individuel (micro-entreprise)",
  siren: "852914738",
  siret: "85291473800012",
  vatNumber: null,
  addressLines: ["3 impasse des Érables"],
  postalCode: "33000",
  city: "Bordeaux",
  country: "FR",
  email: "lukasz.nowak@example.fr",
};

export const smeClient: InvoiceParty = {
  name: "Atelier Martin & Fils",
  legalForm: null,
  siren: "443061841",
  siret: "44306184100013",
  vatNumber: "FR64443061841",
  addressLines: ["5 avenue Jean Jaurès", "Bâtiment B"],
  postalCode: "75019",
  city: "Paris",
  country: "FR",
  email: null,
};

export function line(description: string, quantity: string, unitPriceExVatCents: number, vatRateBps: number): InvoiceLine {
  return { description, quantity, unitPriceExVatCents, vatRateBps, totalExVatCents: lineTotal(quantity, unitPriceExVatCents) };
}

/** Totals and VAT breakdown worked out from the lines (VAT per rate, rounded half up). */
export function withLines(doc: Omit<InvoiceDocument, "lines" | "totals" | "vatBreakdown">, lines: InvoiceLine[]): InvoiceDocument {
  const rates = [...new Set(lines.map((l) => l.vatRateBps))].sort((a, b) => b - a);
  const vatBreakdown = rates.map((rateBps) => {
    const basisCents = lines.filter((l) => l.vatRateBps === rateBps).reduce((sum, l) => sum + l.totalExVatCents, 0);
    return { rateBps, basisCents, vatCents: Math.floor((basisCents * rateBps + 5_000) / 10_000) };
  });
  const exVatCents = lines.reduce((sum, l) => sum + l.totalExVatCents, 0);
  const vatCents = vatBreakdown.reduce((sum, b) => sum + b.vatCents, 0);
  return { ...doc, lines, totals: { exVatCents, vatCents, inclVatCents: exVatCents + vatCents }, vatBreakdown };
}

/** Self-billed invoice, VAT-registered EURL expert → SME, two lines at 20 %. */
export function sampleInvoice(): InvoiceDocument {
  return withLines(
    {
      kind: "invoice",
      number: "F-SBERNARD-2026-0001",
      issueDate: "2026-03-12",
      serviceStart: "2026-02-02",
      serviceEnd: "2026-03-10",
      seller: vatRegisteredExpert,
      buyer: smeClient,
      selfBilled: true,
      issuedOnBehalfBy: { name: "Compagnon SAS", siren: "901234567" },
      vatExemptionNote: null,
      payment: {
        paidOn: "2026-02-01",
        reference: "pi_3QxY7bLkdIwHu7ix0a1B2c3D",
        method: "Carte bancaire",
        terms: "Payée à la commande par l’intermédiaire de Compagnon (fonds conservés jusqu’à la validation du jalon).",
      },
      latePaymentNote: LATE_PAYMENT_NOTE,
      corrects: null,
      notes: ["Prestation de services — contrat « Audit de sécurité du SI », jalon « Cartographie des risques »."],
    },
    [
      line("Prestation de services : Cartographie des risques (Audit de sécurité du SI)", "1", 240_000, 2000),
      line("Atelier de restitution avec l’équipe de direction (demi-journées)", "2.5", 45_000, 2000),
    ],
  );
}

/** Self-billed invoice from an expert under the franchise en base: category E, no VAT number. */
export function sampleFranchiseInvoice(): InvoiceDocument {
  return withLines(
    {
      ...sampleInvoice(),
      number: "F-LNOWAK-2026-0003",
      seller: franchiseExpert,
      vatExemptionNote: FRANCHISE_NOTE,
      serviceStart: "2026-03-05",
      serviceEnd: "2026-03-05",
      payment: { ...sampleInvoice().payment, method: "Prélèvement SEPA" },
      notes: ["Prestation de services — contrat « Refonte du site vitrine », jalon « Maquettes »."],
    },
    [line("Prestation de services : Maquettes (Refonte du site vitrine)", "1", 180_000, 0)],
  );
}

/** Credit note for part of the sample invoice, positive amounts, referencing it. */
export function sampleCreditNote(): InvoiceDocument {
  const invoice = sampleInvoice();
  return withLines(
    {
      ...invoice,
      kind: "credit_note",
      number: "A-SBERNARD-2026-0001",
      issueDate: "2026-03-20",
      payment: { ...invoice.payment, paidOn: "2026-03-20", terms: "Remboursé sur le moyen de paiement d’origine par l’intermédiaire de Compagnon." },
      corrects: { number: invoice.number, issueDate: invoice.issueDate },
    },
    [line(`Avoir : remboursement partiel du jalon « Cartographie des risques » (facture ${invoice.number})`, "1", 50_000, 2000)],
  );
}

/** Compagnon's commission invoice to the expert, settled by deduction from the payout. */
export function sampleCommissionInvoice(): InvoiceDocument {
  return withLines(
    {
      ...sampleInvoice(),
      number: "C-2026-00001",
      seller: platform,
      buyer: vatRegisteredExpert,
      selfBilled: false,
      issuedOnBehalfBy: null,
      payment: { paidOn: "2026-03-12", reference: "tr_1QxZ9aLkdIwHu7ix", method: "Compensation", terms: "Réglée par compensation, déduite du virement du jalon." },
      notes: [],
    },
    [line("Commission de mise en relation et de paiement sécurisé : jalon « Cartographie des risques »", "1", 35_250, 2000)],
  );
}

/**
 * The reform's fields as issued since e-invoicing: billing framework S2 (a service already paid),
 * electronic addresses from the directory (scheme 0225) and the seller's option for VAT on debits.
 */
export function sampleEinvoice(): InvoiceDocument {
  const invoice = sampleInvoice();
  return {
    ...invoice,
    number: "F-SBERNARD-2026-0042",
    billingFramework: "S2",
    vatOnDebits: true,
    seller: { ...invoice.seller, electronicAddress: "812345676" },
    buyer: { ...invoice.buyer, electronicAddress: "443061841_FACTURES" },
  };
}

/** A client abroad (Belgium): no SIREN/SIRET, a foreign VAT number, no French e-invoicing address. */
export const foreignClient: InvoiceParty = {
  name: "Brasserie Dupont SRL",
  legalForm: null,
  siren: null,
  siret: null,
  vatNumber: "BE0123456749",
  addressLines: ["Rue de la Station 17"],
  postalCode: "7904",
  city: "Tourpes",
  country: "BE",
  email: null,
};

/** Self-billed invoice from the franchise expert to a client abroad: category E, buyer outside France. */
export function sampleForeignBuyerInvoice(): InvoiceDocument {
  return { ...sampleFranchiseInvoice(), number: "F-LNOWAK-2026-0004", buyer: foreignClient };
}

/** Self-billed invoice from the VAT-registered expert to a client abroad, French VAT charged (category S). */
export function sampleForeignBuyerVatInvoice(): InvoiceDocument {
  return { ...sampleInvoice(), number: "F-SBERNARD-2026-0007", buyer: foreignClient };
}

export const REVERSE_CHARGE_NOTE = "Autoliquidation – TVA due par le preneur, art. 283-2 du CGI (art. 44 et 196 de la directive 2006/112/CE)";
export const OUTSIDE_SCOPE_NOTE = "Prestation de services hors du champ de la TVA française – art. 259-1 du CGI";

/** A business client outside the EU (Switzerland), without a VAT number. */
export const nonEuClient: InvoiceParty = {
  name: "Fromagerie du Jura SA",
  legalForm: null,
  siren: null,
  siret: null,
  vatNumber: null,
  addressLines: ["Rue du Marché 4"],
  postalCode: "2800",
  city: "Delémont",
  country: "CH",
  email: null,
};

/** Self-billed invoice from the VAT-registered expert to a business in another member state: reverse charge (AE). */
export function sampleReverseChargeInvoice(): InvoiceDocument {
  const doc = withLines({ ...sampleInvoice(), number: "F-SBERNARD-2026-0008", buyer: foreignClient, vatOnDebits: false }, [line("Prestation de services : audit Odoo", "1", 240_050, 0)]);
  return { ...doc, vatTreatment: "reverse_charge", vatExemptionNote: REVERSE_CHARGE_NOTE };
}

/** Its credit note: the same treatment. */
export function sampleReverseChargeCreditNote(): InvoiceDocument {
  const invoice = sampleReverseChargeInvoice();
  const credit = withLines({ ...sampleCreditNote(), number: "A-SBERNARD-2026-0002", buyer: foreignClient, corrects: { number: invoice.number, issueDate: invoice.issueDate } }, [line("Avoir : remboursement partiel", "1", 40_000, 0)]);
  return { ...credit, vatTreatment: "reverse_charge", vatExemptionNote: REVERSE_CHARGE_NOTE };
}

/** Self-billed invoice from the VAT-registered expert to a business outside the EU: outside the scope of French VAT (O). */
export function sampleOutsideScopeInvoice(): InvoiceDocument {
  const doc = withLines({ ...sampleInvoice(), number: "F-SBERNARD-2026-0009", buyer: nonEuClient, vatOnDebits: false }, [line("Prestation de services : audit Odoo", "1", 240_050, 0)]);
  return { ...doc, vatTreatment: "outside_scope", vatExemptionNote: OUTSIDE_SCOPE_NOTE };
}

export const allSamples = (): [string, InvoiceDocument][] => [
  ["e-invoice with the reform's fields (BT-23, BT-34, BT-49, BT-8)", sampleEinvoice()],
  ["self-billed invoice (VAT-registered EURL → SME)", sampleInvoice()],
  ["franchise expert (art. 293 B)", sampleFranchiseInvoice()],
  ["credit note", sampleCreditNote()],
  ["commission invoice from Compagnon", sampleCommissionInvoice()],
  ["franchise expert, client abroad", sampleForeignBuyerInvoice()],
  ["VAT-registered expert, client abroad", sampleForeignBuyerVatInvoice()],
  ["reverse charge, business client in another member state (AE)", sampleReverseChargeInvoice()],
  ["reverse charge credit note (AE)", sampleReverseChargeCreditNote()],
  ["business client outside the EU, not subject to French VAT (O)", sampleOutsideScopeInvoice()],
  ["credit note from a franchise expert", withLines({ ...sampleCreditNote(), seller: franchiseExpert, vatExemptionNote: FRANCHISE_NOTE }, [line("Avoir : remboursement partiel", "1", 20_000, 0)])],
];

// Reading a Factur-X XML back, for assertions.

const NAMESPACES: Record<string, string> = {
  rsm: "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
  ram: "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
  udt: "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100",
  qdt: "urn:un:unece:uncefact:data:standard:QualifiedDataType:100",
};

/** Child elements along a path of qualified names ("ram:A/ram:B"), matched by namespace URI and local name. */
export function elements(from: Element, pathText: string): Element[] {
  return pathText.split("/").reduce<Element[]>(
    (current, step) => {
      const [prefix = "", local = ""] = step.split(":");
      return current.flatMap((element) =>
        Array.from(element.childNodes).filter((child): child is Element => child.nodeType === 1 && (child as Element).namespaceURI === NAMESPACES[prefix] && (child as Element).localName === local),
      );
    },
    [from],
  );
}

export function element(from: Element, pathText: string): Element {
  const found = elements(from, pathText);
  if (found.length !== 1) throw new Error(`${pathText}: ${found.length} elements`);
  return found[0] as Element;
}

export function text(from: Element, pathText: string): string {
  return element(from, pathText).textContent ?? "";
}

/** "1234.56" → 123456. */
export function cents(value: string): number {
  if (!/^-?\d+\.\d{2}$/.test(value)) throw new Error(`Not an amount with two decimals: ${value}`);
  return Math.round(Number(value) * 100);
}

export function parseXml(xml: string): Element {
  const document = new DOMParser({
    onError: (level, message) => {
      if (level !== "warning") throw new Error(`XML ${level}: ${message}`);
    },
  }).parseFromString(xml, "text/xml");
  const root = document.documentElement;
  if (!root) throw new Error("No root element");
  return root;
}

const XSD_DIR = path.join(process.cwd(), "tests/fixtures/factur-x");
const XSD_MAIN = "Factur-X_EN16931.xsd";
const XSD_IMPORTS = ["QualifiedDataType", "ReusableAggregateBusinessInformationEntity", "UnqualifiedDataType"].map(
  (name) => `Factur-X_1.09_EN16931_urn_un_unece_uncefact_data_standard_${name}_100.xsd`,
);

/** Validates against the official Factur-X EN 16931 XSD with libxml2 (WebAssembly, offline). */
export async function validateFacturXXsd(xml: string): Promise<{ valid: boolean; errors: string[] }> {
  const read = (fileName: string) => ({ fileName, contents: readFileSync(path.join(XSD_DIR, fileName), "utf8") });
  const result = await validateXML({ xml: [{ fileName: "factur-x.xml", contents: xml }], schema: [read(XSD_MAIN)], preload: XSD_IMPORTS.map(read) });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
}
