import "server-only";
import { eq, or } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { payments, retainerMonths, retainers } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { parisDay } from "@/lib/dates";
import { isUuidLike } from "@/lib/ids";
import { fund } from "@/lib/payments/events/checkout";
import { lockMilestone } from "@/lib/payments/context";
import type { PaymentProvider, ProviderEvent } from "@/lib/payments/provider/types";
import { notifyRetainer } from "./notify";

/** A declined month is tried again this many days later, up to MAX_CHARGE_ATTEMPTS attempts; then the retainer is suspended. */
export const RETRY_DAYS = 3;
export const MAX_CHARGE_ATTEMPTS = 3;

/**
 * payment_intent.succeeded / payment_intent.payment_failed of a retainer month's off-session
 * charge. The intent is re-read from the provider, so a replay or an event out of order leads to
 * the same state. Success funds the month's milestone like a checkout (ledger, receipt) and holds
 * the money until the month ends; a refusal schedules a retry or, after the last attempt,
 * suspends the retainer. Intents that are not a retainer's (a checkout's) are left to their handler.
 */
export async function handleRetainerIntentEvent(tx: Transaction, provider: PaymentProvider, event: ProviderEvent): Promise<string> {
  const object = event.data.object;
  const metadata = (object.metadata ?? {}) as Record<string, unknown>;
  const paymentId = typeof metadata.paymentId === "string" && isUuidLike(metadata.paymentId) ? metadata.paymentId : null;
  const [found] = await tx
    .select({ id: payments.id, milestoneId: payments.milestoneId })
    .from(payments)
    .where(paymentId ? or(eq(payments.id, paymentId), eq(payments.paymentIntentId, object.id)) : eq(payments.paymentIntentId, object.id));
  if (!found) return "ignored: unknown intent";
  const [owner] = await tx.select({ id: retainerMonths.id }).from(retainerMonths).where(eq(retainerMonths.paymentId, found.id));
  if (!owner) return "ignored: not a retainer charge";
  const context = await lockMilestone(tx, found.milestoneId); // milestone first, like every money move
  const [payment] = await tx.select().from(payments).where(eq(payments.id, found.id)).for("update");
  const [month] = await tx.select().from(retainerMonths).where(eq(retainerMonths.id, owner.id)).for("update");
  if (!context || !payment || !month) return "ignored: vanished";
  const intent = await provider.retrievePaymentIntent(object.id);
  const now = new Date();
  const period = { start: month.periodStart, end: month.periodEnd };

  if (intent.status === "succeeded") {
    if (payment.status === "succeeded") return "ignored: already funded";
    const outcome = await fund(tx, context, payment, { intentId: intent.id, received: intent.amountReceived, chargeId: intent.latestChargeId, method: intent.paymentMethodType });
    if (!outcome.startsWith("funded")) return outcome;
    await tx.update(retainerMonths).set({ status: "held", chargedAt: now, failureCode: null, updatedAt: now }).where(eq(retainerMonths.id, month.id));
    await notifyRetainer(tx, context.contract, { event: "monthCharged", audiences: ["client"], period, amountCents: payment.amountCents, key: payment.id });
    return `retainer month held (${outcome})`;
  }
  if (intent.status !== "requires_payment_method" && intent.status !== "canceled") {
    await tx.update(payments).set({ paymentIntentId: intent.id, updatedAt: now }).where(eq(payments.id, payment.id));
    return `ignored: intent ${intent.status}`;
  }
  if (payment.status === "failed" || payment.status === "succeeded") return `ignored: payment already ${payment.status}`;
  await tx.update(payments).set({ status: "failed", paymentIntentId: intent.id, updatedAt: now }).where(eq(payments.id, payment.id));
  const code = typeof (object.last_payment_error as { code?: unknown } | null)?.code === "string" ? String((object.last_payment_error as { code: string }).code) : "declined";
  if (month.attempts >= MAX_CHARGE_ATTEMPTS) {
    await tx.update(retainerMonths).set({ status: "failed", failureCode: code, nextAttemptAt: null, updatedAt: now }).where(eq(retainerMonths.id, month.id));
    await tx.update(retainers).set({ status: "suspended", suspendedAt: now, updatedAt: now }).where(eq(retainers.contractId, month.contractId));
    await notifyRetainer(tx, context.contract, { event: "suspended", audiences: ["client", "expert"], period, amountCents: payment.amountCents, key: payment.id });
    await recordAudit(tx, { actorId: null, action: "retainer.suspended", subjectType: "contract", subjectId: month.contractId, fromStatus: "active", toStatus: "suspended", data: { monthId: month.id, attempts: month.attempts } });
    return "retainer suspended";
  }
  // From the attempt's own time (the billing run's clock), not the event's arrival.
  const nextAttemptAt = new Date(month.updatedAt.getTime() + RETRY_DAYS * 86_400_000);
  await tx.update(retainerMonths).set({ status: "failed", failureCode: code, nextAttemptAt, updatedAt: now }).where(eq(retainerMonths.id, month.id));
  await notifyRetainer(tx, context.contract, { event: "chargeFailed", audiences: ["client"], period, amountCents: payment.amountCents, date: parisDay(nextAttemptAt), key: payment.id });
  await recordAudit(tx, { actorId: null, action: "retainer.charge_failed", subjectType: "contract", subjectId: month.contractId, fromStatus: "charging", toStatus: "failed", data: { monthId: month.id, attempt: month.attempts, code } });
  return "retainer charge failed, retry scheduled";
}
