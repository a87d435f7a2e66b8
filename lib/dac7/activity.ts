import "server-only";
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";

/** One calendar quarter of a seller's activity, in integer cents. */
export interface QuarterActivity {
  /** Milestones released to the seller (the relevant activities). */
  activities: number;
  /** What the clients paid for them, VAT included (the gross amount of art. 242 bis). */
  grossCents: number;
  /** The same, excluding the seller's VAT. */
  grossExVatCents: number;
  /** What the seller was credited, after the commission (DAC7's "consideration"). */
  considerationCents: number;
  /** Commission withheld, excluding its VAT (DAC7's "fees"). */
  feesCents: number;
  /** VAT on that commission, charged by the platform (DAC7's "taxes"). */
  taxesCents: number;
}

export type YearActivity = [QuarterActivity, QuarterActivity, QuarterActivity, QuarterActivity];

export const emptyQuarter = (): QuarterActivity => ({ activities: 0, grossCents: 0, grossExVatCents: 0, considerationCents: 0, feesCents: 0, taxesCents: 0 });
const emptyYear = (): YearActivity => [emptyQuarter(), emptyQuarter(), emptyQuarter(), emptyQuarter()];

/** The sum of the four quarters. */
export function yearTotals(year: YearActivity): QuarterActivity {
  return year.reduce(
    (total, q) => ({
      activities: total.activities + q.activities,
      grossCents: total.grossCents + q.grossCents,
      grossExVatCents: total.grossExVatCents + q.grossExVatCents,
      considerationCents: total.considerationCents + q.considerationCents,
      feesCents: total.feesCents + q.feesCents,
      taxesCents: total.taxesCents + q.taxesCents,
    }),
    emptyQuarter(),
  );
}

/** The current calendar year in Paris. */
export function parisYear(now = new Date()): number {
  return Number(new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric" }).format(now));
}

/** A year the platform could have activity for (the app did not exist before 2020). */
export function isReportableYear(year: number, now = new Date()): boolean {
  return Number.isInteger(year) && year >= 2020 && year < parisYear(now);
}

/**
 * Each expert's activity in a calendar year of Paris (1 January 00:00 to 31 December 24:00,
 * Europe/Paris), per quarter. Every `release` movement of the ledger is one milestone paid to its
 * expert, dated when the money was credited to them; its transfer row (written in the same
 * transaction, with amount + commission = gross checked by the database) gives the gross amount,
 * what was credited and the commission withheld, split into fee and VAT as the commission invoice
 * of that release says. Tests check these totals against the ledger's lines. Only experts with
 * activity appear.
 */
export async function activityByExpert(executor: Executor, year: number, expertUserId?: string): Promise<Map<string, YearActivity>> {
  const rows = await executor.execute<{ expert_user_id: string; quarter: number; activities: number; gross: string; ex_vat: string; net: string; vat: string }>(sql`
    with released as (
      select l.source_id as transfer_id, min(l.created_at) as at
      from ledger_entries l
      where l.kind = 'release'
        and l.created_at >= make_timestamptz(${year}::int, 1, 1, 0, 0, 0, 'Europe/Paris')
        and l.created_at < make_timestamptz(${year + 1}::int, 1, 1, 0, 0, 0, 'Europe/Paris')
      group by l.source_id
    )
    select t.expert_user_id,
      extract(quarter from r.at at time zone 'Europe/Paris')::int as quarter,
      count(*)::int as activities,
      sum(t.gross_cents)::bigint as gross,
      sum(t.gross_ex_vat_cents)::bigint as ex_vat,
      sum(t.amount_cents)::bigint as net,
      coalesce(sum(least(t.commission_cents, (
        select coalesce(sum(i.vat_cents), 0) from invoices i
        where i.transfer_id = t.id and i.role = 'commission' and i.kind = 'invoice'
      ))), 0)::bigint as vat
    from released r
    join transfers t on t.id = r.transfer_id
    ${expertUserId ? sql`where t.expert_user_id = ${expertUserId}` : sql``}
    group by t.expert_user_id, quarter
    order by t.expert_user_id, quarter`);
  const byExpert = new Map<string, YearActivity>();
  for (const row of rows) {
    const year = byExpert.get(row.expert_user_id) ?? emptyYear();
    const gross = Number(row.gross);
    const net = Number(row.net);
    const vat = Number(row.vat);
    year[row.quarter - 1] = { activities: Number(row.activities), grossCents: gross, grossExVatCents: Number(row.ex_vat), considerationCents: net, feesCents: gross - net - vat, taxesCents: vat };
    byExpert.set(row.expert_user_id, year);
  }
  return byExpert;
}
