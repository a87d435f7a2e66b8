"use server";

import { redirect } from "next/navigation";
import { guardedAction, submittedValues, type FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { safeCallbackPath } from "@/lib/legal/callback";
import { acceptPendingVersions } from "@/lib/legal/acceptance";

/** Accepts the versions in force that the person had not accepted yet, then goes where they were going. */
export async function acceptLegalVersionsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = submittedValues(formData);
  const state = await guardedAction(formData, async () => {
    const result = await acceptPendingVersions(await currentActor(), { confirm: values.confirm, shown: values.shown });
    if (!result.ok) return { status: "error", fieldErrors: result.fields, values };
    return { status: "success" };
  });
  if (state.status === "success") redirect(safeCallbackPath(values.callbackUrl));
  return state;
}
