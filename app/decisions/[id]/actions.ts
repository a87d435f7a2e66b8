"use server";

import { revalidatePath } from "next/cache";
import { guardedAction, submittedValues, type FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { fileComplaint } from "@/lib/moderation/complaints";
import { liftRestriction } from "@/lib/moderation/lift";

/** The affected person contests a decision, signed in or through the emailed link. */
export async function fileComplaintAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = submittedValues(formData);
  return guardedAction(formData, async () => {
    const result = await fileComplaint(await currentActor(), { statementId: values.statementId ?? "", key: values.key || undefined, body: values.body ?? "" });
    if (!result.ok) {
      return result.error === "invalid"
        ? { status: "error", fieldErrors: result.fields, values }
        : { status: "error", formError: `moderation.error_${result.error}`, values };
    }
    revalidatePath(`/decisions/${values.statementId}`);
    return { status: "success" };
  });
}

/** An admin lifts the restriction by hand (reinstatement, re-publication, release): the decision is marked reversed. */
export async function liftRestrictionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = submittedValues(formData);
  return guardedAction(formData, async () => {
    const result = await liftRestriction(await currentActor(), values);
    if (!result.ok) {
      return result.error === "invalid"
        ? { status: "error", fieldErrors: result.fields, values }
        : { status: "error", formError: `moderation.error_${result.error}`, values };
    }
    revalidatePath(`/decisions/${values.statementId}`);
    return { status: "success", notice: { key: "moderation.liftedDone" } };
  });
}
