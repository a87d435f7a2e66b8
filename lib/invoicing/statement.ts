import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { invoices, type Invoice } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireRole } from "@/lib/auth/policy";
import { activityByExpert, emptyQuarter, isReportableYear, parisYear, yearTotals, type QuarterActivity, type YearActivity } from "@/lib/dac7/activity";

export interface StatementLine {
  number: string;
  issueDate: string;
  kind: Invoice["kind"];
  inclVatCents: number;
  corrects: string | null;
}

/** Each credit note right after the invoice it corrects; otherwise by date, then number. */
export function creditNotesAfterTheirInvoice(rows: Invoice[]): Invoice[] {
  const byDate = [...rows].sort((a, b) => a.issueDate.localeCompare(b.issueDate) || a.number.localeCompare(b.number));
  const present = new Set(byDate.filter((r) => r.kind === "invoice").map((r) => r.id));
  const followers = new Map<string, Invoice[]>();
  for (const row of byDate) {
    if (row.kind === "credit_note" && row.correctsInvoiceId && present.has(row.correctsInvoiceId)) {
      followers.set(row.correctsInvoiceId, [...(followers.get(row.correctsInvoiceId) ?? []), row]);
    }
  }
  const followed = new Set([...followers.values()].flat().map((r) => r.id));
  return byDate.filter((r) => !followed.has(r.id)).flatMap((r) => [r, ...(followers.get(r.id) ?? [])]);
}

/**
 * Article 242 bis du CGI: for an expert and a calendar year of Paris, the number of transactions
 * made through Compagnon (milestones paid) and their gross amount (what clients paid, VAT
 * included, net of the refunded part; and excluding VAT), the commission withheld and what the expert was credited,
 * per quarter and for the year: the ledger's figures, the same the DAC7 declaration reports.
 * Null before the year is over or for a year with no activity. Experts only.
 */
export async function yearlyStatement(actor: Actor | null, year: number, now = new Date()) {
  const expert = requireRole(actor, "expert");
  if (!isReportableYear(year, now)) return null;
  const [activity, rows] = await Promise.all([
    activityByExpert(db, year, expert.id),
    db
      .select()
      .from(invoices)
      .where(and(eq(invoices.expertUserId, expert.id), eq(invoices.role, "service"), eq(invoices.year, year)))
      .orderBy(asc(invoices.issueDate), asc(invoices.number)),
  ]);
  const quarters: YearActivity = activity.get(expert.id) ?? [emptyQuarter(), emptyQuarter(), emptyQuarter(), emptyQuarter()];
  const totals: QuarterActivity = yearTotals(quarters);
  if (totals.activities === 0 && rows.length === 0) return null;
  const numbers = new Map(rows.map((r) => [r.id, r.number]));
  const lines: StatementLine[] = creditNotesAfterTheirInvoice(rows).map((r) => ({
    number: r.number,
    issueDate: r.issueDate,
    kind: r.kind,
    inclVatCents: r.inclVatCents,
    corrects: r.correctsInvoiceId ? (numbers.get(r.correctsInvoiceId) ?? r.document.corrects?.number ?? null) : null,
  }));
  return {
    year,
    transactions: totals.activities,
    grossCents: totals.grossCents,
    exVatCents: totals.grossExVatCents,
    /** Commission withheld, its VAT included. */
    commissionCents: totals.feesCents + totals.taxesCents,
    commissionVatCents: totals.taxesCents,
    netCents: totals.considerationCents,
    quarters,
    invoices: lines,
  };
}

/** The years for which an expert's statement can be downloaded: finished Paris years with activity or invoices. */
export async function statementYears(actor: Actor | null, now = new Date()): Promise<number[]> {
  const expert = requireRole(actor, "expert");
  const rows = await db.execute<{ year: number }>(sql`
    select distinct extract(year from l.created_at at time zone 'Europe/Paris')::int as year
      from ledger_entries l join transfers t on t.id = l.source_id
      where l.kind = 'release' and t.expert_user_id = ${expert.id}
    union
    select distinct year from invoices where expert_user_id = ${expert.id} and role = 'service'
    order by year desc`);
  const current = parisYear(now);
  return rows.map((r) => Number(r.year)).filter((y) => y < current);
}
