"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { currentActor } from "@/lib/auth/current-actor";
import { formAction } from "@/lib/actions/form-action";
import { text } from "@/lib/actions/form-fields";
import type { FormState } from "@/lib/actions/form-state";
import { inviteMember } from "@/lib/organizations/invitations";

const invitationForm = z.object({ organizationId: text(), email: text(), role: z.string().default("member") });

export async function inviteMemberAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: invitationForm,
    run: async (invitation) => inviteMember(await currentActor(), invitation),
    done: (_invited, { organizationId, email }) => {
      revalidatePath("/dashboard");
      // The form is emptied for the next invitation, its organisation kept.
      return {
        status: "success",
        notice: { key: "dashboard.inviteSent", values: { email: email.trim().toLowerCase() } },
        values: { organizationId, role: "member" },
      };
    },
  });
}
