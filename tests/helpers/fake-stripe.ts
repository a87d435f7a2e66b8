import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";

/* eslint-disable @typescript-eslint/no-explicit-any -- Stripe objects are loose JSON here */

export interface FakeStripeRequest {
  method: string;
  /** Path without the query string, e.g. /v1/checkout/sessions. */
  path: string;
  idempotencyKey: string | null;
  /** Form body (POST) rebuilt into nested objects and arrays, values as strings. */
  body: Record<string, any>;
  /** Query string (GET), rebuilt the same way, e.g. { expand: ["payment_method"] }. */
  query: Record<string, any>;
  headers: http.IncomingHttpHeaders;
}

type Reply = { status: number; body: unknown };

const collections = new Set(["accounts", "sessions", "payment_intents", "transfers", "refunds"]);
/** GET <path> → [object kind, param named in Stripe's 404]. */
const retrievals: Record<string, [string, string]> = {
  "accounts/:id": ["account", "account"],
  "checkout/sessions/:id": ["checkout.session", "session"],
  "payment_intents/:id": ["payment_intent", "intent"],
  "transfers/:id": ["transfer", "id"],
  "refunds/:id": ["refund", "refund"],
};
const now = () => Math.floor(Date.now() / 1000);
const token = (n: number) => randomBytes(n).toString("base64url").replace(/[-_]/g, "x").slice(0, n);
const makeId = (prefix: string) => `${prefix}${token(prefix === "cs_test_" ? 58 : 24)}`;

/** Rebuilds Stripe's form encoding (`line_items[0][price_data][unit_amount]=…`) into objects. */
export function parseStripeForm(raw: string): Record<string, any> {
  const root: Record<string, any> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    const parts = key.replace(/\]/g, "").split("[");
    let node: any = root;
    parts.forEach((part, i) => {
      const next = parts[i + 1];
      if (next === undefined) node[part] = value;
      else node = node[part] ??= /^\d+$/.test(next) ? [] : {};
    });
  }
  return root;
}

const stripeError = (status: number, error: Record<string, string>): Reply => ({ status, body: { error: { type: "invalid_request_error", ...error } } });
const missing = (kind: string, id: string, param: string, status = 404) =>
  stripeError(status, { code: "resource_missing", param, message: `No such ${kind}: '${id}'` });

function deepMerge(target: any, patch: any): any {
  for (const [key, value] of Object.entries(patch)) {
    const plain = value && typeof value === "object" && !Array.isArray(value);
    target[key] = plain && target[key] && typeof target[key] === "object" ? deepMerge(target[key], value) : value;
  }
  return target;
}

/** A Stripe-shaped event around an object, as Stripe would deliver it to a webhook endpoint. */
export function makeStripeEvent(type: string, object: Record<string, unknown>, options: { livemode?: boolean; account?: string; id?: string } = {}) {
  return {
    id: options.id ?? makeId("evt_"),
    object: "event",
    api_version: Stripe.API_VERSION,
    created: now(),
    livemode: options.livemode ?? false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
    ...(options.account ? { account: options.account } : {}),
  };
}

/** The raw body and Stripe-Signature header of a webhook delivery, signed by the real SDK. */
export function signedWebhook(event: unknown, secret: string): { body: string; signature: string } {
  const body = JSON.stringify(event);
  return { body, signature: Stripe.webhooks.generateTestHeaderString({ payload: body, secret }) };
}

/**
 * A small Stripe API on loopback for the real SDK (STRIPE_API_BASE): only the endpoints our
 * provider calls, Stripe-shaped objects, Idempotency-Key honoured like Stripe (same key and
 * parameters → the saved response replayed; same key, other parameters → idempotency_error),
 * 404 for unknown ids. Tests change object state to play what happens at Stripe.
 */
export async function startFakeStripe() {
  const requests: FakeStripeRequest[] = [];
  const objects = new Map<string, any>();
  const sessionData = new Map<string, { transfer_group?: string; metadata?: Record<string, string> }>();
  const saved = new Map<string, { fingerprint: string; reply: Reply }>();
  let failures: { count: number; when: "before" | "after" } = { count: 0, when: "before" };

  const get = (id: string, kind: string) => (objects.get(id)?.object === kind ? objects.get(id) : undefined);
  const store = (object: any) => (objects.set(object.id, object), object);
  const expand = (object: any, fields: string[] = []) => {
    const copy = { ...object };
    for (const field of fields) if (typeof copy[field] === "string" && objects.has(copy[field])) copy[field] = objects.get(copy[field]);
    return copy;
  };

  function route(method: string, path: string, body: Record<string, any>, query: Record<string, any>): Reply {
    // "/v1/checkout/sessions/cs_test_…" → "GET checkout/sessions/:id", with id = "cs_test_…"
    const parts = path.split("/").filter(Boolean).slice(1);
    let id: string | undefined;
    const shape = parts.map((part, i) => (i > 0 && collections.has(parts[i - 1]!) ? ((id = part), ":id") : part)).join("/");
    const retrievable = retrievals[shape];
    if (method === "GET" && retrievable && id) {
      const found = get(id, retrievable[0]);
      return found ? { status: 200, body: expand(found, query.expand) } : missing(retrievable[0], id, retrievable[1]);
    }
    switch (`${method} ${shape}`) {
      case "POST accounts":
        return { status: 200, body: store(account(body)) };
      case "POST accounts/:id/login_links":
        if (!get(id!, "account")) return missing("account", id!, "account");
        return { status: 200, body: { object: "login_link", created: now(), url: `https://connect.stripe.com/express/${token(12)}` } };
      case "POST account_links":
        if (!get(body.account, "account")) return missing("account", body.account, "account", 400);
        return { status: 200, body: { object: "account_link", created: now(), expires_at: now() + 300, url: `https://connect.stripe.com/setup/e/${body.account}/${token(12)}` } };
      case "POST checkout/sessions":
        return createSession(body);
      case "POST transfers":
        return createTransfer(body);
      case "POST refunds":
        return createRefund(body);
      default:
        return stripeError(404, { message: `Unrecognized request URL (${method}: ${path}).` });
    }
  }

  function account(body: Record<string, any>) {
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

  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString()));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://fake-stripe");
      const method = req.method ?? "GET";
      const idempotencyKey = (req.headers["idempotency-key"] as string | undefined) ?? null;
      requests.push({ method, path: url.pathname, idempotencyKey, body: parseStripeForm(raw), query: parseStripeForm(url.search.slice(1)), headers: req.headers });
      const send = (reply: Reply, replayed = false) => {
        res.writeHead(reply.status, { "content-type": "application/json", "request-id": `req_${token(14)}`, ...(replayed ? { "idempotent-replayed": "true" } : {}) });
        res.end(JSON.stringify(reply.body));
      };
      if (!/^Bearer (sk|rk)_(test|live)_/.test(req.headers.authorization ?? "")) {
        return send({ status: 401, body: { error: { type: "invalid_request_error", message: "Invalid API Key provided" } } });
      }
      if (failures.count > 0 && failures.when === "before") {
        failures.count -= 1;
        return send({ status: 503, body: { error: { type: "api_error", message: "Stripe is briefly unavailable" } } });
      }
      const fingerprint = `${method} ${url.pathname} ${raw}`;
      const previous = method === "POST" && idempotencyKey ? saved.get(idempotencyKey) : undefined;
      if (previous) {
        if (previous.fingerprint === fingerprint) return send(previous.reply, true);
        return send({
          status: 400,
          body: { error: { type: "idempotency_error", message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.` } },
        });
      }
      const reply = route(method, url.pathname, parseStripeForm(raw), parseStripeForm(url.search.slice(1)));
      // Like Stripe: a result is saved once the endpoint ran; validation errors are not saved.
      if (method === "POST" && idempotencyKey && reply.status < 400) saved.set(idempotencyKey, { fingerprint, reply });
      if (failures.count > 0 && failures.when === "after") {
        failures.count -= 1; // done at "Stripe", but the answer is lost on the way back
        return req.socket.destroy();
      }
      send(reply);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  const patcher = (kind: string) => (id: string, patch: Record<string, unknown>) => {
    const object = get(id, kind);
    if (!object) throw new Error(`fake Stripe: no ${kind} ${id}`);
    return deepMerge(object, patch);
  };

  /**
   * Plays the customer paying on the Checkout page: a payment intent (with transfer_group and
   * metadata from payment_intent_data), its payment method and charge. Card: succeeded and
   * paid. SEPA Direct Debit: processing and unpaid until setPaymentIntent/setCheckoutSession.
   * Returns the objects and the checkout.session.completed event Stripe would send.
   */
  function payCheckoutSession(sessionId: string, method: "card" | "sepa_debit" = "card") {
    const session = get(sessionId, "checkout.session");
    if (!session) throw new Error(`fake Stripe: no checkout.session ${sessionId}`);
    const data = sessionData.get(sessionId) ?? {};
    const paid = method === "card";
    const paymentMethod = store({ id: makeId("pm_"), object: "payment_method", type: method, created: now(), livemode: false });
    const intentId = makeId("pi_");
    const charge = store({ id: makeId("ch_"), object: "charge", amount: session.amount_total, amount_refunded: 0, refunded: false, currency: session.currency, paid, status: paid ? "succeeded" : "pending", payment_intent: intentId, payment_method: paymentMethod.id, payment_method_details: { type: method }, transfer_group: data.transfer_group ?? null, created: now(), livemode: false });
    const intent = store({
      id: intentId,
      object: "payment_intent",
      amount: session.amount_total,
      amount_received: paid ? session.amount_total : 0,
      created: now(),
      currency: session.currency,
      latest_charge: charge.id,
      livemode: false,
      metadata: data.metadata ?? {},
      payment_method: paymentMethod.id,
      payment_method_types: session.payment_method_types,
      status: paid ? "succeeded" : "processing",
      transfer_group: data.transfer_group ?? null,
    });
    deepMerge(session, { status: "complete", payment_status: paid ? "paid" : "unpaid", payment_intent: intent.id, url: null });
    return { session, paymentIntent: intent, charge, event: makeStripeEvent("checkout.session.completed", session) };
  }

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    objects,
    setAccount: patcher("account"),
    setPaymentIntent: patcher("payment_intent"),
    setCheckoutSession: patcher("checkout.session"),
    payCheckoutSession,
    /** The next n requests fail: "before" answers 503 untouched; "after" runs them, then drops the connection. */
    failNext: (count: number, when: "before" | "after" = "before") => {
      failures = { count, when };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export type FakeStripe = Awaited<ReturnType<typeof startFakeStripe>>;
