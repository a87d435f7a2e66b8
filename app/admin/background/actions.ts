"use server";

import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { text } from "@/lib/actions/form-fields";
import type { FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { abandonJob, retryEmail, retryJob } from "@/lib/background-admin/retry";

const errorKeys = {
  invalid: "backgroundAdmin.notFound",
  not_found: "backgroundAdmin.notFound",
  locked: "backgroundAdmin.locked",
} as const;

/*
 * The page is not re-rendered after an action: a retried row may vanish a moment later (the
 * worker delivers it at once), and with it the notice. The notice stays; a reload shows the state.
 */

/** An admin runs a failed or stuck job again, or gives it up ("intent" = retry | abandon). */
export async function jobAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: z.object({ jobId: text(), intent: text() }),
    run: async ({ jobId, intent }) => (intent === "abandon" ? abandonJob(await currentActor(), { jobId }) : retryJob(await currentActor(), { jobId })),
    refused: (code) => errorKeys[code],
    done: (_job, { intent }) => ({ status: "success", notice: { key: intent === "abandon" ? "backgroundAdmin.abandoned" : "backgroundAdmin.retried" } }),
  });
}

/** An admin sends a failed or stuck email again. */
export async function emailRetryAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: z.object({ emailId: text() }),
    run: async ({ emailId }) => retryEmail(await currentActor(), { emailId }),
    refused: (code) => errorKeys[code],
    done: () => ({ status: "success", notice: { key: "backgroundAdmin.retried" } }),
  });
}
