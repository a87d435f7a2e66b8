"use server";

import { revalidatePath } from "next/cache";
import { guardedAction, submittedValues, type FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { updatePaidServicePrice, updateSavingsAssumption, type SavingsPriceError } from "@/lib/savings/manage";
import type { Result } from "@/lib/result";

function toState(result: Result<unknown, SavingsPriceError>, values: Record<string, string>): FormState {
  if (result.ok) {
    revalidatePath("/admin/savings");
    revalidatePath("/savings");
    return { status: "success", notice: { key: "adminSavings.saved" } };
  }
  if (result.error === "not_found") return { status: "error", formError: "adminSavings.notFound", values };
  return { status: "error", fieldErrors: result.fields, values };
}

/** An admin changes a paid service's price per user, with its source and date. */
export async function updatePaidServicePriceAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = submittedValues(formData);
  return guardedAction(formData, async () => toState(await updatePaidServicePrice(await currentActor(), values), values));
}

/** An admin changes one assumption (hosting, installation, support). */
export async function updateSavingsAssumptionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = submittedValues(formData);
  return guardedAction(formData, async () => toState(await updateSavingsAssumption(await currentActor(), values), values));
}
