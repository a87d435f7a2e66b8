"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { text, textOrNone } from "@/lib/actions/form-fields";
import type { FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { decideComplaint } from "@/lib/moderation/complaints";
import { decideReportComplaint } from "@/lib/moderation/report-complaints";
import { decideReport } from "@/lib/moderation/reports";

const refused = (code: string) => `moderation.error_${code}`;

/** A decision is done: the queue refreshes. */
function decided(): FormState {
  revalidatePath("/admin/reports");
  return { status: "success" };
}

/** An admin decides on a report: kept, removed or restricted. */
export async function decideReportAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: z.object({ reportId: text(), outcome: text(), note: text(), ground: textOrNone() }),
    run: async (decision) => decideReport(await currentActor(), decision),
    refused,
    done: decided,
  });
}

/** A second admin decides an internal complaint: upheld or reversed. */
export async function decideComplaintAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: z.object({ complaintId: text(), outcome: text(), answer: text() }),
    run: async (decision) => decideComplaint(await currentActor(), decision),
    refused,
    done: decided,
  });
}

/** A second admin decides a reporter's complaint: upheld, or reversed with the content removed or restricted. */
export async function decideReportComplaintAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: z.object({ complaintId: text(), outcome: text(), answer: text(), newOutcome: textOrNone(), ground: textOrNone() }),
    run: async (decision) => decideReportComplaint(await currentActor(), decision),
    refused,
    done: decided,
  });
}
