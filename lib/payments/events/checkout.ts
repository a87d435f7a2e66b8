import "server-only";
import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { isUuidLike } from "@/lib/ids";
import type { Transaction } from "@/db/client";
import { contractMilestones, payments, type Payment } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { lockMilestone } from "@/lib/payments/context";
import { fundingLines, postLedger } from "@/lib/payments/ledger";
import { nextMilestoneStatus } from "@/lib/payments/milestone-machine";
import { notifyMilestone } from "@/lib/payments/notify";
import { sendPaymentReceipt } from "@/lib/payments/receipt";
import type { PaymentProvider, ProviderEvent } from "@/lib/payments/provider/types";
import { queueEventProcessing } from "./record";

/** Events that waited for this payment (a chargeback that arrived first) are retried now. */
async function wakeWaitingEvents(tx: Transaction, intentId: string | null, chargeId: string | null): Promise<void> {
  const waiting = await tx.execute<{ id: string }>(sql`
    select id from stripe_events
    where processed_at is null and type = 'charge.dispute.created'
      and (payload->'data'->'object'->>'payment_intent' = ${intentId ?? ""} or payload->'data'->'object'->>'charge' = ${chargeId ?? ""})`);
  for (const { id } of waiting) {
    await queueEventProcessing(tx, id);
  }
}

type Verdict = "funded" | "processing" | "failed" | "expired" | "open";

/**
 * Any checkout.session.* event: the event only says "look at this session". The session (and its
 * payment intent) are re-read from the provider, so events arriving twice or out of order all
 * lead to the same, current state; a payment never goes backwards.
 */
export async function handleCheckoutEvent(tx: Transaction, provider: PaymentProvider, event: ProviderEvent): Promise<string> {
  const session = await provider.retrieveCheckoutSession(event.data.object.id);
  // Our session, or one made for an intent whose result was never recorded (its metadata names the payment).
  const ours = or(
    eq(payments.checkoutSessionId, session.id),
    session.paymentId && isUuidLike(session.paymentId) ? and(eq(payments.id, session.paymentId), isNull(payments.checkoutSessionId)) : undefined,
  );
  const [found] = await tx.select({ milestoneId: payments.milestoneId }).from(payments).where(ours);
  if (!found) return "ignored: unknown session";
  const context = await lockMilestone(tx, found.milestoneId); // milestone first, like every money move
  let [payment] = await tx.select().from(payments).where(ours).for("update");
  if (!context || !payment) return "ignored: unknown session";
  if (!payment.checkoutSessionId) {
    [payment] = await tx.update(payments).set({ checkoutSessionId: session.id, updatedAt: new Date() }).where(eq(payments.id, payment.id)).returning();
    if (!payment) throw new Error("Payment update returned nothing");
  }

  let verdict: Verdict = session.status === "expired" ? "expired" : "open";
  let intent = null;
  if (session.paymentIntentId && session.status === "complete") {
    intent = await provider.retrievePaymentIntent(session.paymentIntentId);
    verdict =
      session.paymentStatus === "paid" || intent.status === "succeeded"
        ? "funded"
        : intent.status === "processing"
          ? "processing"
          : intent.status === "requires_payment_method" || intent.status === "canceled"
            ? "failed"
            : "processing";
  }
  if (payment.status === "succeeded") return `ignored: already funded (${verdict})`;
  if (payment.status === "failed" || payment.status === "expired") {
    if (verdict !== "funded") return `ignored: payment already ${payment.status}`;
    // Money arrived on a session we had given up on: fund with it if the milestone still waits.
    if (context.milestone.status !== "pending") {
      await recordAudit(tx, { actorId: null, action: "payment.orphaned", subjectType: "payment", subjectId: payment.id, data: { sessionId: session.id } });
      return "orphaned: paid after the milestone was funded otherwise; refund it from the admin payments page";
    }
    await tx
      .update(payments)
      .set({ status: "expired", updatedAt: new Date() })
      .where(and(eq(payments.milestoneId, payment.milestoneId), inArray(payments.status, ["creating", "open"])));
  }
  const now = new Date();
  const base = { paymentIntentId: session.paymentIntentId, updatedAt: now };

  if (verdict === "open") return "ignored: session still open";
  if (verdict === "expired") {
    if (payment.status !== "open" && payment.status !== "creating") return "ignored: expired after completion";
    await tx.update(payments).set({ ...base, status: "expired" }).where(eq(payments.id, payment.id));
    return "expired";
  }
  if (verdict === "processing") {
    if (payment.status === "processing") return "ignored: already processing";
    await tx.update(payments).set({ ...base, status: "processing", paymentMethod: intent?.paymentMethodType ?? null }).where(eq(payments.id, payment.id));
    return "processing";
  }
  if (verdict === "failed") {
    await tx.update(payments).set({ ...base, status: "failed" }).where(eq(payments.id, payment.id));
    await notifyMilestone(tx, { ...context, event: "fundingFailed", audiences: ["client"], amountCents: payment.amountCents, key: payment.id });
    await recordAudit(tx, { actorId: null, action: "payment.failed", subjectType: "payment", subjectId: payment.id, fromStatus: payment.status, toStatus: "failed" });
    return "failed";
  }
  return fund(tx, context, payment, { intentId: session.paymentIntentId, received: intent?.amountReceived ?? session.amountTotal, chargeId: intent?.latestChargeId ?? null, method: intent?.paymentMethodType ?? null });
}

export async function fund(
  tx: Transaction,
  { milestone, contract }: NonNullable<Awaited<ReturnType<typeof lockMilestone>>>,
  payment: Payment,
  paid: { intentId: string | null; received: number; chargeId: string | null; method: string | null },
): Promise<string> {
  if (paid.received !== payment.amountCents) {
    await recordAudit(tx, { actorId: null, action: "payment.amount_mismatch", subjectType: "payment", subjectId: payment.id, data: { expected: payment.amountCents, received: paid.received } });
    return `refused: received ${paid.received} for ${payment.amountCents}`;
  }
  const now = new Date();
  await tx
    .update(payments)
    .set({ status: "succeeded", paymentIntentId: paid.intentId, chargeId: paid.chargeId, paymentMethod: paid.method, updatedAt: now })
    .where(eq(payments.id, payment.id));
  await postLedger(tx, "funding", fundingLines(payment.amountCents), { contractId: contract.id, milestoneId: milestone.id, sourceId: payment.id, stripeObjectId: paid.intentId });
  const next = nextMilestoneStatus(milestone.status, "fund");
  if (next) await tx.update(contractMilestones).set({ status: next, updatedAt: now }).where(eq(contractMilestones.id, milestone.id));
  await notifyMilestone(tx, { contract, milestone, event: "milestoneFunded", audiences: ["expert"], amountCents: payment.amountCents, key: payment.id });
  await sendPaymentReceipt(tx, { contract, milestone, payment, method: paid.method, paidAt: now });
  await wakeWaitingEvents(tx, paid.intentId, paid.chargeId);
  await recordAudit(tx, { actorId: null, action: "milestone.funded", subjectType: "milestone", subjectId: milestone.id, fromStatus: milestone.status, toStatus: next ?? milestone.status, data: { paymentId: payment.id } });
  return next ? "funded" : `funded payment, milestone was ${milestone.status}`;
}
