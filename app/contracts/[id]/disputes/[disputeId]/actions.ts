"use server";

import { revalidatePath } from "next/cache";
import { guardedAction, submittedValues, type FormState } from "@/lib/actions/form-state";
import { uploadedFile } from "@/lib/actions/uploaded-file";
import { currentActor } from "@/lib/auth/current-actor";
import { declareReadyForDecision, postDisputeMessage } from "@/lib/disputes/thread";

function refresh(disputeId: string) {
  revalidatePath("/contracts", "layout");
  revalidatePath(`/admin/disputes/${disputeId}`);
}

/** The client, the expert or an admin writes in a dispute's thread (with an optional file). */
export async function postDisputeMessageAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = submittedValues(formData);
  return guardedAction(formData, async () => {
    const result = await postDisputeMessage(await currentActor(), { disputeId: values.disputeId ?? "", body: values.body ?? "", file: await uploadedFile(formData) });
    if (!result.ok) {
      return result.error === "invalid"
        ? { status: "error", fieldErrors: result.fields, values }
        : { status: "error", formError: `disputes.error_${result.error}`, values };
    }
    refresh(values.disputeId ?? "");
    return { status: "success" };
  });
}

/** A party says it has nothing more to add. */
export async function declareReadyAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = submittedValues(formData);
  return guardedAction(formData, async () => {
    const result = await declareReadyForDecision(await currentActor(), { disputeId: values.disputeId ?? "" });
    if (!result.ok) return { status: "error", formError: `disputes.error_${result.error}`, values };
    refresh(values.disputeId ?? "");
    return { status: "success" };
  });
}
