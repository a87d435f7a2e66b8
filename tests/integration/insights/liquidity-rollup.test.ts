import { eq, inArray, sql } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { bids, jobs } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { shiftMonth } from "@/lib/dates";
import { liquidityBreakdown, liquidityByMonth } from "@/lib/insights/marketplace";
import { parisMonth, parisMonthStart, periodFrom, type Period } from "@/lib/insights/period";
import { makeBid } from "@/tests/helpers/bids";
import { makeOrganization, makeUser } from "@/tests/helpers/factories";
import { makeJob } from "@/tests/helpers/jobs";

/**
 * The liquidity charts read a roll-up (job_liquidity_months, kept by statement triggers on jobs,
 * migration 0047_custom_job_liquidity_months) and find their medians in per-month delay indexes.
 * Their answers must be exactly those of the straightforward queries over the needs themselves
 * (below, as the charts computed them before), whatever the needs: back-dated, at a Paris month's
 * edge, edited, moved, deleted, one at a time or many in one statement.
 */
const n = (value: unknown) => Number(value ?? 0);
const tenth = (value: unknown) => (value === null || value === undefined ? null : Math.round(n(value) * 10) / 10);

async function referenceByMonth(period: Period, kind?: string) {
  const rows = await db.execute<Record<string, string>>(sql`
    select m.month, s.*
    from (select month, (month || '-01')::timestamp at time zone 'Europe/Paris' as starts,
            ((month || '-01')::timestamp + interval '1 month') at time zone 'Europe/Paris' as ends
          from unnest(string_to_array(${period.months.join(",")}, ',')) as month) m
    cross join lateral (
      select count(*)::int as published,
        (count(*) filter (where j.first_bid_at <= j.published_at + interval '48 hours'))::int as within48,
        extract(epoch from percentile_cont(0.5) within group (order by j.first_bid_at - j.published_at)) / 3600 as median_hours,
        coalesce(sum(j.bid_count), 0)::int as bids,
        (count(*) filter (where j.contracted_at is not null))::int as contracts,
        extract(epoch from percentile_cont(0.5) within group (order by j.contracted_at - j.published_at)) / 86400 as median_days
      from jobs j
      where j.published_at >= m.starts and j.published_at < m.ends ${kind ? sql`and j.kind = ${kind}` : sql``}) s
    order by m.month`);
  return rows.map((row) => ({
    month: String(row.month),
    published: n(row.published),
    firstBidWithin48h: n(row.within48),
    medianHoursToFirstBid: tenth(row.median_hours),
    bids: n(row.bids),
    contracts: n(row.contracts),
    medianDaysToContract: tenth(row.median_days),
  }));
}

async function referenceBreakdown(period: Period) {
  const rows = await db.execute<Record<string, string>>(sql`
    select 'kind' as by, coalesce(j.kind::text, 'none') as key, count(*)::int as published,
      (count(*) filter (where j.first_bid_at <= j.published_at + interval '48 hours'))::int as within48,
      coalesce(sum(j.bid_count), 0)::int as bids, (count(*) filter (where j.contracted_at is not null))::int as contracts
    from jobs j where j.published_at >= ${period.from.toISOString()} and j.published_at < ${period.to.toISOString()} group by 1, 2
    union all
    select 'family', family::text, count(*)::int, (count(*) filter (where j.first_bid_at <= j.published_at + interval '48 hours'))::int,
      coalesce(sum(j.bid_count), 0)::int, (count(*) filter (where j.contracted_at is not null))::int
    from jobs j cross join unnest(j.software_families) as family
    where j.published_at >= ${period.from.toISOString()} and j.published_at < ${period.to.toISOString()} group by 1, 2
    order by 1 desc, 3 desc, 2`);
  return rows.map((row) => ({ by: row.by, key: row.key, published: n(row.published), firstBidWithin48h: n(row.within48), bids: n(row.bids), contracts: n(row.contracts) }));
}

/** The roll-up as the migration's backfill would compute it from the needs. */
async function rollUpDrift() {
  return db.execute(sql`
    with truth as (
      select date_trunc('month', published_at at time zone 'Europe/Paris')::date as month, kind, software_families, count(*)::int as published,
        (count(*) filter (where first_bid_at <= published_at + interval '48 hours'))::int as first_bid_within_48h,
        count(first_bid_at)::int as with_first_bid, sum(bid_count)::int as bids, count(contracted_at)::int as contracts
      from jobs where published_at is not null group by 1, 2, 3),
    kept as (select month, kind, software_families, published, first_bid_within_48h, with_first_bid, bids, contracts from job_liquidity_months)
    (select 'missing' as side, * from truth except all select 'missing', * from kept)
    union all
    (select 'extra', * from kept except all select 'extra', * from truth)`);
}

let admin: Actor;
let template: typeof jobs.$inferSelect;
const current = parisMonth(new Date());
const periods = () => [periodFrom("3"), periodFrom("6"), periodFrom("12"), periodFrom(`year-${Number(current.slice(0, 4)) - 1}`), periodFrom(`year-${current.slice(0, 4)}`)];

async function expectSameAnswers() {
  expect(await rollUpDrift()).toEqual([]);
  for (const period of periods()) {
    for (const kind of [undefined, "installation", "training"]) {
      expect(await liquidityByMonth(admin, period, { kind })).toEqual(await referenceByMonth(period, kind));
    }
    expect(await liquidityBreakdown(admin, period)).toEqual(await referenceBreakdown(period));
  }
}

const minutes = (count: number) => count * 60_000;
/** An instant in one of the last 20 Paris months, often within an hour and a half of a month's start. */
const instant = fc
  .record({ back: fc.integer({ min: 0, max: 19 }), offset: fc.oneof(fc.integer({ min: 0, max: 31 * 24 * 60 }), fc.integer({ min: -90, max: 90 })) })
  .map(({ back, offset }) => new Date(parisMonthStart(shiftMonth(current, -back)).getTime() + minutes(offset)));
/** A delay in minutes, with ties and the 48 hours' edge likely. */
const delay = fc.option(fc.oneof(fc.integer({ min: -3 * 24 * 60, max: 60 * 24 * 60 }), fc.constantFrom(0, 60, 48 * 60 - 1, 48 * 60, 48 * 60 + 1, 10 * 24 * 60)), { nil: null });
const liquidity = fc.record({
  publishedAt: fc.option(instant, { nil: null, freq: 8 }),
  kind: fc.constantFrom("installation", "support_one_off", "support_monthly", "training", null),
  softwareFamilies: fc.subarray(["collaboration", "erp_crm", "mail", "network_vpn"] as const),
  firstBid: delay,
  bidCount: fc.integer({ min: 0, max: 5 }),
  contract: delay,
});
type Liquidity = typeof liquidity extends fc.Arbitrary<infer T> ? T : never;

function columns(need: Liquidity) {
  const at = (offset: number | null) => (need.publishedAt && offset !== null ? new Date(need.publishedAt.getTime() + minutes(offset)) : null);
  return {
    publishedAt: need.publishedAt,
    kind: need.kind,
    softwareFamilies: [...need.softwareFamilies],
    firstBidAt: at(need.firstBid),
    bidCount: need.bidCount,
    contractedAt: at(need.contract),
  };
}

const command = fc.oneof(
  { arbitrary: fc.record({ insert: fc.array(liquidity, { minLength: 1, maxLength: 4 }) }), weight: 4 },
  { arbitrary: fc.record({ update: fc.nat(), set: liquidity }), weight: 3 },
  { arbitrary: fc.record({ remove: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ shiftAllHours: fc.integer({ min: -24 * 40, max: 24 * 40 }) }), weight: 1 },
);

beforeAll(async () => {
  admin = await makeUser("admin");
  const owner = await makeUser("client");
  await makeOrganization(owner);
  const [row] = await db.select().from(jobs).where(eq(jobs.id, await makeJob(owner, { personalData: false })));
  template = row!;
});

describe("the liquidity charts' roll-up and medians", () => {
  it("give the straightforward queries' answers over random needs inserted, edited, moved and deleted", { timeout: 240_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 8 }), async (commands) => {
        const ids: string[] = [];
        try {
          for (const step of commands) {
            if ("insert" in step) {
              const { id: _id, search: _search, ...rest } = template;
              const rows = await db.insert(jobs).values(step.insert.map((need) => ({ ...rest, ...columns(need) }))).returning({ id: jobs.id });
              ids.push(...rows.map((row) => row.id));
            } else if ("update" in step && ids.length > 0) {
              await db.update(jobs).set(columns(step.set)).where(eq(jobs.id, ids[step.update % ids.length]!));
            } else if ("remove" in step && ids.length > 0) {
              await db.delete(jobs).where(eq(jobs.id, ids.splice(step.remove % ids.length, 1)[0]!));
            } else if ("shiftAllHours" in step && ids.length > 0) {
              await db.update(jobs).set({ publishedAt: sql`published_at + make_interval(hours => ${step.shiftAllHours})` }).where(inArray(jobs.id, ids));
            }
          }
          await expectSameAnswers();
        } finally {
          if (ids.length > 0) await db.delete(jobs).where(inArray(jobs.id, ids));
        }
      }),
      { numRuns: 40 },
    );
    await expectSameAnswers();
  });

  it("follow real bids, a back-dated bid and its erasure, through the need's liquidity columns", async () => {
    const owner = await makeUser("client");
    await makeOrganization(owner);
    const jobId = await makeJob(owner, { personalData: false, kind: "training", software: ["nextcloud", "odoo"] });
    const first = await makeBid(jobId);
    const second = await makeBid(jobId);
    await expectSameAnswers();
    // Published three months ago, bid on a day later: the need moves to that month's group.
    await db.update(jobs).set({ publishedAt: sql`now() - interval '3 months'` }).where(eq(jobs.id, jobId));
    await db.update(bids).set({ createdAt: sql`now() - interval '3 months' + interval '1 day'` }).where(eq(bids.id, second.bidId));
    await expectSameAnswers();
    const months = await liquidityByMonth(admin, periodFrom("6"), { kind: "training" });
    expect(months.find((month) => month.medianHoursToFirstBid !== null)).toMatchObject({ published: 1, firstBidWithin48h: 1, bids: 2, medianHoursToFirstBid: 24 });
    await db.delete(bids).where(eq(bids.id, second.bidId));
    await db.delete(bids).where(eq(bids.id, first.bidId));
    await expectSameAnswers();
    await db.delete(jobs).where(eq(jobs.id, jobId));
    await expectSameAnswers();
  });
});
