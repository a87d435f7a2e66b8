"use server";

import { revalidatePath } from "next/cache";
import { guardedAction, submittedValues, type FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { decideComplaint } from "@/lib/moderation/complaints";
import { decideReport } from "@/lib/moderation/reports";
import type { Result } from "@/lib/result";

/** A decision's result as the form's state: field errors, a translated refusal, or done (the queue refreshes). */
function decided(result: Result<unknown>, values: Record<string, string>): FormState {
  if (!result.ok) {
    return result.error === "invalid"
      ? { status: "error", fieldErrors: result.fields, values }
      : { status: "error", formError: `moderation.error_${result.error}`, values };
  }
  revalidatePath("/admin/reports");
  return { status: "success" };
}

/** An admin decides on a report: kept, removed or restricted. */
export async function decideReportAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = submittedValues(formData);
  return guardedAction(formData, async () => {
    const result = await decideReport(await currentActor(), {
      reportId: values.reportId ?? "",
      outcome: values.outcome as never,
      note: values.note ?? "",
      ground: (values.ground || undefined) as never,
    });
    return decided(result, values);
  });
}

/** A second admin decides an internal complaint: upheld or reversed. */
export async function decideComplaintAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = submittedValues(formData);
  return guardedAction(formData, async () => {
    const result = await decideComplaint(await currentActor(), {
      complaintId: values.complaintId ?? "",
      outcome: values.outcome as never,
      answer: values.answer ?? "",
    });
    return decided(result, values);
  });
}
