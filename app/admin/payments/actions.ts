"use server";

import type { ReconcileState } from "@/components/payments/ReconcileForm";
import { guardedAction } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { runReconciliation } from "@/lib/payments/reconcile";

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
