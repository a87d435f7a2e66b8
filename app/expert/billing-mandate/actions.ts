"use server";

import { redirect } from "next/navigation";
import { guardedAction, submittedValues, type FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { acceptBillingMandate } from "@/lib/invoicing/mandate";

/** Accept (or accept again, with a new identity) the billing mandate; back to the payouts page. */
export async function acceptBillingMandateAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = submittedValues(formData);
  const state = await guardedAction(formData, async () => {
    const result = await acceptBillingMandate(await currentActor(), {
      legalName: values.legalName ?? "",
      addressLine1: values.addressLine1 ?? "",
      addressLine2: values.addressLine2,
      postalCode: values.postalCode ?? "",
      city: values.city ?? "",
      confirm: values.confirm,
    });
    if (!result.ok && result.error === "mentions_required") return { status: "error", formError: "billingMandate.mentionsRequired", values };
    if (!result.ok) return { status: "error", fieldErrors: result.fields, values };
    return { status: "success" };
  });
  if (state.status === "success") redirect("/expert/payouts?mandate=1");
  return state;
}
