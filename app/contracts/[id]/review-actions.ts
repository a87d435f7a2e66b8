"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { guardedAction, submittedValues, type FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { isUuidLike } from "@/lib/ids";
import { leaveReview } from "@/lib/reviews/reviews";

/** One side of a completed contract reviews the other (a rating, an optional comment); final once sent. */
export async function leaveReviewAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = submittedValues(formData);
  return guardedAction(formData, async () => {
    const contractId = values.contractId ?? "";
    const result = await leaveReview(await currentActor(), { contractId, rating: values.rating ?? "", comment: values.comment ?? "" });
    if (!result.ok) {
      return result.error === "invalid"
        ? { status: "error", fieldErrors: result.fields, values }
        : { status: "error", formError: `reviews.error_${result.error}`, values };
    }
    if (!isUuidLike(contractId)) redirect("/dashboard");
    revalidatePath(`/contracts/${contractId}`);
    redirect(`/contracts/${contractId}?done=reviewed#contract-reviews`);
  });
}
