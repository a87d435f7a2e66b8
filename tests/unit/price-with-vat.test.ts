import { describe, expect, it } from "vitest";
import { nameStatesLegalForm, nameWithLegalForm } from "@/lib/contracts/documents/format";
import { bidPrice } from "@/lib/bids/prices";
import { milestoneCharge } from "@/lib/payments/amounts";
import { priceText } from "@/lib/money/price-text";
import { priceInclVatByMilestone, vatRateBpsFor } from "@/lib/money/vat";

const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("the price a client pays for a bid", () => {
  it("adds 20 % for a VAT-registered expert and nothing under the franchise (the issue's example)", () => {
    const sophie = bidPrice([120_000, 125_050], "vat_registered");
    const karim = bidPrice([240_000], "franchise");
    expect(sophie).toEqual({ vatRegime: "vat_registered", vatTreatment: "standard", vatRateBps: 2000, exVatCents: 245_050, vatCents: 49_010, inclVatCents: 294_060 });
    expect(karim).toEqual({ vatRegime: "franchise", vatTreatment: "franchise", vatRateBps: 0, exVatCents: 240_000, vatCents: 0, inclVatCents: 240_000 });
    // 50 € apart excluding VAT, 540,60 € apart in what the client pays: Karim is the cheaper one.
    expect(karim.inclVatCents).toBeLessThan(sophie.inclVatCents);
  });

  it("rounds the VAT half up per milestone, as each milestone's invoice and charge do", () => {
    // 0,03 € at 20 % is 0,006 € → 0,01 €; three such milestones are 0,03 € of VAT, not 0,02 €.
    expect(priceInclVatByMilestone([3, 3, 3], 2000)).toEqual({ exVatCents: 9, vatCents: 3, inclVatCents: 12 });
    expect(priceInclVatByMilestone([2, 2], 2000)).toEqual({ exVatCents: 4, vatCents: 0, inclVatCents: 4 }); // 0,004 € rounds down
    expect(priceInclVatByMilestone([], 2000)).toEqual({ exVatCents: 0, vatCents: 0, inclVatCents: 0 });
    for (const amounts of [[120_000, 125_050], [1, 99_999, 33_333], [833_333_32]]) {
      const charged = amounts.reduce((sum, amountCents) => sum + milestoneCharge({ amountCents }, { vatRateBps: 2000, commissionBps: 1000 }).chargeCents, 0);
      expect(priceInclVatByMilestone(amounts, 2000).inclVatCents).toBe(charged);
    }
  });

  it("knows each regime's rate; an undeclared regime charges none", () => {
    expect(vatRateBpsFor("vat_registered")).toBe(2000);
    expect(vatRateBpsFor("franchise")).toBe(0);
    expect(vatRateBpsFor(null)).toBe(0);
  });

  it("is written the same way everywhere, in French and English", () => {
    const sophie = bidPrice([245_050], "vat_registered");
    const karim = bidPrice([240_000], "franchise");
    expect(spaces(priceText(sophie, "fr").line)).toBe("2 450,50 € HT · TVA 20 % · total payé 2 940,60 € TTC");
    expect(spaces(priceText(karim, "fr").line)).toBe("2 400,00 € HT · TVA non applicable, art. 293 B du CGI · total payé 2 400,00 € TTC");
    expect(priceText(sophie, "en").line).toBe("€2,450.50 excl. VAT · VAT 20% · total paid €2,940.60 incl. VAT");
    expect(priceText(karim, "en").regime).toBe("VAT not applicable, art. 293 B of the French tax code (CGI)");
    expect(priceText(bidPrice([100], null), "fr").regime).toBe("régime de TVA non déclaré");
  });

  it("prices a VAT-registered expert's work without French VAT for a business abroad, and says why", () => {
    const inGermany = bidPrice([245_050], "vat_registered", { country: "DE", vatNumber: "DE123456789" });
    const inSwitzerland = bidPrice([245_050], "vat_registered", { country: "CH", vatNumber: null });
    expect(spaces(priceText(inGermany, "fr").line)).toBe("2 450,50 € HT · Autoliquidation, TVA due par le client (art. 283-2 du CGI) · total payé 2 450,50 € TTC");
    expect(priceText(inGermany, "en").regime).toBe("Reverse charge, VAT due by the client (art. 283-2 of the French tax code, CGI)");
    expect(spaces(priceText(inSwitzerland, "fr").regime)).toBe("Hors champ de la TVA française (art. 259-1° du CGI)");
    expect(inSwitzerland).toMatchObject({ vatRateBps: 0, inclVatCents: 245_050 });
  });
});

describe("a party's name with its legal form", () => {
  it("prints the legal form once when the name already says it", () => {
    expect(nameWithLegalForm("Libre Conseil EURL", "EURL")).toBe("Libre Conseil EURL");
    expect(nameWithLegalForm("Libre Conseil", "EURL")).toBe("Libre Conseil (EURL)");
    expect(nameWithLegalForm("Libre Conseil eurl", "single-member limited company (EURL)")).toBe("Libre Conseil eurl");
    expect(nameWithLegalForm("Sophie Bernard", "entrepreneur individuel")).toBe("Sophie Bernard (entrepreneur individuel)");
    expect(nameWithLegalForm("Sophie Bernard, Entrepreneur Individuel", "entrepreneur individuel")).toBe("Sophie Bernard, Entrepreneur Individuel");
    expect(nameWithLegalForm("Atelier SAS", null)).toBe("Atelier SAS");
  });

  it("matches whole words only", () => {
    expect(nameStatesLegalForm("Sasha Conseil", "SAS")).toBe(false);
    expect(nameStatesLegalForm("Conseil SAS", "SAS")).toBe(true);
    expect(nameStatesLegalForm("Conseil SASU", "SAS")).toBe(false);
  });
});

describe("the invoice's seller block", () => {
  it("names Libre Conseil EURL once, not « Libre Conseil EURL (EURL) »", async () => {
    const { partyLines } = await import("@/lib/invoicing/pdf/mentions");
    const party = { name: "Libre Conseil EURL", legalForm: "EURL", siren: "812345676", siret: "81234567600011", vatNumber: null, addressLines: ["8 quai Saint-Vincent"], postalCode: "69001", city: "Lyon", country: "FR", email: null };
    expect(partyLines(party).name).toBe("Libre Conseil EURL");
    expect(partyLines({ ...party, name: "Libre Conseil" }).name).toBe("Libre Conseil (EURL)");
  });
});
