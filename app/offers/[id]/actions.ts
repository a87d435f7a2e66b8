"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { text } from "@/lib/actions/form-fields";
import { formDataToValues } from "@/lib/actions/form-values";
import type { FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { removeOffer } from "@/lib/offers/manage";
import { orderOffer } from "@/lib/offers/order";
import { MAX_OFFER_QUESTIONS } from "@/lib/offers/schemas";

const lines = (value: string | undefined) => (value ? value.split("\n").filter(Boolean) : []);

/** The order form's fields as the use case's input; the use case checks them against the offer. */
const orderForm = z.record(z.string(), z.string()).transform((values) => ({
  offerId: values.offerId ?? "",
  answers: Array.from({ length: MAX_OFFER_QUESTIONS }, (_none, i) => values[`answers.${i}`] ?? ""),
  extras: lines(values.extras).map(Number),
  place: values.place ?? "",
  personalData: values.personalData ?? "",
  dataSubjects: lines(values.dataSubjects),
  dataCategories: lines(values.dataCategories),
  acceptNotReady: values.acceptNotReady === "yes",
  expectedVatRateBps: /^\d+$/.test(values.expectedVatRateBps ?? "") ? Number(values.expectedVatRateBps) : undefined,
}));

/** A client orders the offer: the contract is formed and he goes to it. */
export async function orderOfferAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    read: formDataToValues,
    schema: orderForm,
    run: async (input) => orderOffer(await currentActor(), input),
    refused: (code) => (code === "invalid" ? undefined : `offers.error_${code}`),
    done: ({ contractId }) => redirect(`/contracts/${contractId}`),
  });
}

const removeForm = z.object({ offerId: text(), reason: text(), ground: text() });

/** An admin takes the offer out of the catalogue, with the statement of reasons the expert receives. */
export async function removeOfferAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: removeForm,
    run: async ({ offerId, reason, ground }) => removeOffer(await currentActor(), { offerId, reason, ground }),
    refused: (code) => (code === "invalid" ? undefined : `offers.error_${code}`),
    done: (_statement, { offerId }) => {
      revalidatePath(`/offers/${offerId}`);
      return { status: "success", notice: { key: "offers.removedNotice" } };
    },
  });
}
