import "server-only";
import { and, eq, lte } from "drizzle-orm";
import { db } from "@/db/client";
import { retainerMonths, retainers } from "@/db/schema";
import { paymentProvider } from "@/lib/payments/provider";
import type { PaymentProvider } from "@/lib/payments/provider/types";
import { chargeRetainerMonth } from "./charge";

/**
 * Worker (RETAINER_METHOD_TASK), after a payment method was saved on a retainer: makes it the
 * customer's default at the provider (key from the method, so a retry sends the same request),
 * then charges at once the months the previous method failed to pay.
 */
export async function applySavedPaymentMethod(contractId: string, options: { now?: Date; provider?: PaymentProvider } = {}): Promise<string> {
  const provider = options.provider ?? paymentProvider();
  const now = options.now ?? new Date();
  const [retainer] = await db.select().from(retainers).where(eq(retainers.contractId, contractId));
  if (!retainer?.stripeCustomerId || !retainer.paymentMethodId) return "no payment method";
  await provider.setDefaultPaymentMethod({ customerId: retainer.stripeCustomerId, paymentMethodId: retainer.paymentMethodId, idempotencyKey: `default-method:${retainer.paymentMethodId}` });
  const due = await db
    .select({ id: retainerMonths.id })
    .from(retainerMonths)
    .where(and(eq(retainerMonths.contractId, contractId), eq(retainerMonths.status, "failed"), lte(retainerMonths.nextAttemptAt, now)));
  const outcomes = [];
  for (const { id } of due) outcomes.push(await chargeRetainerMonth(id, { now, provider }));
  return `default set; ${outcomes.length} month(s) charged again${outcomes.length ? ` (${outcomes.join(", ")})` : ""}`;
}
