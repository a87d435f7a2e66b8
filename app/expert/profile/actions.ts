"use server";

import { revalidatePath } from "next/cache";
import { currentActor } from "@/lib/auth/current-actor";
import { formText, guardedAction, type FormState } from "@/lib/actions/form-state";
import { deleteEvidence, uploadEvidence } from "@/lib/experts/evidence";
import { formDataToValues } from "@/lib/actions/form-values";
import { valuesToProfileInput } from "@/lib/experts/form-values";
import { removePhoto, uploadPhoto } from "@/lib/experts/photo";
import { updateExpertProfile } from "@/lib/experts/profile";
import { submitProfile } from "@/lib/experts/vetting";

export async function saveExpertProfileAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formDataToValues(formData);
  return guardedAction(formData, async () => {
    const result = await updateExpertProfile(await currentActor(), valuesToProfileInput(values));
    if (!result.ok) {
      return result.error === "locked"
        ? { status: "error", formError: "expertProfile.locked", values }
        : { status: "error", fieldErrors: result.fields, values };
    }
    revalidatePath("/expert/profile");
    return {
      status: "success",
      notice: { key: result.value.pendingReview.length > 0 ? "expertProfile.savedPendingReview" : "expertProfile.saved" },
    };
  });
}

export async function uploadEvidenceAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formDataToValues(formData);
  return guardedAction(formData, async () => {
    const file = formData.get("file");
    const upload =
      file instanceof File && file.size > 0 ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : null;
    const result = await uploadEvidence(await currentActor(), {
      kind: values.kind as "other",
      label: values.label,
      issuedOn: values.issuedOn,
      certificateNumber: values.certificateNumber,
      expiresOn: values.expiresOn,
      file: upload,
    });
    if (!result.ok) {
      return result.error === "locked"
        ? { status: "error", formError: "expertProfile.locked", values }
        : { status: "error", fieldErrors: result.fields, values };
    }
    revalidatePath("/expert/profile");
    return { status: "success", notice: { key: "expertProfile.evidenceUploaded" } };
  });
}

export async function deleteEvidenceAction(formData: FormData): Promise<void> {
  await guardedAction(formData, async () => {
    await deleteEvidence(await currentActor(), { evidenceId: formText(formData, "evidenceId") });
    revalidatePath("/expert/profile");
    return { status: "success" };
  });
}

export async function submitProfileAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return guardedAction(formData, async () => {
    const result = await submitProfile(await currentActor());
    if (!result.ok) {
      return { status: "error", formError: result.error === "incomplete" ? "expertProfile.incomplete" : "expertProfile.cannotSubmit" };
    }
    revalidatePath("/expert/profile");
    return { status: "success", notice: { key: "expertProfile.submitted" } };
  });
}

export async function uploadPhotoAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return guardedAction(formData, async () => {
    const photo = formData.get("photo");
    const file = photo instanceof File && photo.size > 0 ? { bytes: new Uint8Array(await photo.arrayBuffer()) } : null;
    const result = await uploadPhoto(await currentActor(), file);
    if (!result.ok) {
      return result.error === "locked" ? { status: "error", formError: "expertProfile.locked" } : { status: "error", fieldErrors: result.fields };
    }
    revalidatePath("/expert/profile");
    return { status: "success", notice: { key: "expertProfile.photoSaved" } };
  });
}

export async function removePhotoAction(): Promise<void> {
  await removePhoto(await currentActor());
  revalidatePath("/expert/profile");
}
