import "server-only";
import { and, eq, isNull, or } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { contracts, retainerMonths, retainerPaymentSetups, retainers, type RetainerPaymentSetup } from "@/db/schema";
import { queueJob } from "@/lib/background/queue";
import { recordAudit } from "@/lib/audit/record";
import { isUuidLike } from "@/lib/ids";
import type { PaymentProvider, ProviderEvent } from "@/lib/payments/provider/types";
import { notifyRetainer } from "./notify";

/** Worker task run once a payment method is saved: makes it the customer's default, then charges the months it failed to pay. */
export const RETAINER_METHOD_TASK = "retainer_payment_method_saved";

/** Our setup row, locked: by the session (or setup intent) it opened, or by the id its metadata names when the result was never recorded. */
async function lockSetup(tx: Transaction, by: { sessionId?: string; setupIntentId?: string; setupId: string | null }): Promise<RetainerPaymentSetup | null> {
  const named = by.setupId && isUuidLike(by.setupId) ? eq(retainerPaymentSetups.id, by.setupId) : undefined;
  const ours = by.sessionId
    ? or(eq(retainerPaymentSetups.checkoutSessionId, by.sessionId), named ? and(named, isNull(retainerPaymentSetups.checkoutSessionId)) : undefined)
    : or(by.setupIntentId ? eq(retainerPaymentSetups.setupIntentId, by.setupIntentId) : undefined, named);
  const [setup] = await tx.select().from(retainerPaymentSetups).where(ours).for("update");
  return setup ?? null;
}

async function refuseOtherContract(tx: Transaction, setup: RetainerPaymentSetup, claimed: string | null, objectId: string): Promise<string> {
  await recordAudit(tx, { actorId: null, action: "retainer.setup_mismatch", subjectType: "contract", subjectId: setup.contractId, data: { setupId: setup.id, claimedContractId: claimed, objectId } });
  return "ignored: the session names another contract";
}

/**
 * checkout.session.* of a session in setup mode. The session and its setup intent are re-read
 * from the provider; when the intent succeeded, its payment method (and SEPA mandate) is saved
 * on the retainer, a suspended retainer runs again, its failed months are due again, and a job
 * makes the method the customer's default and charges them (no provider write in this
 * transaction). A replay, another contract's session, or a retainer that has ended change nothing.
 */
export async function handleSetupSessionEvent(tx: Transaction, provider: PaymentProvider, event: ProviderEvent): Promise<string> {
  const session = await provider.retrieveSetupSession(event.data.object.id);
  const setup = await lockSetup(tx, { sessionId: session.id, setupId: session.setupId });
  if (!setup) return "ignored: unknown setup session";
  if (session.contractId !== setup.contractId) return refuseOtherContract(tx, setup, session.contractId, session.id);
  if (setup.status === "complete" || setup.status === "ignored" || setup.status === "expired") return `ignored: setup already ${setup.status}`;
  const now = new Date();
  const found = { checkoutSessionId: session.id, updatedAt: now };
  if (session.status === "expired") {
    await tx.update(retainerPaymentSetups).set({ ...found, status: "expired" }).where(eq(retainerPaymentSetups.id, setup.id));
    return "setup expired";
  }
  if (session.status !== "complete" || !session.setupIntentId) return "ignored: session still open";
  const intent = await provider.retrieveSetupIntent(session.setupIntentId);
  const kind = intent.paymentMethodType === "sepa_debit" || intent.paymentMethodType === "card" ? intent.paymentMethodType : null;
  if (intent.status !== "succeeded" || !intent.paymentMethodId || !kind) return `ignored: setup intent ${intent.status}`;

  const [retainer] = await tx.select().from(retainers).where(eq(retainers.contractId, setup.contractId)).for("update");
  const [contract] = await tx.select().from(contracts).where(eq(contracts.id, setup.contractId));
  if (!retainer || !contract) return "ignored: no retainer";
  const done = { ...found, setupIntentId: intent.id, paymentMethodId: intent.paymentMethodId };
  if (retainer.status === "ended" || contract.status === "cancelled" || contract.status === "completed") {
    await tx.update(retainerPaymentSetups).set({ ...done, status: "ignored" }).where(eq(retainerPaymentSetups.id, setup.id));
    await recordAudit(tx, { actorId: null, action: "retainer.payment_method_ignored", subjectType: "contract", subjectId: setup.contractId, data: { setupId: setup.id, retainer: retainer.status, contract: contract.status } });
    return "ignored: retainer ended";
  }
  await tx.update(retainerPaymentSetups).set({ ...done, status: "complete", failureCode: null }).where(eq(retainerPaymentSetups.id, setup.id));
  const reactivate = retainer.status === "suspended";
  await tx
    .update(retainers)
    .set({
      stripeCustomerId: session.customerId ?? intent.customerId ?? setup.stripeCustomerId,
      paymentMethodId: intent.paymentMethodId,
      paymentMethodKind: kind,
      mandateId: kind === "sepa_debit" ? intent.mandateId : null,
      ...(reactivate ? { status: "active" as const, suspendedAt: null } : {}),
      updatedAt: now,
    })
    .where(eq(retainers.contractId, setup.contractId));
  // The months the old method failed to pay are charged again with the new one, now.
  await tx.update(retainerMonths).set({ nextAttemptAt: now, updatedAt: now }).where(and(eq(retainerMonths.contractId, setup.contractId), eq(retainerMonths.status, "failed")));
  await queueJob(tx, RETAINER_METHOD_TASK, { contractId: setup.contractId }, { key: `retainer-method:${setup.contractId}`, maxAttempts: 10 });
  await recordAudit(tx, { actorId: null, action: "retainer.payment_method_saved", subjectType: "contract", subjectId: setup.contractId, data: { kind, setupId: setup.id, mandateId: intent.mandateId } });
  if (reactivate) await recordAudit(tx, { actorId: null, action: "retainer.reactivated", subjectType: "contract", subjectId: setup.contractId, fromStatus: "suspended", toStatus: "active" });
  await notifyRetainer(tx, contract, { event: "paymentMethodSaved", audiences: ["client"], key: setup.id });
  return reactivate ? "payment method saved, retainer reactivated" : "payment method saved";
}

/**
 * setup_intent.setup_failed: the card or the bank refused the method (a SEPA mandate refused
 * after the page). The setup is marked failed and the client told; the retainer keeps the method
 * it had. Intents that are not a retainer setup's are ignored.
 */
export async function handleSetupFailedEvent(tx: Transaction, provider: PaymentProvider, event: ProviderEvent): Promise<string> {
  const intent = await provider.retrieveSetupIntent(event.data.object.id);
  const setup = await lockSetup(tx, { setupIntentId: intent.id, setupId: intent.setupId });
  if (!setup) return "ignored: unknown setup intent";
  if (intent.contractId !== setup.contractId) return refuseOtherContract(tx, setup, intent.contractId, intent.id);
  if (intent.status === "succeeded") return "ignored: setup intent succeeded";
  if (setup.status === "complete" || setup.status === "ignored" || setup.status === "expired") return `ignored: setup already ${setup.status}`;
  if (setup.status === "failed" && setup.setupIntentId === intent.id) return "ignored: failure already recorded";
  const [contract] = await tx.select().from(contracts).where(eq(contracts.id, setup.contractId));
  if (!contract) return "ignored: no contract";
  const code = intent.errorCode ?? "setup_failed";
  await tx.update(retainerPaymentSetups).set({ status: "failed", setupIntentId: intent.id, failureCode: code, updatedAt: new Date() }).where(eq(retainerPaymentSetups.id, setup.id));
  await recordAudit(tx, { actorId: null, action: "retainer.payment_method_failed", subjectType: "contract", subjectId: setup.contractId, data: { setupId: setup.id, code } });
  await notifyRetainer(tx, contract, { event: "paymentMethodFailed", audiences: ["client"], key: intent.id });
  return "payment method setup failed";
}

/**
 * mandate.updated: a SEPA mandate saved on a retainer became inactive (the bank refused it after
 * the page, or the client revoked it). The mandate is re-read from the provider; the retainer
 * forgets the method (no month is charged to it any more) and the client is asked for another.
 */
export async function handleMandateUpdatedEvent(tx: Transaction, provider: PaymentProvider, event: ProviderEvent): Promise<string> {
  const mandate = await provider.retrieveMandate(event.data.object.id);
  const [retainer] = await tx.select().from(retainers).where(eq(retainers.mandateId, mandate.id)).for("update");
  if (!retainer) return "ignored: not a retainer's mandate";
  if (mandate.status !== "inactive") return `ignored: mandate ${mandate.status}`;
  const [contract] = await tx.select().from(contracts).where(eq(contracts.id, retainer.contractId));
  if (!contract) return "ignored: no contract";
  await tx.update(retainers).set({ paymentMethodId: null, paymentMethodKind: null, mandateId: null, updatedAt: new Date() }).where(eq(retainers.contractId, retainer.contractId));
  await recordAudit(tx, { actorId: null, action: "retainer.mandate_inactive", subjectType: "contract", subjectId: retainer.contractId, data: { mandateId: mandate.id, paymentMethodId: retainer.paymentMethodId } });
  if (retainer.status !== "ended") await notifyRetainer(tx, contract, { event: "paymentMethodFailed", audiences: ["client"], key: mandate.id });
  return "mandate inactive: payment method removed";
}
