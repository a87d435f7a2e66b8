import { describe, expect, it } from "vitest";
import { contractVatTreatment, vatRateBpsOf, vatTreatmentFor } from "@/lib/money/vat-treatment";

describe("VAT treatment by the client's place of establishment", () => {
  it.each([
    ["VAT-registered expert, client in France", "vat_registered", { country: "FR", vatNumber: "FR19812345676" }, "standard", 2000],
    ["VAT-registered expert, client in Monaco (French VAT territory)", "vat_registered", { country: "MC", vatNumber: null }, "standard", 2000],
    ["VAT-registered expert, business in Germany with a VAT number", "vat_registered", { country: "DE", vatNumber: "DE123456789" }, "reverse_charge", 0],
    ["VAT-registered expert, client in Belgium without a VAT number", "vat_registered", { country: "BE", vatNumber: null }, "standard", 2000],
    ["VAT-registered expert, business in Switzerland", "vat_registered", { country: "CH", vatNumber: null }, "outside_scope", 0],
    ["VAT-registered expert, business in the United Kingdom", "vat_registered", { country: "GB", vatNumber: "GB123456789" }, "outside_scope", 0],
    ["franchise expert, business in Germany", "franchise", { country: "DE", vatNumber: "DE123456789" }, "franchise", 0],
    ["franchise expert, business in Switzerland", "franchise", { country: "CH", vatNumber: null }, "franchise", 0],
    ["no regime declared, client in France", null, { country: "FR", vatNumber: null }, "franchise", 0],
  ] as const)("%s", (_name, regime, buyer, treatment, rate) => {
    expect(vatTreatmentFor(regime, buyer)).toBe(treatment);
    expect(vatRateBpsOf(vatTreatmentFor(regime, buyer))).toBe(rate);
  });

  it("prices for a client in France when there is none (a visitor on a public offer)", () => {
    expect(vatTreatmentFor("vat_registered", null)).toBe("standard");
  });

  it("reads a contract's frozen treatment, and older contracts' from their rate", () => {
    expect(contractVatTreatment({ vatRateBps: 0, facts: { vatTreatment: "reverse_charge" } })).toBe("reverse_charge");
    expect(contractVatTreatment({ vatRateBps: 2000, facts: {} })).toBe("standard");
    expect(contractVatTreatment({ vatRateBps: 0, facts: {} })).toBe("franchise");
  });
});
