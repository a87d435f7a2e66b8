"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { confirmed, text } from "@/lib/actions/form-fields";
import type { FormState } from "@/lib/actions/form-state";
import { uploadedFile } from "@/lib/actions/uploaded-file";
import { currentActor } from "@/lib/auth/current-actor";
import { isUuidLike } from "@/lib/ids";
import { disputePath } from "@/lib/disputes/thread";
import { approveMilestone, markDelivered } from "@/lib/payments/delivery";
import { openDispute } from "@/lib/payments/disputes";
import { startMilestoneFunding } from "@/lib/payments/funding";

/** A milestone's forms: the milestone, and the contract whose page comes next (it only picks the page to show). */
const milestoneForm = z.object({ milestoneId: text(), contractId: text() });
const refused = (code: string) => `payments.error_${code}`;

/** The contract's page (the dashboard when the form sent no contract id), after revalidating it. */
function contractPage(contractId: string, then: (contractId: string) => string): never {
  if (!isUuidLike(contractId)) redirect("/dashboard");
  revalidatePath(`/contracts/${contractId}`);
  redirect(then(contractId));
}

/** The client funds the next milestone: off to the Checkout page (Stripe's, or the local test one). */
export async function fundMilestoneAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: milestoneForm,
    run: async ({ milestoneId }) => startMilestoneFunding(await currentActor(), { milestoneId }),
    refused,
    done: ({ url }) => redirect(url),
  });
}

/** The expert marks a funded milestone delivered, with a note for the client. */
export async function deliverMilestoneAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: milestoneForm.extend({ note: text() }),
    run: async ({ milestoneId, note }, form) => markDelivered(await currentActor(), { milestoneId, note, file: await uploadedFile(form) }),
    refused,
    done: (_delivered, { contractId }) => contractPage(contractId, (id) => `/contracts/${id}?done=delivered`),
  });
}

/** The client approves a delivered milestone, after ticking the confirmation: the expert is paid. */
export async function approveMilestoneAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: milestoneForm.extend({ confirm: confirmed() }),
    run: async ({ milestoneId }) => approveMilestone(await currentActor(), { milestoneId }),
    refused,
    done: (_approved, { contractId }) => contractPage(contractId, (id) => `/contracts/${id}?done=approved`),
  });
}

/** The client disputes a funded or delivered milestone (with an optional file): off to the dispute's page. */
export async function openDisputeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: milestoneForm.extend({ reason: text(), text: text() }),
    run: async ({ milestoneId, reason, text: statement }, form) =>
      openDispute(await currentActor(), { milestoneId, reason, text: statement, file: await uploadedFile(form) }),
    refused,
    done: ({ disputeId }, { contractId }) => contractPage(contractId, (id) => `${disputePath(id, disputeId)}?done=opened`),
  });
}
