"use server";

import { revalidatePath } from "next/cache";
import { requestDataExport } from "@/lib/privacy/data-export";
import { guardedAction, submittedValues, type FormState } from "@/lib/actions/form-state";
import { eraseAccount } from "@/lib/accounts/erase";
import { signOut } from "@/lib/auth/auth";
import { currentActor } from "@/lib/auth/current-actor";

/** Erases the signed-in account once its email is typed again; then the session ends, back home. */
export async function eraseAccountAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = submittedValues(formData);
  const state = await guardedAction(formData, async () => {
    const result = await eraseAccount(await currentActor(), { confirmEmail: values.confirmEmail ?? "" });
    if (result.ok) return { status: "success" };
    if (result.error === "invalid") return { status: "error", fieldErrors: result.fields, values };
    return { status: "error", formError: `account.blocked_${result.error}`, values };
  });
  if (state.status === "success") await signOut({ redirectTo: "/?notice=account-erased" }); // the home page shows account.erasedNotice
  return state;
}

/** Asks for a copy of one's data; the worker prepares it and emails a link. */
export async function requestDataExportAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return guardedAction(formData, async () => {
    const result = await requestDataExport(await currentActor());
    if (!result.ok) return { status: "error", formError: `account.export_${result.error}` };
    revalidatePath("/account");
    return { status: "success", notice: { key: "account.exportRequested" } };
  });
}
