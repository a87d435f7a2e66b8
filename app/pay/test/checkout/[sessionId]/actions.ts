"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formText, guardedAction, type FormState } from "@/lib/actions/form-state";
import { currentActor } from "@/lib/auth/current-actor";
import { PolicyError } from "@/lib/auth/policy";
import { isPaymentTestMode } from "@/lib/env";
import { ok, type Result } from "@/lib/result";
import { loadTestCheckout } from "@/lib/payments/test-mode/access";
import { expireTestCheckout, failTestCheckout, payTestCheckout, settleTestSepaDebit } from "@/lib/payments/test-mode/simulate";

const intents = ["card", "sepa_debit", "decline", "expire", "settle_succeeded", "settle_failed"] as const;
type Intent = (typeof intents)[number];

/** Runs the simulation; the URL to go to next when the payer has paid. */
async function simulate(sessionId: string, intent: Intent): Promise<Result<{ next: string | null }>> {
  if (intent === "card" || intent === "sepa_debit") {
    const paid = await payTestCheckout(sessionId, intent);
    return paid.ok ? ok({ next: paid.value.successUrl }) : paid;
  }
  const result =
    intent === "decline"
      ? await failTestCheckout(sessionId)
      : intent === "expire"
        ? await expireTestCheckout(sessionId)
        : await settleTestSepaDebit(sessionId, intent === "settle_succeeded" ? "succeeded" : "failed");
  return result.ok ? ok({ next: null }) : result;
}

/**
 * The buttons of the local checkout page, for the paying organisation's members. Paying sends
 * the payer to the success URL, where the payment shows as being confirmed until the emitted
 * event has been processed; a declined card leaves the session open for another try.
 */
export async function testCheckoutAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return guardedAction(formData, async () => {
    if (!isPaymentTestMode()) throw new PolicyError("forbidden");
    const sessionId = formText(formData, "sessionId");
    const intent = intents.find((i) => i === formData.get("intent"));
    if (!intent) return { status: "error", formError: "common.genericError" };
    await loadTestCheckout(await currentActor(), sessionId);
    const result = await simulate(sessionId, intent);
    revalidatePath(`/pay/test/checkout/${sessionId}`);
    if (!result.ok) return { status: "error", formError: `testMode.error_${result.error}` };
    if (result.value.next) redirect(result.value.next);
    if (intent === "decline") return { status: "error", formError: "testMode.cardDeclined" };
    return { status: "success" };
  });
}
