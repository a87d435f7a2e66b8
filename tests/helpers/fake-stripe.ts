import http from "node:http";
import type { AddressInfo } from "node:net";
import { fakeStripeEndpoints } from "./fake-stripe-objects";
import { fakeStripeSetup } from "./fake-stripe-setup";
import { deepMerge, makeId, makeStripeEvent, missing, now, parseStripeForm, stripeError, token, type FakeStripeRequest, type Reply } from "./fake-stripe-wire";

/* eslint-disable @typescript-eslint/no-explicit-any -- Stripe objects are loose JSON here */

export { makeStripeEvent, parseStripeForm, signedWebhook, type FakeStripeRequest } from "./fake-stripe-wire";

const collections = new Set(["accounts", "sessions", "payment_intents", "transfers", "refunds", "customers", "setup_intents", "mandates"]);
/** GET <path> → [object kind, param named in Stripe's 404]. */
const retrievals: Record<string, [string, string]> = {
  "accounts/:id": ["account", "account"],
  "checkout/sessions/:id": ["checkout.session", "session"],
  "payment_intents/:id": ["payment_intent", "intent"],
  "transfers/:id": ["transfer", "id"],
  "refunds/:id": ["refund", "refund"],
  "customers/:id": ["customer", "customer"],
  "setup_intents/:id": ["setup_intent", "intent"],
  "mandates/:id": ["mandate", "mandate"],
};

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
  let failures: { count: number; when: "before" | "after"; status: number } = { count: 0, when: "before", status: 503 };
  let hold: { path: string; arrived: (request: FakeStripeRequest) => void; released: Promise<void> } | null = null;

  const get = (id: string, kind: string) => (objects.get(id)?.object === kind ? objects.get(id) : undefined);
  const store = (object: any) => (objects.set(object.id, object), object);
  const endpoints = fakeStripeEndpoints({ get, store, sessionData });
  const setup = fakeStripeSetup({ get, store });
  const expand = (object: any, fields: string[] = []) => {
    const copy = { ...object };
    for (const field of fields) if (typeof copy[field] === "string" && objects.has(copy[field])) copy[field] = objects.get(copy[field]);
    return copy;
  };

  /** A list endpoint, newest first, in one page (our lists are small): the filter is the query's. */
  const list = (kind: string, keep: (object: any) => boolean): Reply => {
    const data = [...objects.values()].filter((o) => o.object === kind && keep(o)).reverse();
    return { status: 200, body: { object: "list", data, has_more: false, url: `/v1/${kind}s` } };
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
        return { status: 200, body: store(endpoints.createAccount(body)) };
      case "POST accounts/:id/login_links":
        if (!get(id!, "account")) return missing("account", id!, "account");
        return { status: 200, body: { object: "login_link", created: now(), url: `https://connect.stripe.com/express/${token(12)}` } };
      case "POST account_links":
        if (!get(body.account, "account")) return missing("account", body.account, "account", 400);
        return { status: 200, body: { object: "account_link", created: now(), expires_at: now() + 300, url: `https://connect.stripe.com/setup/e/${body.account}/${token(12)}` } };
      case "POST checkout/sessions":
        return body.mode === "setup" ? setup.createSetupSession(body) : endpoints.createSession(body);
      case "POST customers":
        return setup.createCustomer(body);
      case "POST customers/:id":
        return setup.updateCustomer(id!, body);
      case "POST payment_intents":
        return setup.createPaymentIntent(body);
      case "POST checkout/sessions/:id/expire":
        return endpoints.expireSession(id!);
      case "GET transfers":
        return list("transfer", (o) => !query.transfer_group || o.transfer_group === query.transfer_group);
      case "GET refunds":
        return list("refund", (o) => !query.payment_intent || o.payment_intent === query.payment_intent);
      case "POST transfers":
        return endpoints.createTransfer(body);
      case "POST refunds":
        return endpoints.createRefund(body);
      default:
        return stripeError(404, { message: `Unrecognized request URL (${method}: ${path}).` });
    }
  }

  async function answer(req: http.IncomingMessage, res: http.ServerResponse, raw: string) {
    const url = new URL(req.url ?? "/", "http://fake-stripe");
    const method = req.method ?? "GET";
    const idempotencyKey = (req.headers["idempotency-key"] as string | undefined) ?? null;
    const request = { method, path: url.pathname, idempotencyKey, body: parseStripeForm(raw), query: parseStripeForm(url.search.slice(1)), headers: req.headers };
    requests.push(request);
    const send = (reply: Reply, replayed = false) => {
      res.writeHead(reply.status, { "content-type": "application/json", "request-id": `req_${token(14)}`, ...(replayed ? { "idempotent-replayed": "true" } : {}) });
      res.end(JSON.stringify(reply.body));
    };
    if (!/^Bearer (sk|rk)_(test|live)_/.test(req.headers.authorization ?? "")) {
      return send({ status: 401, body: { error: { type: "invalid_request_error", message: "Invalid API Key provided" } } });
    }
    if (hold && `${method} ${url.pathname}` === hold.path) {
      const held = hold;
      hold = null;
      held.arrived(request);
      await held.released;
    }
    if (failures.count > 0 && failures.when === "before") {
      failures.count -= 1;
      return send({ status: failures.status, body: { error: { type: "api_error", message: "Stripe is briefly unavailable" } } });
    }
    const fingerprint = `${method} ${url.pathname} ${raw}`;
    const previous = method === "POST" && idempotencyKey ? saved.get(idempotencyKey) : undefined;
    // "after": the request is done at "Stripe" (or replayed), but the answer is lost on the way back.
    const answerLost = () => failures.count > 0 && failures.when === "after" && (failures.count -= 1) >= 0;
    if (previous) {
      if (previous.fingerprint === fingerprint) return answerLost() ? req.socket.destroy() : send(previous.reply, true);
      return send({
        status: 400,
        body: { error: { type: "idempotency_error", message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.` } },
      });
    }
    const reply = route(method, url.pathname, request.body, request.query);
    // Like Stripe: a result is saved once the endpoint ran; validation errors are not saved.
    if (method === "POST" && idempotencyKey && reply.status < 400) saved.set(idempotencyKey, { fingerprint, reply });
    if (answerLost()) return req.socket.destroy();
    send(reply);
  }

  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString()));
    req.on("end", () => void answer(req, res, raw));
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
    setMandate: patcher("mandate"),
    payCheckoutSession,
    /** The customer saves the method on the setup page (returns the checkout.session.completed event), or has it refused (setup_intent.setup_failed). */
    completeSetupSession: setup.completeSetupSession,
    failSetupSession: setup.failSetupSession,
    /**
     * The next n requests fail: "before" answers `status` (503: the SDK retries it; 500 too)
     * untouched; "after" runs them, then drops the connection (the answer is lost).
     */
    failNext: (count: number, when: "before" | "after" = "before", status = 503) => {
      failures = { count, when, status };
    },
    /**
     * Holds the next request to `path` (e.g. "POST /v1/transfers") until `release()`, so that the
     * test can look at the database while our side waits for Stripe. `arrived` resolves with it.
     */
    /** Stripe forgets idempotency keys after 24 hours: plays that (a later retry makes a new object). */
    forgetIdempotencyKeys: () => saved.clear(),
    holdNext: (path: string) => {
      let release = () => {};
      const released = new Promise<void>((resolve) => (release = resolve));
      const arrived = new Promise<FakeStripeRequest>((resolve) => (hold = { path, arrived: resolve, released }));
      return { arrived, release };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export type FakeStripe = Awaited<ReturnType<typeof startFakeStripe>>;
