"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { milestoneRows, normalizeBidValues } from "@/components/bids/bid-form-values";
import { formAction } from "@/lib/actions/form-action";
import { text } from "@/lib/actions/form-fields";
import { formDataToValues } from "@/lib/actions/form-values";
import type { FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { declineBid, shortlistBid } from "@/lib/bids/client-bids";
import { submitBid, updateBid, withdrawBid } from "@/lib/bids/expert-bids";
import type { BidInput } from "@/lib/bids/schemas";

/** The bid form's fields, milestone rows already renumbered (see normalizeBidValues); the use case validates them. */
const bidForm = z.record(z.string(), z.string()).transform((values) => ({
  bidId: values.bidId ?? "",
  bid: {
    jobId: values.jobId ?? "",
    pricing: values.pricing ?? "",
    total: values.total,
    dailyRate: values.dailyRate,
    days: values.days,
    durationDays: values.durationDays,
    startOn: values.startOn ?? "",
    method: values.method ?? "",
    milestones: milestoneRows(values),
  } satisfies BidInput,
}));

const readBidForm = (formData: FormData) => normalizeBidValues(formDataToValues(formData));
const bidRefused = (code: string) => `bids.error_${code}`;

export async function submitBidAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    read: readBidForm,
    schema: bidForm,
    run: async ({ bid }) => submitBid(await currentActor(), bid),
    refused: bidRefused,
    done: (_bid, { bid }) => {
      revalidatePath(`/jobs/${bid.jobId}`);
      return { status: "success", notice: { key: "bids.sent" } };
    },
  });
}

/** The expert edits its bid while the client has not acted on it; every typed value comes back on a refusal. */
export async function updateBidAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    read: readBidForm,
    schema: bidForm,
    run: async ({ bidId, bid }) => updateBid(await currentActor(), bidId, bid),
    refused: bidRefused,
    done: (_none, { bid }) => {
      revalidatePath(`/jobs/${bid.jobId}`, "layout");
      return { status: "success", notice: { key: "bids.updated" } };
    },
  });
}

/** The buttons on one bid: which bid, on which job (its page is shown again), and a decline's reason. */
const bidButton = z.object({ bidId: text(), jobId: text(), reason: text() });

function bidMoved(jobId: string): FormState {
  revalidatePath(`/jobs/${jobId}`, "layout");
  return { status: "success" };
}

export async function withdrawBidAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: bidButton,
    run: async ({ bidId }) => withdrawBid(await currentActor(), bidId),
    refused: bidRefused,
    done: (_none, { jobId }) => bidMoved(jobId),
  });
}

export async function shortlistBidAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: bidButton,
    run: async ({ bidId }) => shortlistBid(await currentActor(), { bidId }),
    refused: bidRefused,
    done: (_none, { jobId }) => bidMoved(jobId),
  });
}

export async function declineBidAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: bidButton,
    run: async ({ bidId, reason }) => declineBid(await currentActor(), { bidId, reason }),
    refused: bidRefused,
    done: (_none, { jobId }) => bidMoved(jobId),
  });
}
