"use server";

import { revalidatePath } from "next/cache";
import { guardedAction, submittedValues, type FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { announceLegalVersion } from "@/lib/legal/announcements";

/** An admin announces a new version of a legal document (emailed by the worker, shown in the app). */
export async function announceLegalVersionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = submittedValues(formData);
  return guardedAction(formData, async () => {
    const result = await announceLegalVersion(await currentActor(), {
      document: values.document,
      version: values.version,
      effectiveOn: values.effectiveOn,
      changesFees: values.changesFees,
    });
    if (!result.ok) {
      return result.error === "already_announced" ? { status: "error", formError: "adminLegal.alreadyAnnounced", values } : { status: "error", fieldErrors: result.fields, values };
    }
    revalidatePath("/admin/legal");
    return { status: "success", notice: { key: "adminLegal.announced" } };
  });
}
