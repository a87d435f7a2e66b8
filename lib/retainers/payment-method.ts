import "server-only";
import { and, desc, eq, isNotNull } from "drizzle-orm";
import { db, type Transaction } from "@/db/client";
import { contracts, retainerPaymentSetups, retainers, type RetainerPaymentSetup } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { loadContractFor } from "@/lib/contracts/access";
import { appUrl } from "@/lib/http/app-url";
import { paymentProvider } from "@/lib/payments/provider";
import type { PaymentProvider } from "@/lib/payments/provider/types";
import { fail, ok, type Result } from "@/lib/result";

export type PaymentMethodKind = "sepa_debit" | "card";
export type StartPaymentMethodError = "not_retainer" | "ended" | "provider_unavailable";

/** Customers made by test mode are unknown to Stripe, and the reverse. */
const TEST_CUSTOMER_PREFIX = "cus_test_local_";
const fitsProvider = (customerId: string, provider: PaymentProvider) => customerId.startsWith(TEST_CUSTOMER_PREFIX) === (provider.mode === "test");

/** The Stripe customer the organisation already has, saved on one of its retainers or setups, if any. */
async function customerOfOrganization(tx: Transaction, organizationId: string, provider: PaymentProvider): Promise<string | null> {
  const saved = await tx
    .select({ id: retainers.stripeCustomerId })
    .from(retainers)
    .innerJoin(contracts, eq(contracts.id, retainers.contractId))
    .where(and(eq(contracts.organizationId, organizationId), isNotNull(retainers.stripeCustomerId)))
    .orderBy(desc(retainers.updatedAt));
  const made = await tx
    .select({ id: retainerPaymentSetups.stripeCustomerId })
    .from(retainerPaymentSetups)
    .where(and(eq(retainerPaymentSetups.organizationId, organizationId), isNotNull(retainerPaymentSetups.stripeCustomerId)))
    .orderBy(desc(retainerPaymentSetups.createdAt));
  return [...saved, ...made].map((row) => row.id).find((id): id is string => id !== null && fitsProvider(id, provider)) ?? null;
}

/**
 * Step 1, in one transaction under the retainer's lock: a member of the client organisation asks
 * to save a SEPA mandate or a card; the request is recorded (`creating`) with the organisation's
 * customer when it has one. No provider call here.
 */
async function recordSetup(actor: Actor | null, input: { contractId: string; kind: PaymentMethodKind }, provider: PaymentProvider): Promise<Result<RetainerPaymentSetup, StartPaymentMethodError>> {
  return db.transaction(async (tx) => {
    const { contract, side } = await loadContractFor(tx, actor, input.contractId, { lock: true });
    if (side !== "client" || !actor) throw new PolicyError("forbidden");
    if (input.kind !== "sepa_debit" && input.kind !== "card") throw new PolicyError("forbidden");
    const [retainer] = await tx.select().from(retainers).where(eq(retainers.contractId, contract.id)).for("update");
    if (!retainer) return fail("not_retainer");
    if (retainer.status === "ended" || contract.status === "cancelled" || contract.status === "completed") return fail("ended");
    const customerId = await customerOfOrganization(tx, contract.organizationId, provider);
    const [setup] = await tx
      .insert(retainerPaymentSetups)
      .values({ contractId: contract.id, organizationId: contract.organizationId, requestedBy: actor.id, kind: input.kind, stripeCustomerId: customerId })
      .returning();
    if (!setup) throw new Error("Setup insert returned nothing");
    await recordAudit(tx, { actorId: actor.id, action: "retainer.payment_method_requested", subjectType: "contract", subjectId: contract.id, data: { kind: input.kind, setupId: setup.id } });
    return ok(setup);
  });
}

/**
 * A member of the client organisation saves the payment method a retainer's months are charged
 * to: a SEPA Direct Debit mandate or a card. The request is recorded and committed; then, with an
 * idempotency key from its row, the organisation's Stripe customer is made if it has none, and a
 * Checkout session in setup mode is opened, where the client is sent. The method is saved on the
 * retainer only when the verified `checkout.session.completed` event says so (setup-events.ts).
 * Test mode opens its local page instead of Stripe's.
 */
export async function startRetainerPaymentMethodSetup(
  actor: Actor | null,
  input: { contractId: string; kind: PaymentMethodKind },
  provider: PaymentProvider = paymentProvider(),
): Promise<Result<{ url: string }, StartPaymentMethodError>> {
  const recorded = await recordSetup(actor, input, provider);
  if (!recorded.ok) return recorded;
  const setup = recorded.value;
  const [contract] = await db.select({ facts: contracts.facts }).from(contracts).where(eq(contracts.id, setup.contractId));
  const base = appUrl(`/contracts/${setup.contractId}`);
  try {
    let customerId = setup.stripeCustomerId;
    if (!customerId) {
      const customer = await provider.createCustomer({
        organizationId: setup.organizationId,
        name: contract?.facts.client.legalName ?? "",
        email: actor?.email ?? "",
        idempotencyKey: `retainer-customer:${setup.id}`,
      });
      customerId = customer.id;
      await db.update(retainerPaymentSetups).set({ stripeCustomerId: customerId, updatedAt: new Date() }).where(eq(retainerPaymentSetups.id, setup.id));
    }
    const session = await provider.createSetupSession({
      customerId,
      kind: setup.kind,
      locale: actor?.locale === "en" ? "en" : "fr",
      successUrl: `${base}?setup=${setup.id}`,
      cancelUrl: `${base}?setup=cancelled`,
      contractId: setup.contractId,
      setupId: setup.id,
      idempotencyKey: `retainer-setup:${setup.id}`,
    });
    if (!session.url) throw new Error(`Setup session ${session.id} has no URL`);
    await db
      .update(retainerPaymentSetups)
      .set({ checkoutSessionId: session.id, status: "open", updatedAt: new Date() })
      .where(and(eq(retainerPaymentSetups.id, setup.id), eq(retainerPaymentSetups.status, "creating")));
    return ok({ url: session.url });
  } catch (error) {
    console.error(`[retainers] payment method setup ${setup.id} could not be opened`, error);
    return fail("provider_unavailable");
  }
}
