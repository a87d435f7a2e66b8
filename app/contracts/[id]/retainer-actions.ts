"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { confirmed, text } from "@/lib/actions/form-fields";
import type { FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { giveRetainerNotice, pauseRetainer, resumeRetainer } from "@/lib/retainers/lifecycle";
import { startRetainerPaymentMethodSetup } from "@/lib/retainers/payment-method";

/**
 * A client member chooses a SEPA mandate or a card for the monthly fee and is sent to the
 * Checkout page in setup mode (Stripe's, or the local test page); the method is saved on the
 * retainer when its verified event arrives.
 */
export async function startRetainerPaymentMethodAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: z.object({ contractId: text(), kind: z.enum(["sepa_debit", "card"], { error: "required" }) }),
    run: async (input) => startRetainerPaymentMethodSetup(await currentActor(), input),
    refused: (code) => `retainers.error_${code}`,
    done: ({ url }) => redirect(url),
  });
}

const contractOnly = z.object({ contractId: text() });

/** A client member pauses the retainer (no month charged until it resumes). */
export async function pauseRetainerAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: contractOnly,
    run: async (input) => pauseRetainer(await currentActor(), input),
    refused: (code) => `retainers.error_${code}`,
    done: (_done, { contractId }) => {
      revalidatePath(`/contracts/${contractId}`);
      return { status: "success", notice: { key: "retainers.pausedNotice" } };
    },
  });
}

/** A client member resumes a paused retainer from the current month. */
export async function resumeRetainerAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: contractOnly,
    run: async (input) => resumeRetainer(await currentActor(), input),
    refused: (code) => `retainers.error_${code}`,
    done: (_done, { contractId }) => {
      revalidatePath(`/contracts/${contractId}`);
      return { status: "success", notice: { key: "retainers.resumedNotice" } };
    },
  });
}

/** Either party terminates the retainer, with the notice period and the minimum term. */
export async function giveRetainerNoticeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    schema: z.object({ contractId: text(), confirm: confirmed() }),
    run: async ({ contractId }) => giveRetainerNotice(await currentActor(), { contractId }),
    refused: (code) => `retainers.error_${code}`,
    done: (_done, { contractId }) => {
      revalidatePath(`/contracts/${contractId}`);
      return { status: "success", notice: { key: "retainers.noticeNotice" } };
    },
  });
}
