import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildFacturXXml } from "@/lib/invoicing/render";
import { totalsOf } from "@/lib/invoicing/totals";
import { checkEn16931Rules } from "@/tests/helpers/en16931-rules";
import {
  allSamples,
  FRANCHISE_NOTE,
  line,
  sampleCommissionInvoice,
  sampleCreditNote,
  sampleEinvoice,
  sampleFranchiseInvoice,
  sampleInvoice,
  sampleOutsideScopeInvoice,
  sampleReverseChargeInvoice,
} from "@/tests/helpers/invoice-sample";

const MAX_EX_VAT = 83_333_332; // the largest milestone (lib/money/limits.ts)

/**
 * The EN 16931 business rules over every kind of document we generate: invoices in the expert's
 * name (VAT-registered, franchise en base, VAT on debits), Compagnon's commission invoice, credit
 * notes, clients abroad. Fatal rules must all pass; advisory ones are listed in the output.
 */
describe("EN 16931 business rules (CII)", () => {
  it.each(allSamples())("has no failed fatal assertion: %s", (name, doc) => {
    const { fatal, warnings } = checkEn16931Rules(buildFacturXXml(doc));
    if (warnings.length > 0) console.info(`EN 16931 warnings for ${name}:\n  ${warnings.join("\n  ")}`);
    expect(fatal).toEqual([]);
  });

  // 300 documents built, serialised and parsed: allow for a busy machine.
  it("holds for any amount and rate, with the totals issue.ts gives a document (property)", { timeout: 60_000 }, () => {
    const base = fc.constantFrom(sampleInvoice(), sampleEinvoice(), sampleCreditNote(), sampleCommissionInvoice());
    fc.assert(
      fc.property(base, fc.integer({ min: 1, max: MAX_EX_VAT }), fc.constantFrom(0, 550, 1000, 2000), (doc, exVatCents, rateBps) => {
        const document = { ...doc, lines: [line("Prestation", "1", exVatCents, rateBps)], ...totalsOf(exVatCents, rateBps), vatExemptionNote: rateBps === 0 ? FRANCHISE_NOTE : null };
        expect(checkEn16931Rules(buildFacturXXml(document)).fatal).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("catches a VAT amount that is not the taxable amount times the rate (BR-CO-17, BR-CO-14)", () => {
    const xml = buildFacturXXml(sampleInvoice()).replace(/<ram:CalculatedAmount>(\d+)\.(\d{2})<\/ram:CalculatedAmount>/, "<ram:CalculatedAmount>$1.99</ram:CalculatedAmount>");
    const ids = checkEn16931Rules(xml).fatal.map((f) => f.slice(0, f.indexOf("]") + 1));
    expect(ids).toEqual(expect.arrayContaining(["[BR-CO-17]", "[BR-CO-14]"]));
  });

  it("catches an exempt breakdown without its reason (BR-E-10) and a seller without any tax registration (BR-E-02)", () => {
    const xml = buildFacturXXml(sampleFranchiseInvoice())
      .replace(/<ram:ExemptionReason>[^<]*<\/ram:ExemptionReason>\s*/, "")
      .replace(/<ram:ExemptionReasonCode>[^<]*<\/ram:ExemptionReasonCode>\s*/, "")
      .replace(/<ram:SpecifiedTaxRegistration>\s*<ram:ID schemeID="FC">[^<]*<\/ram:ID>\s*<\/ram:SpecifiedTaxRegistration>\s*/, "");
    const ids = checkEn16931Rules(xml).fatal.map((f) => f.slice(0, f.indexOf("]") + 1));
    expect(ids).toEqual(expect.arrayContaining(["[BR-E-10]", "[BR-E-02]"]));
  });

  it("catches a credit transfer without the payee's account (BR-61) and an unknown VAT point date code (BR-CL-06)", () => {
    const xml = buildFacturXXml(sampleEinvoice())
      .replace(/(<ram:SpecifiedTradeSettlementPaymentMeans>\s*<ram:TypeCode>)\d+/, "$130")
      .replace(/<ram:DueDateTypeCode>5<\/ram:DueDateTypeCode>/, "<ram:DueDateTypeCode>3</ram:DueDateTypeCode>");
    const ids = checkEn16931Rules(xml).fatal.map((f) => f.slice(0, f.indexOf("]") + 1));
    expect(ids).toEqual(expect.arrayContaining(["[BR-61]", "[BR-CL-06]"]));
  });

  it("catches a date that is no day of the calendar (CII-DT-097: 13th month, 30 February)", () => {
    const xml = buildFacturXXml(sampleInvoice());
    const issued = /<ram:IssueDateTime>\s*<udt:DateTimeString format="102">(\d{8})</.exec(xml)?.[1] ?? "";
    expect(issued).toMatch(/^\d{8}$/);
    expect(checkEn16931Rules(xml).fatal).toEqual([]);
    for (const wrong of ["20261341", "20270230"]) expect(checkEn16931Rules(xml.replace(`format="102">${issued}<`, `format="102">${wrong}<`)).fatal).toContain(`[CII-DT-097] date ${wrong} (format 102, CCYYMMDD)`);
  });

  it("catches totals that do not add up (BR-CO-10, BR-CO-15, BR-CO-16)", () => {
    const xml = buildFacturXXml(sampleInvoice())
      .replace(/(<ram:SpecifiedTradeSettlementHeaderMonetarySummation>\s*<ram:LineTotalAmount>)[^<]*/, "$11.00")
      .replace(/<ram:GrandTotalAmount>[^<]*/, "<ram:GrandTotalAmount>2.00")
      .replace(/<ram:DuePayableAmount>[^<]*/, "<ram:DuePayableAmount>3.00");
    const ids = checkEn16931Rules(xml).fatal.map((f) => f.slice(0, f.indexOf("]") + 1));
    expect(ids).toEqual(expect.arrayContaining(["[BR-CO-10]", "[BR-CO-15]", "[BR-CO-16]"]));
  });

  const ruleIds = (xml: string) => checkEn16931Rules(xml).fatal.map((f) => f.slice(0, f.indexOf("]") + 1));

  it("catches a reverse-charge invoice without the buyer's VAT identifier (BR-AE-02), its reason (BR-AE-10) or with VAT (BR-AE-09)", () => {
    const xml = buildFacturXXml(sampleReverseChargeInvoice())
      .replace(/(<ram:BuyerTradeParty>[\s\S]*?)<ram:SpecifiedTaxRegistration>\s*<ram:ID schemeID="VA">[^<]*<\/ram:ID>\s*<\/ram:SpecifiedTaxRegistration>/, "$1")
      .replace(/<ram:ExemptionReason>[^<]*<\/ram:ExemptionReason>\s*/, "")
      .replace(/<ram:ExemptionReasonCode>[^<]*<\/ram:ExemptionReasonCode>\s*/, "")
      .replace(/<ram:CalculatedAmount>0\.00<\/ram:CalculatedAmount>/, "<ram:CalculatedAmount>1.00</ram:CalculatedAmount>");
    expect(ruleIds(xml)).toEqual(expect.arrayContaining(["[BR-AE-02]", "[BR-AE-10]", "[BR-AE-09]"]));
  });

  it("catches a reverse-charge line with a rate (BR-AE-05) and two reverse-charge breakdowns (BR-AE-01)", () => {
    const xml = buildFacturXXml(sampleReverseChargeInvoice()).replace(
      /(<ram:IncludedSupplyChainTradeLineItem>[\s\S]*?<ram:RateApplicablePercent>)0\.00/,
      "$120.00",
    );
    const doubled = xml.replace(/(<ram:ApplicableTradeTax>\s*<ram:CalculatedAmount>[\s\S]*?<\/ram:ApplicableTradeTax>)/, "$1$1");
    expect(ruleIds(doubled)).toEqual(expect.arrayContaining(["[BR-AE-05]", "[BR-AE-01]"]));
  });

  it("catches a not-subject-to-VAT invoice naming a VAT identifier (BR-O-02) or a rate (BR-O-05), or without its reason (BR-O-10)", () => {
    const xml = buildFacturXXml(sampleOutsideScopeInvoice())
      .replace(/<ram:ID schemeID="FC">\d+<\/ram:ID>/, '<ram:ID schemeID="VA">FR19812345676</ram:ID>')
      .replace(/(<ram:CategoryCode>O<\/ram:CategoryCode>)(\s*<\/ram:ApplicableTradeTax>)/, "$1<ram:RateApplicablePercent>0.00</ram:RateApplicablePercent>$2")
      .replace(/<ram:ExemptionReason>[^<]*<\/ram:ExemptionReason>\s*/, "")
      .replace(/<ram:ExemptionReasonCode>[^<]*<\/ram:ExemptionReasonCode>\s*/, "");
    expect(ruleIds(xml)).toEqual(expect.arrayContaining(["[BR-O-02]", "[BR-O-05]", "[BR-O-10]"]));
  });
});
