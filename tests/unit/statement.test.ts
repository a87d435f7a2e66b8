import { describe, expect, it } from "vitest";
import type { Invoice } from "@/db/schema";
import { statementDocument, type YearlyStatement } from "@/app/invoices/statement/[year]/statement-document";
import { creditNotesAfterTheirInvoice } from "@/lib/invoicing/statement";

const row = (id: string, number: string, issueDate: string, kind: Invoice["kind"] = "invoice", correctsInvoiceId: string | null = null) =>
  ({ id, number, issueDate, kind, correctsInvoiceId }) as Invoice;

describe("the yearly statement", () => {
  it("lists each credit note right after the invoice it corrects, even when its number sorts first", () => {
    const rows = [
      row("a", "F-ABC-2026-0002", "2026-03-01"),
      row("c", "F-ABC-2026-0001", "2026-03-01", "credit_note", "b"),
      row("b", "F-ABC-2026-0003", "2026-02-01"),
      row("d", "F-ABC-2026-0004", "2026-04-01", "credit_note", "elsewhere"),
    ];
    expect(creditNotesAfterTheirInvoice(rows).map((r) => r.id)).toEqual(["b", "c", "a", "d"]);
  });

  it("states the commissions withheld, the net credited and each quarter", () => {
    const quarter = (n: number) => ({ activities: n, grossCents: n * 12_000, grossExVatCents: n * 10_000, considerationCents: n * 10_800, feesCents: n * 1_000, taxesCents: n * 200 });
    const statement: YearlyStatement = {
      year: 2026,
      transactions: 3,
      grossCents: 36_000,
      exVatCents: 30_000,
      commissionCents: 3_600,
      commissionVatCents: 600,
      netCents: 32_400,
      quarters: [quarter(1), quarter(0), quarter(2), quarter(0)],
      invoices: [
        { number: "F-ABC-2026-0001", issueDate: "2026-01-05", kind: "invoice", inclVatCents: 12_000, corrects: null },
        { number: "F-ABC-2026-0002", issueDate: "2026-01-06", kind: "credit_note", inclVatCents: 2_000, corrects: "F-ABC-2026-0001" },
      ],
    };
    const platform = { name: "Compagnon SAS", legalForm: null, siren: "732829320", siret: null, vatNumber: null, addressLines: ["1 rue"], postalCode: "69002", city: "Lyon", country: "FR", email: null };
    const document = statementDocument({ statement, platform, seller: { name: "Sophie Bernard EI", addressLines: [] }, issuedOn: "2027-01-02" });
    const text = document.sections.flatMap((s) => [s.heading, ...s.paragraphs]).join("\n");
    expect(text).toContain("Frais et commissions retenus par la plateforme : 36,00\u00a0€ (dont TVA 6,00\u00a0€).");
    expect(text).toContain("Montant versé (crédité) au vendeur : 324,00\u00a0€.");
    expect(text).toContain("T1 (janvier à mars) : 1 transaction, montant brut 120,00\u00a0€, commissions retenues 12,00\u00a0€, versé 108,00\u00a0€.");
    expect(text).toContain("T3 (juillet à septembre) : 2 transactions");
    expect(text).toContain("heure de Paris");
    expect(text).toMatch(/F-ABC-2026-0001 — facture du 5\sjanvier 2026 — 120,00\s€ TTC\nF-ABC-2026-0002 — avoir du 6\sjanvier 2026 sur la facture F-ABC-2026-0001 — -20,00\s€ TTC/);
  });
});
