import { describe, expect, it } from "vitest";
import { splitCommission } from "@/lib/money/commission";
import { fundingLines, refundLines, releaseLines, transferLines } from "@/lib/payments/ledger";

const sum = (lines: [string, number][]) => lines.reduce((total, [, amount]) => total + amount, 0);

describe("ledger lines", () => {
  // [gross cents, commission bps, commission cents, expert net cents]
  const releases: [number, number, number, number][] = [
    [240_050, 1000, 24_005, 216_045],
    [1, 1000, 0, 1],
    [5, 1000, 1, 4], // 0.5 cent rounds half up
    [15, 1000, 2, 13], // 1.5 → 2
    [14, 1000, 1, 13], // 1.4 → 1
    [99_999, 1250, 12_500, 87_499], // 12 499.875 → 12 500
    [100_001, 0, 0, 100_001],
    [333, 3333, 111, 222], // 110.9889 → 111
  ];
  it.each(releases)("releasing %i cents at %i bps: commission %i, expert %i, balanced", (gross, bps, commission, net) => {
    expect(splitCommission(gross, bps)).toEqual({ commissionCents: commission, netCents: net });
    const lines = releaseLines(gross, splitCommission(gross, bps).commissionCents);
    expect(lines).toEqual([
      ["client_funds_held", gross],
      ["expert_payable", -net],
      ["commission_revenue", -commission],
    ]);
    expect(sum(lines)).toBe(0);
  });

  // A split refund: the refund and the released rest add up to what was held.
  const splits: [number, number][] = [
    [240_050, 120_025],
    [1_001, 1],
    [1_001, 1_000],
    [333, 167],
  ];
  it.each(splits)("a split of %i cents refunding %i leaves escrow empty", (held, refunded) => {
    const commission = splitCommission(held - refunded, 1000).commissionCents;
    const all = [...fundingLines(held), ...refundLines(refunded), ...releaseLines(held - refunded, commission)];
    const net = -(releaseLines(held - refunded, commission).find(([a]) => a === "expert_payable")?.[1] ?? 0);
    all.push(...transferLines(net));
    const balances: Record<string, number> = {};
    for (const [account, amount] of all) balances[account] = (balances[account] ?? 0) + amount;
    expect(balances.client_funds_held).toBe(0);
    expect(balances.expert_payable).toBe(0);
    expect((balances.platform_cash ?? 0) + (balances.commission_revenue ?? 0)).toBe(0); // the platform keeps exactly its commission
    expect(sum(all)).toBe(0);
  });
});
