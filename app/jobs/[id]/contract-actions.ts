"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formText, guardedAction, submittedValues, type FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { acceptBid } from "@/lib/contracts/accept-bid";

/** The client accepts a bid (after ticking the confirmation) and lands on the new contract. */
export async function acceptBidAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const jobId = formText(formData, "jobId");
  let contractId: string | null = null;
  const state = await guardedAction(formData, async () => {
    if (formData.get("confirm") !== "yes") return { status: "error", fieldErrors: { confirm: "confirmRequired" }, values: submittedValues(formData) };
    const vatRate = formText(formData, "vatRateBps");
    const result = await acceptBid(await currentActor(), {
      bidId: formText(formData, "bidId"),
      acceptNotReady: formData.get("acceptNotReady") === "yes",
      expectedVatRateBps: /^\d{1,5}$/.test(vatRate) ? Number(vatRate) : undefined,
    });
    if (!result.ok) return { status: "error", formError: `contracts.error_${result.error}` };
    contractId = result.value.contractId;
    return { status: "success" };
  });
  if (!contractId) return state;
  revalidatePath(`/jobs/${jobId}`, "layout");
  redirect(`/contracts/${contractId}`);
}
