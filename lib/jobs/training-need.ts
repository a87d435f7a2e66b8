import { z } from "zod";
import type { JobTrainingNeed } from "@/db/schema/jobs";
import type { FlatValues } from "@/lib/actions/form-values";

const formats = ["on_site", "remote", "mixed"] as const;

const count = (error: string, max: number) =>
  z.coerce.number({ error }).int({ error }).min(1, { error }).max(max, { error });

/**
 * The training part of a "formation" need, asked at the wizard's step 5 beside the dates and the
 * place. Keys are the form's field names, so a refusal lands next to its field; the output is
 * what the job keeps (`jobs.training_need`).
 */
export const trainingNeedSchema = z
  .object({
    trainingObjectives: z.string({ error: "trainingObjectives" }).trim().min(20, { error: "trainingObjectives" }).max(3000, { error: "tooLong" }),
    trainingLevel: z.string({ error: "required" }).trim().min(2, { error: "required" }).max(2000, { error: "tooLong" }),
    trainingHours: count("trainingHours", 400),
    trainingFormat: z.enum(formats, { error: "required" }),
    trainingAttendees: count("trainingAttendees", 30),
    trainingPeriod: z.string({ error: "required" }).trim().min(2, { error: "required" }).max(300, { error: "tooLong" }),
    trainingQualiopi: z.boolean({ error: "required" }),
  })
  .transform(
    (v): JobTrainingNeed => ({
      objectives: v.trainingObjectives,
      attendeesLevel: v.trainingLevel,
      durationHours: v.trainingHours,
      format: v.trainingFormat,
      attendeesCount: v.trainingAttendees,
      wishedPeriod: v.trainingPeriod,
      qualiopiRequired: v.trainingQualiopi,
    }),
  );

export type TrainingNeedInput = z.input<typeof trainingNeedSchema>;

/** The wizard's training fields → the schema's input ("yes"/"no" radios; anything else left for the schema to refuse). */
export function trainingNeedFromValues(values: FlatValues): Record<string, unknown> {
  return {
    trainingObjectives: values.trainingObjectives ?? "",
    trainingLevel: values.trainingLevel ?? "",
    trainingHours: values.trainingHours ?? "",
    trainingFormat: values.trainingFormat ?? "",
    trainingAttendees: values.trainingAttendees ?? "",
    trainingPeriod: values.trainingPeriod ?? "",
    trainingQualiopi: values.trainingQualiopi === "yes" ? true : values.trainingQualiopi === "no" ? false : undefined,
  };
}

/** A saved training need → the wizard's field values (empty fields without one). */
export function trainingNeedToValues(need: JobTrainingNeed | null): FlatValues {
  if (!need) return {};
  return {
    trainingObjectives: need.objectives,
    trainingLevel: need.attendeesLevel,
    trainingHours: String(need.durationHours),
    trainingFormat: need.format,
    trainingAttendees: String(need.attendeesCount),
    trainingPeriod: need.wishedPeriod,
    trainingQualiopi: need.qualiopiRequired ? "yes" : "no",
  };
}
