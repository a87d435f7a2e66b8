"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { checkbox, text } from "@/lib/actions/form-fields";
import type { FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { cancelJob, closeJob } from "@/lib/jobs/manage-jobs";
import { acceptJobNda } from "@/lib/jobs/nda";
import { fail, type Result } from "@/lib/result";

/** Refusal codes of the job use cases → message keys of the `jobBoard` namespace. */
const errorKeys: Record<string, string> = {
  not_verified: "jobBoard.error_not_verified",
  not_found: "jobBoard.error_not_found",
  illegal_transition: "jobBoard.error_illegal_transition",
  nda_unchecked: "jobBoard.error_nda_unchecked",
};

const refused = (code: string) => errorKeys[code] ?? "common.genericError";

const jobForm = z.object({ jobId: text(), accept: checkbox("1") });

function jobChanged(jobId: string, notice: string): FormState {
  revalidatePath(`/jobs/${jobId}`);
  revalidatePath("/jobs");
  return { status: "success", notice: { key: notice } };
}

export async function acceptJobNdaAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: jobForm,
    run: async ({ jobId, accept }): Promise<Result<void>> => (accept ? acceptJobNda(await currentActor(), { jobId }) : fail("nda_unchecked")),
    refused,
    done: (_none, { jobId }) => jobChanged(jobId, "jobBoard.ndaAccepted"),
  });
}

export async function closeJobAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: jobForm,
    run: async ({ jobId }) => closeJob(await currentActor(), { jobId }),
    refused,
    done: (_none, { jobId }) => jobChanged(jobId, "jobBoard.closed"),
  });
}

export async function cancelJobAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: jobForm,
    run: async ({ jobId }) => cancelJob(await currentActor(), { jobId }),
    refused,
    done: (_none, { jobId }) => jobChanged(jobId, "jobBoard.cancelled"),
  });
}
