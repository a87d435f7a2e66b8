/**
 * The Europe/Paris calendar day of an instant, "YYYY-MM-DD": invoice dates, statements,
 * monthly periods. Built from numeric parts only, whose shape does not change between ICU versions.
 */
export function parisDay(instant: Date): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}
