"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/current-actor";
import { guardedAction, submittedValues, type FormState } from "@/lib/actions/form-state";
import { VETTING_CHECKLIST } from "@/lib/experts/vetting-checklist";
import { decideVerification, setExpertSuspension } from "@/lib/experts/vetting";
import { RESTRICTION_GROUNDS } from "@/lib/moderation/rules";

export async function decideVerificationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = submittedValues(formData);
  const state = await guardedAction(formData, async (): Promise<FormState> => {
    const checklist = Object.fromEntries(VETTING_CHECKLIST.map((item) => [item, formData.get(`check.${item}`) === "on"]));
    const result = await decideVerification(await currentActor(), {
      profileId: values.profileId ?? "",
      decision: values.decision as "approve",
      reason: values.reason ?? "",
      checklist,
      ground: RESTRICTION_GROUNDS.find((ground) => ground === values.ground),
    });
    if (!result.ok) {
      return result.error === "invalid"
        ? { status: "error", fieldErrors: result.fields, values }
        : { status: "error", formError: `vetting.${result.error}`, values };
    }
    return { status: "success" };
  });
  // Back to the queue, which confirms the decision (the form itself has nothing left to decide).
  if (state.status === "success") redirect("/admin/vetting?decided=1");
  return state;
}

export async function expertSuspensionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = submittedValues(formData);
  return guardedAction(formData, async () => {
    const result = await setExpertSuspension(await currentActor(), {
      profileId: values.profileId ?? "",
      reason: values.reason ?? "",
      suspend: values.intent === "suspend",
      ground: RESTRICTION_GROUNDS.find((ground) => ground === values.ground),
    });
    if (!result.ok) {
      return result.error === "invalid"
        ? { status: "error", fieldErrors: result.fields, values }
        : { status: "error", formError: `vetting.${result.error}`, values };
    }
    revalidatePath("/admin/vetting");
    return { status: "success", notice: { key: values.intent === "suspend" ? "vetting.suspended" : "vetting.reinstated" } };
  });
}
