"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { guardedAction, submittedValues, type FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { settleDispute } from "@/lib/payments/disputes";

/** An admin settles an open dispute (release, refund, or split with a refund amount), with a note to both sides. */
export async function settleDisputeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = submittedValues(formData);
  const state = await guardedAction(formData, async (): Promise<FormState> => {
    const result = await settleDispute(await currentActor(), {
      disputeId: values.disputeId ?? "",
      outcome: values.outcome ?? "",
      refund: values.outcome === "split" ? (values.refund ?? "") : undefined,
      note: values.note ?? "",
    });
    if (!result.ok) {
      return result.error === "invalid"
        ? { status: "error", fieldErrors: result.fields, values }
        : { status: "error", formError: `payments.error_${result.error}`, values };
    }
    return { status: "success" };
  });
  if (state.status === "success") {
    revalidatePath("/admin/disputes", "layout");
    redirect("/admin/disputes?settled=1");
  }
  return state;
}
