import type { RetainerTerms } from "@/db/schema";
import type { AppLocale } from "@/lib/i18n/locale";
import { formatMoney } from "@/lib/money/format";
import { timeOfDay } from "@/lib/retainers/schemas";

type Translate = (key: string, values?: Record<string, string | number>) => string;

export const retainerFactKeys = ["monthlyFee", "hoursIncluded", "extraHour", "critical", "high", "normal", "low", "coveredSoftware", "coveredHosts", "workingHours", "minimumTerm", "notice"] as const;
export type RetainerFactKey = (typeof retainerFactKeys)[number];

/** "Lun., mar., mer., jeu., ven. 09:00–18:00": the days (shortened, a run Monday–Friday as "Mon–Fri") and the hours. */
export function workingHoursText(hours: RetainerTerms["workingHours"], t: Translate): string {
  const days = hours.days.join(",") === "1,2,3,4,5" ? t("weekdaysMonFri") : hours.days.map((d) => t(`weekdayShort_${d}`)).join(", ");
  return t("workingHoursValue", { days, start: timeOfDay(hours.startMinute), end: timeOfDay(hours.endMinute) });
}

/** A response target in working hours: "4 h ouvrées", or "2 jours ouvrés" when it is whole working days of the service's hours. */
export function responseText(hours: number, terms: RetainerTerms, t: Translate): string {
  const perDay = (terms.workingHours.endMinute - terms.workingHours.startMinute) / 60;
  const days = perDay > 0 && hours >= perDay * 2 && Number.isInteger(hours / perDay) ? hours / perDay : null;
  return days ? t("responseDays", { hours, days }) : t("responseHours", { hours });
}

/** The service level as label/value pairs, in one order for the comparison, the bid and the contract. */
export function retainerFacts(terms: RetainerTerms, t: Translate, locale: AppLocale): { key: RetainerFactKey; label: string; value: string }[] {
  const values: Record<RetainerFactKey, string> = {
    monthlyFee: t("exVatPerMonth", { amount: formatMoney(terms.monthlyFeeCents, locale) }),
    hoursIncluded: t("hoursValue", { hours: terms.hoursIncluded }),
    extraHour: t("exVatPerHour", { amount: formatMoney(terms.extraHourCents, locale) }),
    critical: responseText(terms.responseHours.critical, terms, t),
    high: responseText(terms.responseHours.high, terms, t),
    normal: responseText(terms.responseHours.normal, terms, t),
    low: responseText(terms.responseHours.low, terms, t),
    coveredSoftware: terms.coveredSoftware.join(", ") || "—",
    coveredHosts: terms.coveredHosts.join(", ") || t("noHosts"),
    workingHours: workingHoursText(terms.workingHours, t),
    minimumTerm: t("monthsValue", { months: terms.minimumTermMonths }),
    notice: t("daysValue", { days: terms.noticeDays }),
  };
  return retainerFactKeys.map((key) => ({ key, label: t(`fact_${key}`), value: values[key] }));
}

/**
 * One line of a retainer's months: a month of service, or extra hours billed on their own after
 * the last month (kind "extra_hours"), which are not a month of service and must not read as one.
 */
export function monthLineText(
  month: { kind: "month" | "extra_hours"; periodStart: string; periodEnd: string; feeCents: number; state: string },
  t: Translate,
  locale: AppLocale,
  day: (date: string) => string,
): string {
  const values = { start: day(month.periodStart), end: day(month.periodEnd), fee: formatMoney(month.feeCents, locale), state: t(`monthStatus_${month.state}`) };
  return t(month.kind === "extra_hours" ? "extraHoursLine" : "monthLine", values);
}

