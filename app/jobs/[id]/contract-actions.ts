"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { checkbox, confirmed, text } from "@/lib/actions/form-fields";
import type { FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { acceptBid } from "@/lib/contracts/accept-bid";

const acceptBidForm = z.object({
  jobId: text(),
  bidId: text(),
  confirm: confirmed(),
  acceptNotReady: checkbox("yes"),
  /** The VAT rate the client saw (basis points); anything else is "not said". */
  vatRateBps: z
    .string()
    .optional()
    .transform((rate) => (rate && /^\d{1,5}$/.test(rate) ? Number(rate) : undefined)),
});

/** The client accepts a bid (after ticking the confirmation) and lands on the new contract. */
export async function acceptBidAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: acceptBidForm,
    run: async ({ bidId, acceptNotReady, vatRateBps }) => acceptBid(await currentActor(), { bidId, acceptNotReady, expectedVatRateBps: vatRateBps }),
    refused: (code) => `contracts.error_${code}`,
    done: ({ contractId }, { jobId }) => {
      revalidatePath(`/jobs/${jobId}`, "layout");
      redirect(`/contracts/${contractId}`);
    },
  });
}
