"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { text, textOrNone } from "@/lib/actions/form-fields";
import type { FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { fileComplaint } from "@/lib/moderation/complaints";
import { liftRestriction } from "@/lib/moderation/lift";

/** The affected person contests a decision, signed in or through the emailed link. */
export async function fileComplaintAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: z.object({ statementId: text(), key: textOrNone(), body: text() }),
    run: async (complaint) => fileComplaint(await currentActor(), complaint),
    refused: (code) => `moderation.error_${code}`,
    done: (_filed, { statementId }) => {
      revalidatePath(`/decisions/${statementId}`);
      return { status: "success" };
    },
  });
}

/** An admin lifts the restriction by hand (reinstatement, re-publication, release): the decision is marked reversed. */
export async function liftRestrictionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: z.record(z.string(), z.string()),
    run: async (values) => liftRestriction(await currentActor(), values),
    refused: (code) => `moderation.error_${code}`,
    done: (_lifted, values) => {
      revalidatePath(`/decisions/${values.statementId ?? ""}`);
      return { status: "success", notice: { key: "moderation.liftedDone" } };
    },
  });
}
