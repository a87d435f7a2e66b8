import { render } from "@react-email/components";
import { describe, expect, it } from "vitest";
import Dac7Email, { dac7Subject } from "@/emails/Dac7Email";

describe("the DAC7 emails", () => {
  it("the January copy states the year's figures and links to the seller's copy, in French and English", async () => {
    const props = { kind: "copy", year: 2026, url: "https://compagnon.example/expert/dac7/2026", considerationCents: 216_050, feesCents: 24_000, activities: 3 } as const;
    const fr = await render(<Dac7Email {...props} locale="fr" />, { plainText: true });
    const en = await render(<Dac7Email {...props} locale="en" />, { plainText: true });
    expect(dac7Subject({ ...props, locale: "fr" })).toBe("Votre copie de la déclaration DAC7 2026");
    expect(fr).toMatch(/3 jalons payés, contrepartie versée 2\s160,50\s€, commissions retenues 240,00\s€/);
    expect(en).toContain("3 milestones paid, consideration paid €2,160.50, commissions withheld €240.00");
    expect(fr).toContain(props.url);
  });

  it("the December reminder asks for the missing data, with a link to the form", async () => {
    const props = { kind: "reminder", year: 2026, url: "https://compagnon.example/expert/tax-details", locale: "en" } as const;
    const en = await render(<Dac7Email {...props} />, { plainText: true });
    expect(dac7Subject(props)).toBe("Complete your tax information before the 2026 declaration");
    expect(en).toContain("please complete it before 31 December");
    expect(en).toContain(props.url);
  });
});
