"use server";

import { redirect } from "next/navigation";
import { guardedAction, type FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { payoutsDashboardLink, startPayoutsOnboarding } from "@/lib/payments/payouts";

/** Connect (or resume) the payout account: off to the onboarding page (Stripe's, or the local test one). */
export async function startPayoutsOnboardingAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return guardedAction(formData, async () => {
    const result = await startPayoutsOnboarding(await currentActor());
    if (!result.ok) return { status: "error", formError: `payments.error_${result.error}` };
    redirect(result.value.url);
  });
}

/** Open the Express dashboard (bank details, payouts to the bank account). */
export async function payoutsDashboardAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return guardedAction(formData, async () => {
    const result = await payoutsDashboardLink(await currentActor());
    if (!result.ok) return { status: "error", formError: `payments.error_${result.error}` };
    redirect(result.value.url);
  });
}
