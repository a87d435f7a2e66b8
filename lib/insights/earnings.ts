import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { requireRole } from "@/lib/auth/policy";
import { parisDay, shiftMonth } from "@/lib/dates";
import { servicesCeiling } from "./ceilings";
import { parisMonth, parisMonthStart } from "./period";

/**
 * An expert's earnings (/expert/earnings): per month, what was released (their turnover, excl.
 * VAT, and the commission paid on it), what is funded but not yet approved, and what is still to
 * be funded (by due month); the year's turnover against the micro-entrepreneur ceiling.
 */

export interface EarningsMonth {
  month: string;
  releasedExVatCents: number;
  commissionCents: number;
  netCents: number;
  pendingCents: number;
  upcomingCents: number;
}

export interface Earnings {
  months: EarningsMonth[];
  yearToDate: { year: number; releasedExVatCents: number; ceiling: { year: number; cents: number } | null };
  /** The next URSSAF declarations: monthly (last month's turnover) and quarterly (last quarter's). */
  declarations: { monthly: { period: string; dueOn: string }; quarterly: { period: string; dueOn: string } };
}

function lastDay(month: string): string {
  const next = parisMonthStart(shiftMonth(month, 1));
  return parisDay(new Date(next.getTime() - 12 * 3_600_000));
}

/**
 * URSSAF: a month's (or quarter's) turnover is declared by the end of the following month. The
 * next quarterly deadline: the quarter just ended when this month is the one after it, else the
 * current quarter (due at the end of the month after it).
 */
export function nextDeclarations(now: Date): Earnings["declarations"] {
  const current = parisMonth(now);
  const previous = shiftMonth(current, -1);
  const monthNumber = Number(current.slice(5, 7));
  const positionInQuarter = (monthNumber - 1) % 3; // 0: first month of a quarter
  const quarterEnd = positionInQuarter === 0 ? previous : shiftMonth(current, 2 - positionInQuarter);
  const quarterDue = shiftMonth(quarterEnd, 1);
  const quarter = `${quarterEnd.slice(0, 4)}-Q${Math.ceil(Number(quarterEnd.slice(5, 7)) / 3)}`;
  return { monthly: { period: previous, dueOn: lastDay(current) }, quarterly: { period: quarter, dueOn: lastDay(quarterDue) } };
}

/** The last 12 months and the next 3 (for what is due), for the signed-in expert only. */
export async function expertEarnings(actor: Actor | null, now = new Date()): Promise<Earnings> {
  const expert = requireRole(actor, "expert");
  const current = parisMonth(now);
  const months = Array.from({ length: 15 }, (_, index) => shiftMonth(current, index - 11));
  const from = parisMonthStart(months[0] ?? current).toISOString();
  const to = parisMonthStart(shiftMonth(current, 4)).toISOString();
  const year = Number(current.slice(0, 4));
  const rows = await db.execute<Record<string, string>>(sql`
    with released as (
      select to_char(t.created_at at time zone 'Europe/Paris', 'YYYY-MM') as month,
        sum(t.gross_ex_vat_cents)::bigint as released, sum(t.commission_cents)::bigint as commission, sum(t.amount_cents)::bigint as net
      from transfers t where t.expert_user_id = ${expert.id} and t.created_at >= ${from} and t.created_at < ${to} group by 1),
    open_milestones as (
      select to_char(m.due_on, 'YYYY-MM') as month,
        sum(m.amount_cents) filter (where m.status in ('funded', 'delivered', 'disputed'))::bigint as pending,
        sum(m.amount_cents) filter (where m.status = 'pending' and c.status = 'active')::bigint as upcoming
      from contract_milestones m join contracts c on c.id = m.contract_id
      where c.expert_user_id = ${expert.id} and m.status in ('pending', 'funded', 'delivered', 'disputed') group by 1)
    select month, coalesce(sum(released), 0) as released, coalesce(sum(commission), 0) as commission, coalesce(sum(net), 0) as net,
      coalesce(sum(pending), 0) as pending, coalesce(sum(upcoming), 0) as upcoming
    from (select month, released, commission, net, null::bigint as pending, null::bigint as upcoming from released
          union all select month, null, null, null, pending, upcoming from open_milestones) all_rows
    group by month`);
  const [ytd] = await db.execute<Record<string, string>>(sql`
    select coalesce(sum(gross_ex_vat_cents), 0)::bigint as released from transfers
    where expert_user_id = ${expert.id} and created_at >= ${parisMonthStart(`${year}-01`).toISOString()} and created_at < ${parisMonthStart(`${year + 1}-01`).toISOString()}`);
  const byMonth = new Map(rows.map((row) => [String(row.month), row]));
  // Funded or unfunded milestones due before the window count in its first month: still owed.
  const overdue = rows.filter((row) => String(row.month) < (months[0] ?? ""));
  return {
    months: months.map((month, index) => {
      const row = byMonth.get(month);
      const carried = index === 0 ? overdue : [];
      return {
        month,
        releasedExVatCents: Number(row?.released ?? 0),
        commissionCents: Number(row?.commission ?? 0),
        netCents: Number(row?.net ?? 0),
        pendingCents: Number(row?.pending ?? 0) + carried.reduce((sum, r) => sum + Number(r.pending ?? 0), 0),
        upcomingCents: Number(row?.upcoming ?? 0) + carried.reduce((sum, r) => sum + Number(r.upcoming ?? 0), 0),
      };
    }),
    yearToDate: { year, releasedExVatCents: Number(ytd?.released ?? 0), ceiling: await servicesCeiling(year) },
    declarations: nextDeclarations(now),
  };
}

/** The year's turnover month by month, cumulated (January to this month), for the chart against the ceiling. */
export function yearToDateSeries(earnings: Earnings): { month: string; cumulatedCents: number }[] {
  const year = String(earnings.yearToDate.year);
  let total = 0;
  return earnings.months
    .filter((m) => m.month.startsWith(`${year}-`) && m.month <= (earnings.months[11]?.month ?? m.month))
    .map((m) => {
      total += m.releasedExVatCents;
      return { month: m.month, cumulatedCents: total };
    });
}
