"use server";

import { revalidatePath } from "next/cache";
import { currentActor } from "@/lib/auth/current-actor";
import { guardedAction, submittedValues, type FormState } from "@/lib/actions/form-state";
import { inviteMember } from "@/lib/organizations/invitations";

export async function inviteMemberAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = submittedValues(formData);
  return guardedAction(formData, async () => {
    const result = await inviteMember(await currentActor(), {
      organizationId: values.organizationId ?? "",
      email: values.email ?? "",
      role: (values.role ?? "member") as "owner" | "member",
    });
    if (!result.ok) return { status: "error", fieldErrors: result.fields, values };
    revalidatePath("/dashboard");
    return {
      status: "success",
      notice: { key: "dashboard.inviteSent", values: { email: values.email?.trim().toLowerCase() ?? "" } },
      values: { organizationId: values.organizationId ?? "", role: "member" },
    };
  });
}
