import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { evidenceFiles, expertProfiles } from "@/db/schema";
import { PolicyError } from "@/lib/auth/policy";
import { insightsCsv } from "@/lib/insights/csv";
import { servicesCeiling, setTurnoverCeiling } from "@/lib/insights/ceilings";
import { expertEarnings, nextDeclarations, yearToDateSeries } from "@/lib/insights/earnings";
import { seedSavingsPrices } from "@/db/seed/savings";
import { liquidityBreakdown, liquidityByMonth, moneyByMonth, supplySnapshot, trustByMonth } from "@/lib/insights/marketplace";
import { parisMonth, periodFrom } from "@/lib/insights/period";
import { clientSpending } from "@/lib/insights/spending";
import { approveMilestone, markDelivered } from "@/lib/payments/delivery";
import type { Actor } from "@/lib/auth/actor";
import { enablePayouts, fundMilestone, makeActiveContract, type ActiveContract } from "@/tests/helpers/contracts";
import { makeCompleteExpert } from "@/tests/helpers/experts";
import { makeOrganization, makeUser } from "@/tests/helpers/factories";

let admin: Actor;
let deal: ActiveContract;
const thisMonth = () => parisMonth(new Date());

/**
 * One contract of two milestones (1 200,00 € and 1 200,50 € excl. VAT, 20 % VAT): the first
 * funded, delivered and approved (released), the second funded only. Known answers follow.
 */
beforeAll(async () => {
  await seedSavingsPrices(db);
  admin = await makeUser("admin");
  deal = await makeActiveContract();
  const [first, second] = deal.milestoneIds as [string, string];
  await enablePayouts(deal.expert);
  await fundMilestone(deal.owner, first);
  await markDelivered(deal.expert, { milestoneId: first, note: "Nextcloud installé, sauvegardes testées, accès remis." });
  const approved = await approveMilestone(deal.owner, { milestoneId: first });
  if (!approved.ok) throw new Error("not approved");
  await fundMilestone(deal.owner, second);
});

describe("marketplace health (admin)", () => {
  it("money this month: funded, released, commission excl. VAT and take rate from the ledger", async () => {
    const money = await moneyByMonth(admin, periodFrom("3"));
    expect(money.map((m) => m.month)).toHaveLength(3);
    expect(money.at(-1)).toEqual({ month: thisMonth(), fundedCents: 144_000 + 144_060, releasedCents: 144_000, refundedCents: 0, commissionExVatCents: 10_000, takeRateBps: 694 });
    expect(money.slice(0, 2).every((m) => m.fundedCents === 0 && m.takeRateBps === null)).toBe(true);
  });

  it("liquidity: the need published this month got its bid within 48 hours and became a contract", async () => {
    const [latest] = (await liquidityByMonth(admin, periodFrom("3"))).slice(-1);
    expect(latest).toMatchObject({ month: thisMonth(), published: 1, firstBidWithin48h: 1, bids: 1, contracts: 1 });
    expect(latest?.medianHoursToFirstBid).toBeGreaterThanOrEqual(0);
    expect((await liquidityByMonth(admin, periodFrom("3"), { kind: "training" })).map((m) => m.published)).toEqual([0, 0, 0]);
    // By kind and by family: the installation need, Nextcloud (collaboration).
    const groups = await liquidityBreakdown(admin, periodFrom("3"));
    expect(groups).toEqual(
      expect.arrayContaining([
        { by: "kind", key: "installation", published: 1, firstBidWithin48h: 1, bids: 1, contracts: 1 },
        { by: "family", key: "collaboration", published: 1, firstBidWithin48h: 1, bids: 1, contracts: 1 },
      ]),
    );
    await expect(liquidityBreakdown(deal.owner, periodFrom("3"))).rejects.toBeInstanceOf(PolicyError);
  });

  it("trust: two milestones funded, no dispute, no review", async () => {
    const [latest] = (await trustByMonth(admin, periodFrom("6"))).slice(-1);
    expect(latest).toEqual({ month: thisMonth(), fundedMilestones: 2, disputesOpened: 0, medianDaysToSettle: null, reviews: 0, averageRating: null });
  });

  it("supply: a profile waiting 10 days, an URSSAF certificate lapsing in 10 days, an idle verified expert", async () => {
    const before = await supplySnapshot(admin);
    const waiting = await makeCompleteExpert({ submit: true });
    await db.update(expertProfiles).set({ submittedAt: sql`now() - interval '10 days'` }).where(eq(expertProfiles.id, waiting.profileId));
    const idle = await makeCompleteExpert();
    await db.update(expertProfiles).set({ status: "verified", verifiedAt: new Date() }).where(eq(expertProfiles.id, idle.profileId));
    await db.update(evidenceFiles).set({ issuedOn: sql`(current_date - interval '6 months' + interval '10 days')::date` }).where(eq(evidenceFiles.profileId, idle.profileId));
    const after = await supplySnapshot(admin);
    expect(after.vettingQueue.waiting).toBe(before.vettingQueue.waiting + 1);
    expect(after.vettingQueue.oldestDays).toBeGreaterThanOrEqual(10);
    expect(after.urssafExpiringIn30Days).toBe(before.urssafExpiringIn30Days + 1);
    expect(after.verifiedWithoutBidIn60Days).toBe(before.verifiedWithoutBidIn60Days + 1);
    const verified = (s: typeof after) => s.byStatus.find((row) => row.status === "verified")?.experts ?? 0;
    expect(verified(after)).toBe(verified(before) + 1);
  });

  it("the CSV has the table's figures; nobody but an admin gets any of it", async () => {
    expect(await insightsCsv(admin, "supply", periodFrom("3"))).toMatch(/experts_verified;\d+/);
    expect(await insightsCsv(admin, "breakdown", periodFrom("3"))).toContain("type;installation;1;1;1;1");
    const csv = await insightsCsv(admin, "money", periodFrom("3"));
    expect(csv).toContain(`${thisMonth()};2880,60;1440,00;0,00;100,00;6,94`);
    for (const actor of [null, deal.owner, deal.expert, { ...admin, secondFactor: null }]) {
      await expect(moneyByMonth(actor, periodFrom("3"))).rejects.toBeInstanceOf(PolicyError);
      await expect(liquidityByMonth(actor, periodFrom("3"))).rejects.toBeInstanceOf(PolicyError);
      await expect(trustByMonth(actor, periodFrom("3"))).rejects.toBeInstanceOf(PolicyError);
      await expect(supplySnapshot(actor)).rejects.toBeInstanceOf(PolicyError);
      await expect(insightsCsv(actor, "trust", periodFrom("3"))).rejects.toBeInstanceOf(PolicyError);
    }
  });
});

describe("an expert's earnings", () => {
  it("released this month with its commission, the funded milestone pending, the year against the ceiling", async () => {
    const earnings = await expertEarnings(deal.expert);
    expect(earnings.months).toHaveLength(15);
    expect(earnings.months.find((m) => m.month === thisMonth())).toMatchObject({ releasedExVatCents: 120_000, commissionCents: 12_000, netCents: 132_000 });
    expect(earnings.months.reduce((sum, m) => sum + m.pendingCents, 0)).toBe(120_050);
    expect(earnings.months.reduce((sum, m) => sum + m.upcomingCents, 0)).toBe(0);
    const year = Number(thisMonth().slice(0, 4));
    expect(earnings.yearToDate).toEqual({ year, releasedExVatCents: 120_000, ceiling: await servicesCeiling(year) });
    expect(earnings.yearToDate.ceiling?.cents).toBeGreaterThan(0);
    // The chart against the ceiling: January to this month, cumulated.
    const cumulated = yearToDateSeries(earnings);
    expect(cumulated[0]?.month).toBe(`${year}-01`);
    expect(cumulated.at(-1)).toEqual({ month: thisMonth(), cumulatedCents: 120_000 });
  });

  it("another expert sees only their own (nothing); a client or nobody is refused", async () => {
    const other = await makeUser("expert");
    const theirs = await expertEarnings(other);
    expect(theirs.months.every((m) => m.releasedExVatCents === 0 && m.pendingCents === 0)).toBe(true);
    await expect(expertEarnings(deal.owner)).rejects.toBeInstanceOf(PolicyError);
    await expect(expertEarnings(null)).rejects.toBeInstanceOf(PolicyError);
  });

  it("URSSAF deadlines: last month by the end of this one; the next quarterly deadline still ahead", () => {
    expect(nextDeclarations(new Date("2026-12-05T10:00:00Z"))).toEqual({ monthly: { period: "2026-11", dueOn: "2026-12-31" }, quarterly: { period: "2026-Q4", dueOn: "2027-01-31" } });
    expect(nextDeclarations(new Date("2026-11-05T10:00:00Z")).quarterly).toEqual({ period: "2026-Q4", dueOn: "2027-01-31" });
    expect(nextDeclarations(new Date("2026-10-05T10:00:00Z")).quarterly).toEqual({ period: "2026-Q3", dueOn: "2026-10-31" });
    expect(nextDeclarations(new Date("2027-01-10T10:00:00Z"))).toEqual({ monthly: { period: "2026-12", dueOn: "2027-01-31" }, quarterly: { period: "2026-Q4", dueOn: "2027-01-31" } });
  });

  it("the ceiling is the latest set from that year or before; an admin sets a new one, nobody else", async () => {
    expect(await servicesCeiling(2026)).toEqual({ year: 2026, cents: 8_360_000 });
    expect(await servicesCeiling(2025)).toEqual({ year: 2023, cents: 7_770_000 });
    expect(await servicesCeiling(2019)).toBeNull();
    expect(await setTurnoverCeiling(admin, { fromYear: "2029", amount: "90 000", source: "art. 50-0 CGI (2029)" })).toEqual({ ok: true, value: { fromYear: 2029 } });
    expect(await servicesCeiling(2031)).toEqual({ year: 2029, cents: 9_000_000 });
    expect(await setTurnoverCeiling(admin, { fromYear: "deux mille", amount: "0", source: "" })).toMatchObject({ ok: false, error: "invalid", fields: { fromYear: "count", amount: "amount", source: "required" } });
    for (const actor of [null, deal.owner, deal.expert, { ...admin, secondFactor: null }]) {
      await expect(setTurnoverCeiling(actor, { fromYear: "2030", amount: "1", source: "nope" })).rejects.toBeInstanceOf(PolicyError);
    }
    expect(await servicesCeiling(2030)).toEqual({ year: 2029, cents: 9_000_000 });
  });
});

describe("a client's spending", () => {
  it("spent this month (released, VAT included), committed (funded, not released), nothing left to fund", async () => {
    const spending = await clientSpending(deal.owner);
    expect(spending.months.find((m) => m.month === thisMonth())?.spentCents).toBe(144_000);
    expect(spending.contracts).toEqual([{ contractId: deal.contractId, title: expect.any(String), spentCents: 144_000, committedCents: 144_060, toFundCents: 0 }]);
    expect(spending.totals).toEqual({ spentCents: 144_000, committedCents: 144_060, toFundCents: 0 });
  });

  it("what remains to fund on a signed contract carries its VAT; other clients see nothing of it; experts are refused", async () => {
    const fresh = await makeActiveContract();
    const spending = await clientSpending(fresh.owner);
    expect(spending.totals).toEqual({ spentCents: 0, committedCents: 0, toFundCents: 144_000 + 144_060 });
    const stranger = await makeUser("client");
    await makeOrganization(stranger);
    expect((await clientSpending(stranger)).contracts).toEqual([]);
    await expect(clientSpending(deal.expert)).rejects.toBeInstanceOf(PolicyError);
    await expect(clientSpending(null)).rejects.toBeInstanceOf(PolicyError);
  });
});
