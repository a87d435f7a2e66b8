"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { currentActor } from "@/lib/auth/current-actor";
import { formAction } from "@/lib/actions/form-action";
import { text } from "@/lib/actions/form-fields";
import type { FormState } from "@/lib/actions/form-state";
import { formDataToValues } from "@/lib/actions/form-values";
import { stepInputFromValues } from "@/lib/jobs/wizard-form";
import { publishJob, saveJobStep } from "@/lib/jobs/manage-jobs";
import { isJobStep } from "@/lib/jobs/schemas";
import { fail, type Result } from "@/lib/result";

/** One step of the wizard: which job, which step, and the step's fields (read by the step's own schema). */
const stepForm = z.record(z.string(), z.string()).transform((values) => ({ jobId: values.jobId ?? "", step: Number(values.step), values }));

export async function saveJobStepAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    read: formDataToValues,
    schema: stepForm,
    run: async ({ jobId, step, values }): Promise<Result<unknown>> =>
      isJobStep(step) ? saveJobStep(await currentActor(), { jobId, step, data: stepInputFromValues(step, values) }) : fail("no_such_step"),
    refused: (code) => (code === "locked" ? "jobWizard.locked" : "common.genericError"),
    done: (_saved, { jobId, step }) => redirect(`/jobs/${jobId}/edit/${step >= 6 ? "preview" : String(step + 1)}`),
  });
}

export async function publishJobAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: z.object({ jobId: text() }),
    run: async ({ jobId }) => publishJob(await currentActor(), { jobId }),
    refused: (code) => (code === "incomplete" ? "jobWizard.incomplete" : "jobWizard.cannotPublish"),
    done: (_none, { jobId }) => redirect(`/jobs/${jobId}?published=1`),
  });
}
