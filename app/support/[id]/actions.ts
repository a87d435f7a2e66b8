"use server";

import { revalidatePath } from "next/cache";
import { guardedAction, submittedValues, type FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { isUuidLike } from "@/lib/ids";
import { replyToSupportThread } from "@/lib/support/threads";

/** An answer in a support thread, by the person who wrote (signed in or with the link) or by an admin. */
export async function replySupportAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = submittedValues(formData);
  return guardedAction(formData, async () => {
    const threadId = values.threadId ?? "";
    const result = await replyToSupportThread(await currentActor(), { threadId, key: values.key || undefined, body: values.body ?? "" });
    if (!result.ok) {
      return result.error === "invalid"
        ? { status: "error", fieldErrors: result.fields, values }
        : { status: "error", formError: `support.error_${result.error}`, values };
    }
    if (isUuidLike(threadId)) {
      revalidatePath(`/support/${threadId}`);
      revalidatePath(`/admin/support/${threadId}`);
    }
    return { status: "success" };
  });
}
