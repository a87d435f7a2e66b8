import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { amountInput, bpsToPercent, decimalString, documentMoney, formatMoney, wholeEuros } from "@/lib/money/format";

const NNBSP = "\u202f";
const NBSP = "\u00a0";

describe("formatMoney (pages and emails)", () => {
  it.each([
    [0, `0,00${NBSP}€`, "€0.00"],
    [5, `0,05${NBSP}€`, "€0.05"],
    [245_050, `2${NNBSP}450,50${NBSP}€`, "€2,450.50"],
    [-1_250, `-12,50${NBSP}€`, "-€12.50"],
    [-123_456_789, `-1${NNBSP}234${NNBSP}567,89${NBSP}€`, "-€1,234,567.89"],
    [99_999_999_999, `999${NNBSP}999${NNBSP}999,99${NBSP}€`, "€999,999,999.99"],
  ])("%i cents → %j / %j", (cents, fr, en) => {
    expect(formatMoney(cents, "fr")).toBe(fr);
    expect(formatMoney(cents, "en")).toBe(en);
  });

  it("writes zero without a sign, even a negative zero", () => {
    expect(formatMoney(-0, "fr")).toBe(`0,00${NBSP}€`);
    expect(formatMoney(-0, "en")).toBe("€0.00");
  });

  it("reads a regional tag as its language and anything else as French, the default", () => {
    expect(formatMoney(100, "en-US")).toBe("€1.00");
    expect(formatMoney(100, "fr-CA")).toBe(`1,00${NBSP}€`);
    expect(formatMoney(100, "de")).toBe(`1,00${NBSP}€`);
  });

  it("rounds to whole euros when asked (budgets, daily rates), never to a negative zero", () => {
    expect(formatMoney(123_450, "fr", { whole: true })).toBe(`1${NNBSP}235${NBSP}€`);
    expect(formatMoney(-123_450, "fr", { whole: true })).toBe(`-1${NNBSP}235${NBSP}€`);
    expect(formatMoney(45_000, "en", { whole: true })).toBe("€450");
    expect(formatMoney(0, "fr", { whole: true })).toBe(`0${NBSP}€`);
    expect(formatMoney(-40, "fr", { whole: true })).toBe(`0${NBSP}€`);
  });

  it("writes cents only when there are some, when asked (share capital)", () => {
    expect(formatMoney(1_000_000, "fr", { trimZeroCents: true })).toBe(`10${NNBSP}000${NBSP}€`);
    expect(formatMoney(1_000_050, "fr", { trimZeroCents: true })).toBe(`10${NNBSP}000,50${NBSP}€`);
    expect(formatMoney(1_000_000, "en", { trimZeroCents: true })).toBe("€10,000");
    for (const cents of [0, 5, 100, 1_000_000, 1_000_050, -200]) {
      expect(documentMoney(cents, "fr", { trimZeroCents: true })).toBe(formatMoney(cents, "fr", { trimZeroCents: true }));
      expect(documentMoney(cents, "en", { trimZeroCents: true })).toBe(formatMoney(cents, "en", { trimZeroCents: true }));
    }
  });

  it("refuses what is not whole cents", () => {
    expect(() => formatMoney(10.5, "fr")).toThrow();
    expect(() => formatMoney(Number.NaN, "fr")).toThrow();
    expect(() => formatMoney(2 ** 53, "fr")).toThrow();
  });
});

describe("documentMoney (hashed and sealed documents)", () => {
  it("spells every amount exactly as Intl does today", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 }), (cents) => {
        expect(documentMoney(cents, "fr")).toBe(formatMoney(cents, "fr"));
        expect(documentMoney(cents, "en")).toBe(formatMoney(cents, "en"));
      }),
    );
    for (const cents of [0, 1, 99, 100, 99_999, 100_000, -1, -100_000]) {
      expect(documentMoney(cents, "fr")).toBe(formatMoney(cents, "fr"));
      expect(documentMoney(cents, "en")).toBe(formatMoney(cents, "en"));
    }
  });

  it("is written out: French typography without Intl", () => {
    expect(documentMoney(480_000, "fr")).toBe(`4${NNBSP}800,00${NBSP}€`);
    expect(documentMoney(-480_000, "en")).toBe("-€4,800.00");
    expect(() => documentMoney(0.5, "fr")).toThrow();
  });
});

describe("amounts for machines and forms", () => {
  it.each([
    [0, "0.00", "0,00"],
    [5, "0.05", "0,05"],
    [-5, "-0.05", "-0,05"],
    [123_456, "1234.56", "1234,56"],
    [-100_000_000_000, "-1000000000.00", "-1000000000,00"],
  ])("decimalString(%i) → %j / %j", (cents, dot, comma) => {
    expect(decimalString(cents)).toBe(dot);
    expect(decimalString(cents, ",")).toBe(comma);
  });

  it.each([
    [240_050, "2400,50", "2400.50"],
    [240_000, "2400", "2400"],
    [5, "0,05", "0.05"],
    [0, "0", "0"],
  ])("amountInput(%i) → %j / %j", (cents, fr, en) => {
    expect(amountInput(cents, "fr")).toBe(fr);
    expect(amountInput(cents, "en")).toBe(en);
  });

  it("rounds to whole euros half up, and turns basis points into percent", () => {
    expect([wholeEuros(0), wholeEuros(49), wholeEuros(50), wholeEuros(123_449), wholeEuros(123_450)]).toEqual([0, 0, 1, 1234, 1235]);
    expect([bpsToPercent(2000), bpsToPercent(550), bpsToPercent(0)]).toEqual([20, 5.5, 0]);
  });
});
