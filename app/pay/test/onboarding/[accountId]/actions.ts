"use server";

import { redirect } from "next/navigation";
import { formText, guardedAction, type FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { PolicyError } from "@/lib/auth/policy";
import { isPaymentTestMode } from "@/lib/env";
import { loadTestAccount, safeReturnUrl } from "@/lib/payments/test-mode/access";
import { completeTestOnboarding } from "@/lib/payments/test-mode/simulate";

/** The expert finishes the simulated onboarding and goes back to the return URL. */
export async function completeTestOnboardingAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return guardedAction(formData, async () => {
    if (!isPaymentTestMode()) throw new PolicyError("forbidden");
    const accountId = formText(formData, "accountId");
    await loadTestAccount(await currentActor(), accountId);
    const result = await completeTestOnboarding(accountId);
    if (!result.ok) return { status: "error", formError: `testMode.error_${result.error}` };
    redirect(safeReturnUrl(formText(formData, "returnUrl"), "/dashboard"));
  });
}
