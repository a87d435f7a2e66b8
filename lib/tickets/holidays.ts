/**
 * French public holidays (jours fériés of metropolitan France): the fixed dates plus Easter Monday,
 * Ascension Thursday and Whit Monday, which follow Easter. Days are "YYYY-MM-DD" Paris dates.
 */
import { addDays } from "@/lib/dates";

/** Easter Sunday of a Gregorian year (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  // The century and the year in it (not money: a plain division by a hundred).
  const c = year % 100;
  const b = (year - c) / 100.0;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${pad(month)}-${pad(day)}`;
}


/** ISO weekday of a calendar day: 1 Monday … 7 Sunday. */
export function isoWeekday(day: string): number {
  const [y = 2000, m = 1, d = 1] = day.split("-").map(Number);
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

const cache = new Map<number, Set<string>>();

/** The public holidays of a year. */
export function frenchHolidays(year: number): Set<string> {
  const known = cache.get(year);
  if (known) return known;
  const easter = easterSunday(year);
  const fixed = ["01-01", "05-01", "05-08", "07-14", "08-15", "11-01", "11-11", "12-25"].map((md) => `${year}-${md}`);
  const days = new Set([...fixed, addDays(easter, 1), addDays(easter, 39), addDays(easter, 50)]);
  cache.set(year, days);
  return days;
}

export function isFrenchHoliday(day: string): boolean {
  return frenchHolidays(Number(day.slice(0, 4))).has(day);
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
