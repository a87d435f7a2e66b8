import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { requireRole } from "@/lib/auth/policy";
import { shiftMonth } from "@/lib/dates";
import { vatOn } from "@/lib/money/commission";
import { parisMonth, parisMonthStart } from "./period";

/**
 * A client organisation's spending (on the dashboard): paid out per month (released to experts,
 * VAT included), what is funded and held until approval, and what remains to fund on signed
 * contracts, per contract. Every member of the organisation sees it.
 */

export interface SpendingMonth {
  month: string;
  spentCents: number;
}

export interface ContractSpending {
  contractId: string;
  title: string;
  spentCents: number;
  committedCents: number;
  toFundCents: number;
}

export interface Spending {
  months: SpendingMonth[];
  contracts: ContractSpending[];
  totals: { spentCents: number; committedCents: number; toFundCents: number };
}

export async function clientSpending(actor: Actor | null, now = new Date()): Promise<Spending> {
  const client = requireRole(actor, "client");
  const current = parisMonth(now);
  const months = Array.from({ length: 12 }, (_, index) => shiftMonth(current, index - 11));
  const from = parisMonthStart(months[0] ?? current).toISOString();
  const organisations = sql`(select organization_id from organization_members where user_id = ${client.id})`;
  const [monthly, perContract] = await Promise.all([
    db.execute<Record<string, string>>(sql`
      select to_char(t.created_at at time zone 'Europe/Paris', 'YYYY-MM') as month, sum(t.gross_cents)::bigint as spent
      from transfers t join contracts c on c.id = t.contract_id
      where c.organization_id in ${organisations} and t.created_at >= ${from} group by 1`),
    db.execute<Record<string, string>>(sql`
      select c.id, j.title, c.vat_rate_bps,
        coalesce((select sum(t.gross_cents) from transfers t where t.contract_id = c.id), 0)::bigint as spent,
        coalesce((select sum(p.amount_cents) from payments p join contract_milestones m on m.id = p.milestone_id
                  where m.contract_id = c.id and p.status = 'succeeded' and m.status in ('funded', 'delivered', 'disputed')), 0)::bigint as committed,
        coalesce((select array_agg(m.amount_cents) from contract_milestones m where m.contract_id = c.id and m.status = 'pending'), '{}') as to_fund
      from contracts c join jobs j on j.id = c.job_id
      where c.organization_id in ${organisations} and c.status in ('active', 'completed')
      order by c.created_at desc`),
  ]);
  const spentBy = new Map(monthly.map((row) => [String(row.month), Number(row.spent ?? 0)]));
  const contracts = perContract.map((row) => {
    const rate = Number(row.vat_rate_bps ?? 0);
    const pending = (row.to_fund as unknown as number[] | null) ?? [];
    return {
      contractId: String(row.id),
      title: String(row.title),
      spentCents: Number(row.spent ?? 0),
      committedCents: Number(row.committed ?? 0),
      // Each milestone is charged with its own VAT, rounded as the funding does.
      toFundCents: pending.reduce((sum, exVat) => sum + Number(exVat) + vatOn(Number(exVat), rate), 0),
    };
  });
  const total = (key: "spentCents" | "committedCents" | "toFundCents") => contracts.reduce((sum, c) => sum + c[key], 0);
  return {
    months: months.map((month) => ({ month, spentCents: spentBy.get(month) ?? 0 })),
    contracts,
    totals: { spentCents: total("spentCents"), committedCents: total("committedCents"), toFundCents: total("toFundCents") },
  };
}
