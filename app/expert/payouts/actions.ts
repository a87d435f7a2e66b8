"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import type { FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { payoutsDashboardLink, startPayoutsOnboarding } from "@/lib/payments/payouts";

const refused = (code: string) => `payments.error_${code}`;

/** Connect (or resume) the payout account: off to the onboarding page (Stripe's, or the local test one). */
export async function startPayoutsOnboardingAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: z.object({}),
    run: async () => startPayoutsOnboarding(await currentActor()),
    refused,
    done: ({ url }) => redirect(url),
  });
}

/** Open the Express dashboard (bank details, payouts to the bank account). */
export async function payoutsDashboardAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: z.object({}),
    run: async () => payoutsDashboardLink(await currentActor()),
    refused,
    done: ({ url }) => redirect(url),
  });
}
