import { describe, expect, it } from "vitest";
import { COMMISSION_VAT_BPS, commissionParts, eurosToCents, exVatOf, splitCommission, vatOn, withVat } from "@/lib/money/commission";
import { milestoneCharge } from "@/lib/payments/amounts";

describe("commission", () => {
  // [amount excl. VAT, bps, commission incl. VAT, its basis, its VAT, net]
  it.each([
    [100_000, 1000, 10_000, 8_333, 1_667, 90_000],
    [99_999, 1000, 10_000, 8_333, 1_667, 89_999], // 8 333,25 → 8 333
    [12_345, 1000, 1_235, 1_029, 206, 11_110], // 1 028,75 → 1 029 half up
    [12_344, 1000, 1_235, 1_029, 206, 11_109], // basis 1 028,67 → 1 029, VAT 205,8 → 206: a cent over 10 %
    [1, 1000, 0, 0, 0, 1],
    [5, 1000, 0, 0, 0, 5], // 0,42 cent of basis rounds to 0
    [6, 1000, 1, 1, 0, 5], // basis 0,5 → 1, VAT 0,2 → 0
    [333, 1250, 42, 35, 7, 291], // basis 34,69 → 35, VAT 7
    [100_000, 0, 0, 0, 0, 100_000],
    [0, 1500, 0, 0, 0, 0],
    [3, 10_000, 2, 2, 0, 1], // at 100 %, the basis 3 would total 4 > 3: never more than the amount
    // Issue 13: the old code took VAT as total − basis and invoiced 41,43 € with 8,28 € of VAT.
    [49_710, 1000, 4_972, 4_143, 829, 44_738],
  ])("%i cents at %i bps → commission %i (basis %i + VAT %i), net %i", (amount, rate, commission, exVat, vat, net) => {
    const split = splitCommission(amount, rate);
    expect(split).toEqual({ commissionCents: commission, commissionExVatCents: exVat, commissionVatCents: vat, netCents: net });
    expect(split.commissionCents + split.netCents).toBe(amount);
    expect(vat).toBe(vatOn(exVat, COMMISSION_VAT_BPS));
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
    [5, 2000, 1, 6, 0, 6], // VAT 1 cent; commission basis 0,42 cent → 0
    [33_333, 2000, 6_667, 40_000, 3_334, 36_666], // commission basis 27,7775 → 27,78 €, VAT 5,56 €
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

  // Issue 13: every document's VAT is basis × rate rounded half up, its total basis + VAT.
  it.each([
    [4_143, 2000, 829, 4_972], // 41,43 € → 8,29 €, not 8,28 €
    [10_287, 2000, 2_057, 12_344], // 102,87 € → 20,57 €, not 20,58 €
    [10_288, 2000, 2_058, 12_346],
    [1, 550, 0, 1],
    [10, 550, 1, 11], // 0,55 → 1
    [12_345, 0, 0, 12_345],
  ])("%i cents at %i bps: VAT %i, total %i", (exVat, rate, vat, incl) => {
    expect(withVat(exVat, rate)).toEqual({ exVatCents: exVat, vatCents: vat, inclVatCents: incl });
    expect(exVatOf(incl, rate)).toBe(exVat);
  });

  it("finds no exact basis for a total no document can have (123,45 € at 20 %)", () => {
    expect(exVatOf(12_345, 2000)).toBeNull();
    expect(exVatOf(12_344, 2000)).toBe(10_287);
    expect(exVatOf(12_346, 2000)).toBe(10_288);
    expect(exVatOf(12_345, 0)).toBe(12_345);
  });

  it("takes a commission back into its basis and VAT; an older inexact one keeps VAT = total − basis", () => {
    expect(commissionParts(4_972)).toEqual({ exVatCents: 4_143, vatCents: 829 });
    expect(commissionParts(4_971)).toEqual({ exVatCents: 4_143, vatCents: 828 });
    expect(commissionParts(0)).toEqual({ exVatCents: 0, vatCents: 0 });
  });
});
