"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { guardedAction, submittedValues, type FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { cancelContract } from "@/lib/contracts/cancel";

/** An admin cancels the contract, after ticking the confirmation: then back to the contracts list, which says so. */
export async function cancelContractAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = submittedValues(formData);
  return guardedAction(formData, async () => {
    if (values.confirm !== "yes") return { status: "error", fieldErrors: { confirm: "confirmRequired" }, values };
    const contractId = values.contractId ?? "";
    const result = await cancelContract(await currentActor(), { contractId, reason: values.reason ?? "" });
    if (!result.ok) {
      return result.error === "invalid"
        ? { status: "error", fieldErrors: result.fields, values }
        : { status: "error", formError: `contractsAdmin.error_${result.error}`, values };
    }
    revalidatePath(`/contracts/${contractId}`);
    revalidatePath("/admin/contracts");
    redirect(`/admin/contracts?cancelled=${encodeURIComponent(contractId)}`);
  });
}
