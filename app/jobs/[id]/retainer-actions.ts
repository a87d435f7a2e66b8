"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { formDataToValues } from "@/lib/actions/form-values";
import type { FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { retainerTermsFromForm } from "@/lib/retainers/form-input";
import { saveRetainerTerms } from "@/lib/retainers/terms";

/** The expert saves the service level of its bid on a monthly support need (its price becomes the monthly fee). */
export async function saveRetainerTermsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    read: formDataToValues,
    schema: z.record(z.string(), z.string()),
    run: async (values) => saveRetainerTerms(await currentActor(), retainerTermsFromForm(values.bidId ?? "", values)),
    refused: (code) => `retainers.error_${code}`,
    done: (_saved, values) => {
      revalidatePath(`/jobs/${values.jobId ?? ""}`, "layout");
      return { status: "success", notice: { key: "retainers.termsSaved" } };
    },
  });
}
