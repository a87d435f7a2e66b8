"use server";

import { revalidatePath } from "next/cache";
import { formText, guardedAction, type FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { cancelJob, closeJob } from "@/lib/jobs/manage-jobs";
import { acceptJobNda } from "@/lib/jobs/nda";

/** Refusal codes of the job use cases → message keys of the `jobBoard` namespace. */
const errorKeys: Record<string, string> = {
  not_verified: "jobBoard.error_not_verified",
  not_found: "jobBoard.error_not_found",
  illegal_transition: "jobBoard.error_illegal_transition",
};

function refused(code: string): FormState {
  return { status: "error", formError: errorKeys[code] ?? "common.genericError" };
}


function revalidateJob(jobId: string) {
  revalidatePath(`/jobs/${jobId}`);
  revalidatePath("/jobs");
}

export async function acceptJobNdaAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const jobId = formText(formData, "jobId");
  return guardedAction(formData, async () => {
    if (formData.get("accept") !== "1") return { status: "error", formError: "jobBoard.error_nda_unchecked" };
    const result = await acceptJobNda(await currentActor(), { jobId });
    if (!result.ok) return refused(result.error);
    revalidateJob(jobId);
    return { status: "success", notice: { key: "jobBoard.ndaAccepted" } };
  });
}

export async function closeJobAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const jobId = formText(formData, "jobId");
  return guardedAction(formData, async () => {
    const result = await closeJob(await currentActor(), { jobId });
    if (!result.ok) return refused(result.error);
    revalidateJob(jobId);
    return { status: "success", notice: { key: "jobBoard.closed" } };
  });
}

export async function cancelJobAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const jobId = formText(formData, "jobId");
  return guardedAction(formData, async () => {
    const result = await cancelJob(await currentActor(), { jobId });
    if (!result.ok) return refused(result.error);
    revalidateJob(jobId);
    return { status: "success", notice: { key: "jobBoard.cancelled" } };
  });
}
