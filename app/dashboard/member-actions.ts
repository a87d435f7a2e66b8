"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { text } from "@/lib/actions/form-fields";
import type { FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { setMemberRole } from "@/lib/organizations/members";

const roleForm = z.object({
  organizationId: text(),
  userId: text(),
  role: z
    .string()
    .optional()
    .transform((role) => (role === "owner" ? "owner" : "member")),
});

/** An owner makes a member an owner, or takes the owner role back (their own included). */
export async function setMemberRoleAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: roleForm,
    run: async (change) => setMemberRole(await currentActor(), change),
    refused: (code) => `members.error_${code}`,
    done: (_changed, { role }) => {
      revalidatePath("/dashboard");
      return { status: "success", notice: { key: role === "owner" ? "members.promoted" : "members.demoted" } };
    },
  });
}
