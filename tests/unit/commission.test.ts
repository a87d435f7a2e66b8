import { describe, expect, it } from "vitest";
import { eurosToCents, splitCommission } from "@/lib/money/commission";

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
