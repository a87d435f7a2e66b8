"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { text, textOrNone } from "@/lib/actions/form-fields";
import type { FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { fileReportComplaint } from "@/lib/moderation/report-complaints";

/** The reporter contests the decision on their report, signed in or through the emailed link. */
export async function fileReportComplaintAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: z.object({ reportId: text(), key: textOrNone(), body: text() }),
    run: async (complaint) => fileReportComplaint(await currentActor(), complaint),
    refused: (code) => `moderation.error_${code}`,
    done: (_filed, { reportId }) => {
      revalidatePath(`/reports/${reportId}`);
      return { status: "success" };
    },
  });
}
