"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { formDataToValues } from "@/lib/actions/form-values";
import type { FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { trainingTermsFromForm } from "@/lib/training/form-input";
import { saveTrainingTerms } from "@/lib/training/terms";

/** The expert saves the training terms of its bid (its milestones become one per session). */
export async function saveTrainingTermsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    read: formDataToValues,
    schema: z.record(z.string(), z.string()),
    run: async (values) => saveTrainingTerms(await currentActor(), trainingTermsFromForm(values.bidId ?? "", values)),
    refused: (code) => `training.error_${code}`,
    done: (_saved, values) => {
      revalidatePath(`/jobs/${values.jobId ?? ""}`, "layout");
      return { status: "success", notice: { key: "training.termsSaved" } };
    },
  });
}
