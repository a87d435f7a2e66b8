import "server-only";
import { eq } from "drizzle-orm";
import { db, type Transaction } from "@/db/client";
import { stripeEvents } from "@/db/schema";
import { freezeForChargeback } from "@/lib/payments/disputes";
import { paymentProvider } from "@/lib/payments/provider";
import type { PaymentProvider, ProviderEvent } from "@/lib/payments/provider/types";
import { handleAccountUpdated } from "./account";
import { handleCheckoutEvent } from "./checkout";
import { handleRetainerIntentEvent } from "@/lib/retainers/charge-events";
import { handleMandateUpdatedEvent, handleSetupFailedEvent, handleSetupSessionEvent } from "@/lib/retainers/setup-events";

const text = (value: unknown): string | null => (typeof value === "string" ? value : value && typeof value === "object" && "id" in value ? String(value.id) : null);

async function handle(tx: Transaction, provider: PaymentProvider, event: ProviderEvent): Promise<string> {
  if (event.type.startsWith("checkout.session.")) {
    // A session in setup mode saves a payment method (a retainer's); in payment mode it funds a milestone.
    return event.data.object.mode === "setup" ? handleSetupSessionEvent(tx, provider, event) : handleCheckoutEvent(tx, provider, event);
  }
  if (event.type === "setup_intent.setup_failed") return handleSetupFailedEvent(tx, provider, event);
  if (event.type === "mandate.updated") return handleMandateUpdatedEvent(tx, provider, event);
  if (event.type === "account.updated") return handleAccountUpdated(tx, provider, event);
  if (event.type === "payment_intent.succeeded" || event.type === "payment_intent.payment_failed") return handleRetainerIntentEvent(tx, provider, event);
  if (event.type === "charge.dispute.created") {
    const dispute = event.data.object;
    return freezeForChargeback(tx, {
      disputeId: dispute.id,
      paymentIntentId: text(dispute.payment_intent),
      chargeId: text(dispute.charge),
      reason: typeof dispute.reason === "string" ? dispute.reason : "unknown",
    });
  }
  return `ignored: ${event.type}`;
}

/**
 * Worker: applies one recorded event. The event row is locked and marked processed in the same
 * transaction as its effect, so a replayed or concurrent delivery changes nothing.
 */
export async function processProviderEvent(eventId: string, provider: PaymentProvider = paymentProvider()): Promise<string> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(stripeEvents).where(eq(stripeEvents.id, eventId)).for("update");
    if (!row) return "unknown event";
    if (row.processedAt) return `already processed: ${row.outcome ?? ""}`;
    const outcome = await handle(tx, provider, row.payload as unknown as ProviderEvent);
    await tx.update(stripeEvents).set({ processedAt: new Date(), outcome }).where(eq(stripeEvents.id, eventId));
    return outcome;
  });
}
