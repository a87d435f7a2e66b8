"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { optionalText } from "@/lib/actions/form-fields";
import type { FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { announceLegalVersion } from "@/lib/legal/announcements";

const announcementForm = z.object({ document: optionalText(), version: optionalText(), effectiveOn: optionalText(), changesFees: optionalText() });

/** An admin announces a new version of a legal document (emailed by the worker, shown in the app). */
export async function announceLegalVersionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: announcementForm,
    run: async (announcement) => announceLegalVersion(await currentActor(), announcement),
    // An unknown version or a date too soon is said next to its field.
    refused: (code) => (code === "already_announced" ? "adminLegal.alreadyAnnounced" : undefined),
    done: () => {
      revalidatePath("/admin/legal");
      return { status: "success", notice: { key: "adminLegal.announced" } };
    },
  });
}
