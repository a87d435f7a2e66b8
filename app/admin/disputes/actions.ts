"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { text } from "@/lib/actions/form-fields";
import type { FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { settleDispute } from "@/lib/payments/disputes";

/** The settlement form: a refund amount is read only for a split. */
const settlementForm = z
  .object({ disputeId: text(), outcome: text(), refund: text(), note: text() })
  .transform(({ refund, ...settlement }) => ({ ...settlement, refund: settlement.outcome === "split" ? refund : undefined }));

/** An admin settles an open dispute (release, refund, or split with a refund amount), with a note to both sides. */
export async function settleDisputeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: settlementForm,
    run: async (settlement) => settleDispute(await currentActor(), settlement),
    refused: (code) => `payments.error_${code}`,
    done: () => {
      revalidatePath("/admin/disputes", "layout");
      redirect("/admin/disputes?settled=1");
    },
  });
}
