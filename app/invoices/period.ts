import type { Period } from "@/lib/invoicing/queries";

/**
 * The period filter of the invoices page and of the accountant's CSV, as carried in the URL:
 * `from` and `to` are calendar days (YYYY-MM-DD), both included. Dates that are not real days,
 * or a `from` after `to`, are dropped whole and flagged `invalid`.
 */
export interface PeriodFilter {
  from?: string;
  to?: string;
  invalid: boolean;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day between 2000 and 2999, written YYYY-MM-DD. */
export function isCalendarDay(value: string): boolean {
  const match = ISO_DAY.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 2000 && year <= 2999 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const single = (value: string | string[] | null | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || undefined;

export function parsePeriod(params: { from?: string | string[] | null; to?: string | string[] | null }): PeriodFilter {
  const from = single(params.from);
  const to = single(params.to);
  if ((from && !isCalendarDay(from)) || (to && !isCalendarDay(to)) || (from && to && from > to)) return { invalid: true };
  return { ...(from ? { from } : {}), ...(to ? { to } : {}), invalid: false };
}

/** The day after an ISO day. */
export function nextDay(isoDay: string): string {
  const date = new Date(`${isoDay}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** The query's period: the same days, with the end made exclusive as `listInvoices` wants it. */
export function queryPeriod(filter: PeriodFilter): Period {
  return { ...(filter.from ? { from: filter.from } : {}), ...(filter.to ? { to: nextDay(filter.to) } : {}) };
}

/** `?from=…&to=…` for links that keep the period (empty when there is none). */
export function periodSearch(filter: PeriodFilter): string {
  const params = new URLSearchParams();
  if (filter.from) params.set("from", filter.from);
  if (filter.to) params.set("to", filter.to);
  const search = params.toString();
  return search ? `?${search}` : "";
}

export const PRESETS = ["thisMonth", "lastMonth", "thisYear", "lastYear"] as const;
export type Preset = (typeof PRESETS)[number];

const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const pad = (n: number) => String(n).padStart(2, "0");

/** The preset periods around `today` (a YYYY-MM-DD day, in Paris). */
export function presetPeriod(preset: Preset, today: string): { from: string; to: string } {
  const [year, month] = today.split("-").map(Number) as [number, number];
  switch (preset) {
    case "thisMonth":
      return { from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${pad(lastDayOfMonth(year, month))}` };
    case "lastMonth": {
      const [y, m] = month === 1 ? [year - 1, 12] : [year, month - 1];
      return { from: `${y}-${pad(m)}-01`, to: `${y}-${pad(m)}-${pad(lastDayOfMonth(y, m))}` };
    }
    case "thisYear":
      return { from: `${year}-01-01`, to: `${year}-12-31` };
    case "lastYear":
      return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
  }
}

/** The CSV file's name, with its period: factures_2026-01-01_2026-12-31.csv. */
export function csvFileName(filter: PeriodFilter): string {
  if (filter.from && filter.to) return `factures_${filter.from}_${filter.to}.csv`;
  if (filter.from) return `factures_depuis_${filter.from}.csv`;
  if (filter.to) return `factures_jusqu-au_${filter.to}.csv`;
  return "factures_toutes-dates.csv";
}
