"use server";

import { guardedAction, submittedValues, type FormState } from "@/lib/actions/form-state";
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
  const values = submittedValues(formData);
  return guardedAction(formData, async () => {
    const abandon = values.intent === "abandon";
    const input = { jobId: values.jobId ?? "" };
    const result = abandon ? await abandonJob(await currentActor(), input) : await retryJob(await currentActor(), input);
    if (!result.ok) return { status: "error", formError: errorKeys[result.error] };
    return { status: "success", notice: { key: abandon ? "backgroundAdmin.abandoned" : "backgroundAdmin.retried" } };
  });
}

/** An admin sends a failed or stuck email again. */
export async function emailRetryAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = submittedValues(formData);
  return guardedAction(formData, async () => {
    const result = await retryEmail(await currentActor(), { emailId: values.emailId ?? "" });
    if (!result.ok) return { status: "error", formError: errorKeys[result.error] };
    return { status: "success", notice: { key: "backgroundAdmin.retried" } };
  });
}
