"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { text } from "@/lib/actions/form-fields";
import type { FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { isUuidLike } from "@/lib/ids";
import { leaveReview } from "@/lib/reviews/reviews";

/** One side of a completed contract reviews the other (a rating, an optional comment); final once sent. */
export async function leaveReviewAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: z.object({ contractId: text(), rating: text(), comment: text() }),
    run: async ({ contractId, rating, comment }) => leaveReview(await currentActor(), { contractId, rating, comment }),
    refused: (code) => `reviews.error_${code}`,
    done: (_review, { contractId }) => {
      if (!isUuidLike(contractId)) redirect("/dashboard");
      revalidatePath(`/contracts/${contractId}`);
      redirect(`/contracts/${contractId}?done=reviewed#contract-reviews`);
    },
  });
}
