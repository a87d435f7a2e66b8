import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { monthLineText } from "@/components/retainers/retainer-facts";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";

/**
 * A retainer's months on the contract page: extra hours charged on their own after the last month
 * (a retainer_months row of kind "extra_hours") read as such, not as one more month of service.
 */
const day = (date: string) => date;
const line = (locale: "fr" | "en", kind: "month" | "extra_hours") => {
  const t = createTranslator({ locale, messages: locale === "fr" ? fr : en, namespace: "retainers" });
  return monthLineText({ kind, periodStart: "2027-03-01", periodEnd: "2027-03-31", feeCents: 13_500, state: "held" }, t as never, locale, day);
};

describe("a retainer's month line", () => {
  it("says a month of service is one", () => {
    expect(line("fr", "month")).toMatch(/^Du 2027-03-01 au 2027-03-31 : 135,00\s€ HT, payé/);
    expect(line("en", "month")).toMatch(/^2027-03-01 to 2027-03-31: €135\.00 excl\. VAT, paid/);
  });

  it("says extra hours billed alone are extra hours, in both languages", () => {
    expect(line("fr", "extra_hours")).toMatch(/^Heures supplémentaires facturées à part, du 2027-03-01 au 2027-03-31 : 135,00\s€ HT/);
    expect(line("en", "extra_hours")).toMatch(/^Extra hours billed on their own, 2027-03-01 to 2027-03-31: €135\.00 excl\. VAT/);
  });
});
