import type { serviceKind } from "@/db/schema";
import { departementName } from "@/lib/geo/departements";
import { formatMoney } from "@/lib/money/format";

export type ServiceKind = (typeof serviceKind.enumValues)[number];

/** A daily rate in cents as euros without cents ("450 €"), or null when the expert gave none. */
export function formatDailyRate(locale: string, cents: number | null): string | null {
  if (cents === null) return null;
  return formatMoney(cents, locale, { whole: true });
}

/** Département codes → names (unknown codes are shown as their code). */
export function departementNames(codes: readonly string[]): string[] {
  return codes.map((code) => departementName(code) ?? code);
}

/** Only absolute http(s) URLs may become links on a public page. */
export function isSafeHttpUrl(url: unknown): url is string {
  return typeof url === "string" && /^https?:\/\//i.test(url) && URL.canParse(url);
}
