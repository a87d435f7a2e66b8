/**
 * The Europe/Paris calendar day of an instant, "YYYY-MM-DD"; without one, today. Every business
 * date is a Paris day: "today" (certificates and insurance still valid, notice periods), invoice
 * dates, statements, monthly periods. Never `toISOString().slice(0, 10)` for that: between
 * midnight in Paris and midnight UTC (one or two hours each night) the UTC day is yesterday.
 * Built from numeric parts only, whose shape does not change between ICU versions.
 */
export function parisDay(instant: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** The month `delta` months after `month` ("2026-01", -1 → "2025-12"). */
export function shiftMonth(month: string, delta: number): string {
  const [year = 2000, m = 1] = month.split("-").map(Number);
  const index = year * 12 + (m - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** The calendar day `delta` days after `day` ("2026-04-05", 1 → "2026-04-06"; -1 → "2026-04-04"). */
export function addDays(day: string, delta: number): string {
  const [y = 2000, m = 1, d = 1] = day.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + delta)).toISOString().slice(0, 10);
}
