import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { stripeProvider } from "@/lib/payments/provider/stripe";
import type { PaymentProvider } from "@/lib/payments/provider/types";
import { startFakeStripe, type FakeStripe } from "../../helpers/fake-stripe";

let fake: FakeStripe;
let provider: PaymentProvider;
const saved = { ...process.env };

beforeAll(async () => {
  fake = await startFakeStripe();
  process.env.STRIPE_SECRET_KEY = "sk_test_compagnon_fake";
  process.env.STRIPE_WEBHOOK_SECRET = "whsec_compagnon_fake";
  process.env.STRIPE_API_BASE = fake.url;
  resetEnvCache();
  provider = stripeProvider();
});

afterAll(async () => {
  for (const key of ["STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "STRIPE_API_BASE"] as const) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
  resetEnvCache();
  await fake.close();
});

beforeEach(() => {
  fake.requests.length = 0;
});

const lastRequest = () => fake.requests.at(-1)!;

async function connectedAccount(userId = crypto.randomUUID()) {
  const { id } = await provider.createExpressAccount({ userId, email: `${userId}@example.test`, idempotencyKey: `account:${userId}` });
  fake.setAccount(id, { payouts_enabled: true, details_submitted: true, capabilities: { transfers: "active" }, requirements: { currently_due: [] } });
  return id;
}

function checkoutInput(paymentId = crypto.randomUUID()) {
  return {
    paymentId,
    milestoneId: "m-1",
    contractId: "c-1",
    amountCents: 123_456,
    description: "Jalon 1 — Installation (contrat « Réseau »)",
    customerEmail: "client@example.test",
    locale: "fr" as const,
    successUrl: "http://localhost:3000/contracts/c-1?paid=1",
    cancelUrl: "http://localhost:3000/contracts/c-1",
    expiresAt: Math.floor(Date.now() / 1000) + 3600,
    idempotencyKey: `checkout:${paymentId}`,
  };
}

async function paidIntent(amountCents = 50_000) {
  const session = await provider.createCheckoutSession({ ...checkoutInput(), amountCents });
  return fake.payCheckoutSession(session.id, "card");
}

describe("stripeProvider configuration", () => {
  it("is memoised per key and base, and talks to STRIPE_API_BASE with the SDK's pinned API version", async () => {
    expect(stripeProvider()).toBe(provider);
    expect(provider.mode).toBe("stripe");
    await provider.createExpressAccount({ userId: "u-conf", email: "conf@example.test", idempotencyKey: "account:u-conf" });
    const { headers } = lastRequest();
    expect(headers["stripe-version"]).toBe(Stripe.API_VERSION);
    expect(headers.authorization).toBe("Bearer sk_test_compagnon_fake");
    expect(headers["user-agent"]).toContain("Compagnon");

    process.env.STRIPE_API_BASE = "http://127.0.0.1:1";
    resetEnvCache();
    expect(stripeProvider()).not.toBe(provider);
    process.env.STRIPE_API_BASE = fake.url;
    resetEnvCache();
  });
});

describe("connected accounts", () => {
  it("creates a French Express recipient account that only receives transfers", async () => {
    const { id } = await provider.createExpressAccount({ userId: "u-1", email: "expert@example.test", idempotencyKey: "account:u-1" });
    expect(id).toMatch(/^acct_/);
    const request = lastRequest();
    expect(request).toMatchObject({ method: "POST", path: "/v1/accounts", idempotencyKey: "account:u-1" });
    expect(request.body).toEqual({
      country: "FR",
      email: "expert@example.test",
      controller: { stripe_dashboard: { type: "express" }, fees: { payer: "application" }, losses: { payments: "application" }, requirement_collection: "stripe" },
      capabilities: { transfers: { requested: "true" } },
      tos_acceptance: { service_agreement: "recipient" },
      metadata: { userId: "u-1" },
    });
  });

  it("returns the same account for a repeated idempotency key, and refuses the key with other parameters", async () => {
    const first = await provider.createExpressAccount({ userId: "u-2", email: "a@example.test", idempotencyKey: "account:u-2" });
    const count = fake.objects.size;
    const again = await provider.createExpressAccount({ userId: "u-2", email: "a@example.test", idempotencyKey: "account:u-2" });
    expect(again.id).toBe(first.id);
    expect(fake.objects.size).toBe(count);
    await expect(provider.createExpressAccount({ userId: "u-2", email: "other@example.test", idempotencyKey: "account:u-2" })).rejects.toBeInstanceOf(
      Stripe.errors.StripeIdempotencyError,
    );
  });

  it("creates onboarding and dashboard links", async () => {
    const { id } = await provider.createExpressAccount({ userId: "u-3", email: "b@example.test", idempotencyKey: "account:u-3" });
    const onboarding = await provider.createAccountLink(id, { refreshUrl: "http://localhost:3000/r", returnUrl: "http://localhost:3000/done" });
    expect(onboarding.url).toMatch(/^https:\/\/connect\.stripe\.com\//);
    expect(lastRequest()).toMatchObject({
      path: "/v1/account_links",
      body: { account: id, type: "account_onboarding", refresh_url: "http://localhost:3000/r", return_url: "http://localhost:3000/done" },
    });
    const login = await provider.createLoginLink(id);
    expect(login.url).toMatch(/^https:\/\//);
    expect(lastRequest()).toMatchObject({ method: "POST", path: `/v1/accounts/${id}/login_links` });
  });

  it("reads payouts, details and what is still due", async () => {
    const { id } = await provider.createExpressAccount({ userId: "u-4", email: "c@example.test", idempotencyKey: "account:u-4" });
    expect(await provider.retrieveAccount(id)).toEqual({
      id,
      payoutsEnabled: false,
      detailsSubmitted: false,
      requirementsDue: ["business_type", "external_account", "tos_acceptance.date", "tos_acceptance.ip"],
    });
    fake.setAccount(id, { payouts_enabled: true, details_submitted: true, requirements: { currently_due: [] } });
    expect(await provider.retrieveAccount(id)).toEqual({ id, payoutsEnabled: true, detailsSubmitted: true, requirementsDue: [] });
    await expect(provider.retrieveAccount("acct_unknown")).rejects.toMatchObject({ type: "StripeInvalidRequestError", statusCode: 404 });
  });
});

describe("checkout sessions", () => {
  it("creates a one-hour EUR session for the milestone, grouped by contract, card and SEPA allowed", async () => {
    const input = checkoutInput("p-1");
    const before = Math.floor(Date.now() / 1000);
    const session = await provider.createCheckoutSession(input);
    const request = lastRequest();
    expect(request).toMatchObject({ method: "POST", path: "/v1/checkout/sessions", idempotencyKey: "checkout:p-1" });
    const metadata = { paymentId: "p-1", milestoneId: "m-1", contractId: "c-1" };
    expect(request.body).toMatchObject({
      mode: "payment",
      allowed_payment_method_types: ["card", "sepa_debit"],
      line_items: [{ quantity: "1", price_data: { currency: "eur", unit_amount: "123456", product_data: { name: input.description } } }],
      payment_intent_data: { transfer_group: "c-1", metadata },
      metadata,
      client_reference_id: "p-1",
      customer_email: "client@example.test",
      locale: "fr",
      success_url: input.successUrl,
      cancel_url: input.cancelUrl,
    });
    expect(Number(request.body.expires_at) - before).toBeGreaterThanOrEqual(3600);
    expect(Number(request.body.expires_at) - before).toBeLessThan(3600 + 30);
    expect(session).toMatchObject({ status: "open", paymentStatus: "unpaid", paymentIntentId: null, amountTotal: 123_456, paymentId: "p-1" });
    expect(session.id).toMatch(/^cs_test_/);
    expect(session.url).toMatch(/^https:\/\/checkout\.stripe\.com\//);
    expect(session.expiresAt.getTime()).toBe(Number(request.body.expires_at) * 1000);

    const again = await provider.createCheckoutSession(input);
    expect(again.id).toBe(session.id);
  });

  it("reads a paid session and its payment intent, whether Stripe sends ids or expanded objects", async () => {
    const session = await provider.createCheckoutSession(checkoutInput("p-2"));
    const paid = fake.payCheckoutSession(session.id, "card");
    const read = await provider.retrieveCheckoutSession(session.id);
    expect(read).toMatchObject({ status: "complete", paymentStatus: "paid", paymentIntentId: paid.paymentIntent.id, paymentId: "p-2" });
    expect(paid.paymentIntent).toMatchObject({ transfer_group: "c-1", metadata: { paymentId: "p-2" } });

    const intent = await provider.retrievePaymentIntent(paid.paymentIntent.id);
    expect(lastRequest()).toMatchObject({ method: "GET", path: `/v1/payment_intents/${paid.paymentIntent.id}`, query: { expand: ["payment_method"] } });
    expect(intent).toEqual({ id: paid.paymentIntent.id, amount: 123_456, amountReceived: 123_456, status: "succeeded", latestChargeId: paid.charge.id, paymentMethodType: "card" });

    fake.setCheckoutSession(session.id, { payment_intent: { id: paid.paymentIntent.id, object: "payment_intent" } });
    fake.setPaymentIntent(paid.paymentIntent.id, { latest_charge: { id: paid.charge.id, object: "charge" } });
    expect((await provider.retrieveCheckoutSession(session.id)).paymentIntentId).toBe(paid.paymentIntent.id);
    expect((await provider.retrievePaymentIntent(paid.paymentIntent.id)).latestChargeId).toBe(paid.charge.id);
  });

  it("reads a SEPA payment as processing until it settles", async () => {
    const session = await provider.createCheckoutSession(checkoutInput("p-3"));
    const { paymentIntent } = fake.payCheckoutSession(session.id, "sepa_debit");
    expect(await provider.retrieveCheckoutSession(session.id)).toMatchObject({ status: "complete", paymentStatus: "unpaid" });
    expect(await provider.retrievePaymentIntent(paymentIntent.id)).toMatchObject({ status: "processing", amountReceived: 0, paymentMethodType: "sepa_debit" });
    fake.setPaymentIntent(paymentIntent.id, { status: "succeeded", amount_received: 123_456 });
    fake.setCheckoutSession(session.id, { payment_status: "paid" });
    expect(await provider.retrieveCheckoutSession(session.id)).toMatchObject({ paymentStatus: "paid" });
    expect(await provider.retrievePaymentIntent(paymentIntent.id)).toMatchObject({ status: "succeeded", amountReceived: 123_456 });
  });

  it("expires an open session; one already complete is read back as it is", async () => {
    const open = await provider.createCheckoutSession(checkoutInput("p-5"));
    expect(await provider.expireCheckoutSession(open.id)).toMatchObject({ id: open.id, status: "expired", url: null });
    expect(lastRequest()).toMatchObject({ method: "POST", path: `/v1/checkout/sessions/${open.id}/expire` });
    const paid = await provider.createCheckoutSession(checkoutInput("p-6"));
    fake.payCheckoutSession(paid.id, "card");
    expect(await provider.expireCheckoutSession(paid.id)).toMatchObject({ id: paid.id, status: "complete", paymentStatus: "paid" });
    await expect(provider.expireCheckoutSession("cs_test_unknown")).rejects.toMatchObject({ statusCode: 404 });
  });

  it("reads an expired session, and fails on unknown ids", async () => {
    const session = await provider.createCheckoutSession(checkoutInput("p-4"));
    fake.setCheckoutSession(session.id, { status: "expired", url: null });
    expect(await provider.retrieveCheckoutSession(session.id)).toMatchObject({ status: "expired", url: null, paymentIntentId: null });
    await expect(provider.retrieveCheckoutSession("cs_test_unknown")).rejects.toMatchObject({ statusCode: 404 });
    await expect(provider.retrievePaymentIntent("pi_unknown")).rejects.toMatchObject({ statusCode: 404 });
  });
});

describe("transfers", () => {
  it("transfers from the charge to the expert's account, once per idempotency key", async () => {
    const destination = await connectedAccount();
    const { charge } = await paidIntent(50_000);
    const input = {
      amountCents: 45_000,
      destinationAccountId: destination,
      transferGroup: "c-1",
      sourceChargeId: charge.id,
      description: "Jalon 1",
      metadata: { transferId: "t-1", milestoneId: "m-1" },
      idempotencyKey: "transfer:t-1",
    };
    const transfer = await provider.createTransfer(input);
    expect(transfer).toEqual({ id: expect.stringMatching(/^tr_/), amount: 45_000, destination, reversed: false });
    expect(lastRequest()).toMatchObject({
      path: "/v1/transfers",
      idempotencyKey: "transfer:t-1",
      body: { amount: "45000", currency: "eur", destination, transfer_group: "c-1", source_transaction: charge.id, description: "Jalon 1", metadata: input.metadata },
    });
    expect((await provider.createTransfer(input)).id).toBe(transfer.id);
    expect(await provider.retrieveTransfer(transfer.id)).toEqual(transfer);
    expect([...fake.objects.values()].filter((o) => o.object === "transfer" && o.metadata.transferId === "t-1")).toHaveLength(1);
  });

  it("sends no source_transaction without a charge, and surfaces Stripe's refusal", async () => {
    const destination = await connectedAccount();
    const base = { amountCents: 1_000, transferGroup: "c-2", sourceChargeId: null, description: "x", metadata: {}, idempotencyKey: "transfer:t-2" };
    await provider.createTransfer({ ...base, destinationAccountId: destination });
    expect(lastRequest().body).not.toHaveProperty("source_transaction");
    await expect(provider.createTransfer({ ...base, destinationAccountId: "acct_unknown", idempotencyKey: "transfer:t-3" })).rejects.toMatchObject({
      type: "StripeInvalidRequestError",
      code: "resource_missing",
    });
  });

  it("retries a request whose answer was lost with the same key, and gets the first transfer back", async () => {
    const destination = await connectedAccount();
    fake.failNext(1, "after");
    const transfer = await provider.createTransfer({
      amountCents: 2_000,
      destinationAccountId: destination,
      transferGroup: "c-3",
      sourceChargeId: null,
      description: "x",
      metadata: { transferId: "t-4" },
      idempotencyKey: "transfer:t-4",
    });
    const sent = fake.requests.filter((r) => r.path === "/v1/transfers");
    expect(sent.map((r) => r.idempotencyKey)).toEqual(["transfer:t-4", "transfer:t-4"]);
    expect([...fake.objects.values()].filter((o) => o.object === "transfer" && o.metadata.transferId === "t-4").map((o) => o.id)).toEqual([transfer.id]);
  });
});

describe("refunds", () => {
  it("refunds part of a payment intent, once per idempotency key", async () => {
    const { paymentIntent } = await paidIntent(30_000);
    const input = { paymentIntentId: paymentIntent.id, amountCents: 10_000, metadata: { refundId: "r-1" }, idempotencyKey: "refund:r-1" };
    const refund = await provider.createRefund(input);
    expect(refund).toEqual({ id: expect.stringMatching(/^re_/), amount: 10_000, status: "succeeded" });
    expect(lastRequest()).toMatchObject({
      path: "/v1/refunds",
      idempotencyKey: "refund:r-1",
      body: { payment_intent: paymentIntent.id, amount: "10000", metadata: { refundId: "r-1" } },
    });
    expect((await provider.createRefund(input)).id).toBe(refund.id);
    expect(await provider.retrieveRefund(refund.id)).toEqual(refund);
    await expect(provider.createRefund({ ...input, amountCents: 25_000, idempotencyKey: "refund:r-2" })).rejects.toMatchObject({ code: "amount_too_large" });
  });
});
