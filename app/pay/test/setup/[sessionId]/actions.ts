"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { text } from "@/lib/actions/form-fields";
import type { FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { simulateTestSetupPage } from "@/lib/payments/test-mode/setup-page";

/**
 * The buttons of the local setup page: saving sends the client back to the contract, where the
 * method shows once the emitted event is processed; a refusal leaves the session open.
 */
export async function testSetupAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: z.object({ sessionId: text(), intent: text() }),
    run: async (press) => {
      const result = await simulateTestSetupPage(await currentActor(), press);
      revalidatePath(`/pay/test/setup/${press.sessionId}`);
      return result;
    },
    refused: (code) => (code === "invalid" ? "common.genericError" : `testMode.error_${code}`),
    done: ({ next }) => {
      if (next) redirect(next);
      return { status: "error", formError: "testMode.setupRefused" };
    },
  });
}
