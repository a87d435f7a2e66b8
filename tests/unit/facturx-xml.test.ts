import type { Element } from "@xmldom/xmldom";
import { describe, expect, it } from "vitest";
import { amount } from "@/lib/invoicing/facturx/cii-xml";
import { lineTotal } from "@/lib/invoicing/facturx/consistency";
import { latePaymentMentions } from "@/lib/invoicing/pdf/mentions";
import { buildFacturXXml } from "@/lib/invoicing/render";
import type { InvoiceDocument } from "@/lib/invoicing/types";
import {
  allSamples,
  cents,
  element,
  elements,
  LATE_PAYMENT_NOTE,
  line,
  parseXml,
  sampleCommissionInvoice,
  sampleCreditNote,
  sampleEinvoice,
  sampleFranchiseInvoice,
  sampleInvoice,
  text,
  validateFacturXXsd,
  withLines,
} from "@/tests/helpers/invoice-sample";

const TX = "rsm:SupplyChainTradeTransaction";
const SETTLEMENT = `${TX}/ram:ApplicableHeaderTradeSettlement`;
const SUMMATION = `${SETTLEMENT}/ram:SpecifiedTradeSettlementHeaderMonetarySummation`;
const SELLER = `${TX}/ram:ApplicableHeaderTradeAgreement/ram:SellerTradeParty`;
const BUYER = `${TX}/ram:ApplicableHeaderTradeAgreement/ram:BuyerTradeParty`;

const root = (doc: InvoiceDocument) => parseXml(buildFacturXXml(doc));
const notes = (r: Element) =>
  elements(r, "rsm:ExchangedDocument/ram:IncludedNote").map((n) => ({ content: text(n, "ram:Content"), code: text(n, "ram:SubjectCode") }));

describe("buildFacturXXml", () => {
  it.each(allSamples())("is valid against the Factur-X EN 16931 XSD: %s", async (_name, doc) => {
    const result = await validateFacturXXsd(buildFacturXXml(doc));
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("the XSD check does catch a misplaced element", async () => {
    const broken = buildFacturXXml(sampleInvoice()).replace(/(<ram:TypeCode>380<\/ram:TypeCode>)\s*(<ram:IssueDateTime>[\s\S]*?<\/ram:IssueDateTime>)/, "$2$1");
    expect((await validateFacturXXsd(broken)).valid).toBe(false);
  });

  it("carries the EN 16931 guideline, number, type code, issue date, parties and service period", () => {
    const doc = sampleInvoice();
    const r = root(doc);
    expect(r.localName).toBe("CrossIndustryInvoice");
    expect(text(r, "rsm:ExchangedDocumentContext/ram:GuidelineSpecifiedDocumentContextParameter/ram:ID")).toBe("urn:cen.eu:en16931:2017"); // BT-24
    expect(text(r, "rsm:ExchangedDocument/ram:ID")).toBe("F-SBERNARD-2026-0001"); // BT-1
    expect(text(r, "rsm:ExchangedDocument/ram:TypeCode")).toBe("380"); // BT-3
    const issued = element(r, "rsm:ExchangedDocument/ram:IssueDateTime/udt:DateTimeString"); // BT-2
    expect([issued.textContent, issued.getAttribute("format")]).toEqual(["20260312", "102"]);

    expect(text(r, `${SELLER}/ram:Name`)).toBe("Sophie Bernard Conseil"); // BT-27
    // BT-33, seller additional legal information: legal form, share capital, trade register (R123-237)
    expect(text(r, `${SELLER}/ram:Description`)).toBe("EURL au capital de 5\u202f000\u00a0€, 812 345 676 RCS Lyon");
    const sellerSiren = element(r, `${SELLER}/ram:SpecifiedLegalOrganization/ram:ID`); // BT-30
    expect([sellerSiren.textContent, sellerSiren.getAttribute("schemeID")]).toEqual(["812345676", "0002"]);
    const sellerSiret = element(r, `${SELLER}/ram:GlobalID`); // BT-29
    expect([sellerSiret.textContent, sellerSiret.getAttribute("schemeID")]).toEqual(["81234567600025", "0009"]);
    const sellerVat = element(r, `${SELLER}/ram:SpecifiedTaxRegistration/ram:ID`); // BT-31
    expect([sellerVat.textContent, sellerVat.getAttribute("schemeID")]).toEqual(["FR19812345676", "VA"]);
    expect(text(r, `${SELLER}/ram:PostalTradeAddress/ram:LineOne`)).toBe("12 rue des Lilas");
    expect(text(r, `${SELLER}/ram:PostalTradeAddress/ram:PostcodeCode`)).toBe("69003");
    expect(text(r, `${SELLER}/ram:PostalTradeAddress/ram:CityName`)).toBe("Lyon");
    expect(text(r, `${SELLER}/ram:PostalTradeAddress/ram:CountryID`)).toBe("FR"); // BT-40
    expect(element(r, `${SELLER}/ram:URIUniversalCommunication/ram:URIID`).getAttribute("schemeID")).toBe("EM"); // BT-34

    expect(text(r, `${BUYER}/ram:Name`)).toBe("Atelier Martin & Fils"); // BT-44
    expect(text(r, `${BUYER}/ram:SpecifiedLegalOrganization/ram:ID`)).toBe("443061841"); // BT-47
    expect(text(r, `${BUYER}/ram:SpecifiedTaxRegistration/ram:ID`)).toBe("FR64443061841"); // BT-48
    expect(text(r, `${BUYER}/ram:PostalTradeAddress/ram:LineTwo`)).toBe("Bâtiment B");
    expect(text(r, `${BUYER}/ram:PostalTradeAddress/ram:CountryID`)).toBe("FR"); // BT-55

    // BT-72, the actual delivery date: the service's last day (PEPPOL-EN16931-R008 warns on an empty delivery group)
    const delivered = element(r, `${TX}/ram:ApplicableHeaderTradeDelivery/ram:ActualDeliverySupplyChainEvent/ram:OccurrenceDateTime/udt:DateTimeString`);
    expect([delivered.textContent, delivered.getAttribute("format")]).toEqual(["20260310", "102"]);
    expect(text(r, `${SETTLEMENT}/ram:InvoiceCurrencyCode`)).toBe("EUR"); // BT-5
    expect(text(r, `${SETTLEMENT}/ram:BillingSpecifiedPeriod/ram:StartDateTime/udt:DateTimeString`)).toBe("20260202"); // BT-73
    expect(text(r, `${SETTLEMENT}/ram:BillingSpecifiedPeriod/ram:EndDateTime/udt:DateTimeString`)).toBe("20260310"); // BT-74
    expect(text(r, `${SETTLEMENT}/ram:SpecifiedTradePaymentTerms/ram:Description`)).toBe(doc.payment.terms); // BT-20
    expect(text(r, `${SETTLEMENT}/ram:SpecifiedTradeSettlementPaymentMeans/ram:TypeCode`)).toBe("48"); // BT-81, card
    expect(elements(r, `${SETTLEMENT}/ram:InvoiceReferencedDocument`)).toHaveLength(0);

    const [first, second] = elements(r, `${TX}/ram:IncludedSupplyChainTradeLineItem`);
    if (!first || !second) throw new Error("two lines expected");
    expect(text(first, "ram:AssociatedDocumentLineDocument/ram:LineID")).toBe("1"); // BT-126
    expect(text(second, "ram:SpecifiedTradeProduct/ram:Name")).toBe("Atelier de restitution avec l’équipe de direction (demi-journées)"); // BT-153
    const quantity = element(second, "ram:SpecifiedLineTradeDelivery/ram:BilledQuantity"); // BT-129, BT-130
    expect([quantity.textContent, quantity.getAttribute("unitCode")]).toEqual(["2.5", "C62"]);
    expect(text(second, "ram:SpecifiedLineTradeAgreement/ram:NetPriceProductTradePrice/ram:ChargeAmount")).toBe("450.00"); // BT-146
    expect(text(second, "ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax/ram:CategoryCode")).toBe("S"); // BT-151
    expect(text(second, "ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax/ram:RateApplicablePercent")).toBe("20.00"); // BT-152
    expect(text(second, "ram:SpecifiedLineTradeSettlement/ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount")).toBe("1125.00"); // BT-131
  });

  it("states the French mandatory mentions as notes with their subject codes", () => {
    const list = notes(root(sampleInvoice()));
    const byCode = (code: string) => list.filter((n) => n.code === code).map((n) => n.content);
    expect(byCode("PMD")).toEqual(["Pénalités de retard : taux d’intérêt appliqué par la Banque centrale européenne à son opération de refinancement la plus récente, majoré de 10 points."]);
    expect(byCode("PMT")).toEqual(["Indemnité forfaitaire pour frais de recouvrement de 40 € (articles L441-10 et D441-5 du Code de commerce)."]);
    expect(byCode("AAB")).toEqual(["Pas d’escompte pour paiement anticipé."]);
    // Art. 289 I-2 CGI: a third party issuing under a billing mandate, never "autofacturation" (the buyer's).
    expect(byCode("REG")).toEqual(["Facture émise par Compagnon SAS (SIREN\u00a0901234567) au nom et pour le compte de Sophie Bernard Conseil, en vertu d’un mandat de facturation (art. 289 I-2 du CGI)."]);
    expect(list.map((n) => n.content).join(" ")).not.toMatch(/autofacturation/i);
    expect(byCode("AAI")).toContain("Nature de l’opération : prestation de services.");
    expect(byCode("AAI")).toContain("Payée le 01/02/2026 via Compagnon (réf. pi_3QxY7bLkdIwHu7ix0a1B2c3D).");
  });

  it.each(allSamples())("never leaves the delivery group empty (BT-72 = the service's last day): %s", (_name, doc) => {
    const delivery = element(root(doc), `${TX}/ram:ApplicableHeaderTradeDelivery`);
    expect(text(delivery, "ram:ActualDeliverySupplyChainEvent/ram:OccurrenceDateTime/udt:DateTimeString")).toBe(doc.serviceEnd.replace(/-/g, ""));
  });

  it("says when the service was partial, ended by a dispute: a note, and the settlement day as the service's last", async () => {
    const doc = { ...sampleFranchiseInvoice(), serviceStart: "2026-02-02", serviceEnd: "2026-03-05", disputeSettledOn: "2026-03-05" };
    const xml = buildFacturXXml(doc);
    expect((await validateFacturXXsd(xml)).valid).toBe(true);
    expect(notes(parseXml(xml))).toContainEqual({ content: "Prestation partielle, litige du 05/03/2026.", code: "AAI" });
    expect(notes(root(sampleFranchiseInvoice())).map((n) => n.content).join(" ")).not.toContain("Prestation partielle");
  });

  it("gives an entrepreneur individuel's legal form as BT-33, with no share capital", () => {
    expect(text(root(sampleFranchiseInvoice()), `${SELLER}/ram:Description`)).toBe("Entrepreneur individuel (micro-entreprise)");
    expect(text(root(sampleFranchiseInvoice()), `${SELLER}/ram:Name`)).toBe("Łukasz Nowak EI");
  });

  it.each(allSamples())("meets the EN 16931 arithmetic rules: %s", (_name, doc) => {
    const r = root(doc);
    const lines = elements(r, `${TX}/ram:IncludedSupplyChainTradeLineItem`).map((item) => ({
      net: cents(text(item, "ram:SpecifiedLineTradeSettlement/ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount")),
      price: cents(text(item, "ram:SpecifiedLineTradeAgreement/ram:NetPriceProductTradePrice/ram:ChargeAmount")),
      quantity: text(item, "ram:SpecifiedLineTradeDelivery/ram:BilledQuantity"),
      category: text(item, "ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax/ram:CategoryCode"),
      // Category O carries no rate (BR-O-05).
      rate: elements(item, "ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax/ram:RateApplicablePercent")[0]?.textContent ?? "",
    }));
    const breakdown = elements(r, `${SETTLEMENT}/ram:ApplicableTradeTax`).map((tax) => ({
      vat: cents(text(tax, "ram:CalculatedAmount")),
      basis: cents(text(tax, "ram:BasisAmount")),
      category: text(tax, "ram:CategoryCode"),
      rate: elements(tax, "ram:RateApplicablePercent")[0]?.textContent ?? "",
    }));
    const bt = (name: string) => cents(text(r, `${SUMMATION}/ram:${name}`));
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

    for (const l of lines) expect(l.net).toBe(lineTotal(l.quantity, l.price)); // net = quantity × net price
    expect(bt("LineTotalAmount")).toBe(sum(lines.map((l) => l.net))); // BR-CO-10
    expect(bt("TaxBasisTotalAmount")).toBe(bt("LineTotalAmount")); // BR-CO-13 (no allowances or charges)
    expect(bt("TaxTotalAmount")).toBe(sum(breakdown.map((b) => b.vat))); // BR-CO-14
    expect(element(r, `${SUMMATION}/ram:TaxTotalAmount`).getAttribute("currencyID")).toBe("EUR"); // BR-53
    expect(bt("GrandTotalAmount")).toBe(bt("TaxBasisTotalAmount") + bt("TaxTotalAmount")); // BR-CO-15
    expect(bt("TotalPrepaidAmount")).toBe(bt("GrandTotalAmount")); // paid through Compagnon
    expect(bt("DuePayableAmount")).toBe(bt("GrandTotalAmount") - bt("TotalPrepaidAmount")); // BR-CO-16
    expect(bt("DuePayableAmount")).toBe(0);
    for (const b of breakdown) {
      const own = lines.filter((l) => l.category === b.category && l.rate === b.rate);
      expect(own.length).toBeGreaterThan(0);
      expect(b.basis).toBe(sum(own.map((l) => l.net))); // BR-S-08, BR-E-08
      expect(b.vat).toBe(Math.floor((b.basis * Math.round(Number(b.rate) * 100) + 5_000) / 10_000)); // BR-S-09, BR-E-09
    }
    for (const l of lines) expect(breakdown.some((b) => b.category === l.category && b.rate === l.rate)).toBe(true); // BR-S-01, BR-E-01
    // The XML says exactly what the document (and so the PDF) says.
    expect([bt("TaxBasisTotalAmount"), bt("TaxTotalAmount"), bt("GrandTotalAmount")]).toEqual([doc.totals.exVatCents, doc.totals.vatCents, doc.totals.inclVatCents]);
  });

  it("escapes markup characters and drops characters XML cannot hold", async () => {
    const base = sampleInvoice();
    const doc = withLines(
      { ...base, buyer: { ...base.buyer, name: `Dupont <Conseil> & "Fils" l'Aîné` }, notes: ["Réf. client : <A&B>\u0001 ok"] },
      [line("Audit <script>alert('x')</script> & recette", "1", 100_000, 2000)],
    );
    const xml = buildFacturXXml(doc);
    expect(xml).not.toContain("<script>");
    expect(xml).toContain("Dupont &lt;Conseil&gt; &amp; &quot;Fils&quot; l&apos;Aîné");
    const r = parseXml(xml);
    expect(text(r, `${BUYER}/ram:Name`)).toBe(`Dupont <Conseil> & "Fils" l'Aîné`);
    expect(text(r, `${TX}/ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedTradeProduct/ram:Name`)).toBe("Audit <script>alert('x')</script> & recette");
    expect(notes(r).map((n) => n.content)).toContain("Réf. client : <A&B> ok");
    expect((await validateFacturXXsd(xml)).valid).toBe(true);
  });

  it("makes a credit note (381) that references the invoice it corrects", () => {
    const r = root(sampleCreditNote());
    expect(text(r, "rsm:ExchangedDocument/ram:TypeCode")).toBe("381");
    expect(text(r, `${SETTLEMENT}/ram:InvoiceReferencedDocument/ram:IssuerAssignedID`)).toBe("F-SBERNARD-2026-0001"); // BT-25
    const date = element(r, `${SETTLEMENT}/ram:InvoiceReferencedDocument/ram:FormattedIssueDateTime/qdt:DateTimeString`); // BT-26
    expect([date.textContent, date.getAttribute("format")]).toEqual(["20260312", "102"]);
    expect(cents(text(r, `${SUMMATION}/ram:GrandTotalAmount`))).toBe(60_000); // positive: the type code carries the sign
    expect(notes(r).map((n) => n.content)).toContain("Avoir relatif à la facture n°\u00a0F-SBERNARD-2026-0001 du 12/03/2026.");
  });

  it("puts a franchise expert's lines in category E with the 293 B reason and no VAT", () => {
    const r = root(sampleFranchiseInvoice());
    for (const tax of elements(r, `${TX}/ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax`)) {
      expect([text(tax, "ram:CategoryCode"), text(tax, "ram:RateApplicablePercent")]).toEqual(["E", "0.00"]);
    }
    const [tax, ...others] = elements(r, `${SETTLEMENT}/ram:ApplicableTradeTax`);
    if (!tax) throw new Error("no VAT breakdown");
    expect(others).toHaveLength(0);
    expect(text(tax, "ram:CategoryCode")).toBe("E");
    expect(text(tax, "ram:ExemptionReason")).toBe("TVA non applicable, art. 293 B du CGI"); // BT-120
    expect(text(tax, "ram:ExemptionReasonCode")).toBe("VATEX-FR-FRANCHISE"); // BT-121
    expect(cents(text(tax, "ram:CalculatedAmount"))).toBe(0);
    expect(cents(text(r, `${SUMMATION}/ram:TaxTotalAmount`))).toBe(0);
    // No VAT number: the SIREN stands as the seller's tax registration (BT-32), as BR-E-02 requires one.
    const registration = element(r, `${SELLER}/ram:SpecifiedTaxRegistration/ram:ID`);
    expect([registration.textContent, registration.getAttribute("schemeID")]).toEqual(["852914738", "FC"]);
    expect(text(r, "rsm:ExchangedDocument/ram:TypeCode")).toBe("380");
    expect(text(r, `${SETTLEMENT}/ram:SpecifiedTradeSettlementPaymentMeans/ram:TypeCode`)).toBe("59"); // SEPA direct debit
  });

  it("makes Compagnon's commission invoice an ordinary 380, settled by compensation (97), without the mandate note", () => {
    const r = root(sampleCommissionInvoice());
    expect(text(r, "rsm:ExchangedDocument/ram:TypeCode")).toBe("380");
    expect(text(r, `${SELLER}/ram:Name`)).toBe("Compagnon SAS");
    expect(text(r, `${BUYER}/ram:Name`)).toBe("Sophie Bernard Conseil");
    expect(text(r, `${SETTLEMENT}/ram:SpecifiedTradeSettlementPaymentMeans/ram:TypeCode`)).toBe("97");
    expect(notes(r).filter((n) => n.code === "REG")).toEqual([]);
  });

  it("carries the reform's fields: billing framework (BT-23), electronic addresses (BT-34, BT-49, scheme 0225), VAT on debits (BT-8 = 5)", async () => {
    const doc = sampleEinvoice();
    const xml = buildFacturXXml(doc);
    expect((await validateFacturXXsd(xml)).errors).toEqual([]);
    const r = parseXml(xml);
    expect(text(r, "rsm:ExchangedDocumentContext/ram:BusinessProcessSpecifiedDocumentContextParameter/ram:ID")).toBe("S2");
    const seller = element(r, `${SELLER}/ram:URIUniversalCommunication/ram:URIID`);
    expect([seller.textContent, seller.getAttribute("schemeID")]).toEqual(["812345676", "0225"]);
    const buyer = element(r, `${BUYER}/ram:URIUniversalCommunication/ram:URIID`);
    expect([buyer.textContent, buyer.getAttribute("schemeID")]).toEqual(["443061841_FACTURES", "0225"]);
    const [tax] = elements(r, `${SETTLEMENT}/ram:ApplicableTradeTax`);
    if (!tax) throw new Error("no VAT breakdown");
    expect(text(tax, "ram:DueDateTypeCode")).toBe("5");
    expect(notes(r)).toContainEqual({ content: "Option pour le paiement de la taxe d’après les débits.", code: "REG" });
  });

  it("states VAT on debits only where VAT is charged, and leaves older snapshots as they were", () => {
    const franchise = root({ ...sampleFranchiseInvoice(), vatOnDebits: true, billingFramework: "S2" });
    const [tax] = elements(franchise, `${SETTLEMENT}/ram:ApplicableTradeTax`);
    expect(elements(tax!, "ram:DueDateTypeCode")).toHaveLength(0);
    expect(notes(franchise).map((n) => n.content)).not.toContain("Option pour le paiement de la taxe d’après les débits.");

    const before = root(sampleInvoice());
    expect(elements(before, "rsm:ExchangedDocumentContext/ram:BusinessProcessSpecifiedDocumentContextParameter")).toHaveLength(0);
    expect(elements(elements(before, `${SETTLEMENT}/ram:ApplicableTradeTax`)[0]!, "ram:DueDateTypeCode")).toHaveLength(0);
    expect(element(before, `${SELLER}/ram:URIUniversalCommunication/ram:URIID`).getAttribute("schemeID")).toBe("EM");
  });

  it("the XSD check catches the framework code out of place", async () => {
    const broken = buildFacturXXml(sampleEinvoice()).replace(
      /(<ram:BusinessProcessSpecifiedDocumentContextParameter>[\s\S]*?<\/ram:BusinessProcessSpecifiedDocumentContextParameter>)\s*(<ram:GuidelineSpecifiedDocumentContextParameter>[\s\S]*?<\/ram:GuidelineSpecifiedDocumentContextParameter>)/,
      "$2$1",
    );
    expect(broken).not.toBe(buildFacturXXml(sampleEinvoice()));
    expect((await validateFacturXXsd(broken)).valid).toBe(false);
  });

  it("refuses a document whose figures do not add up, rather than writing a wrong e-invoice", () => {
    const doc = sampleInvoice();
    expect(() => buildFacturXXml({ ...doc, totals: { ...doc.totals, inclVatCents: doc.totals.inclVatCents + 1 } })).toThrow(/BR-CO-15/);
    expect(() => buildFacturXXml({ ...doc, totals: { ...doc.totals, exVatCents: 1 } })).toThrow(/BR-CO-10/);
    expect(() => buildFacturXXml({ ...doc, vatBreakdown: [] })).toThrow(/one entry per VAT rate/);
    expect(() => buildFacturXXml({ ...sampleCreditNote(), corrects: null })).toThrow(/must name the invoice/);
    expect(() => buildFacturXXml({ ...sampleFranchiseInvoice(), vatExemptionNote: null })).toThrow(/exemption note/);
    expect(() => buildFacturXXml({ ...doc, issueDate: "2026-02-30" })).toThrow(/issueDate/);
  });
});

describe("helpers", () => {
  it("writes amounts with two decimals and multiplies decimal quantities exactly", () => {
    expect([amount(0), amount(5), amount(123456), amount(-250)]).toEqual(["0.00", "0.05", "1234.56", "-2.50"]);
    expect([lineTotal("1", 240_000), lineTotal("2.5", 45_000), lineTotal("0.333", 1000), lineTotal("0.5", 1)]).toEqual([240_000, 112_500, 333, 1]);
  });

  it("splits the late-payment note into penalties (PMD), recovery fee (PMT) and discount (AAB)", () => {
    expect(latePaymentMentions(LATE_PAYMENT_NOTE)).toEqual({
      penalties: "Pénalités de retard : taux d’intérêt appliqué par la Banque centrale européenne à son opération de refinancement la plus récente, majoré de 10 points.",
      recoveryFee: "Indemnité forfaitaire pour frais de recouvrement de 40 € (articles L441-10 et D441-5 du Code de commerce).",
      discount: "Pas d’escompte pour paiement anticipé.",
    });
    const bare = latePaymentMentions("Pénalités de retard : trois fois le taux d’intérêt légal.");
    expect(bare.penalties).toBe("Pénalités de retard : trois fois le taux d’intérêt légal.");
    expect(bare.recoveryFee).toMatch(/^Indemnité forfaitaire pour frais de recouvrement .*40\u00a0€/);
    expect(bare.discount).toBe("Pas d’escompte pour paiement anticipé.");
  });
});
