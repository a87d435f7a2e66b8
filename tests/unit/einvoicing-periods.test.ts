import { describe, expect, it } from "vitest";
import { aggregateLines, isClosed, regimeOf, transactionPeriod } from "@/lib/einvoicing/periods";
import { sampleCreditNote, sampleFranchiseInvoice, sampleInvoice, sampleOutsideScopeInvoice, sampleReverseChargeInvoice } from "../helpers/invoice-sample";

describe("e-reporting periods of transaction data", () => {
  it("a decade for the normal regime's monthly filers: 1–10, 11–20, 21 to the month's end (February and leap years)", () => {
    expect(transactionPeriod("2026-10-01", "normal_monthly")).toEqual({ start: "2026-10-01", end: "2026-10-10" });
    expect(transactionPeriod("2026-10-10", "normal_monthly")).toEqual({ start: "2026-10-01", end: "2026-10-10" });
    expect(transactionPeriod("2026-10-11", "normal_monthly")).toEqual({ start: "2026-10-11", end: "2026-10-20" });
    expect(transactionPeriod("2026-10-31", "normal_monthly")).toEqual({ start: "2026-10-21", end: "2026-10-31" });
    expect(transactionPeriod("2027-02-25", "normal_monthly")).toEqual({ start: "2027-02-21", end: "2027-02-28" });
    expect(transactionPeriod("2028-02-21", "normal_monthly")).toEqual({ start: "2028-02-21", end: "2028-02-29" });
  });

  it("a month for quarterly filers and the simplified regime, two months (January–February…) under the franchise", () => {
    expect(transactionPeriod("2026-11-17", "normal_quarterly")).toEqual({ start: "2026-11-01", end: "2026-11-30" });
    expect(transactionPeriod("2026-12-31", "simplified")).toEqual({ start: "2026-12-01", end: "2026-12-31" });
    expect(transactionPeriod("2026-09-05", "franchise")).toEqual({ start: "2026-09-01", end: "2026-10-31" });
    expect(transactionPeriod("2026-10-30", "franchise")).toEqual({ start: "2026-09-01", end: "2026-10-31" });
    expect(transactionPeriod("2027-02-28", "franchise")).toEqual({ start: "2027-01-01", end: "2027-02-28" });
    expect(transactionPeriod("2026-12-01", "franchise")).toEqual({ start: "2026-11-01", end: "2026-12-31" });
  });

  it("is closed one full day after its last day (room for a document issued late that day)", () => {
    const period = { start: "2026-10-01", end: "2026-10-10" };
    expect(isClosed(period, "2026-10-10")).toBe(false);
    expect(isClosed(period, "2026-10-11")).toBe(false);
    expect(isClosed(period, "2026-10-12")).toBe(true);
    expect(isClosed({ start: "2026-12-21", end: "2026-12-31" }, "2027-01-02")).toBe(true);
  });

  it("the regime: the franchise when the document charges no VAT under art. 293 B, else what the seller said, monthly when unsaid", () => {
    expect(regimeOf(sampleFranchiseInvoice(), "simplified")).toBe("franchise");
    expect(regimeOf(sampleInvoice(), "simplified")).toBe("simplified");
    expect(regimeOf(sampleInvoice(), null)).toBe("normal_monthly");
    // No VAT charged, but by a VAT-registered seller: its own regime.
    expect(regimeOf(sampleReverseChargeInvoice(), "simplified")).toBe("simplified");
    expect(regimeOf(sampleOutsideScopeInvoice(), null)).toBe("normal_monthly");
  });
});

describe("aggregated transaction data", () => {
  it("sums per issue day and VAT rate, counts the documents, and takes a credit note off", () => {
    const first = { ...sampleInvoice(), issueDate: "2026-10-02" };
    const second = { ...sampleInvoice(), issueDate: "2026-10-02" };
    const third = { ...sampleInvoice(), issueDate: "2026-10-01" };
    const credit = { ...sampleCreditNote(), issueDate: "2026-10-02" };
    const lines = aggregateLines([first, second, third, credit]);
    const rate = first.vatBreakdown[0]!.rateBps;
    const basis = (d: typeof first) => d.vatBreakdown.filter((v) => v.rateBps === rate).reduce((s, v) => s + v.basisCents, 0);
    expect(lines[0]).toEqual({ day: "2026-10-01", rateBps: rate, basisCents: basis(third), vatCents: third.vatBreakdown[0]!.vatCents, documents: 1 });
    const day2 = lines.filter((l) => l.day === "2026-10-02");
    const sameRate = day2.find((l) => l.rateBps === rate)!;
    const creditAtRate = credit.vatBreakdown.filter((v) => v.rateBps === rate).reduce((s, v) => s + v.basisCents, 0);
    expect(sameRate.basisCents).toBe(basis(first) + basis(second) - creditAtRate);
    expect(sameRate.documents).toBe(2 + (creditAtRate !== 0 ? 1 : 0));
    // The same documents in another order give the same lines.
    expect(aggregateLines([credit, third, second, first])).toEqual(lines);
  });
});
