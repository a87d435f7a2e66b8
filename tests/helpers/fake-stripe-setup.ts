import { makeId, makeStripeEvent, missing, now, stripeError, type Reply } from "./fake-stripe-wire";
import type { FakeStripeStore } from "./fake-stripe-objects";

/* eslint-disable @typescript-eslint/no-explicit-any -- Stripe objects are loose JSON here */

/**
 * The fake Stripe's customers, Checkout sessions in setup mode, setup intents and off-session
 * payment intents: Stripe-shaped objects and Stripe's refusals, and what a customer does on the
 * setup page (save the method, or have it refused), with the event Stripe would send.
 */
export function fakeStripeSetup({ get, store }: Pick<FakeStripeStore, "get" | "store">) {
  const setupData = new Map<string, Record<string, string>>();

  function createCustomer(body: Record<string, any>): Reply {
    const customer = { id: makeId("cus_"), object: "customer", created: now(), email: body.email ?? null, name: body.name ?? null, metadata: body.metadata ?? {}, invoice_settings: { default_payment_method: null }, livemode: false };
    return { status: 200, body: store(customer) };
  }

  function updateCustomer(id: string, body: Record<string, any>): Reply {
    const customer = get(id, "customer");
    if (!customer) return missing("customer", id, "customer");
    const method = body.invoice_settings?.default_payment_method;
    if (method !== undefined) {
      const found = get(method, "payment_method");
      if (!found) return missing("payment_method", method, "invoice_settings[default_payment_method]", 400);
      if (found.customer !== id) return stripeError(400, { code: "resource_missing", message: `The customer does not have a payment method with the ID ${method}. The payment method must be attached to the customer.` });
      customer.invoice_settings = { ...customer.invoice_settings, default_payment_method: method };
    }
    return { status: 200, body: customer };
  }

  function createSetupSession(body: Record<string, any>): Reply {
    if (body.payment_method_types) return stripeError(400, { param: "payment_method_types", message: "Received unknown parameter: payment_method_types" });
    if (!body.customer || !get(body.customer, "customer")) return missing("customer", body.customer ?? "", "customer", 400);
    const methods: string[] = body.allowed_payment_method_types ?? ["card"];
    if (methods.includes("sepa_debit") && body.currency !== "eur") return stripeError(400, { param: "currency", message: "sepa_debit requires currency eur in setup mode." });
    const session = store({
      id: makeId("cs_test_"),
      object: "checkout.session",
      allowed_payment_method_types: methods,
      cancel_url: body.cancel_url ?? null,
      client_reference_id: body.client_reference_id ?? null,
      created: now(),
      currency: body.currency ?? null,
      customer: body.customer,
      expires_at: now() + 86_400,
      livemode: false,
      locale: body.locale ?? null,
      metadata: body.metadata ?? {},
      mode: "setup",
      payment_intent: null,
      payment_method_types: methods,
      payment_status: "no_payment_required",
      setup_intent: null,
      status: "open",
      success_url: body.success_url ?? null,
      url: null,
    });
    session.url = `https://checkout.stripe.com/c/pay/${session.id}`;
    setupData.set(session.id, body.setup_intent_data?.metadata ?? {});
    return { status: 200, body: session };
  }

  /** An off-session charge of a saved method: a card succeeds at once, a SEPA debit is processing. */
  function createPaymentIntent(body: Record<string, any>): Reply {
    const method = get(body.payment_method, "payment_method");
    if (!method || method.customer !== body.customer) return missing("payment_method", body.payment_method ?? "", "payment_method", 400);
    const paid = method.type === "card";
    const id = makeId("pi_");
    const charge = paid ? store({ id: makeId("ch_"), object: "charge", amount: Number(body.amount), amount_refunded: 0, refunded: false, paid: true, status: "succeeded", payment_intent: id, payment_method: method.id, payment_method_details: { type: method.type }, created: now(), livemode: false }) : null;
    const intent = {
      id,
      object: "payment_intent",
      amount: Number(body.amount),
      amount_received: paid ? Number(body.amount) : 0,
      created: now(),
      currency: body.currency,
      customer: body.customer,
      latest_charge: charge?.id ?? null,
      livemode: false,
      metadata: body.metadata ?? {},
      payment_method: method.id,
      payment_method_types: [method.type],
      status: paid ? "succeeded" : "processing",
      transfer_group: body.transfer_group ?? null,
    };
    return { status: 200, body: store(intent) };
  }

  /** A setup intent of the session, as the customer left it on the page. */
  function setupIntentOf(session: any, outcome: "succeeded" | "failed") {
    const type = session.payment_method_types[0] ?? "card";
    const method = outcome === "succeeded" ? store({ id: makeId("pm_"), object: "payment_method", type, customer: session.customer, created: now(), livemode: false }) : null;
    const mandate = method && type === "sepa_debit" ? store({ id: makeId("mandate_"), object: "mandate", payment_method: method.id, status: "active", type: "multi_use", livemode: false }) : null;
    return store({
      id: makeId("seti_"),
      object: "setup_intent",
      created: now(),
      customer: session.customer,
      last_setup_error: outcome === "failed" ? { code: type === "card" ? "card_declined" : "payment_method_provider_decline", message: "Refused", type: "card_error" } : null,
      livemode: false,
      mandate: mandate?.id ?? null,
      metadata: setupData.get(session.id) ?? {},
      payment_method: method?.id ?? null,
      payment_method_types: [type],
      status: outcome === "succeeded" ? "succeeded" : "requires_payment_method",
      usage: "off_session",
    });
  }

  /** The customer saves the method on the page: the session completes; returns the checkout.session.completed event. */
  function completeSetupSession(sessionId: string) {
    const session = get(sessionId, "checkout.session");
    if (!session || session.mode !== "setup") throw new Error(`fake Stripe: no setup session ${sessionId}`);
    const setupIntent = setupIntentOf(session, "succeeded");
    Object.assign(session, { status: "complete", setup_intent: setupIntent.id, url: null });
    return { session, setupIntent, event: makeStripeEvent("checkout.session.completed", session) };
  }

  /** The bank or card issuer refuses the method: returns the setup_intent.setup_failed event (the session stays open). */
  function failSetupSession(sessionId: string) {
    const session = get(sessionId, "checkout.session");
    if (!session || session.mode !== "setup") throw new Error(`fake Stripe: no setup session ${sessionId}`);
    const setupIntent = setupIntentOf(session, "failed");
    return { setupIntent, event: makeStripeEvent("setup_intent.setup_failed", setupIntent) };
  }

  return { createCustomer, updateCustomer, createSetupSession, createPaymentIntent, completeSetupSession, failSetupSession };
}
