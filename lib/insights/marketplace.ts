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
 * Needs by the month they were published: how fast they got bids and became contracts. The first
 * bid, the bid count and the contract's date are kept on each need by the database (migration
 * 0038_custom_job_liquidity), so this reads the period's needs and nothing else.
 */
export async function liquidityByMonth(actor: Actor | null, period: Period, filter: { kind?: string } = {}): Promise<LiquidityMonth[]> {
  requireRole(actor, "admin");
  const kind = filter.kind ? sql`and j.kind = ${filter.kind}` : sql``;
  // Month by month, each month's needs read from jobs_liquidity_idx alone (an index-only range
  // scan); the medians sort intervals, converted to hours and days once per month.
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
      where j.published_at >= m.starts and j.published_at < m.ends ${kind}) s
    order by m.month`);
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

/** The period's needs by kind and by software family (a need naming two families counts in each). */
export async function liquidityBreakdown(actor: Actor | null, period: Period): Promise<LiquidityGroup[]> {
  requireRole(actor, "admin");
  const rows = await db.execute<Record<string, string>>(sql`
    with sets as (
      select j.kind, j.software_families, count(*) as published,
        count(*) filter (where j.first_bid_at <= j.published_at + interval '48 hours') as within48,
        coalesce(sum(j.bid_count), 0) as bids,
        count(*) filter (where j.contracted_at is not null) as contracts
      from jobs j
      where j.published_at >= ${period.from.toISOString()} and j.published_at < ${period.to.toISOString()}
      group by j.kind, j.software_families),
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
