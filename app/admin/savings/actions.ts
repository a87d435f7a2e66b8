"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import type { FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { updatePaidServicePrice, updateSavingsAssumption } from "@/lib/savings/manage";

/** The price forms' fields, as typed: the use cases read and check them. */
const priceForm = z.record(z.string(), z.string());

const refused = (code: string) => (code === "not_found" ? "adminSavings.notFound" : undefined);

function saved(): FormState {
  revalidatePath("/admin/savings");
  revalidatePath("/savings");
  return { status: "success", notice: { key: "adminSavings.saved" } };
}

/** An admin changes a paid service's price per user, with its source and date. */
export async function updatePaidServicePriceAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: priceForm,
    run: async (price) => updatePaidServicePrice(await currentActor(), price),
    refused,
    done: saved,
  });
}

/** An admin changes one assumption (hosting, installation, support). */
export async function updateSavingsAssumptionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: priceForm,
    run: async (assumption) => updateSavingsAssumption(await currentActor(), assumption),
    refused,
    done: saved,
  });
}
