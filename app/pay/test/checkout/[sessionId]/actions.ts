"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { text } from "@/lib/actions/form-fields";
import type { FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { simulateTestCheckout } from "@/lib/payments/test-mode/page-actions";

/**
 * The buttons of the local checkout page, for the paying organisation's members. Paying sends
 * the payer to the success URL, where the payment shows as being confirmed until the emitted
 * event has been processed; a declined card leaves the session open for another try.
 */
export async function testCheckoutAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: z.object({ sessionId: text(), intent: text() }),
    run: async (press) => {
      const result = await simulateTestCheckout(await currentActor(), press);
      revalidatePath(`/pay/test/checkout/${press.sessionId}`);
      return result;
    },
    refused: (code) => (code === "invalid" ? "common.genericError" : `testMode.error_${code}`),
    done: ({ next, declined }) => {
      if (next) redirect(next);
      return declined ? { status: "error", formError: "testMode.cardDeclined" } : { status: "success" };
    },
  });
}
