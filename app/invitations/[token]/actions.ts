"use server";

import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/current-actor";
import { formText, guardedAction, type FormState } from "@/lib/actions/form-state";
import { acceptInvitation } from "@/lib/organizations/invitations";

export async function acceptInvitationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const token = formText(formData, "token");
  const state = await guardedAction(formData, async () => {
    const result = await acceptInvitation(await currentActor(), { token });
    return result.ok ? { status: "success" } : { status: "error", formError: `invitation.${result.error}` };
  });
  if (state.status === "success") redirect("/dashboard");
  return state;
}
