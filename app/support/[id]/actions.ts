"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { text, textOrNone } from "@/lib/actions/form-fields";
import type { FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { isUuidLike } from "@/lib/ids";
import { replyToSupportThread } from "@/lib/support/threads";

/** An answer in a support thread, by the person who wrote (signed in or with the link) or by an admin. */
export async function replySupportAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: z.object({ threadId: text(), key: textOrNone(), body: text() }),
    run: async (reply) => replyToSupportThread(await currentActor(), reply),
    refused: (code) => `support.error_${code}`,
    done: (_reply, { threadId }) => {
      if (isUuidLike(threadId)) {
        revalidatePath(`/support/${threadId}`);
        revalidatePath(`/admin/support/${threadId}`);
      }
      return { status: "success" };
    },
  });
}
