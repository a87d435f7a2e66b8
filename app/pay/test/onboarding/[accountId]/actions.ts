"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { text } from "@/lib/actions/form-fields";
import type { FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { safeReturnUrl } from "@/lib/payments/test-mode/access";
import { simulateTestOnboarding } from "@/lib/payments/test-mode/page-actions";

/** The expert finishes the simulated onboarding and goes back to the return URL. */
export async function completeTestOnboardingAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: z.object({ accountId: text(), returnUrl: text() }),
    run: async ({ accountId }) => simulateTestOnboarding(await currentActor(), { accountId }),
    refused: (code) => `testMode.error_${code}`,
    done: (_completed, { returnUrl }) => redirect(safeReturnUrl(returnUrl, "/dashboard")),
  });
}
