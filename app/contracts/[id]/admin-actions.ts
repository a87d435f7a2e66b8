"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { confirmed, text } from "@/lib/actions/form-fields";
import type { FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { cancelContract } from "@/lib/contracts/cancel";

/** An admin cancels the contract, after ticking the confirmation: then back to the contracts list, which says so. */
export async function cancelContractAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: z.object({ contractId: text(), reason: text(), confirm: confirmed() }),
    run: async ({ contractId, reason }) => cancelContract(await currentActor(), { contractId, reason }),
    refused: (code) => `contractsAdmin.error_${code}`,
    done: (_cancelled, { contractId }) => {
      revalidatePath(`/contracts/${contractId}`);
      revalidatePath("/admin/contracts");
      redirect(`/admin/contracts?cancelled=${encodeURIComponent(contractId)}`);
    },
  });
}
