"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { guardedAction, submittedValues, type FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { isUuidLike } from "@/lib/ids";
import { approveMilestone, markDelivered } from "@/lib/payments/delivery";
import { uploadedFile } from "@/lib/actions/uploaded-file";
import { disputePath } from "@/lib/disputes/thread";
import { openDispute } from "@/lib/payments/disputes";
import { startMilestoneFunding } from "@/lib/payments/funding";

/**
 * Back to the contract page (the form sends its id; it only picks the page to show) with what
 * was done, so the page confirms it even after the form itself is gone.
 */
function backToContract(values: Record<string, string>, done: "delivered" | "approved"): never {
  const contractId = values.contractId ?? "";
  if (!isUuidLike(contractId)) redirect("/dashboard");
  revalidatePath(`/contracts/${contractId}`);
  redirect(`/contracts/${contractId}?done=${done}`);
}

/** The client funds the next milestone: off to the Checkout page (Stripe's, or the local test one). */
export async function fundMilestoneAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = submittedValues(formData);
  return guardedAction(formData, async () => {
    const result = await startMilestoneFunding(await currentActor(), { milestoneId: values.milestoneId ?? "" });
    if (!result.ok) return { status: "error", formError: `payments.error_${result.error}`, values };
    redirect(result.value.url);
  });
}

/** The expert marks a funded milestone delivered, with a note for the client. */
export async function deliverMilestoneAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = submittedValues(formData);
  return guardedAction(formData, async () => {
    const result = await markDelivered(await currentActor(), { milestoneId: values.milestoneId ?? "", note: values.note ?? "", file: await uploadedFile(formData) });
    if (!result.ok) {
      return result.error === "invalid"
        ? { status: "error", fieldErrors: result.fields, values }
        : { status: "error", formError: `payments.error_${result.error}`, values };
    }
    backToContract(values, "delivered");
  });
}

/** The client approves a delivered milestone, after ticking the confirmation: the expert is paid. */
export async function approveMilestoneAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = submittedValues(formData);
  return guardedAction(formData, async () => {
    if (values.confirm !== "yes") return { status: "error", fieldErrors: { confirm: "confirmRequired" }, values };
    const result = await approveMilestone(await currentActor(), { milestoneId: values.milestoneId ?? "" });
    if (!result.ok) return { status: "error", formError: `payments.error_${result.error}`, values };
    backToContract(values, "approved");
  });
}

/** The client disputes a funded or delivered milestone (with an optional file): off to the dispute's page. */
export async function openDisputeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = submittedValues(formData);
  return guardedAction(formData, async () => {
    const result = await openDispute(await currentActor(), { milestoneId: values.milestoneId ?? "", reason: values.reason ?? "", text: values.text ?? "", file: await uploadedFile(formData) });
    if (!result.ok) {
      return result.error === "invalid"
        ? { status: "error", fieldErrors: result.fields, values }
        : { status: "error", formError: `payments.error_${result.error}`, values };
    }
    const contractId = values.contractId ?? "";
    if (!isUuidLike(contractId)) redirect("/dashboard");
    revalidatePath(`/contracts/${contractId}`);
    redirect(`${disputePath(contractId, result.value.disputeId)}?done=opened`);
  });
}
