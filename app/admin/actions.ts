"use server";

import { revalidatePath } from "next/cache";
import { reinstateUser, suspendUser } from "@/lib/accounts/suspension";
import { currentActor } from "@/lib/auth/current-actor";
import { guardedAction, submittedValues, type FormState } from "@/lib/actions/form-state";

const errorKeys = { self: "admin.self", already: "admin.already", not_found: "admin.notFound" } as const;

export async function setSuspensionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = submittedValues(formData);
  return guardedAction(formData, async () => {
    const input = { userId: values.userId ?? "", reason: values.reason ?? "", ground: (values.ground || undefined) as never };
    const suspend = values.intent === "suspend";
    const result = suspend ? await suspendUser(await currentActor(), input) : await reinstateUser(await currentActor(), input);
    if (!result.ok) {
      return result.error === "invalid"
        ? { status: "error", fieldErrors: result.fields, values }
        : { status: "error", formError: errorKeys[result.error], values };
    }
    revalidatePath("/admin");
    revalidatePath(`/admin/users/${input.userId}`);
    return { status: "success", notice: { key: suspend ? "admin.suspendedDone" : "admin.reinstatedDone" } };
  });
}
