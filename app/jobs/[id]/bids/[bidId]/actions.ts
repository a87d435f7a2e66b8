"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { text } from "@/lib/actions/form-fields";
import type { FormState } from "@/lib/actions/form-state";
import { formDataToValues } from "@/lib/actions/form-values";
import { uploadedFile } from "@/lib/actions/uploaded-file";
import { currentActor } from "@/lib/auth/current-actor";
import { postMessage } from "@/lib/conversations/messages";

/** Posts a message in a bid's conversation; the use case checks who may write. */
export async function postMessageAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    read: formDataToValues,
    schema: z.object({ bidId: text(), body: text() }),
    run: async ({ bidId, body }, form) => postMessage(await currentActor(), { bidId, body, file: await uploadedFile(form) }),
    refused: (code) => `conversation.error_${code}`,
    done: ({ jobId }, { bidId }) => {
      revalidatePath(`/jobs/${jobId}/bids/${bidId}`);
      return { status: "success", notice: { key: "conversation.sent" } };
    },
  });
}
