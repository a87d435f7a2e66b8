"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { text } from "@/lib/actions/form-fields";
import type { FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { isUuidLike } from "@/lib/ids";
import { closeSupportThread } from "@/lib/support/threads";

/** An admin closes a settled support thread. */
export async function closeSupportAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: z.object({ threadId: text() }),
    run: async ({ threadId }) => closeSupportThread(await currentActor(), { threadId }),
    refused: (code) => `support.error_${code}`,
    done: (_closed, { threadId }) => {
      if (!isUuidLike(threadId)) return { status: "success" };
      revalidatePath("/admin/support");
      redirect(`/admin/support/${threadId}?closed=1`);
    },
  });
}
