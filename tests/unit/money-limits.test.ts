import { describe, expect, it } from "vitest";
import { bidSchema } from "@/lib/bids/schemas";
import { checkAmountCeilings, fitsOneCharge, MAX_MILESTONE_CENTS, maxMilestoneCents, STANDARD_VAT_BPS, STRIPE_MAX_CHARGE_CENTS } from "@/lib/money/limits";

const MAX_CONTRACT = 100_000_000; // the default MAX_CONTRACT_CENTS, 1,000,000 €

describe("one milestone is one Stripe charge, VAT included", () => {
  it.each([
    // [ex-VAT cents, VAT rate, fits]
    [STRIPE_MAX_CHARGE_CENTS, 0, true], // franchise: the whole charge
    [STRIPE_MAX_CHARGE_CENTS + 1, 0, false],
    [83_333_332, 2000, true], // 83,333,332 + 16,666,666 = 99,999,998
    [83_333_333, 2000, false], // 83,333,333 + 16,666,667 (half up) = 100,000,000
    [90_000_000, 0, true], // fits without VAT…
    [90_000_000, 2000, false], // …VAT pushes it over
  ])("%i cents at %i bps: fits = %s", (cents, bps, fits) => {
    expect(fitsOneCharge(cents, bps)).toBe(fits);
  });

  it("the milestone ceiling is the largest amount that fits at the standard rate", () => {
    expect(MAX_MILESTONE_CENTS).toBe(83_333_332);
    expect(maxMilestoneCents(STANDARD_VAT_BPS)).toBe(83_333_332);
    expect(maxMilestoneCents(0)).toBe(STRIPE_MAX_CHARGE_CENTS);
  });
});

describe("checkAmountCeilings", () => {
  it.each([
    ["a contract at the ceiling, in two milestones", MAX_CONTRACT, [50_000_000, 50_000_000], 2000, null],
    ["a contract at the ceiling + 1 cent", MAX_CONTRACT + 1, [50_000_000, 50_000_001], 2000, "amountOverContractLimit"],
    ["a milestone at the charge ceiling, franchise", STRIPE_MAX_CHARGE_CENTS, [STRIPE_MAX_CHARGE_CENTS], 0, null],
    ["a milestone VAT pushes over one charge", 90_000_000, [90_000_000], 2000, "amountOverMilestoneLimit"],
    ["the bid that formed a 20,000,000 € contract", 2_000_000_000, [2_000_000_000], 2000, "amountOverMilestoneLimit"],
    ["the bid that overflowed the integer column", 2_147_483_700, [20_000_000, 2_127_483_700], 0, "amountOverMilestoneLimit"],
  ])("%s", (_what, total, milestones, bps, error) => {
    expect(checkAmountCeilings({ totalCents: total, milestoneCents: milestones }, bps, MAX_CONTRACT)?.error ?? null).toBe(error);
  });
});

describe("the bid schema", () => {
  const bid = (total: string, milestones: string[]) => ({
    jobId: "00000000-0000-4000-8000-000000000000",
    pricing: "fixed",
    total,
    durationDays: 30,
    startOn: "2027-01-01",
    method: "m".repeat(120),
    milestones: milestones.map((amount, i) => ({ title: `Étape ${i + 1}`, amount, dueOn: "2027-02-01" })),
  });
  const errors = (input: object) => {
    const parsed = bidSchema.safeParse(input);
    return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}:${i.message}`);
  };

  it.each([
    ["a milestone at the ceiling", "833333,32", ["833333,32"], []],
    ["a milestone one cent over", "833333,33", ["833333,33"], ["milestones.0.amount:amountOverMilestoneLimit"]],
    ["a contract at 1,000,000 €", "1000000", ["500000", "500000"], []],
    ["a contract one cent over 1,000,000 €", "1000000,01", ["500000", "500000,01"], ["total:amountOverContractLimit"]],
    ["the 20,000,000 € bid", "20000000", ["20000000"], ["total:amountOverContractLimit", "milestones.0.amount:amountOverMilestoneLimit"]],
    ["an amount no integer column holds", "99999999999999999999", ["99999999999999999999"], ["total:amountOverContractLimit", "milestones.0.amount:amountOverMilestoneLimit"]],
  ])("%s", (_what, total, milestones, expected) => {
    expect(errors(bid(total, milestones))).toEqual(expected);
  });
});
