"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { optionalText, text } from "@/lib/actions/form-fields";
import type { FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { acceptBillingMandate } from "@/lib/invoicing/mandate";

const mandateForm = z.object({ legalName: text(), addressLine1: text(), addressLine2: optionalText(), postalCode: text(), city: text(), confirm: optionalText() });

/** Accept (or accept again, with a new identity) the billing mandate; back to the payouts page. */
export async function acceptBillingMandateAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: mandateForm,
    run: async (mandate) => acceptBillingMandate(await currentActor(), mandate),
    refused: () => "billingMandate.mentionsRequired",
    done: () => redirect("/expert/payouts?mandate=1"),
  });
}
