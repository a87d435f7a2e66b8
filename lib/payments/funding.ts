import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray } from "drizzle-orm";
import { db } from "@/db/client";
import { contractMilestones, payments, type CheckoutRequest, type Payment } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { appUrl } from "@/lib/http/app-url";
import { fail, ok, type Result } from "@/lib/result";
import { milestoneCharge } from "./amounts";
import { CHECKOUT_LIFETIME_SECONDS, checkoutInput, closeAbandonedSession, isCheckoutRetryable, recordCheckoutSession } from "./checkout-intent";
import { sessionsPaidNotYetProcessed } from "./confirming";
import { lockMilestoneFor } from "./context";
import { paymentProvider } from "./provider";
import type { PaymentProvider } from "./provider/types";

export type FundingError = "contract_not_active" | "not_next" | "illegal_transition" | "payment_processing" | "provider_unavailable";

/**
 * The client funds the next milestone: one Checkout session on the platform's account (separate
 * charges and transfers, transfer_group = the contract). The milestone row is locked while the
 * intent is recorded, so two clicks at once share one intent and get the same session. The
 * provider is called after that commit (see checkout-intent.ts): if it fails, the client is told
 * to try again and the next click sends the same request under the same key. The milestone
 * becomes funded only when a verified payment event says so (events/checkout.ts), never from
 * the success redirect.
 */
export async function startMilestoneFunding(
  actor: Actor | null,
  input: { milestoneId: string },
  provider: PaymentProvider = paymentProvider(),
): Promise<Result<{ url: string }, FundingError>> {
  const prepared = await prepareFunding(actor, input);
  if (!prepared.ok) return prepared;
  if ("url" in prepared.value) return ok(prepared.value);
  const { payment } = prepared.value;
  let session;
  try {
    session = await provider.createCheckoutSession(checkoutInput(payment));
  } catch (error) {
    console.error(`[payments] checkout session for payment ${payment.id} failed; the intent waits for a retry`, error);
    return fail("provider_unavailable");
  }
  const url = await recordCheckoutSession(payment.id, session);
  if (url) return ok({ url });
  await closeAbandonedSession(provider, payment.id, session);
  return fail("provider_unavailable");
}

/**
 * Step 1, in one short transaction under the milestone's lock: the checks, then the open session
 * to resume, or the intent to send (a `creating` one still fresh enough, or a new one).
 */
async function prepareFunding(actor: Actor | null, input: { milestoneId: string }): Promise<Result<{ url: string } | { payment: Payment }, FundingError>> {
  return db.transaction(async (tx) => {
    const { milestone, contract } = await lockMilestoneFor(tx, actor, input.milestoneId, "client");
    if (contract.status !== "active") return fail("contract_not_active");
    if (milestone.status !== "pending") return fail("illegal_transition");
    const [first] = await tx
      .select({ id: contractMilestones.id })
      .from(contractMilestones)
      .where(and(eq(contractMilestones.contractId, contract.id), eq(contractMilestones.status, "pending")))
      .orderBy(asc(contractMilestones.position))
      .limit(1);
    if (first?.id !== milestone.id) return fail("not_next");

    const now = new Date();
    const [live] = await tx
      .select()
      .from(payments)
      .where(and(eq(payments.milestoneId, milestone.id), inArray(payments.status, ["creating", "open", "processing", "succeeded"])));
    if (live?.status === "processing" || live?.status === "succeeded") return fail("payment_processing");
    // Paid at the provider, its event not processed yet: a second payment would charge twice.
    if (live?.status === "open" && live.checkoutSessionId && (await sessionsPaidNotYetProcessed(tx, [live.checkoutSessionId])).size > 0) return fail("payment_processing");
    if (live?.status === "open" && live.checkoutUrl && live.expiresAt && live.expiresAt.getTime() > now.getTime() + 60_000) return ok({ url: live.checkoutUrl });
    if (live?.status === "creating" && isCheckoutRetryable(live, now.getTime())) {
      // Touched, so that the repair leaves it to this click.
      await tx.update(payments).set({ updatedAt: now }).where(eq(payments.id, live.id));
      return ok({ payment: live });
    }
    // An open session about to run out, or an intent too old to send again (the repair closes
    // its session, if one was made).
    if (live) await tx.update(payments).set({ status: "expired", updatedAt: now }).where(eq(payments.id, live.id));

    const { chargeCents } = milestoneCharge(milestone, contract);
    const paymentId = randomUUID(); // named in the success URL, so chosen before the insert
    const base = appUrl(`/contracts/${contract.id}`);
    const expiresAt = Math.floor(now.getTime() / 1000) + CHECKOUT_LIFETIME_SECONDS;
    const checkoutRequest: CheckoutRequest = {
      amountCents: chargeCents,
      description: `${milestone.title} — ${contract.facts.job.title}`,
      customerEmail: actor?.email ?? "",
      locale: actor?.locale === "en" ? "en" : "fr",
      successUrl: `${base}?funding=${paymentId}`,
      cancelUrl: `${base}?funding=cancelled`,
      expiresAt,
    };
    const [payment] = await tx
      .insert(payments)
      .values({
        id: paymentId,
        milestoneId: milestone.id,
        contractId: contract.id,
        createdById: actor?.id ?? null,
        amountCents: chargeCents,
        status: "creating",
        checkoutRequest,
        expiresAt: new Date(expiresAt * 1000),
      })
      .returning();
    if (!payment) throw new Error("Payment insert returned nothing");
    return ok({ payment });
  });
}
