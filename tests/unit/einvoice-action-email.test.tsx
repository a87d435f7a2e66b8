import { render } from "@react-email/components";
import { describe, expect, it } from "vitest";
import EinvoiceActionEmail, { einvoiceActionSubject, type EinvoiceActionEmailProps } from "@/emails/EinvoiceActionEmail";
import { emailTemplates } from "@/lib/email/templates";

const base = { number: "F-ABC-2026-0042", kind: "invoice", code: 213, reason: "Adresse électronique de l'acheteur inconnue", url: "https://compagnon.example/admin/einvoicing", audience: "admin" } as const;
const text = (props: EinvoiceActionEmailProps) => render(<EinvoiceActionEmail {...props} />, { plainText: true });

describe("the e-invoice correction alert", () => {
  it("names the document, the status as the standard writes it, the reason and the fix, in French", async () => {
    const fr = await text({ ...base, locale: "fr" });
    expect(einvoiceActionSubject({ ...base, locale: "fr" })).toBe("Facture F-ABC-2026-0042 : 213 Rejetée, une correction est nécessaire");
    expect(fr).toContain("La plateforme agréée a transmis le statut « 213 Rejetée » pour la facture F-ABC-2026-0042.");
    expect(fr).toContain("Adresse électronique de l'acheteur inconnue");
    expect(fr).toContain("Une facture émise ne se modifie jamais : la correction passe par un avoir qui l’annule, puis une nouvelle facture.");
    expect(fr).toContain("depuis la page de facturation électronique");
    expect(fr).toContain(base.url);
  });

  it("in English: the French status with its translation; a credit note is named as one; the expert learns the admin does it", async () => {
    const props = { ...base, locale: "en", kind: "credit_note", code: 207, reason: null, audience: "expert", url: "https://compagnon.example/invoices" } as const;
    const en = await text(props);
    expect(einvoiceActionSubject(props)).toBe("Credit note F-ABC-2026-0042: 207 En litige (Disputed), a correction is needed");
    expect(en).toContain("The Plateforme Agréée sent the status “207 En litige (Disputed)” for credit note F-ABC-2026-0042.");
    expect(en).toContain("never edited: the correction is a credit note that cancels it, then a new invoice");
    expect(en).toContain("a Compagnon administrator issues the credit note and the new invoice in your name");
    expect(en).not.toContain("Reason given");
    expect(en).toContain("See my invoices");
  });

  it("is an in-app notification one cannot turn off (money)", () => {
    expect(emailTemplates["einvoice-action"].notification).toEqual({ category: "money" });
  });
});
