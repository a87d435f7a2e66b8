import { describe, expect, it } from "vitest";
import { eurosToCents, exVatShare, splitCommission, vatOn } from "@/lib/money/commission";
import { milestoneCharge } from "@/lib/payments/amounts";

describe("commission", () => {
  it.each([
    [100_000, 1000, 10_000, 90_000],
    [99_999, 1000, 10_000, 89_999], // 9 999.9 rounds up
    [12_345, 1000, 1_235, 11_110], // 1 234.5 rounds half up
    [12_344, 1000, 1_234, 11_110],
    [1, 1000, 0, 1],
    [5, 1000, 1, 4], // 0.5 cent rounds up
    [333, 1250, 42, 291], // 41.625 → 42
    [100_000, 0, 0, 100_000],
    [0, 1500, 0, 0],
  ])("%i cents at %i bps → commission %i, net %i", (amount, rate, commission, net) => {
    const split = splitCommission(amount, rate);
    expect(split).toEqual({ commissionCents: commission, netCents: net });
    expect(split.commissionCents + split.netCents).toBe(amount);
  });

  it("refuses fractions of a cent and impossible rates", () => {
    expect(() => splitCommission(10.5, 1000)).toThrow();
    expect(() => splitCommission(-1, 1000)).toThrow();
    expect(() => splitCommission(100, 10_001)).toThrow();
  });

  it.each([
    ["1234,56", 123_456],
    ["1 234.5", 123_450],
    ["1 234 €", 123_400],
    ["0,07", 7],
    ["12,345", null],
    ["-5", null],
    ["abc", null],
    ["", null],
  ])("reads %s as %s cents", (text, cents) => {
    expect(eurosToCents(text)).toBe(cents);
  });
});

describe("VAT on milestones", () => {
  // [amount excl. VAT, VAT rate bps, VAT, paid by the client, commission (10 % of excl. VAT), to the expert]
  const cases: [number, number, number, number, number, number][] = [
    [120_000, 2000, 24_000, 144_000, 12_000, 132_000],
    [120_050, 2000, 24_010, 144_060, 12_005, 132_055],
    [1, 2000, 0, 1, 0, 1], // 0,2 cent of VAT rounds to 0
    [3, 2000, 1, 4, 0, 4], // 0,6 → 1
    [5, 2000, 1, 6, 1, 5], // VAT 1 cent, commission 0,5 → 1
    [33_333, 2000, 6_667, 40_000, 3_333, 36_667],
    [25_000, 0, 0, 25_000, 2_500, 22_500], // franchise: no VAT
  ];
  it.each(cases)("%i cents at %i bps: VAT %i, paid %i, commission %i, expert %i", (exVat, rate, vat, paid, commission, expert) => {
    expect(vatOn(exVat, rate)).toBe(vat);
    expect(milestoneCharge({ amountCents: exVat }, { vatRateBps: rate, commissionBps: 1000 })).toEqual({
      exVatCents: exVat,
      vatCents: vat,
      chargeCents: paid,
      commissionCents: commission,
      expertCents: expert,
    });
  });

  // A split: the released part's share excluding VAT, in proportion, half up.
  it.each([
    [89_999, 120_000, 100_000, 74_999],
    [60_000, 120_000, 100_000, 50_000],
    [1, 3, 2, 1], // 0,667 → 1
    [1, 4, 2, 1], // 0,5 → 1 (half up)
    [0, 120_000, 100_000, 0],
  ])("%i of %i (excl. VAT %i) is %i excluding VAT", (part, total, totalExVat, expected) => {
    expect(exVatShare(part, total, totalExVat)).toBe(expected);
  });
});
