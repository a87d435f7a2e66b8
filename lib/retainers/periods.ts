/**
 * Retainer months run from an anniversary day: the month `k` of a retainer starting on
 * 2027-01-31 runs 2027-02-28 … 2027-03-30 (a day past the month's length falls on its last day).
 * Dates are Paris days, "YYYY-MM-DD".
 */
import { addDays } from "@/lib/dates";

export function addMonthsToDay(day: string, months: number, anchorDay = Number(day.slice(8, 10))): string {
  const [year = 2000, month = 1] = day.split("-").map(Number);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${y}-${String(m).padStart(2, "0")}-${String(Math.min(anchorDay, last)).padStart(2, "0")}`;
}

/** The `index`-th period (0 first) of a retainer starting on `startsOn`: its first and last day. */
export function retainerPeriod(startsOn: string, index: number): { periodStart: string; periodEnd: string } {
  const anchor = Number(startsOn.slice(8, 10));
  return { periodStart: addMonthsToDay(startsOn, index, anchor), periodEnd: addDays(addMonthsToDay(startsOn, index + 1, anchor), -1) };
}

/** Which period (0 first) holds `day`; -1 before the start. */
export function periodIndexOn(startsOn: string, day: string): number {
  if (day < startsOn) return -1;
  let index = Math.max(0, (Number(day.slice(0, 4)) - Number(startsOn.slice(0, 4))) * 12 + Number(day.slice(5, 7)) - Number(startsOn.slice(5, 7)) - 1);
  while (retainerPeriod(startsOn, index).periodEnd < day) index++;
  return index;
}
