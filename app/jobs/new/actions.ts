"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { currentActor } from "@/lib/auth/current-actor";
import { formAction } from "@/lib/actions/form-action";
import type { FormState } from "@/lib/actions/form-state";
import { createJobDraft } from "@/lib/jobs/manage-jobs";

export async function createJobDraftAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: z.object({}),
    run: async () => createJobDraft(await currentActor()),
    refused: () => "jobWizard.noOrganization",
    done: ({ jobId }) => redirect(`/jobs/${jobId}/edit/1`),
  });
}
