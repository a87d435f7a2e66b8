import { and, asc, eq, inArray } from "drizzle-orm";
import { db } from "@/db/client";
import { contractMilestones, payments } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { env } from "@/lib/env";
import { fail, ok, type Result } from "@/lib/result";
import { milestoneCharge } from "./amounts";
import { lockMilestoneFor } from "./context";
import { paymentProvider } from "./provider";

export type FundingError = "contract_not_active" | "not_next" | "illegal_transition" | "payment_processing";

/**
 * The client funds the next milestone: one Checkout session on the platform's account (separate
 * charges and transfers, transfer_group = the contract). The milestone row is locked, so two
 * clicks at once get the same session. The milestone becomes funded only when a verified
 * payment event says so (see events/checkout.ts), never from the success redirect.
 */
export async function startMilestoneFunding(actor: Actor | null, input: { milestoneId: string }): Promise<Result<{ url: string }, FundingError>> {
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

    const [live] = await tx
      .select()
      .from(payments)
      .where(and(eq(payments.milestoneId, milestone.id), inArray(payments.status, ["open", "processing", "succeeded"])));
    if (live?.status === "processing" || live?.status === "succeeded") return fail("payment_processing");
    if (live && live.checkoutUrl && live.expiresAt && live.expiresAt.getTime() > Date.now() + 60_000) return ok({ url: live.checkoutUrl });
    if (live) await tx.update(payments).set({ status: "expired", updatedAt: new Date() }).where(eq(payments.id, live.id));

    const [payment] = await tx
      .insert(payments)
      .values({ milestoneId: milestone.id, contractId: contract.id, createdById: actor?.id ?? null, amountCents: milestoneCharge(milestone, contract).chargeCents })
      .returning({ id: payments.id });
    if (!payment) throw new Error("Payment insert returned nothing");
    const base = `${env().APP_URL}/contracts/${contract.id}`;
    const session = await paymentProvider().createCheckoutSession({
      paymentId: payment.id,
      milestoneId: milestone.id,
      contractId: contract.id,
      amountCents: milestoneCharge(milestone, contract).chargeCents,
      description: `${milestone.title} — ${contract.facts.job.title}`,
      customerEmail: actor?.email ?? "",
      locale: actor?.locale === "en" ? "en" : "fr",
      successUrl: `${base}?funding=${payment.id}`,
      cancelUrl: `${base}?funding=cancelled`,
      idempotencyKey: `checkout:${payment.id}`,
    });
    if (!session.url) throw new Error(`Checkout session ${session.id} has no URL`);
    await tx
      .update(payments)
      .set({ checkoutSessionId: session.id, checkoutUrl: session.url, expiresAt: session.expiresAt, updatedAt: new Date() })
      .where(eq(payments.id, payment.id));
    await recordAudit(tx, { actorId: actor?.id ?? null, action: "milestone.funding_started", subjectType: "milestone", subjectId: milestone.id, data: { paymentId: payment.id, sessionId: session.id } });
    return ok({ url: session.url });
  });
}
