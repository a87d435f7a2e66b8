"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { currentActor } from "@/lib/auth/current-actor";
import { formAction } from "@/lib/actions/form-action";
import { textOrNone } from "@/lib/actions/form-fields";
import type { FormState } from "@/lib/actions/form-state";
import { createJobDraft } from "@/lib/jobs/manage-jobs";

/** What "Post this need" may pre-fill (from the savings estimate); each one left out when empty. */
const prefillForm = z.object({ kind: textOrNone(), software: textOrNone(), users: textOrNone() });

export async function createJobDraftAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: prefillForm,
    run: async (prefill) => createJobDraft(await currentActor(), prefill),
    refused: () => "jobWizard.noOrganization",
    done: ({ jobId }) => redirect(`/jobs/${jobId}/edit/1`),
  });
}
