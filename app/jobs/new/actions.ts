"use server";

import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/current-actor";
import { formText, guardedAction, type FormState } from "@/lib/actions/form-state";
import { createJobDraft } from "@/lib/jobs/manage-jobs";

export async function createJobDraftAction(_previous: FormState, formData: FormData): Promise<FormState> {
  let jobId: string | null = null;
  const state = await guardedAction(formData, async () => {
    const prefill = (name: string) => formText(formData, name) || undefined;
    const result = await createJobDraft(await currentActor(), { kind: prefill("kind"), software: prefill("software"), users: prefill("users") });
    if (!result.ok) return { status: "error", formError: "jobWizard.noOrganization" };
    jobId = result.value.jobId;
    return { status: "success" };
  });
  if (jobId) redirect(`/jobs/${jobId}/edit/1`);
  return state;
}
