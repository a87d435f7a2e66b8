"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { currentActor } from "@/lib/auth/current-actor";
import { formAction } from "@/lib/actions/form-action";
import { optionalText, text } from "@/lib/actions/form-fields";
import { guardedAction, type FormState } from "@/lib/actions/form-state";
import { formDataToValues } from "@/lib/actions/form-values";
import { uploadedFile } from "@/lib/actions/uploaded-file";
import { deleteEvidence, uploadEvidence } from "@/lib/experts/evidence";
import { valuesToProfileInput } from "@/lib/experts/form-values";
import { removePhoto, uploadPhoto } from "@/lib/experts/photo";
import { updateExpertProfile } from "@/lib/experts/profile";
import { submitProfile } from "@/lib/experts/vetting";

const locked = (code: string) => (code === "locked" ? "expertProfile.locked" : "common.genericError");

function profileChanged(notice?: string): FormState {
  revalidatePath("/expert/profile");
  return notice ? { status: "success", notice: { key: notice } } : { status: "success" };
}

export async function saveExpertProfileAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    read: formDataToValues,
    schema: z.record(z.string(), z.string()).transform(valuesToProfileInput),
    run: async (profile) => updateExpertProfile(await currentActor(), profile),
    refused: locked,
    done: ({ pendingReview }) => profileChanged(pendingReview.length > 0 ? "expertProfile.savedPendingReview" : "expertProfile.saved"),
  });
}

export async function uploadEvidenceAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    read: formDataToValues,
    schema: z.object({ kind: text(), label: optionalText(), issuedOn: optionalText(), certificateNumber: optionalText(), expiresOn: optionalText() }),
    run: async (evidence, form) => uploadEvidence(await currentActor(), { ...evidence, file: await uploadedFile(form) }),
    refused: locked,
    done: () => profileChanged("expertProfile.evidenceUploaded"),
  });
}

export async function deleteEvidenceAction(formData: FormData): Promise<void> {
  await formAction(formData, {
    schema: z.object({ evidenceId: text() }),
    run: async ({ evidenceId }) => deleteEvidence(await currentActor(), { evidenceId }),
    done: () => profileChanged(),
  });
}

export async function submitProfileAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: z.object({}),
    run: async () => submitProfile(await currentActor()),
    refused: (code) => (code === "incomplete" ? "expertProfile.incomplete" : "expertProfile.cannotSubmit"),
    done: () => profileChanged("expertProfile.submitted"),
  });
}

export async function uploadPhotoAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: z.object({}),
    run: async (_none, form) => uploadPhoto(await currentActor(), await uploadedFile(form, "photo")),
    refused: locked,
    done: () => profileChanged("expertProfile.photoSaved"),
  });
}

export async function removePhotoAction(formData: FormData): Promise<void> {
  await guardedAction(formData, async () => {
    await removePhoto(await currentActor());
    return profileChanged();
  });
}
