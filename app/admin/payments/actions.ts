"use server";

import type { ReconcileState } from "@/components/payments/ReconcileForm";
import { revalidatePath } from "next/cache";
import { guardedAction, submittedValues, type FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { runReconciliation } from "@/lib/payments/reconcile";
import { releaseWithheldPayout, withholdPayout } from "@/lib/payments/withholding";

/** An admin runs the reconciliation check; the differences come back to the page. */
export async function reconcileAction(_previous: ReconcileState, formData: FormData): Promise<ReconcileState> {
  const result: { done?: ReconcileState } = {};
  const state = await guardedAction(formData, async () => {
    const { checked, differences } = await runReconciliation(await currentActor());
    result.done = { status: "done", checked, differences };
    return { status: "success" };
  });
  return result.done ?? { status: "error", formError: state.formError ?? "common.genericError" };
}

const withholdErrors = {
  not_found: "adminPayments.error_not_found",
  already_withheld: "adminPayments.error_already_withheld",
  not_withholdable: "adminPayments.error_not_withholdable",
  not_withheld: "adminPayments.error_not_withheld",
} as const;

/** An admin withholds a payout not yet sent (with a statement of reasons) or releases a withheld one. */
export async function withholdPayoutAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = submittedValues(formData);
  return guardedAction(formData, async () => {
    const withhold = values.intent === "withhold";
    const result = withhold ? await withholdPayout(await currentActor(), values) : await releaseWithheldPayout(await currentActor(), values);
    if (!result.ok) {
      return result.error === "invalid"
        ? { status: "error", fieldErrors: result.fields, values }
        : { status: "error", formError: withholdErrors[result.error], values };
    }
    revalidatePath("/admin/payments");
    return { status: "success", notice: { key: withhold ? "adminPayments.withheldDone" : "adminPayments.releasedDone" } };
  });
}
