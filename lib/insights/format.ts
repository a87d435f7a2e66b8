import type { AppLocale } from "@/lib/i18n/locale";

/** "déc. 2026" / "Dec 2026" for "2026-12". */
export function monthLabel(month: string, locale: AppLocale): string {
  return new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${month}-15T00:00:00Z`));
}

/** "12,5 %" / "12.5%" from basis points. */
export function percentText(bps: number, locale: AppLocale): string {
  return new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB", { style: "percent", maximumFractionDigits: 1 }).format(bps / 10_000);
}

export function numberText(value: number, locale: AppLocale): string {
  return new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB", { maximumFractionDigits: 1 }).format(value);
}
