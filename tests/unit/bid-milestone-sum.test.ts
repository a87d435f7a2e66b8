import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { milestoneSumGap } from "@/components/bids/bid-form-values";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";

describe("the milestone sum against the bid's total (issue 12, item 10)", () => {
  it("says what the milestones add up to and what is missing or too much", () => {
    expect(milestoneSumGap(["1 200", "1 000,50"], 245_050)).toEqual({ sumCents: 220_050, totalCents: 245_050, gapCents: 25_000 });
    expect(milestoneSumGap(["2000", "500"], 240_000)).toEqual({ sumCents: 250_000, totalCents: 240_000, gapCents: -10_000 });
    expect(milestoneSumGap(["2400", "", "abc"], 240_000)).toEqual({ sumCents: 240_000, totalCents: 240_000, gapCents: 0 });
    expect(milestoneSumGap(["2400"], null)).toBeNull();
  });

  it("words the refusal with the current sum and the gap, in French and English", () => {
    const fmt = (locale: "fr" | "en", cents: number) => new Intl.NumberFormat(locale, { style: "currency", currency: "EUR" }).format(cents / 100);
    const frT = createTranslator({ locale: "fr", messages: fr, namespace: "bids" });
    const detail = frT("milestoneSumShort", { sum: fmt("fr", 220_050), total: fmt("fr", 245_050), gap: fmt("fr", 25_000) });
    expect(frT("milestoneSumError", { detail }).replace(/[\u00a0\u202f]/g, " ")).toBe(
      "La somme des étapes doit être exactement égale au total. Les étapes totalisent 2 200,50 € pour un total de 2 450,50 € : il manque 250,00 €.",
    );
    const enT = createTranslator({ locale: "en", messages: en, namespace: "bids" });
    expect(enT("milestoneSumOver", { sum: fmt("en", 250_000), total: fmt("en", 240_000), gap: fmt("en", 10_000) })).toBe(
      "The milestones add up to €2,500.00 for a total of €2,400.00: €100.00 too much.",
    );
  });
});
