import { makeId, missing, now, stripeError, type Reply } from "./fake-stripe-wire";

/* eslint-disable @typescript-eslint/no-explicit-any -- Stripe objects are loose JSON here */

export interface FakeStripeStore {
  get: (id: string, kind: string) => any;
  store: (object: any) => any;
  /** payment_intent_data of each session, for the payment intent made when it is paid. */
  sessionData: Map<string, { transfer_group?: string; metadata?: Record<string, string> }>;
}

/** The creating endpoints of the fake Stripe: Stripe-shaped objects and Stripe's refusals. */
export function fakeStripeEndpoints({ get, store, sessionData }: FakeStripeStore) {
  function createAccount(body: Record<string, any>) {
    const agreement = body.tos_acceptance?.service_agreement ?? "full";
    return {
      id: makeId("acct_"),
      object: "account",
      business_type: null,
      capabilities: Object.fromEntries(Object.keys(body.capabilities ?? {}).map((c) => [c, "inactive"])),
      charges_enabled: false,
      controller: { type: "application", is_controller: true, ...body.controller },
      country: body.country ?? "FR",
      created: now(),
      default_currency: "eur",
      details_submitted: false,
      email: body.email ?? null,
      metadata: body.metadata ?? {},
      payouts_enabled: false,
      requirements: { currently_due: ["business_type", "external_account", "tos_acceptance.date", "tos_acceptance.ip"], eventually_due: [], past_due: [], pending_verification: [], disabled_reason: "requirements.past_due" },
      tos_acceptance: { date: null, ip: null, service_agreement: agreement },
      type: "express",
    };
  }

  function createSession(body: Record<string, any>): Reply {
    const expiresAt = body.expires_at ? Number(body.expires_at) : now() + 86_400;
    if (expiresAt < now() + 1800 - 5 || expiresAt > now() + 86_400 + 5) {
      return stripeError(400, { param: "expires_at", message: "The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation." });
    }
    if (body.mode !== "payment" || !Array.isArray(body.line_items)) return stripeError(400, { param: "line_items", message: "You must specify `line_items` in `payment` mode." });
    const amount = body.line_items.reduce((sum: number, item: any) => sum + Number(item.price_data?.unit_amount ?? 0) * Number(item.quantity ?? 1), 0);
    const methods = body.allowed_payment_method_types ?? ["card"];
    const session = store({
      id: makeId("cs_test_"),
      object: "checkout.session",
      allowed_payment_method_types: methods,
      amount_subtotal: amount,
      amount_total: amount,
      cancel_url: body.cancel_url ?? null,
      client_reference_id: body.client_reference_id ?? null,
      created: now(),
      currency: body.line_items[0]?.price_data?.currency ?? "eur",
      customer: null,
      customer_email: body.customer_email ?? null,
      expires_at: expiresAt,
      livemode: false,
      locale: body.locale ?? null,
      metadata: body.metadata ?? {},
      mode: "payment",
      payment_intent: null,
      payment_method_types: methods,
      payment_status: "unpaid",
      status: "open",
      success_url: body.success_url ?? null,
      url: null,
    });
    session.url = `https://checkout.stripe.com/c/pay/${session.id}`;
    sessionData.set(session.id, body.payment_intent_data ?? {});
    return { status: 200, body: session };
  }

  function createTransfer(body: Record<string, any>): Reply {
    const destination = get(body.destination, "account");
    if (!destination) return missing("destination", body.destination, "destination", 400);
    if (destination.capabilities?.transfers !== "active") {
      return stripeError(400, { code: "insufficient_capabilities_for_transfer", param: "destination", message: "Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments" });
    }
    if (body.source_transaction && !get(body.source_transaction, "charge")) return missing("charge", body.source_transaction, "source_transaction", 400);
    return {
      status: 200,
      body: store({
        id: makeId("tr_"),
        object: "transfer",
        amount: Number(body.amount),
        amount_reversed: 0,
        created: now(),
        currency: body.currency,
        description: body.description ?? null,
        destination: body.destination,
        destination_payment: makeId("py_"),
        livemode: false,
        metadata: body.metadata ?? {},
        reversals: { object: "list", data: [], has_more: false, total_count: 0, url: "/v1/transfers/reversals" },
        reversed: false,
        source_transaction: body.source_transaction ?? null,
        transfer_group: body.transfer_group ?? null,
      }),
    };
  }

  function createRefund(body: Record<string, any>): Reply {
    const intent = get(body.payment_intent, "payment_intent");
    if (!intent) return missing("payment_intent", body.payment_intent, "payment_intent", 400);
    const charge = get(intent.latest_charge, "charge");
    if (intent.status !== "succeeded" || !charge) return stripeError(400, { code: "charge_not_refundable", message: "This PaymentIntent does not have a successful charge to refund." });
    const amount = body.amount ? Number(body.amount) : charge.amount - charge.amount_refunded;
    if (amount > charge.amount - charge.amount_refunded) {
      return stripeError(400, { code: "amount_too_large", param: "amount", message: `Refund amount (€${amount / 100}) is greater than unrefunded amount on charge (€${(charge.amount - charge.amount_refunded) / 100})` });
    }
    charge.amount_refunded += amount;
    charge.refunded = charge.amount_refunded === charge.amount;
    const refund = { id: makeId("re_"), object: "refund", amount, charge: charge.id, created: now(), currency: intent.currency, metadata: body.metadata ?? {} };
    return { status: 200, body: store({ ...refund, payment_intent: intent.id, reason: null, status: "succeeded" }) };
  }

  function expireSession(id: string): Reply {
    const session = get(id, "checkout.session");
    if (!session) return missing("checkout.session", id, "session");
    if (session.status !== "open") return stripeError(400, { message: `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${session.status}".` });
    Object.assign(session, { status: "expired", url: null });
    return { status: 200, body: session };
  }

  return { createAccount, createSession, createTransfer, createRefund, expireSession };
}
