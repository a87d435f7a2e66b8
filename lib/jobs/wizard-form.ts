import type { Job } from "@/db/schema";
import type { FlatValues } from "@/lib/actions/form-values";
import type { JobStep } from "./schemas";
import { amountInput } from "@/lib/money/format";
import { trainingNeedFromValues, trainingNeedToValues } from "./training-need";

const list = (value: string | undefined) => (value ? value.split("\n").filter(Boolean) : []);
const optional = (value: string | undefined) => (value ? value : undefined);

/** The wizard's HTML fields of one step → that step's use-case input. */
export function stepInputFromValues(step: JobStep, values: FlatValues): Record<string, unknown> {
  switch (step) {
    case 1:
      return { kind: values.kind };
    case 2:
      return {
        helpMeChoose: values.helpMeChoose === "on",
        softwareIds: list(values.softwareIds),
        users: optional(values.users),
        sites: optional(values.sites),
        existing: optional(values.existing),
        hosting: optional(values.hosting),
      };
    case 3:
      return {
        personalData: values.personalData === "yes" ? true : values.personalData === "no" ? false : undefined,
        dataSubjects: list(values.dataSubjects),
        dataCategories: list(values.dataCategories),
      };
    case 4:
      return {
        budgetType: values.budgetType,
        budgetMinEuros: values.budgetMinEuros ?? "",
        budgetMaxEuros: values.budgetMaxEuros ?? "",
        dailyRateCapEuros: values.dailyRateCapEuros ?? "",
      };
    case 5:
      // The training fields are read too; the use case checks them only for a training need.
      return { startOn: values.startOn, deadlineOn: values.deadlineOn, remote: values.remote === "on", departement: values.departement, training: trainingNeedFromValues(values) };
    case 6:
      return { title: values.title ?? "", description: values.description ?? "", confidentialDetails: values.confidentialDetails ?? "" };
  }
}

/** A saved job → the wizard's field values. */
export function jobToValues(job: Job, softwareIds: string[]): FlatValues {
  // Whole euros in a number field (z.coerce.number reads a dot, never a comma).
  const euros = (cents: number | null) => (cents === null ? "" : amountInput(cents, "en"));
  return {
    kind: job.kind ?? "",
    helpMeChoose: job.helpMeChoose ? "on" : "",
    softwareIds: softwareIds.join("\n"),
    users: job.needs.users ? String(job.needs.users) : "",
    sites: job.needs.sites ? String(job.needs.sites) : "",
    existing: job.needs.existing ?? "",
    hosting: job.needs.hosting ?? "",
    personalData: job.personalData === null ? "" : job.personalData ? "yes" : "no",
    dataSubjects: job.dataSubjects.join("\n"),
    dataCategories: job.dataCategories.join("\n"),
    budgetType: job.budgetType ?? "",
    budgetMinEuros: euros(job.budgetMinCents),
    budgetMaxEuros: euros(job.budgetMaxCents),
    dailyRateCapEuros: euros(job.dailyRateCapCents),
    startOn: job.startOn ?? "",
    deadlineOn: job.deadlineOn ?? "",
    remote: job.remote ? "on" : "",
    departement: job.departement ?? "",
    title: job.title,
    description: job.description,
    confidentialDetails: job.confidentialDetails,
    ...trainingNeedToValues(job.trainingNeed),
  };
}
