import type { RetainerTerms } from "@/db/schema";
import { amountInput } from "@/lib/money/format";
import { timeOfDay, type RetainerTermsInput } from "./schemas";

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** The terms form's fields (`day_1` … `day_7` checked "yes") as the use case's input. */
export function retainerTermsFromForm(bidId: string, values: Record<string, string>): RetainerTermsInput {
  return {
    bidId,
    monthlyFee: values.monthlyFee ?? "",
    hoursIncluded: values.hoursIncluded ?? "",
    extraHour: values.extraHour ?? "",
    responseCritical: values.responseCritical ?? "",
    responseHigh: values.responseHigh ?? "",
    responseNormal: values.responseNormal ?? "",
    responseLow: values.responseLow ?? "",
    coveredSoftware: values.coveredSoftware ?? "",
    coveredHosts: values.coveredHosts ?? "",
    workingDays: WEEKDAYS.filter((d) => values[`day_${d}`] === "yes"),
    workStart: values.workStart ?? "",
    workEnd: values.workEnd ?? "",
    minimumTermMonths: values.minimumTermMonths ?? "",
    noticeDays: values.noticeDays ?? "",
  };
}

/** Saved terms as the form's initial values; without any, the usual service level (Mon–Fri 09:00–18:00, 4/8/16/40 h). */
export function retainerTermsToForm(terms: RetainerTerms | null): Record<string, string> {
  const base = terms ?? null;
  const values: Record<string, string> = {
    monthlyFee: base ? amountInput(base.monthlyFeeCents, "fr") : "",
    hoursIncluded: base ? String(base.hoursIncluded) : "",
    extraHour: base ? amountInput(base.extraHourCents, "fr") : "",
    responseCritical: String(base?.responseHours.critical ?? 4),
    responseHigh: String(base?.responseHours.high ?? 8),
    responseNormal: String(base?.responseHours.normal ?? 16),
    responseLow: String(base?.responseHours.low ?? 40),
    coveredSoftware: base?.coveredSoftware.join("\n") ?? "",
    coveredHosts: base?.coveredHosts.join("\n") ?? "",
    workStart: timeOfDay(base?.workingHours.startMinute ?? 540),
    workEnd: timeOfDay(base?.workingHours.endMinute ?? 1080),
    minimumTermMonths: String(base?.minimumTermMonths ?? 3),
    noticeDays: String(base?.noticeDays ?? 30),
  };
  for (const day of base?.workingHours.days ?? [1, 2, 3, 4, 5]) values[`day_${day}`] = "yes";
  return values;
}
