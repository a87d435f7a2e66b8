import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, retainerMonths, retainerPaymentSetups, retainers, stripeEvents } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { appUrl } from "@/lib/http/app-url";
import { receiveWebhook } from "@/lib/payments/events/verify";
import { chargeRetainerMonth } from "@/lib/retainers/charge";
import { startRetainerPaymentMethodSetup } from "@/lib/retainers/payment-method";
import { applySavedPaymentMethod } from "@/lib/retainers/saved-method";
import { setUpFakeStripe } from "../../helpers/fake-stripe-env";
import { makeStripeEvent, signedWebhook } from "../../helpers/fake-stripe";
import { makeRetainerContract } from "../../helpers/retainers";

const SECRET = "whsec_retainer_setup";
const { stripe, deliver } = setUpFakeStripe(SECRET);

const retainerOf = async (contractId: string) => (await db.select().from(retainers).where(eq(retainers.contractId, contractId)))[0];
const setupsOf = (contractId: string) => db.select().from(retainerPaymentSetups).where(eq(retainerPaymentSetups.contractId, contractId)).orderBy(asc(retainerPaymentSetups.createdAt));

/** The client asks for a setup session; returns the session Stripe made. */
async function openSetup(owner: Actor, contractId: string, kind: "sepa_debit" | "card" = "sepa_debit") {
  const started = await startRetainerPaymentMethodSetup(owner, { contractId, kind });
  if (!started.ok) throw new Error(JSON.stringify(started));
  const [setup] = (await setupsOf(contractId)).slice(-1);
  if (!setup?.checkoutSessionId) throw new Error("no setup session recorded");
  expect(started.value.url).toBe(`https://checkout.stripe.com/c/pay/${setup.checkoutSessionId}`);
  return { setup, sessionId: setup.checkoutSessionId };
}

describe("saving a retainer's payment method with Stripe", () => {
  it("makes the organisation's customer and a setup-mode Checkout session, under keys from our row, with return URLs from APP_URL", async () => {
    const { owner, contractId } = await makeRetainerContract({ activate: true });
    stripe().requests.length = 0;
    const { setup } = await openSetup(owner, contractId);
    const [customer, session] = stripe().requests.filter((r) => r.method === "POST");
    expect(customer).toMatchObject({ path: "/v1/customers", idempotencyKey: `retainer-customer:${setup.id}`, body: { email: owner.email } });
    expect(session).toMatchObject({
      path: "/v1/checkout/sessions",
      idempotencyKey: `retainer-setup:${setup.id}`,
      body: {
        mode: "setup",
        currency: "eur",
        customer: setup.stripeCustomerId,
        allowed_payment_method_types: ["sepa_debit"],
        metadata: { contractId, setupId: setup.id },
        setup_intent_data: { metadata: { contractId, setupId: setup.id } },
        success_url: appUrl(`/contracts/${contractId}?setup=${setup.id}`),
        cancel_url: appUrl(`/contracts/${contractId}?setup=cancelled`),
      },
    });
    expect(setup.stripeCustomerId).toMatch(/^cus_/);

    // A second request (here: a card) reuses the organisation's customer.
    stripe().requests.length = 0;
    await openSetup(owner, contractId, "card");
    expect(stripe().requests.filter((r) => r.path === "/v1/customers")).toEqual([]);
  });

  it("saves the method and mandate from the verified event, once; makes it the default; a replay changes nothing", async () => {
    const { owner, contractId } = await makeRetainerContract({ activate: true });
    const { setup, sessionId } = await openSetup(owner, contractId);
    const { event, setupIntent } = stripe().completeSetupSession(sessionId);
    await deliver(event);
    const retainer = await retainerOf(contractId);
    expect(retainer).toMatchObject({ stripeCustomerId: setup.stripeCustomerId, paymentMethodId: setupIntent.payment_method, paymentMethodKind: "sepa_debit", mandateId: setupIntent.mandate });
    const [row] = await db.select().from(stripeEvents).where(eq(stripeEvents.id, event.id));
    expect(row?.outcome).toBe("payment method saved");

    // The same event again: acknowledged, not applied a second time.
    const { body, signature } = signedWebhook(event, SECRET);
    expect(await receiveWebhook(body, signature)).toEqual({ status: 200, recorded: false });
    // The same session in another event (Stripe may send one twice under two ids): ignored.
    await deliver(makeStripeEvent("checkout.session.completed", event.data.object));
    const saved = await db.select().from(auditLog).where(and(eq(auditLog.subjectId, contractId), eq(auditLog.action, "retainer.payment_method_saved")));
    expect(saved).toHaveLength(1);

    stripe().requests.length = 0;
    expect(await applySavedPaymentMethod(contractId)).toMatch(/^default set/);
    expect(stripe().requests.find((r) => r.method === "POST")).toMatchObject({
      path: `/v1/customers/${setup.stripeCustomerId}`,
      idempotencyKey: `default-method:${setupIntent.payment_method}`,
      body: { invoice_settings: { default_payment_method: setupIntent.payment_method } },
    });
    expect(stripe().objects.get(setup.stripeCustomerId!).invoice_settings.default_payment_method).toBe(setupIntent.payment_method);

    // The months are then charged off-session with that customer and method.
    const [month] = await db.select().from(retainerMonths).where(eq(retainerMonths.contractId, contractId));
    stripe().requests.length = 0;
    expect(await chargeRetainerMonth(month!.id, { now: new Date("2027-01-15T10:00:00Z") })).toBe("processing");
    expect(stripe().requests.find((r) => r.path === "/v1/payment_intents")?.body).toMatchObject({
      customer: setup.stripeCustomerId,
      payment_method: setupIntent.payment_method,
      off_session: "true",
      confirm: "true",
      currency: "eur",
    });
  });

  it("ignores a session whose metadata names another contract than the one it was opened for", async () => {
    const { owner, contractId } = await makeRetainerContract({ activate: true });
    const other = await makeRetainerContract({ activate: true });
    const { sessionId } = await openSetup(owner, contractId);
    stripe().setCheckoutSession(sessionId, { metadata: { contractId: other.contractId } });
    const { event } = stripe().completeSetupSession(sessionId);
    await deliver(event);
    const [row] = await db.select().from(stripeEvents).where(eq(stripeEvents.id, event.id));
    expect(row?.outcome).toBe("ignored: the session names another contract");
    expect((await retainerOf(contractId))?.paymentMethodId).toBeNull();
    expect((await retainerOf(other.contractId))?.paymentMethodId).toBeNull();
  });

  it("ignores safely a session completed after the retainer ended", async () => {
    const { owner, contractId } = await makeRetainerContract({ activate: true });
    const { sessionId } = await openSetup(owner, contractId, "card");
    await db.update(retainers).set({ status: "ended" }).where(eq(retainers.contractId, contractId));
    await deliver(stripe().completeSetupSession(sessionId).event);
    expect(await retainerOf(contractId)).toMatchObject({ paymentMethodId: null, status: "ended" });
    expect(await setupsOf(contractId)).toMatchObject([{ status: "ignored" }]);
  });

  it("records a refused SEPA mandate (setup_intent.setup_failed); the session can still be completed afterwards", async () => {
    const { owner, contractId } = await makeRetainerContract({ activate: true });
    const { sessionId } = await openSetup(owner, contractId);
    const failed = stripe().failSetupSession(sessionId);
    await deliver(failed.event);
    expect(await setupsOf(contractId)).toMatchObject([{ status: "failed", failureCode: "payment_method_provider_decline", setupIntentId: failed.setupIntent.id }]);
    await deliver(makeStripeEvent("setup_intent.setup_failed", failed.setupIntent));
    const [again] = await db.select().from(stripeEvents).where(eq(stripeEvents.type, "setup_intent.setup_failed")).orderBy(asc(stripeEvents.receivedAt)).offset(1);
    expect(again?.outcome).toBe("ignored: failure already recorded");
    await deliver(stripe().completeSetupSession(sessionId).event);
    expect(await setupsOf(contractId)).toMatchObject([{ status: "complete", failureCode: null }]);
    expect((await retainerOf(contractId))?.paymentMethodKind).toBe("sepa_debit");
  });

  it("forgets a SEPA method whose mandate the bank made inactive (mandate.updated), and tells the client", async () => {
    const { owner, contractId } = await makeRetainerContract({ activate: true });
    const { sessionId } = await openSetup(owner, contractId);
    const { setupIntent } = stripe().completeSetupSession(sessionId);
    await deliver(makeStripeEvent("checkout.session.completed", stripe().objects.get(sessionId)));
    expect((await retainerOf(contractId))?.mandateId).toBe(setupIntent.mandate);
    // Still active: nothing changes.
    await deliver(makeStripeEvent("mandate.updated", stripe().objects.get(setupIntent.mandate)));
    expect((await retainerOf(contractId))?.paymentMethodId).toBe(setupIntent.payment_method);
    const inactive = stripe().setMandate(setupIntent.mandate, { status: "inactive" });
    await deliver(makeStripeEvent("mandate.updated", inactive));
    expect(await retainerOf(contractId)).toMatchObject({ paymentMethodId: null, paymentMethodKind: null, mandateId: null });
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.subjectId, contractId), eq(auditLog.action, "retainer.mandate_inactive")));
    expect(audit).toHaveLength(1);
  });
});
