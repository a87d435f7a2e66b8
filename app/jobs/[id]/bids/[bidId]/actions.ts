"use server";

import { revalidatePath } from "next/cache";
import { guardedAction, type FormState } from "@/lib/actions/form-state";
import { formDataToValues } from "@/lib/actions/form-values";
import { currentActor } from "@/lib/auth/current-actor";
import { uploadedFile } from "@/lib/actions/uploaded-file";
import { postMessage } from "@/lib/conversations/messages";

/** Posts a message in a bid's conversation; the use case checks who may write. */
export async function postMessageAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formDataToValues(formData);
  return guardedAction(formData, async () => {
    const result = await postMessage(await currentActor(), { bidId: values.bidId ?? "", body: values.body ?? "", file: await uploadedFile(formData) });
    if (!result.ok) {
      return result.error === "invalid"
        ? { status: "error", fieldErrors: result.fields, values }
        : { status: "error", formError: `conversation.error_${result.error}`, values };
    }
    revalidatePath(`/jobs/${result.value.jobId}/bids/${values.bidId}`);
    return { status: "success", notice: { key: "conversation.sent" } };
  });
}
