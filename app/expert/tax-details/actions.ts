"use server";

import { guardedAction, submittedValues, type FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { saveMyTaxDetails } from "@/lib/dac7/tax-details";

/** Save what the DAC7 declaration needs (names, date of birth, birthplace, IBAN); the form stays filled. */
export async function saveTaxDetailsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = submittedValues(formData);
  return guardedAction(formData, async () => {
    const result = await saveMyTaxDetails(await currentActor(), values);
    if (!result.ok) return { status: "error", fieldErrors: result.fields, values };
    return { status: "success", values };
  });
}
