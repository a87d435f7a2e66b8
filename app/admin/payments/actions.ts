"use server";

import type { ReconcileState } from "@/components/payments/ReconcileForm";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { guardedAction, type FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { runReconciliation } from "@/lib/payments/reconcile";
import { releaseWithheldPayout, withholdPayout, type ReleaseWithheldError, type WithholdError } from "@/lib/payments/withholding";
import { ok, type Result } from "@/lib/result";

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

/** An admin withholds a payout not yet sent (with a statement of reasons) or releases a withheld one. */
export async function withholdPayoutAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: z.record(z.string(), z.string()),
    run: async (values): Promise<Result<void, WithholdError | ReleaseWithheldError>> => {
      const actor = await currentActor();
      if (values.intent !== "withhold") return releaseWithheldPayout(actor, values);
      const withheld = await withholdPayout(actor, values);
      return withheld.ok ? ok(undefined) : withheld;
    },
    refused: (code) => `adminPayments.error_${code}`,
    done: (_done, values) => {
      revalidatePath("/admin/payments");
      return { status: "success", notice: { key: values.intent === "withhold" ? "adminPayments.withheldDone" : "adminPayments.releasedDone" } };
    },
  });
}
