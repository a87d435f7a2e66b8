import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { emptyQuarter, yearTotals, type YearActivity } from "@/lib/dac7/activity";
import type { ReportableSeller } from "@/lib/dac7/sellers";
import { declarationXml, type PlatformOperator } from "@/lib/dac7/xml";
import { wholeEuros } from "@/lib/money/format";
import { validateDac7Xsd } from "../helpers/dac7-xsd";

const operator: PlatformOperator = {
  legalName: "Compagnon SAS",
  businessName: "Compagnon",
  siren: "732829320",
  vatNumber: "FR44732829320",
  addressLine1: "12 rue des Artisans",
  postalCode: "69002",
  city: "Lyon",
};

const quarters: YearActivity = [
  { activities: 2, grossCents: 240_000, grossExVatCents: 200_000, considerationCents: 216_000, feesCents: 20_000, taxesCents: 4_000 },
  emptyQuarter(),
  { activities: 1, grossCents: 12_345, grossExVatCents: 10_288, considerationCents: 11_111, feesCents: 1_029, taxesCents: 205 },
  emptyQuarter(),
];

function seller(overrides: Partial<ReportableSeller>): ReportableSeller {
  return {
    userId: "5f0c6f0e-8a57-4c41-9d8e-2b1c3d4e5f60",
    email: "sophie@example.test",
    locale: "fr",
    kind: "individual",
    legalName: "Sophie Bernard EI",
    legalForm: "ei",
    siren: "552100554",
    vatNumber: null,
    address: { lines: ["3 rue <des> Lilas & Co"], postalCode: "69003", city: "Lyon", country: "FR" },
    firstName: "Sophie",
    lastName: "Bernard",
    birthDate: "1985-04-12",
    birthCity: "Villeurbanne",
    financialAccount: { type: "IBAN", identifier: "FR7630006000011234567890189" },
    quarters,
    totals: yearTotals(quarters),
    missing: [],
    ...overrides,
  };
}

describe("DAC7 declaration XML", () => {
  it("the DGFiP sample validates with the vendored schema (the validator itself works)", async () => {
    const sample = readFileSync("tests/fixtures/dac7/example-declaration.xml", "utf8");
    expect(await validateDac7Xsd(sample)).toEqual({ valid: true, errors: [] });
    const broken = sample.replace("<dpi:BirthDate>1952-02-13</dpi:BirthDate>", "");
    expect((await validateDac7Xsd(broken)).valid).toBe(false);
  });

  it("an individual, a VAT-registered company paid through Stripe, and a seller without SIREN validate against the DPI XSD", async () => {
    const xml = declarationXml({
      year: 2026,
      operator,
      now: new Date("2027-01-20T09:30:00.123Z"),
      sellers: [
        seller({}),
        seller({
          userId: "0b7e8f7c-1111-4d2e-9b1a-aaaaaaaaaaaa",
          kind: "entity",
          legalName: "Bernard Conseil SARL",
          legalForm: "sarl",
          vatNumber: "FR32552100554",
          firstName: null,
          lastName: null,
          birthDate: null,
          birthCity: null,
          financialAccount: { type: "Other", identifier: "acct_1Nv0FGQ9RKHgCVdK" },
        }),
        seller({ userId: "0b7e8f7c-2222-4d2e-9b1a-bbbbbbbbbbbb", siren: null, birthCity: null, financialAccount: null }),
      ],
    });
    const result = await validateDac7Xsd(xml);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(xml).toContain("<dpi:MessageRefId>OP_2026_732829320_20270120093000</dpi:MessageRefId>");
    expect(xml).toContain('<dpi:TIN issuedBy="FR">552100554</dpi:TIN>');
    expect(xml).toContain('<dpi:IN issuedBy="FR" INType="BRN">552100554</dpi:IN>');
    expect(xml).toContain("<dpi:VAT>FR32552100554</dpi:VAT>");
    expect(xml).toContain('<dpi:Identifier AccountNumberType="Other">acct_1Nv0FGQ9RKHgCVdK</dpi:Identifier>');
    expect(xml).toContain('<dpi:TIN unknown="true">NOTIN</dpi:TIN>');
    expect(xml).toContain("<dpi:Street>3 rue &lt;des&gt; Lilas &amp; Co</dpi:Street>");
    expect(xml).toContain('<dpi:ConsQ1 currCode="EUR">2160</dpi:ConsQ1>');
    expect(xml).toContain('<dpi:ConsQ3 currCode="EUR">111</dpi:ConsQ3>');
    expect(xml).toContain("<dpi:NumbQ1>2</dpi:NumbQ1>");
    expect(xml).toContain('<dpi:FeesQ3 currCode="EUR">10</dpi:FeesQ3>');
    expect(xml).toContain('<dpi:TaxesQ3 currCode="EUR">2</dpi:TaxesQ3>');
  });

  it("a declaration with a missing date of birth does not validate (why the export refuses it)", async () => {
    const xml = declarationXml({ year: 2026, operator, now: new Date("2027-01-20T09:30:00Z"), sellers: [seller({ birthDate: null })] });
    expect((await validateDac7Xsd(xml)).valid).toBe(false);
  });

  it("rounds cents to whole euros half up", () => {
    expect([0, 49, 50, 149, 150, 11_111, 123_450].map(wholeEuros)).toEqual([0, 0, 1, 1, 2, 111, 1235]);
  });
});
