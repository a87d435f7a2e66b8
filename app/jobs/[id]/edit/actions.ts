"use server";

import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/current-actor";
import { formText, guardedAction, type FormState } from "@/lib/actions/form-state";
import { formDataToValues } from "@/lib/actions/form-values";
import { stepInputFromValues } from "@/lib/jobs/wizard-form";
import { publishJob, saveJobStep } from "@/lib/jobs/manage-jobs";
import { isJobStep } from "@/lib/jobs/schemas";

export async function saveJobStepAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formDataToValues(formData);
  const jobId = values.jobId ?? "";
  const step = Number(values.step);
  let next: string | null = null;
  const state = await guardedAction(formData, async () => {
    if (!isJobStep(step)) return { status: "error", formError: "common.genericError", values };
    const result = await saveJobStep(await currentActor(), { jobId, step, data: stepInputFromValues(step, values) });
    if (!result.ok) {
      return result.error === "locked"
        ? { status: "error", formError: "jobWizard.locked", values }
        : { status: "error", fieldErrors: result.fields, values };
    }
    next = step >= 6 ? "preview" : String(step + 1);
    return { status: "success" };
  });
  if (next) redirect(`/jobs/${jobId}/edit/${next}`);
  return state;
}

export async function publishJobAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const jobId = formText(formData, "jobId");
  const state = await guardedAction(formData, async () => {
    const result = await publishJob(await currentActor(), { jobId });
    if (!result.ok) return { status: "error", formError: result.error === "incomplete" ? "jobWizard.incomplete" : "jobWizard.cannotPublish" };
    return { status: "success" };
  });
  if (state.status === "success") redirect(`/jobs/${jobId}?published=1`);
  return state;
}
