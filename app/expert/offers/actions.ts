"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { normalizeOfferValues, offerInputOf } from "@/components/offers/offer-form-values";
import { formAction } from "@/lib/actions/form-action";
import { text } from "@/lib/actions/form-fields";
import { formDataToValues } from "@/lib/actions/form-values";
import type { FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { moveOffer, saveOffer } from "@/lib/offers/manage";

/** The offer form's fields, rows already renumbered (see normalizeOfferValues); the use case validates them. */
const offerForm = z.record(z.string(), z.string()).transform((values) => ({ offerId: values.offerId || null, offer: offerInputOf(values) }));
const readOfferForm = (formData: FormData) => normalizeOfferValues(formDataToValues(formData));
const offerRefused = (code: string) => `offers.error_${code}`;

/** A new offer (then its edit page, to publish it) or an edited one (back to the list). */
export async function saveOfferAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    read: readOfferForm,
    schema: offerForm,
    run: async ({ offerId, offer }) => saveOffer(await currentActor(), offerId, offer),
    refused: offerRefused,
    done: ({ offerId }) => {
      revalidatePath("/expert/offers");
      revalidatePath(`/offers/${offerId}`);
      redirect(`/expert/offers?saved=${offerId}`);
    },
  });
}

const offerButton = z.object({ offerId: text() });

function moved(offerId: string): FormState {
  revalidatePath("/expert/offers");
  revalidatePath(`/offers/${offerId}`);
  return { status: "success" };
}

export async function publishOfferAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: offerButton,
    run: async ({ offerId }) => moveOffer(await currentActor(), offerId, "publish"),
    refused: offerRefused,
    done: (_none, { offerId }) => moved(offerId),
  });
}

export async function unpublishOfferAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: offerButton,
    run: async ({ offerId }) => moveOffer(await currentActor(), offerId, "unpublish"),
    refused: offerRefused,
    done: (_none, { offerId }) => moved(offerId),
  });
}
