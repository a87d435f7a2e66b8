import type { serviceKind } from "@/db/schema";
import { departementName } from "@/lib/geo/departements";

export type ServiceKind = (typeof serviceKind.enumValues)[number];

/** Minimal shape of the formatter returned by next-intl's getFormatter(). */
interface NumberFormatter {
  number(value: number, options?: Intl.NumberFormatOptions): string;
}

/** A daily rate in cents as euros without cents ("450 €"), or null when the expert gave none. */
export function formatDailyRate(format: NumberFormatter, cents: number | null): string | null {
  if (cents === null) return null;
  return format.number(cents / 100, { style: "currency", currency: "EUR", minimumFractionDigits: 0, maximumFractionDigits: 0 });
}

/** Département codes → names (unknown codes are shown as their code). */
export function departementNames(codes: readonly string[]): string[] {
  return codes.map((code) => departementName(code) ?? code);
}

/** Only absolute http(s) URLs may become links on a public page. */
export function isSafeHttpUrl(url: unknown): url is string {
  return typeof url === "string" && /^https?:\/\//i.test(url) && URL.canParse(url);
}
