"use server";

import { revalidatePath } from "next/cache";
import { formText, guardedAction, submittedValues, type FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { acceptContractDocument } from "@/lib/contracts/documents-acceptance";

/** One side accepts one contract document, after ticking "I have read and accept". */
export async function acceptDocumentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return guardedAction(formData, async () => {
    if (formData.get("confirm") !== "yes") return { status: "error", fieldErrors: { confirm: "confirmRequired" }, values: submittedValues(formData) };
    const contractId = formText(formData, "contractId");
    const kind = formData.get("kind") === "dpa" ? "dpa" : "nda";
    const result = await acceptContractDocument(await currentActor(), { contractId, kind });
    if (!result.ok) return { status: "error", formError: `contracts.error_${result.error}` };
    revalidatePath(`/contracts/${contractId}`, "layout");
    return { status: "success", notice: { key: result.value.active ? "contracts.nowActive" : "contracts.documentAccepted" } };
  });
}
