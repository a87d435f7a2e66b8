/**
 * Issue 13, exact VAT: property tests (fast-check, 1,000 generated cases each) of the amounts
 * every document of a milestone carries (the expert's invoice, the credit note of a refund, the
 * commission invoice on what is released) and of the ledger lines posted for them. Every
 * document must satisfy EN 16931 BR-CO-17 with no tolerance (VAT = round-half-up(basis × rate),
 * total = basis + VAT) and pass the Factur-X consistency check; the ledger must hold exactly
 * what the documents say.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkInvoiceDocument } from "@/lib/invoicing/facturx/consistency";
import { totalsOf } from "@/lib/invoicing/totals";
import type { InvoiceDocument } from "@/lib/invoicing/types";
import { COMMISSION_VAT_BPS, splitCommission, vatOn, withVat } from "@/lib/money/commission";
import { refundSplit } from "@/lib/payments/amounts";
import { fundingLines, refundLines, releaseLines, transferLines } from "@/lib/payments/ledger";
import { line, sampleCreditNote, sampleInvoice } from "../helpers/invoice-sample";

const RUNS = 1000;
const MAX_EX_VAT = 83_333_332; // the largest milestone (lib/money/limits.ts)
const vatRate = fc.constantFrom(0, 550, 1000, 2000);
const commissionRate = fc.oneof(fc.constantFrom(1000, 1500, 0), fc.integer({ min: 0, max: 10_000 }));

/** A one-line document at one rate, with the totals issue.ts gives it. */
function documentOf(base: InvoiceDocument, exVatCents: number, rateBps: number, expectedInclVatCents: number): InvoiceDocument {
  return { ...base, lines: [line("Prestation", "1", exVatCents, rateBps)], ...totalsOf(exVatCents, rateBps, expectedInclVatCents), vatExemptionNote: rateBps === 0 ? "TVA non applicable, art. 293 B du CGI" : null };
}

function expectExact(doc: InvoiceDocument) {
  for (const vat of doc.vatBreakdown) expect(vat.vatCents).toBe(Math.floor((vat.basisCents * vat.rateBps + 5_000) / 10_000));
  expect(doc.totals.inclVatCents).toBe(doc.totals.exVatCents + doc.totals.vatCents);
  expect(() => checkInvoiceDocument(doc)).not.toThrow();
}

const balancesOf = (lines: [string, number][]) => {
  const balances: Record<string, number> = {};
  for (const [account, amount] of lines) balances[account] = (balances[account] ?? 0) + amount;
  return balances;
};

describe("exact VAT on every document (property)", () => {
  it("the commission invoice: basis + 20 % VAT rounded half up, never more than the amount", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_EX_VAT }), commissionRate, (amount, bps) => {
        const split = splitCommission(amount, bps);
        expect(split.commissionVatCents).toBe(vatOn(split.commissionExVatCents, COMMISSION_VAT_BPS));
        expect(split.commissionCents).toBe(split.commissionExVatCents + split.commissionVatCents);
        expect(split.commissionCents + split.netCents).toBe(amount);
        expect(split.netCents).toBeGreaterThanOrEqual(0);
        // The rate is honoured to within a cent or two (the basis is rounded, then its VAT).
        expect(Math.abs(split.commissionCents - (amount * bps) / 10_000)).toBeLessThanOrEqual(2);
        if (split.commissionCents > 0) expectExact(documentOf(sampleInvoice(), split.commissionExVatCents, COMMISSION_VAT_BPS, split.commissionCents));
      }),
      { numRuns: RUNS },
    );
  });

  it("a milestone settled by a split refund: invoice, credit note and commission invoice exact; the ledger holds what they say", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_EX_VAT }), vatRate, commissionRate, fc.double({ min: 0, max: 1, noNaN: true }), (exVat, rate, bps, share) => {
        const invoice = withVat(exVat, rate);
        const refundCents = Math.floor(invoice.inclVatCents * share);
        const split = refundSplit(exVat, rate, refundCents);
        if (!split) {
          // No exact credit note totals it: no basis near refund ÷ (1 + rate) gives it.
          const guess = Math.round((refundCents * 10_000) / (10_000 + rate));
          for (let basis = Math.max(0, guess - 3); basis <= guess + 3; basis++) expect(withVat(basis, rate).inclVatCents).not.toBe(refundCents);
          expect(rate).toBeGreaterThan(0);
          return;
        }
        expectExact(documentOf(sampleInvoice(), exVat, rate, invoice.inclVatCents));
        expect(split.refund.inclVatCents).toBe(refundCents);
        if (refundCents > 0 && refundCents < invoice.inclVatCents) expectExact(documentOf(sampleCreditNote(), split.refund.exVatCents, rate, refundCents));
        // Invoiced − credited = released, basis and VAT alike.
        expect(split.release.exVatCents + split.refund.exVatCents).toBe(exVat);
        expect(split.release.vatCents + split.refund.vatCents).toBe(invoice.vatCents);
        expect(split.release.inclVatCents + refundCents).toBe(invoice.inclVatCents);

        const commission = splitCommission(split.release.exVatCents, bps);
        if (commission.commissionCents > 0) expectExact(documentOf(sampleInvoice(), commission.commissionExVatCents, COMMISSION_VAT_BPS, commission.commissionCents));
        const release = { grossCents: split.release.inclVatCents, grossExVatCents: split.release.exVatCents, commissionCents: commission.commissionCents };
        const releasePosting = releaseLines(release);
        const all = [...fundingLines(invoice.inclVatCents), ...refundLines(refundCents), ...releasePosting, ...transferLines({ ...release, amountCents: release.grossCents - release.commissionCents })];
        expect(all.reduce((sum, [, amount]) => sum + amount, 0)).toBe(0);
        const posted = balancesOf(releasePosting);
        // The ledger's VAT accounts equal the documents: the commission invoice, and the expert's invoice minus the credit note.
        expect(0 - (posted.commission_revenue ?? 0)).toBe(commission.commissionExVatCents);
        expect(0 - (posted.commission_vat_collected ?? 0)).toBe(commission.commissionVatCents);
        expect(0 - (posted.expert_vat_collected ?? 0)).toBe(invoice.vatCents - split.refund.vatCents);
        const after = balancesOf(all);
        expect(after.client_funds_held ?? 0).toBe(0);
        expect(after.expert_payable ?? 0).toBe(0);
        expect(after.expert_vat_collected ?? 0).toBe(0);
        expect(after.platform_cash ?? 0).toBe(commission.commissionCents);
      }),
      { numRuns: RUNS },
    );
  });

  it("the issue's examples: 41,43 € → 8,29 € of VAT; 102,87 € → 20,57 €; VAT taken as total − basis is refused", () => {
    expect(totalsOf(4_143, 2000).totals).toEqual({ exVatCents: 4_143, vatCents: 829, inclVatCents: 4_972 });
    expect(totalsOf(10_287, 2000).totals).toEqual({ exVatCents: 10_287, vatCents: 2_057, inclVatCents: 12_344 });
    expect(() => totalsOf(10_287, 2000, 12_345)).toThrow(/totals 12344, not 12345/);
    expect(refundSplit(10_287 * 2, 2000, 12_345)).toBeNull();
    const old = sampleCreditNote();
    const wrong: InvoiceDocument = { ...old, lines: [line("Avoir", "1", 10_287, 2000)], totals: { exVatCents: 10_287, vatCents: 2_058, inclVatCents: 12_345 }, vatBreakdown: [{ rateBps: 2000, basisCents: 10_287, vatCents: 2_058 }] };
    expect(() => checkInvoiceDocument(wrong)).toThrow(/BR-CO-17/);
  });
});
