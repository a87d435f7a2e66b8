import type { RetainerWorkingHours } from "@/db/schema/retainers";
import { parisDay } from "@/lib/dates";
import { addDays } from "@/lib/dates";
import { isFrenchHoliday, isoWeekday } from "./holidays";

/**
 * The response clock of a support retainer: it runs only during the retainer's working hours
 * (ISO weekdays, minutes since midnight, Paris time, so DST-correct), and never on French public
 * holidays. Pure: no clock, no database.
 */

const MINUTE = 60_000;
/** Enough days to find any amount of working time the forms allow, and a stop for empty schedules. */
const MAX_DAYS = 3660;

/** The UTC offset of Paris at an instant, in minutes (60 in winter, 120 in summer). */
let formatter: Intl.DateTimeFormat | undefined;
function parisOffsetMinutes(instant: number): number {
  formatter ??= new Intl.DateTimeFormat("en-US", {
    timeZone: "Europe/Paris",
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  });
  const parts = formatter.formatToParts(new Date(instant));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(n("year"), n("month") - 1, n("day"), n("hour"), n("minute"), n("second"));
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / MINUTE);
}

/** The instant of a Paris wall-clock time: `minute` minutes after midnight of `day`. */
export function parisInstant(day: string, minute: number): number {
  const [y = 2000, m = 1, d = 1] = day.split("-").map(Number);
  const wall = Date.UTC(y, m - 1, d, 0, minute);
  const first = wall - parisOffsetMinutes(wall) * MINUTE;
  return wall - parisOffsetMinutes(first) * MINUTE;
}

/** The working interval of a Paris day, [start, end) in epoch milliseconds, or null when the clock does not run that day. */
function workingInterval(day: string, hours: RetainerWorkingHours): [number, number] | null {
  if (!hours.days.includes(isoWeekday(day)) || isFrenchHoliday(day)) return null;
  const start = parisInstant(day, hours.startMinute);
  const end = parisInstant(day, hours.endMinute);
  return end > start ? [start, end] : null;
}

/** The instant at which `workingMinutes` of working time have run from `start`. */
export function workingDeadline(start: Date, workingMinutes: number, hours: RetainerWorkingHours): Date {
  let remaining = Math.max(0, workingMinutes) * MINUTE;
  const from = start.getTime();
  let day = parisDay(start);
  for (let i = 0; i < MAX_DAYS; i++, day = addDays(day, 1)) {
    const interval = workingInterval(day, hours);
    if (!interval) continue;
    const begin = Math.max(interval[0], from);
    if (begin >= interval[1]) continue;
    if (remaining === 0) return new Date(begin);
    const available = interval[1] - begin;
    if (remaining <= available) return new Date(begin + remaining);
    remaining -= available;
  }
  throw new Error("working hours never run: no working day in ten years");
}

/** The working time between two instants, in whole minutes (0 when `to` is not after `from`). */
export function workingMinutesBetween(from: Date, to: Date, hours: RetainerWorkingHours): number {
  const a = from.getTime();
  const b = to.getTime();
  if (b <= a) return 0;
  let total = 0;
  const last = parisDay(to);
  for (let day = parisDay(from), i = 0; day <= last && i < MAX_DAYS * 10; day = addDays(day, 1), i++) {
    const interval = workingInterval(day, hours);
    if (!interval) continue;
    const overlap = Math.min(interval[1], b) - Math.max(interval[0], a);
    if (overlap > 0) total += overlap;
  }
  return Math.floor(total / MINUTE);
}
