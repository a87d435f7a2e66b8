import { parisDay, shiftMonth } from "@/lib/dates";

/**
 * The period an insights page shows: the last 3, 6 or 12 months (the current month included), or
 * one calendar year. Months are Paris months ("2026-11"); bounds are the instants they start.
 */
export const PERIODS = ["3", "6", "12"] as const;
export type PeriodChoice = (typeof PERIODS)[number] | `year-${number}`;

export interface Period {
  choice: PeriodChoice;
  /** "YYYY-MM", oldest first. */
  months: string[];
  /** Start of the first month and of the month after the last, in Paris time, as instants. */
  from: Date;
  to: Date;
}

const PARIS = "Europe/Paris";

/** "2026-12" for an instant, in Paris time. */
export function parisMonth(instant: Date): string {
  return parisDay(instant).slice(0, 7);
}

/** The instant a Paris month starts (midnight in Paris, winter or summer time). */
export function parisMonthStart(month: string): Date {
  const utcGuess = new Date(`${month}-01T00:00:00Z`);
  // Paris is UTC+1 or UTC+2: the offset at that instant, read back from the formatter.
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone: PARIS, hour: "2-digit", hourCycle: "h23" }).formatToParts(utcGuess);
  const hour = Number(parts.find((part) => part.type === "hour")?.value ?? "0");
  return new Date(utcGuess.getTime() - hour * 3_600_000);
}

/** The period from a query value (`?period=6`, `?period=year-2025`), the last 12 months by default. */
export function periodFrom(value: string | undefined, now = new Date()): Period {
  const current = parisMonth(now);
  const year = /^year-(\d{4})$/.exec(value ?? "")?.[1];
  const currentYear = Number(current.slice(0, 4));
  if (year && Number(year) >= 2020 && Number(year) <= currentYear) {
    const months = Array.from({ length: 12 }, (_, index) => `${year}-${String(index + 1).padStart(2, "0")}`).filter((month) => month <= current);
    return { choice: `year-${Number(year)}`, months, from: parisMonthStart(`${year}-01`), to: parisMonthStart(shiftMonth(months[months.length - 1] ?? `${year}-12`, 1)) };
  }
  const count = (PERIODS as readonly string[]).includes(value ?? "") ? Number(value) : 12;
  const months = Array.from({ length: count }, (_, index) => shiftMonth(current, index - count + 1));
  return { choice: String(count) as PeriodChoice, months, from: parisMonthStart(months[0] ?? current), to: parisMonthStart(shiftMonth(current, 1)) };
}
