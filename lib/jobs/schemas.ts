import { z } from "zod";
import { identityText } from "@/lib/text/identity";
import { budgetType, dataCategories, dataSubjects, hostingPreference, jobKind, type DataCategory, type DataSubject } from "@/db/schema";
import { isDepartementCode } from "@/lib/geo/departements";

const euros = (error: string) =>
  z
    .union([z.literal(""), z.coerce.number({ error })])
    .optional()
    .transform((v) => (v === "" || v === undefined ? undefined : v))
    .pipe(z.number().int({ error }).min(50, { error }).max(1_000_000, { error }).optional());

const isoDate = z
  .string()
  .max(10, { error: "date" })
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))
  .pipe(z.iso.date({ error: "date" }).optional());

/**
 * Ticked values of a checkbox group, in the order of `allowed` and without repeats. An unknown
 * value (a tampered form) is refused on the group itself, so the error shows next to it.
 */
const choices = <T extends string>(allowed: readonly T[]) =>
  z
    .array(z.string().max(60, { error: "required" }))
    .max(allowed.length * 2, { error: "tooMany" })
    .default([])
    .refine((values) => values.every((v) => (allowed as readonly string[]).includes(v)), { error: "required" })
    .transform((values) => allowed.filter((a) => values.includes(a)));

/** One schema per wizard step; each step saves the draft. */
export const jobStepSchemas = {
  1: z.object({ kind: z.enum(jobKind.enumValues, { error: "jobKind" }) }),
  2: z
    .object({
      helpMeChoose: z.boolean().default(false),
      softwareIds: z.array(z.uuid({ error: "required" })).max(10, { error: "tooMany" }).default([]),
      users: z.coerce.number({ error: "count" }).int({ error: "count" }).min(1, { error: "count" }).max(100_000, { error: "count" }).optional(),
      sites: z.coerce.number({ error: "count" }).int({ error: "count" }).min(1, { error: "count" }).max(1000, { error: "count" }).optional(),
      existing: z.string().trim().max(1000, { error: "tooLong" }).optional(),
      hosting: z.enum(hostingPreference.enumValues, { error: "required" }).optional(),
    })
    .superRefine((v, ctx) => {
      if (!v.helpMeChoose && v.softwareIds.length === 0) ctx.addIssue({ code: "custom", path: ["softwareIds"], message: "softwareOrHelp" });
      if (v.helpMeChoose && !v.hosting) ctx.addIssue({ code: "custom", path: ["hosting"], message: "required" });
    }),
  /**
   * Personal data reachable by the expert: when yes, whose data and which kinds (at least one
   * of each), for the GDPR art. 28 agreement. When no, both lists are emptied.
   */
  3: z
    .object({
      personalData: z.boolean({ error: "required" }),
      dataSubjects: choices<DataSubject>(dataSubjects),
      dataCategories: choices<DataCategory>(dataCategories),
    })
    .superRefine((v, ctx) => {
      if (!v.personalData) return;
      if (v.dataSubjects.length === 0) ctx.addIssue({ code: "custom", path: ["dataSubjects"], message: "jobWizard.dataSubjectsRequired" });
      if (v.dataCategories.length === 0) ctx.addIssue({ code: "custom", path: ["dataCategories"], message: "jobWizard.dataCategoriesRequired" });
    })
    .transform((v) => (v.personalData ? v : { ...v, dataSubjects: [], dataCategories: [] })),
  4: z
    .object({
      budgetType: z.enum(budgetType.enumValues, { error: "required" }),
      budgetMinEuros: euros("budgetAmount"),
      budgetMaxEuros: euros("budgetAmount"),
      dailyRateCapEuros: euros("budgetAmount"),
    })
    .superRefine((v, ctx) => {
      if (v.budgetType === "fixed") {
        if (v.budgetMaxEuros === undefined) ctx.addIssue({ code: "custom", path: ["budgetMaxEuros"], message: "required" });
        if (v.budgetMinEuros !== undefined && v.budgetMaxEuros !== undefined && v.budgetMinEuros > v.budgetMaxEuros) {
          ctx.addIssue({ code: "custom", path: ["budgetMinEuros"], message: "budgetOrder" });
        }
      } else if (v.dailyRateCapEuros === undefined) {
        ctx.addIssue({ code: "custom", path: ["dailyRateCapEuros"], message: "required" });
      }
    }),
  5: z
    .object({
      startOn: isoDate,
      deadlineOn: isoDate,
      remote: z.boolean().default(false),
      departement: z
        .string()
        .max(3, { error: "departements" })
        .trim()
        .toUpperCase()
        .optional()
        .transform((v) => (v ? v : undefined))
        .refine((v) => v === undefined || isDepartementCode(v), { error: "departements" }),
    })
    .superRefine((v, ctx) => {
      if (!v.remote && !v.departement) ctx.addIssue({ code: "custom", path: ["departement"], message: "placeRequired" });
      if (v.startOn && v.deadlineOn && v.deadlineOn < v.startOn) ctx.addIssue({ code: "custom", path: ["deadlineOn"], message: "deadlineOrder" });
    }),
  6: z.object({
    title: identityText().min(10, { error: "jobTitle" }).max(120, { error: "tooLong" }),
    description: z.string().trim().min(50, { error: "jobDescription" }).max(5000, { error: "tooLong" }),
    confidentialDetails: z.string().trim().max(10_000, { error: "tooLong" }).default(""),
  }),
} as const;

export type JobStep = keyof typeof jobStepSchemas;
export const JOB_STEPS = [1, 2, 3, 4, 5, 6] as const;

export function isJobStep(value: number): value is JobStep {
  return (JOB_STEPS as readonly number[]).includes(value);
}
