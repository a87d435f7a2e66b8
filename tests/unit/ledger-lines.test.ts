import { describe, expect, it } from "vitest";
import { splitCommission, withVat } from "@/lib/money/commission";
import { fundingLines, refundLines, releaseLines, transferLines } from "@/lib/payments/ledger";

const sum = (lines: [string, number][]) => lines.reduce((total, [, amount]) => total + amount, 0);

describe("ledger lines", () => {
  // [excl. VAT, expert VAT bps, commission bps, commission basis, commission VAT, expert net excl. VAT]
  const releases: [number, number, number, number, number, number][] = [
    [200_050, 2000, 1000, 16_671, 3_334, 180_045], // gross 240 060
    [1, 0, 1000, 0, 0, 1],
    [6, 0, 1000, 1, 0, 5],
    [99_999, 0, 1250, 10_417, 2_083, 87_499],
    [100_001, 2000, 0, 0, 0, 100_001],
    [333, 2000, 3333, 92, 18, 223],
  ];
  it.each(releases)("releasing %i cents (+ VAT at %i bps) at %i bps: commission %i + VAT %i, expert %i, balanced", (exVat, vatBps, bps, commissionExVat, commissionVat, net) => {
    const gross = withVat(exVat, vatBps).inclVatCents;
    const { commissionCents } = splitCommission(exVat, bps);
    const lines = releaseLines({ grossCents: gross, grossExVatCents: exVat, commissionCents });
    expect(lines).toEqual([
      ["client_funds_held", gross],
      ["expert_payable", -net],
      ["expert_vat_collected", -(gross - exVat)],
      ["commission_revenue", -commissionExVat],
      ["commission_vat_collected", -commissionVat],
    ]);
    expect(sum(lines)).toBe(0);
  });

  // A split refund: the refund and the released rest add up to what was held.
  const splits: [number, number, number][] = [
    [200_042, 100_021, 2000],
    [1_001, 1, 0],
    [1_001, 1_000, 0],
    [278, 139, 2000],
  ];
  it.each(splits)("a split of %i cents excl. VAT refunding %i excl. VAT (VAT %i bps) leaves escrow and the expert's accounts empty", (exVat, refundExVat, vatBps) => {
    const held = withVat(exVat, vatBps).inclVatCents;
    const refunded = withVat(refundExVat, vatBps).inclVatCents;
    const release = { grossCents: held - refunded, grossExVatCents: exVat - refundExVat, commissionCents: splitCommission(exVat - refundExVat, 1000).commissionCents };
    const all = [...fundingLines(held), ...refundLines(refunded), ...releaseLines(release), ...transferLines({ ...release, amountCents: release.grossCents - release.commissionCents })];
    const balances: Record<string, number> = {};
    for (const [account, amount] of all) balances[account] = (balances[account] ?? 0) + amount;
    expect(balances.client_funds_held).toBe(0);
    expect(balances.expert_payable).toBe(0);
    expect(balances.expert_vat_collected).toBe(0);
    // The platform keeps exactly its commission: basis + VAT.
    expect((balances.platform_cash ?? 0) + (balances.commission_revenue ?? 0) + (balances.commission_vat_collected ?? 0)).toBe(0);
    expect(sum(all)).toBe(0);
  });
});
