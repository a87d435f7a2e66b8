"use server";

import { revalidatePath } from "next/cache";
import { guardedAction, submittedValues, type FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { setMemberRole } from "@/lib/organizations/members";

/** An owner makes a member an owner, or takes the owner role back (their own included). */
export async function setMemberRoleAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = submittedValues(formData);
  return guardedAction(formData, async () => {
    const role = values.role === "owner" ? "owner" : "member";
    const result = await setMemberRole(await currentActor(), { organizationId: values.organizationId ?? "", userId: values.userId ?? "", role });
    if (!result.ok) return { status: "error", formError: `members.error_${result.error}` };
    revalidatePath("/dashboard");
    return { status: "success", notice: { key: role === "owner" ? "members.promoted" : "members.demoted" } };
  });
}
