"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { currentActor } from "@/lib/auth/current-actor";
import { formAction } from "@/lib/actions/form-action";
import { text } from "@/lib/actions/form-fields";
import type { FormState } from "@/lib/actions/form-state";
import { acceptInvitation } from "@/lib/organizations/invitations";

export async function acceptInvitationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: z.object({ token: text() }),
    run: async ({ token }) => acceptInvitation(await currentActor(), { token }),
    refused: (code) => `invitation.${code}`,
    done: () => redirect("/dashboard"),
  });
}
