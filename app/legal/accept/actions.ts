"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { optionalText } from "@/lib/actions/form-fields";
import type { FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { safeCallbackPath } from "@/lib/legal/callback";
import { acceptPendingVersions } from "@/lib/legal/acceptance";

/** Accepts the versions in force that the person had not accepted yet, then goes where they were going. */
export async function acceptLegalVersionsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: z.object({ confirm: optionalText(), shown: optionalText(), callbackUrl: optionalText() }),
    run: async ({ confirm, shown }) => acceptPendingVersions(await currentActor(), { confirm, shown }),
    done: (_accepted, { callbackUrl }) => redirect(safeCallbackPath(callbackUrl)),
  });
}
