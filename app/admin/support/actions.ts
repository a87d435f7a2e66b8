"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { guardedAction, submittedValues, type FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { isUuidLike } from "@/lib/ids";
import { closeSupportThread } from "@/lib/support/threads";

/** An admin closes a settled support thread. */
export async function closeSupportAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = submittedValues(formData);
  const state = await guardedAction(formData, async () => {
    const result = await closeSupportThread(await currentActor(), { threadId: values.threadId ?? "" });
    if (!result.ok) return { status: "error", formError: `support.error_${result.error}`, values };
    return { status: "success" };
  });
  if (state.status === "success" && isUuidLike(values.threadId ?? "")) {
    revalidatePath("/admin/support");
    redirect(`/admin/support/${values.threadId}?closed=1`);
  }
  return state;
}
