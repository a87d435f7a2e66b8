import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { requireRole } from "@/lib/auth/policy";
import type { Period } from "./period";

/**
 * The marketplace's health for admins (/admin/insights): money, liquidity, supply and trust, per
 * Paris month over a period. Every figure is computed in the database from the ledger and the
 * tables of record; months without activity are zeros, not gaps.
 */

const months = (period: Period) => sql`(select to_char(m, 'YYYY-MM') as month from generate_series(${period.from.toISOString()}::timestamptz at time zone 'Europe/Paris', ${period.to.toISOString()}::timestamptz at time zone 'Europe/Paris' - interval '1 day', interval '1 month') as m)`;
const monthOf = (column: string) => sql.raw(`to_char(${column} at time zone 'Europe/Paris', 'YYYY-MM')`);
const n = (value: unknown) => Number(value ?? 0);
const orNull = (value: unknown) => (value === null || value === undefined ? null : Number(value));

export interface MoneyMonth {
  month: string;
  fundedCents: number;
  releasedCents: number;
  refundedCents: number;
  commissionExVatCents: number;
  /** Commission (excl. VAT) per 10,000 of released, or null when nothing was released. */
  takeRateBps: number | null;
}

export async function moneyByMonth(actor: Actor | null, period: Period): Promise<MoneyMonth[]> {
  requireRole(actor, "admin");
  const rows = await db.execute<Record<string, string>>(sql`
    with entries as (
      select ${monthOf("created_at")} as month, kind, account, amount_cents
      from ledger_entries where created_at >= ${period.from.toISOString()} and created_at < ${period.to.toISOString()})
    select m.month,
      coalesce(sum(e.amount_cents) filter (where e.kind = 'funding' and e.account = 'platform_cash'), 0)::bigint as funded,
      coalesce(sum(e.amount_cents) filter (where e.kind = 'release' and e.account = 'client_funds_held'), 0)::bigint as released,
      coalesce(sum(e.amount_cents) filter (where e.kind = 'refund' and e.account = 'client_funds_held'), 0)::bigint as refunded,
      coalesce(-sum(e.amount_cents) filter (where e.kind = 'release' and e.account = 'commission_revenue'), 0)::bigint as commission
    from ${months(period)} m left join entries e on e.month = m.month
    group by m.month order by m.month`);
  return rows.map((row) => {
    const released = n(row.released);
    const commission = n(row.commission);
    return {
      month: String(row.month),
      fundedCents: n(row.funded),
      releasedCents: released,
      refundedCents: n(row.refunded),
      commissionExVatCents: commission,
      takeRateBps: released > 0 ? Math.round((commission * 10_000) / released) : null,
    };
  });
}

export interface LiquidityMonth {
  month: string;
  published: number;
  /** Needs published that month with a first bid within 48 hours. */
  firstBidWithin48h: number;
  medianHoursToFirstBid: number | null;
  bids: number;
  contracts: number;
  medianDaysToContract: number | null;
}

/**
 * Needs by the month they were published: how fast they got bids and became contracts. The counts
 * are added up from job_liquidity_months (a few rows per month, kept by the database from each
 * need's liquidity columns: migrations 0038_custom_job_liquidity and 0047_custom_job_liquidity_months).
 * The medians are exact: the month's delays are read in order from a narrow index
 * (jobs_*_delay_idx) and only the middle one or two are kept, the rank known from the roll-up's
 * count; percentile_cont over them interpolates exactly as over the whole month.
 */
export async function liquidityByMonth(actor: Actor | null, period: Period, filter: { kind?: string } = {}): Promise<LiquidityMonth[]> {
  requireRole(actor, "admin");
  const kind = filter.kind ? sql`and r.kind = ${filter.kind}` : sql``;
  const jobKind = filter.kind ? sql`and j.kind = ${filter.kind}` : sql``;
  // The median of `delay` over the month's needs that have one (`count` of them): skip the lower
  // half in index order, keep one value (odd count) or two (even).
  const median = (delay: string, present: string, count: string) => sql`(
    select percentile_cont(0.5) within group (order by x.delay) from (
      select ${sql.raw(delay)} as delay from jobs j
      where date_trunc('month', j.published_at at time zone 'Europe/Paris') = t.starts and ${sql.raw(present)} is not null ${jobKind}
      order by 1 offset greatest(${sql.raw(count)} - 1, 0) / 2 limit 2 - ${sql.raw(count)} % 2) x)`;
  const rows = await db.execute<Record<string, string>>(sql`
    with t as (
      select m.month, m.month::date::timestamp as starts,
        coalesce(sum(r.published), 0)::int as published, coalesce(sum(r.first_bid_within_48h), 0)::int as within48,
        coalesce(sum(r.with_first_bid), 0)::int as with_first_bid, coalesce(sum(r.bids), 0)::int as bids,
        coalesce(sum(r.contracts), 0)::int as contracts
      from (select month || '-01' as month from unnest(string_to_array(${period.months.join(",")}, ',')) as month) m
        left join job_liquidity_months r on r.month = m.month::date ${kind}
      group by m.month)
    select left(t.month, 7) as month, t.published, t.within48, t.bids, t.contracts,
      extract(epoch from ${median("j.first_bid_at - j.published_at", "j.first_bid_at", "t.with_first_bid")}) / 3600 as median_hours,
      extract(epoch from ${median("j.contracted_at - j.published_at", "j.contracted_at", "t.contracts")}) / 86400 as median_days
    from t order by t.month`);
  return rows.map((row) => ({
    month: String(row.month),
    published: n(row.published),
    firstBidWithin48h: n(row.within48),
    medianHoursToFirstBid: orNull(row.median_hours) === null ? null : Math.round(n(row.median_hours) * 10) / 10,
    bids: n(row.bids),
    contracts: n(row.contracts),
    medianDaysToContract: orNull(row.median_days) === null ? null : Math.round(n(row.median_days) * 10) / 10,
  }));
}

export interface SupplySnapshot {
  byStatus: { status: string; experts: number }[];
  vettingQueue: { waiting: number; medianDays: number | null; oldestDays: number | null };
  urssafExpiringIn30Days: number;
  verifiedWithoutBidIn60Days: number;
}

/** Experts now: how many in each state, the vetting queue's age, certificates about to lapse, idle experts. */
export async function supplySnapshot(actor: Actor | null, now = new Date()): Promise<SupplySnapshot> {
  requireRole(actor, "admin");
  const at = now.toISOString();
  const [statuses, [queue], [urssaf], [idle]] = await Promise.all([
    db.execute<Record<string, string>>(sql`select status, count(*)::int as experts from expert_profiles group by status order by status`),
    db.execute<Record<string, string>>(sql`
      select count(*)::int as waiting,
        percentile_cont(0.5) within group (order by extract(epoch from ${at}::timestamptz - submitted_at) / 86400) as median_days,
        max(extract(epoch from ${at}::timestamptz - submitted_at) / 86400) as oldest_days
      from expert_profiles where status = 'submitted' and submitted_at is not null`),
    db.execute<Record<string, string>>(sql`
      select count(*)::int as expiring from (
        select p.id, max(e.issued_on) as issued_on from expert_profiles p join evidence_files e on e.profile_id = p.id and e.kind = 'urssaf'
        where p.status = 'verified' group by p.id) latest
      where latest.issued_on + interval '6 months' >= ${at}::timestamptz and latest.issued_on + interval '6 months' < ${at}::timestamptz + interval '30 days'`),
    db.execute<Record<string, string>>(sql`
      select count(*)::int as idle from expert_profiles p
      where p.status = 'verified'
        and not exists (select 1 from bids b where b.expert_user_id = p.user_id and b.created_at >= ${at}::timestamptz - interval '60 days')`),
  ]);
  return {
    byStatus: statuses.map((row) => ({ status: String(row.status), experts: n(row.experts) })),
    vettingQueue: {
      waiting: n(queue?.waiting),
      medianDays: orNull(queue?.median_days) === null ? null : Math.round(n(queue?.median_days) * 10) / 10,
      oldestDays: orNull(queue?.oldest_days) === null ? null : Math.round(n(queue?.oldest_days) * 10) / 10,
    },
    urssafExpiringIn30Days: n(urssaf?.expiring),
    verifiedWithoutBidIn60Days: n(idle?.idle),
  };
}

export interface TrustMonth {
  month: string;
  fundedMilestones: number;
  disputesOpened: number;
  medianDaysToSettle: number | null;
  reviews: number;
  /** Average rating, to two decimals, or null without reviews. */
  averageRating: number | null;
}

/** Disputes per funded milestone, how fast they settle, and the reviews left, per month. */
export async function trustByMonth(actor: Actor | null, period: Period): Promise<TrustMonth[]> {
  requireRole(actor, "admin");
  const from = period.from.toISOString();
  const to = period.to.toISOString();
  const rows = await db.execute<Record<string, string>>(sql`
    with funded as (
      select ${monthOf("created_at")} as month, count(distinct milestone_id)::int as milestones
      from ledger_entries where kind = 'funding' and account = 'platform_cash' and created_at >= ${from} and created_at < ${to} group by 1),
    opened as (
      select ${monthOf("created_at")} as month, count(*)::int as disputes,
        percentile_cont(0.5) within group (order by extract(epoch from settled_at - created_at) / 86400) filter (where settled_at is not null) as median_days
      from disputes where created_at >= ${from} and created_at < ${to} group by 1),
    rated as (
      select ${monthOf("created_at")} as month, count(*)::int as reviews, round(avg(rating), 2) as average
      from reviews where created_at >= ${from} and created_at < ${to} group by 1)
    select m.month, coalesce(funded.milestones, 0) as funded, coalesce(opened.disputes, 0) as disputes, opened.median_days,
      coalesce(rated.reviews, 0) as reviews, rated.average
    from ${months(period)} m
      left join funded on funded.month = m.month left join opened on opened.month = m.month left join rated on rated.month = m.month
    order by m.month`);
  return rows.map((row) => ({
    month: String(row.month),
    fundedMilestones: n(row.funded),
    disputesOpened: n(row.disputes),
    medianDaysToSettle: orNull(row.median_days) === null ? null : Math.round(n(row.median_days) * 10) / 10,
    reviews: n(row.reviews),
    averageRating: orNull(row.average),
  }));
}

export interface LiquidityGroup {
  by: "kind" | "family";
  /** The need's kind (installation, support, training) or a catalogue category. */
  key: string;
  published: number;
  firstBidWithin48h: number;
  bids: number;
  contracts: number;
}

/**
 * The period's needs by kind and by software family (a need naming two families counts in each),
 * added up from job_liquidity_months.
 */
export async function liquidityBreakdown(actor: Actor | null, period: Period): Promise<LiquidityGroup[]> {
  requireRole(actor, "admin");
  const rows = await db.execute<Record<string, string>>(sql`
    with sets as (
      select r.kind, r.software_families, r.published, r.first_bid_within_48h as within48, r.bids, r.contracts
      from job_liquidity_months r
      where r.month = any(string_to_array(${period.months.map((month) => `${month}-01`).join(",")}, ',')::date[])),
    grouped as (
      select 'kind' as by, coalesce(kind::text, 'none') as key, sets.* from sets
      union all
      select 'family', family::text, sets.* from sets cross join unnest(sets.software_families) as family)
    select by, key, sum(published)::int as published, sum(within48)::int as within48, sum(bids)::int as bids, sum(contracts)::int as contracts
    from grouped group by by, key order by by desc, published desc, key`);
  return rows.map((row) => ({
    by: row.by === "kind" ? "kind" : "family",
    key: String(row.key),
    published: n(row.published),
    firstBidWithin48h: n(row.within48),
    bids: n(row.bids),
    contracts: n(row.contracts),
  }));
}
