"use server";

import { revalidatePath } from "next/cache";
import { formDataToValues } from "@/lib/actions/form-values";
import { guardedAction, type FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { trainingTermsFromForm } from "@/lib/training/form-input";
import { saveTrainingTerms } from "@/lib/training/terms";

/** The expert saves the training terms of its bid (its milestones become one per session). */
export async function saveTrainingTermsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formDataToValues(formData);
  return guardedAction(formData, async () => {
    const result = await saveTrainingTerms(await currentActor(), trainingTermsFromForm(values.bidId ?? "", values));
    if (!result.ok) {
      return result.error === "invalid"
        ? { status: "error", fieldErrors: result.fields, values }
        : { status: "error", formError: `training.error_${result.error}`, values };
    }
    revalidatePath(`/jobs/${values.jobId}`, "layout");
    return { status: "success", notice: { key: "training.termsSaved" } };
  });
}
