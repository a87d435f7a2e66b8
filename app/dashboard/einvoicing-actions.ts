"use server";

import { revalidatePath } from "next/cache";
import { guardedAction, submittedValues, type FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { refreshOrganizationAddress } from "@/lib/einvoicing/directory-jobs";

/** A member of the organisation asks the e-invoicing directory for its electronic address again. */
export async function refreshEinvoiceAddressAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = submittedValues(formData);
  return guardedAction(formData, async () => {
    const result = await refreshOrganizationAddress(await currentActor(), values.organizationId ?? "");
    if (!result.ok) return { status: "error", formError: result.error === "unavailable" ? "einvoicing.refreshUnavailable" : result.error === "off" ? "einvoicing.addressOff" : "einvoicing.notFound" };
    revalidatePath("/dashboard");
    return { status: "success", notice: { key: "einvoicing.refreshed" } };
  });
}
