"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { reinstateUser, suspendUser } from "@/lib/accounts/suspension";
import { currentActor } from "@/lib/auth/current-actor";
import { formAction } from "@/lib/actions/form-action";
import { text, textOrNone } from "@/lib/actions/form-fields";
import type { FormState } from "@/lib/actions/form-state";

const errorKeys = { invalid: "common.genericError", self: "admin.self", already: "admin.already", not_found: "admin.notFound" } as const;

const suspensionForm = z.object({ userId: text(), reason: text(), ground: textOrNone(), intent: text() });

export async function setSuspensionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: suspensionForm,
    run: async ({ intent, ...input }) => (intent === "suspend" ? suspendUser(await currentActor(), input) : reinstateUser(await currentActor(), input)),
    refused: (code) => errorKeys[code],
    done: (_none, { userId, intent }) => {
      revalidatePath("/admin");
      revalidatePath(`/admin/users/${userId}`);
      return { status: "success", notice: { key: intent === "suspend" ? "admin.suspendedDone" : "admin.reinstatedDone" } };
    },
  });
}
