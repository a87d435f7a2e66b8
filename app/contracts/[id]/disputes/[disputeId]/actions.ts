"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { text } from "@/lib/actions/form-fields";
import type { FormState } from "@/lib/actions/form-state";
import { uploadedFile } from "@/lib/actions/uploaded-file";
import { currentActor } from "@/lib/auth/current-actor";
import { declareReadyForDecision, postDisputeMessage } from "@/lib/disputes/thread";

const disputeForm = z.object({ disputeId: text(), body: text() });
const refused = (code: string) => `disputes.error_${code}`;

function refreshed(disputeId: string): FormState {
  revalidatePath("/contracts", "layout");
  revalidatePath(`/admin/disputes/${disputeId}`);
  return { status: "success" };
}

/** The client, the expert or an admin writes in a dispute's thread (with an optional file). */
export async function postDisputeMessageAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: disputeForm,
    run: async ({ disputeId, body }, form) => postDisputeMessage(await currentActor(), { disputeId, body, file: await uploadedFile(form) }),
    refused,
    done: (_posted, { disputeId }) => refreshed(disputeId),
  });
}

/** A party says it has nothing more to add. */
export async function declareReadyAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: disputeForm,
    run: async ({ disputeId }) => declareReadyForDecision(await currentActor(), { disputeId }),
    refused,
    done: (_ready, { disputeId }) => refreshed(disputeId),
  });
}
