"use server";

import { revalidatePath } from "next/cache";
import { milestoneRows, normalizeBidValues } from "@/components/bids/bid-form-values";
import { formDataToValues } from "@/lib/actions/form-values";
import { formText, guardedAction, type FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { declineBid, shortlistBid } from "@/lib/bids/client-bids";
import { submitBid, updateBid, withdrawBid } from "@/lib/bids/expert-bids";
import type { BidInput } from "@/lib/bids/schemas";

/** Reads the form's values (milestone rows already renumbered, see normalizeBidValues). */
function bidInputFromValues(values: Record<string, string>): BidInput {
  return {
    jobId: values.jobId ?? "",
    pricing: values.pricing as "fixed",
    total: values.total,
    dailyRate: values.dailyRate,
    days: values.days,
    durationDays: values.durationDays as unknown as number,
    startOn: values.startOn ?? "",
    method: values.method ?? "",
    milestones: milestoneRows(values),
  };
}

export async function submitBidAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = normalizeBidValues(formDataToValues(formData));
  return guardedAction(formData, async () => {
    const result = await submitBid(await currentActor(), bidInputFromValues(values));
    if (!result.ok) {
      return result.error === "invalid"
        ? { status: "error", fieldErrors: result.fields, values }
        : { status: "error", formError: `bids.error_${result.error}`, values };
    }
    revalidatePath(`/jobs/${values.jobId}`);
    return { status: "success", notice: { key: "bids.sent" } };
  });
}

/** The expert edits its bid while the client has not acted on it; every typed value comes back on a refusal. */
export async function updateBidAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = normalizeBidValues(formDataToValues(formData));
  return guardedAction(formData, async () => {
    const result = await updateBid(await currentActor(), values.bidId ?? "", bidInputFromValues(values));
    if (!result.ok) {
      return result.error === "invalid"
        ? { status: "error", fieldErrors: result.fields, values }
        : { status: "error", formError: `bids.error_${result.error}`, values };
    }
    revalidatePath(`/jobs/${values.jobId}`, "layout");
    return { status: "success", notice: { key: "bids.updated" } };
  });
}

function simpleBidAction(run: (bidId: string, formData: FormData) => Promise<{ ok: boolean; error?: string }>) {
  return async (formData: FormData): Promise<FormState> =>
    guardedAction(formData, async () => {
      const result = await run(formText(formData, "bidId"), formData);
      if (!result.ok) return { status: "error", formError: `bids.error_${result.error ?? "illegal_transition"}` };
      revalidatePath(`/jobs/${formText(formData, "jobId")}`, "layout");
      return { status: "success" };
    });
}

const withdraw = simpleBidAction(async (bidId) => withdrawBid(await currentActor(), bidId));
const shortlist = simpleBidAction(async (bidId) => shortlistBid(await currentActor(), { bidId }));
const decline = simpleBidAction(async (bidId, formData) => declineBid(await currentActor(), { bidId, reason: formText(formData, "reason") }));

export async function withdrawBidAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return withdraw(formData);
}

export async function shortlistBidAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return shortlist(formData);
}

export async function declineBidAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return decline(formData);
}
