"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { text } from "@/lib/actions/form-fields";
import type { FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { saveRetainerPaymentMethod } from "@/lib/retainers/payment-method";

/** A client member saves the payment method the monthly fee is charged to (test mode: simulated mandate). */
export async function saveRetainerPaymentMethodAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: z.object({ contractId: text(), kind: z.enum(["sepa_debit", "card"], { error: "required" }) }),
    run: async (input) => saveRetainerPaymentMethod(await currentActor(), input),
    refused: (code) => `retainers.error_${code}`,
    done: (_saved, { contractId }) => {
      revalidatePath(`/contracts/${contractId}`);
      return { status: "success", notice: { key: "retainers.paymentMethodSaved" } };
    },
  });
}
