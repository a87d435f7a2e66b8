import "server-only";
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { db } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { requireRole } from "@/lib/auth/policy";
import { toCsv } from "@/lib/export/csv";

export interface CountRow {
  key: string;
  count: number;
}

export interface TransparencyReport {
  year: number;
  /** `job:fraud`, … : reports received, by content type and reason. */
  reportsByType: CountRow[];
  /** kept / removed / restricted / open. */
  decisionsByOutcome: CountRow[];
  /** Hours from report to decision, median over the year's decided reports; null without any. */
  medianHoursToDecide: number | null;
  /** Statements of reasons by kind of restriction. */
  restrictions: CountRow[];
  /** Complaints of the people a restriction affects: open / upheld / reversed. */
  complaints: CountRow[];
  /** Complaints of reporters against the decision on their report: open / upheld / reversed. */
  reporterComplaints: CountRow[];
  /** Suspensions decided in the year (accounts and expert profiles). */
  suspensions: number;
  /** Restrictions lifted in the year, by how: `restriction:complaint` or `restriction:reinstated` (by an admin). */
  reversals: CountRow[];
}

function rows(result: Iterable<Record<string, unknown>>): CountRow[] {
  return [...result].map((row) => ({ key: String(row.key), count: Number(row.count) }));
}

/**
 * The counts the DSA asks of every intermediary (art. 15) for a calendar year, in Paris time:
 * notices received, decisions and their median delay, restrictions, complaints, suspensions.
 */
export async function transparencyReport(executor: Executor, year: number): Promise<TransparencyReport> {
  const from = sql`make_timestamptz(${year}, 1, 1, 0, 0, 0, 'Europe/Paris')`;
  const to = sql`make_timestamptz(${year + 1}, 1, 1, 0, 0, 0, 'Europe/Paris')`;
  const [byType, byOutcome, median, restrictions, complaints, reversals, reporterComplaints] = await Promise.all([
    executor.execute(sql`select target_type || ':' || reason as key, count(*)::int as count from content_reports
      where created_at >= ${from} and created_at < ${to} group by 1 order by 1`),
    executor.execute(sql`select status::text as key, count(*)::int as count from content_reports
      where created_at >= ${from} and created_at < ${to} group by 1 order by 1`),
    executor.execute(sql`select percentile_cont(0.5) within group (order by extract(epoch from decided_at - created_at) / 3600) as hours
      from content_reports where decided_at >= ${from} and decided_at < ${to}`),
    executor.execute(sql`select restriction::text as key, count(*)::int as count from statements_of_reasons
      where created_at >= ${from} and created_at < ${to} group by 1 order by 1`),
    executor.execute(sql`select status::text as key, count(*)::int as count from decision_complaints
      where created_at >= ${from} and created_at < ${to} group by 1 order by 1`),
    executor.execute(sql`select restriction::text || ':' || coalesce(reversal, 'complaint') as key, count(*)::int as count from statements_of_reasons
      where reversed_at >= ${from} and reversed_at < ${to} group by 1 order by 1`),
    executor.execute(sql`select status::text as key, count(*)::int as count from report_complaints
      where created_at >= ${from} and created_at < ${to} group by 1 order by 1`),
  ]);
  const restrictionRows = rows(restrictions);
  const hours = median[0]?.hours;
  return {
    year,
    reportsByType: rows(byType),
    decisionsByOutcome: rows(byOutcome),
    medianHoursToDecide: hours === null || hours === undefined ? null : Math.round(Number(hours) * 10) / 10,
    restrictions: restrictionRows,
    complaints: rows(complaints),
    reporterComplaints: rows(reporterComplaints),
    suspensions: restrictionRows.filter((row) => row.key === "account_suspended" || row.key === "profile_suspended").reduce((sum, row) => sum + row.count, 0),
    reversals: rows(reversals),
  };
}

/** The annual CSV: one line per figure (section; category; count). */
export function transparencyCsv(report: TransparencyReport): string {
  const line = (section: string, key: string, value: number | null) => [section, key, value === null ? "" : String(value)];
  return toCsv(
    ["section", "category", "count"],
    [
      ...report.reportsByType.map((row) => line("reports_received", row.key, row.count)),
      ...report.decisionsByOutcome.map((row) => line("report_decisions", row.key, row.count)),
      line("median_hours_to_decide", "all", report.medianHoursToDecide),
      ...report.restrictions.map((row) => line("restrictions", row.key, row.count)),
      ...report.complaints.map((row) => line("complaints", row.key, row.count)),
      ...report.reporterComplaints.map((row) => line("reporter_complaints", row.key, row.count)),
      line("account_suspensions", "all", report.suspensions),
      ...report.reversals.map((row) => line("restrictions_reversed", row.key, row.count)),
    ],
  );
}

/** The year asked for (`?year=`), or the current one when missing or out of range. */
export function reportYear(raw: string | null | undefined, now = new Date()): number {
  const current = now.getFullYear();
  const year = Number(raw);
  return Number.isInteger(year) && year >= 2024 && year <= current ? year : current;
}

/** The transparency report, for admins only. */
export async function transparencyFor(actor: Actor | null, rawYear: string | null | undefined): Promise<TransparencyReport> {
  requireRole(actor, "admin");
  return transparencyReport(db, reportYear(rawYear));
}
