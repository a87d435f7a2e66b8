"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requestDataExport } from "@/lib/privacy/data-export";
import { formAction } from "@/lib/actions/form-action";
import { text } from "@/lib/actions/form-fields";
import type { FormState } from "@/lib/actions/form-state";
import { eraseAccount } from "@/lib/accounts/erase";
import { signOut } from "@/lib/auth/auth";
import { currentActor } from "@/lib/auth/current-actor";

/** Erases the signed-in account once its email is typed again; then the session ends, back home. */
export async function eraseAccountAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: z.object({ confirmEmail: text() }),
    run: async (input) => eraseAccount(await currentActor(), input),
    refused: (code) => `account.blocked_${code}`,
    done: async () => {
      await signOut({ redirectTo: "/?notice=account-erased" }); // the home page shows account.erasedNotice
      return { status: "success" };
    },
  });
}

/** Asks for a copy of one's data; the worker prepares it and emails a link. */
export async function requestDataExportAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: z.object({}),
    run: async () => requestDataExport(await currentActor()),
    refused: (code) => `account.export_${code}`,
    done: () => {
      revalidatePath("/account");
      return { status: "success", notice: { key: "account.exportRequested" } };
    },
  });
}
