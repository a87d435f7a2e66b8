import type { Actor } from "@/lib/auth/actor";
import { PolicyError } from "@/lib/auth/policy";
import { isPaymentTestMode } from "@/lib/env";
import { fail, ok, type Result } from "@/lib/result";
import { loadTestAccount, loadTestCheckout } from "./access";
import { completeTestOnboarding, expireTestCheckout, failTestCheckout, payTestCheckout, settleTestSepaDebit, type TestSimulationError } from "./simulate";

/*
 * The buttons of the local stand-ins for Stripe's pages, as use cases: only in payment test
 * mode, only for who may see the page (see access.ts), then the simulation.
 */

export const TEST_CHECKOUT_INTENTS = ["card", "sepa_debit", "decline", "expire", "settle_succeeded", "settle_failed"] as const;
export type TestCheckoutIntent = (typeof TEST_CHECKOUT_INTENTS)[number];

/** `next`: where the payer goes once paid (the success URL); `declined`: the card was refused, the session stays open. */
export interface TestCheckoutOutcome {
  next: string | null;
  declined: boolean;
}

/** A member of the paying organisation presses a button of the local checkout page. */
export async function simulateTestCheckout(
  actor: Actor | null,
  input: { sessionId: string; intent: string },
): Promise<Result<TestCheckoutOutcome, TestSimulationError | "invalid">> {
  if (!isPaymentTestMode()) throw new PolicyError("forbidden");
  await loadTestCheckout(actor, input.sessionId);
  const intent = TEST_CHECKOUT_INTENTS.find((known) => known === input.intent);
  if (!intent) return fail("invalid");
  if (intent === "card" || intent === "sepa_debit") {
    const paid = await payTestCheckout(input.sessionId, intent);
    return paid.ok ? ok({ next: paid.value.successUrl, declined: false }) : paid;
  }
  const result =
    intent === "decline"
      ? await failTestCheckout(input.sessionId)
      : intent === "expire"
        ? await expireTestCheckout(input.sessionId)
        : await settleTestSepaDebit(input.sessionId, intent === "settle_succeeded" ? "succeeded" : "failed");
  return result.ok ? ok({ next: null, declined: intent === "decline" }) : result;
}

/** The expert whose connected account it is finishes the simulated onboarding. */
export async function simulateTestOnboarding(actor: Actor | null, input: { accountId: string }): Promise<Result<{ changed: boolean }, TestSimulationError>> {
  if (!isPaymentTestMode()) throw new PolicyError("forbidden");
  await loadTestAccount(actor, input.accountId);
  const result = await completeTestOnboarding(input.accountId);
  return result.ok ? ok({ changed: result.value.changed }) : result;
}
