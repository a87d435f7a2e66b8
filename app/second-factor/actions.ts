"use server";

import { redirect } from "next/navigation";
import type { CodesFormState } from "@/components/second-factor/SecondFactorForm";
import { guardedAction, submittedValues, type FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { confirmTotpEnrolment } from "@/lib/auth/second-factor/enrolment";
import { verifySecondFactor } from "@/lib/auth/second-factor/verification";
import { localPath } from "@/lib/auth/sign-in-request";
import { recoveryCodesAction, refusedCode } from "./form-results";

export async function verifySecondFactorAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = submittedValues(formData);
  const state = await guardedAction(formData, async (): Promise<FormState> => {
    const result = await verifySecondFactor(await currentActor(), { code: values.code ?? "" });
    return result.ok ? { status: "success" } : refusedCode(result, values);
  });
  if (state.status === "success") redirect(localPath(values.callbackUrl, "/admin"));
  return state;
}

export async function confirmEnrolmentAction(_previous: CodesFormState, formData: FormData): Promise<CodesFormState> {
  return recoveryCodesAction(formData, async (values) => confirmTotpEnrolment(await currentActor(), { code: values.code ?? "" }));
}
