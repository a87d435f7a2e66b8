import { z } from "zod";
import { retainerSeverities, type RetainerTerms } from "@/db/schema";
import { eurosToCents } from "@/lib/money/commission";
import { MAX_MILESTONE_CENTS } from "@/lib/money/limits";

export const MAX_RESPONSE_HOURS = 400;
export const MAX_COVERED_ITEMS = 30;

const wholeNumber = (min: number, max: number, error: string) => z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error });

/** "09:00" → 540; anything else null. */
export function minutesOfDay(value: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value.trim());
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** 540 → "09:00". */
export function timeOfDay(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** One item a line (or separated by commas), trimmed, empty ones and repeats left out. */
export function listItems(text: string): string[] {
  const seen = new Set<string>();
  return text
    .split(/[\n,;]/)
    .map((item) => item.trim())
    .filter((item) => item && !seen.has(item.toLowerCase()) && seen.add(item.toLowerCase()));
}

const coveredList = (min: number, error: string) =>
  z
    .string({ error })
    .max(5000, { error: "tooLong" })
    .transform((text) => listItems(text))
    .pipe(z.array(z.string().max(120, { error: "tooLong" })).min(min, { error }).max(MAX_COVERED_ITEMS, { error: "tooMany" }));

/**
 * The service level a bid on a monthly support need offers. Response targets are working hours
 * and may not get shorter as the severity goes down (critical ≤ high ≤ normal ≤ low).
 */
export const retainerTermsSchema = z
  .object({
    bidId: z.uuid({ error: "required" }),
    monthlyFee: z.string({ error: "amount" }).max(30, { error: "amount" }),
    hoursIncluded: wholeNumber(0, 200, "retainerHoursIncluded"),
    extraHour: z.string({ error: "amount" }).max(30, { error: "amount" }),
    responseCritical: wholeNumber(1, MAX_RESPONSE_HOURS, "retainerResponseHours"),
    responseHigh: wholeNumber(1, MAX_RESPONSE_HOURS, "retainerResponseHours"),
    responseNormal: wholeNumber(1, MAX_RESPONSE_HOURS, "retainerResponseHours"),
    responseLow: wholeNumber(1, MAX_RESPONSE_HOURS, "retainerResponseHours"),
    coveredSoftware: coveredList(1, "retainerSoftwareRequired"),
    coveredHosts: coveredList(0, "tooMany"),
    workingDays: z.array(z.coerce.number().int().min(1).max(7)).min(1, { error: "retainerWorkingDays" }).max(7),
    workStart: z.string({ error: "retainerTime" }).max(10, { error: "retainerTime" }),
    workEnd: z.string({ error: "retainerTime" }).max(10, { error: "retainerTime" }),
    minimumTermMonths: wholeNumber(1, 36, "retainerMinimumTerm"),
    noticeDays: wholeNumber(0, 180, "retainerNoticeDays"),
  })
  .transform((input, ctx): { bidId: string; terms: RetainerTerms } => {
    const monthlyFeeCents = eurosToCents(input.monthlyFee);
    if (!monthlyFeeCents) ctx.addIssue({ code: "custom", path: ["monthlyFee"], message: "amount" });
    else if (monthlyFeeCents > MAX_MILESTONE_CENTS) ctx.addIssue({ code: "custom", path: ["monthlyFee"], message: "amountOverMilestoneLimit" });
    const extraHourCents = eurosToCents(input.extraHour);
    if (extraHourCents === null) ctx.addIssue({ code: "custom", path: ["extraHour"], message: "amount" });
    const responseHours = { critical: input.responseCritical, high: input.responseHigh, normal: input.responseNormal, low: input.responseLow };
    retainerSeverities.forEach((severity, i) => {
      const previous = retainerSeverities[i - 1];
      if (previous && responseHours[severity] < responseHours[previous]) {
        ctx.addIssue({ code: "custom", path: [`response${severity[0]?.toUpperCase()}${severity.slice(1)}`], message: "retainerResponseOrder" });
      }
    });
    const startMinute = minutesOfDay(input.workStart);
    const endMinute = minutesOfDay(input.workEnd);
    if (startMinute === null) ctx.addIssue({ code: "custom", path: ["workStart"], message: "retainerTime" });
    if (endMinute === null) ctx.addIssue({ code: "custom", path: ["workEnd"], message: "retainerTime" });
    else if (startMinute !== null && endMinute <= startMinute) ctx.addIssue({ code: "custom", path: ["workEnd"], message: "retainerWorkingHoursOrder" });
    return {
      bidId: input.bidId,
      terms: {
        monthlyFeeCents: monthlyFeeCents ?? 0,
        hoursIncluded: input.hoursIncluded,
        extraHourCents: extraHourCents ?? 0,
        responseHours,
        coveredSoftware: input.coveredSoftware,
        coveredHosts: input.coveredHosts,
        workingHours: { days: [...new Set(input.workingDays)].sort(), startMinute: startMinute ?? 0, endMinute: endMinute ?? 0 },
        minimumTermMonths: input.minimumTermMonths,
        noticeDays: input.noticeDays,
      },
    };
  });

export type RetainerTermsInput = z.input<typeof retainerTermsSchema>;

/** The milestone of extra hours charged alone after the last month, the same in both languages. */
export function extraHoursMilestoneTitle(periodStart: string): string {
  return `Heures supplémentaires / extra hours (${periodStart.slice(0, 7)})`;
}

/** "Support mensuel — mois 1 (2027-03)": the milestone title of a retainer month, the same in both languages. */
export function monthMilestoneTitle(position: number, periodStart: string): string {
  return `Support mensuel / monthly support — ${position + 1} (${periodStart.slice(0, 7)})`;
}

/** A proposed change of plan: the monthly fee and the extra hour's price in euros (as typed), the hours included. */
export const planChangeSchema = z
  .object({
    contractId: z.string(),
    monthlyFee: z.string({ error: "amount" }).max(30, { error: "amount" }),
    hoursIncluded: wholeNumber(0, 200, "retainerHoursIncluded"),
    extraHour: z.string({ error: "amount" }).max(30, { error: "amount" }),
  })
  .transform((input, ctx) => {
    const monthlyFeeCents = eurosToCents(input.monthlyFee);
    if (!monthlyFeeCents) ctx.addIssue({ code: "custom", path: ["monthlyFee"], message: "amount" });
    else if (monthlyFeeCents > MAX_MILESTONE_CENTS) ctx.addIssue({ code: "custom", path: ["monthlyFee"], message: "amountOverMilestoneLimit" });
    const extraHourCents = eurosToCents(input.extraHour);
    if (extraHourCents === null) ctx.addIssue({ code: "custom", path: ["extraHour"], message: "amount" });
    return { contractId: input.contractId, plan: { monthlyFeeCents: monthlyFeeCents ?? 0, hoursIncluded: input.hoursIncluded, extraHourCents: extraHourCents ?? 0 } };
  });
export type PlanChangeInput = z.input<typeof planChangeSchema>;
export type RetainerPlan = Pick<RetainerTerms, "monthlyFeeCents" | "hoursIncluded" | "extraHourCents">;
