import { eq, sql } from "drizzle-orm";
import Stripe from "stripe";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { POST } from "@/app/api/stripe/webhook/route";
import { db } from "@/db/client";
import { stripeEvents } from "@/db/schema";
import { resetEnvCache } from "@/lib/env";
import { makeStripeEvent, signedWebhook } from "../../helpers/fake-stripe";

const SECRET = "whsec_platform_endpoint";
const CONNECT_SECRET = "whsec_connect_endpoint";
const saved = { ...process.env };

function useStripe(key = "sk_test_compagnon_fake") {
  process.env.STRIPE_SECRET_KEY = key;
  process.env.STRIPE_WEBHOOK_SECRET = `${SECRET},${CONNECT_SECRET}`;
  resetEnvCache();
}

function restoreEnv() {
  for (const key of ["STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "STRIPE_API_BASE"] as const) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
  resetEnvCache();
}

beforeEach(() => useStripe());
afterEach(restoreEnv);
afterAll(restoreEnv);

const session = (id = `cs_test_${crypto.randomUUID()}`) => ({ id, object: "checkout.session", payment_status: "paid", metadata: { paymentId: "p-1" } });

function deliver(body: string, signature: string | null) {
  const headers = new Headers({ "content-type": "application/json" });
  if (signature !== null) headers.set("stripe-signature", signature);
  return POST(new Request("http://localhost:3000/api/stripe/webhook", { method: "POST", body, headers }));
}

function deliverSigned(event: unknown, secret = SECRET) {
  const { body, signature } = signedWebhook(event, secret);
  return deliver(body, signature);
}

async function stored(eventId: string) {
  const rows = await db.select().from(stripeEvents).where(eq(stripeEvents.id, eventId));
  // graphile-worker 0.16: the public `jobs` view has no payload; it lives in `_private_jobs`.
  const jobs = await db.execute<{ key: string; payload: { eventId: string } }>(
    sql`select j.key, p.payload from graphile_worker.jobs j join graphile_worker._private_jobs p using (id)
        where j.task_identifier = 'process_stripe_event' and p.payload->>'eventId' = ${eventId}`,
  );
  return { rows, jobs: [...jobs] };
}

describe("POST /api/stripe/webhook", () => {
  it("records a handled, correctly signed event once and queues its processing", async () => {
    const event = makeStripeEvent("checkout.session.completed", session());
    const response = await deliverSigned(event);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true });
    const { rows, jobs } = await stored(event.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ type: "checkout.session.completed", livemode: false, processedAt: null });
    // Only the ProviderEvent fields are kept.
    expect(rows[0]!.payload).toEqual({ id: event.id, type: event.type, livemode: false, created: event.created, data: { object: event.data.object } });
    expect(jobs).toEqual([{ key: `event:${event.id}`, payload: { eventId: event.id } }]);
  });

  it("acknowledges the same event delivered five times (even at once) with one row and one job", async () => {
    const event = makeStripeEvent("checkout.session.async_payment_succeeded", session());
    const first = await deliverSigned(event);
    const replays = await Promise.all([1, 2, 3, 4].map(() => deliverSigned(event)));
    expect([first, ...replays].map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const { rows, jobs } = await stored(event.id);
    expect(rows).toHaveLength(1);
    expect(jobs).toHaveLength(1);
  });

  it("accepts Connect events signed with the second secret and keeps the connected account id", async () => {
    const account = { id: "acct_1Expert", object: "account", payouts_enabled: true };
    const event = makeStripeEvent("account.updated", account, { account: "acct_1Expert" });
    expect((await deliverSigned(event, CONNECT_SECRET)).status).toBe(200);
    const { rows } = await stored(event.id);
    expect(rows[0]!.payload).toMatchObject({ account: "acct_1Expert", data: { object: { id: "acct_1Expert" } } });
  });

  it("answers 400 without details and stores nothing for a bad signature, a tampered body or a stale timestamp", async () => {
    const forged = makeStripeEvent("checkout.session.completed", session());
    const response = await deliverSigned(forged, "whsec_someone_else");
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "invalid webhook" });

    const genuine = makeStripeEvent("checkout.session.completed", session());
    const { body, signature } = signedWebhook(genuine, SECRET);
    expect((await deliver(body.replace('"paid"', '"unpaid"'), signature)).status).toBe(400);

    const old = makeStripeEvent("checkout.session.completed", session());
    const oldBody = JSON.stringify(old);
    const stale = Stripe.webhooks.generateTestHeaderString({ payload: oldBody, secret: SECRET, timestamp: Math.floor(Date.now() / 1000) - 600 });
    expect((await deliver(oldBody, stale)).status).toBe(400);

    for (const id of [forged.id, genuine.id, old.id]) expect(await stored(id)).toEqual({ rows: [], jobs: [] });
  });

  it("answers 400 when the signature header is missing", async () => {
    const event = makeStripeEvent("checkout.session.completed", session());
    const response = await deliver(JSON.stringify(event), null);
    expect(response.status).toBe(400);
    expect(await stored(event.id)).toEqual({ rows: [], jobs: [] });
  });

  it("refuses an event whose livemode does not match the key, both ways", async () => {
    const live = makeStripeEvent("checkout.session.completed", session(), { livemode: true });
    expect((await deliverSigned(live)).status).toBe(400);
    expect(await stored(live.id)).toEqual({ rows: [], jobs: [] });

    useStripe("sk_live_compagnon_fake");
    const test = makeStripeEvent("checkout.session.completed", session(), { livemode: false });
    expect((await deliverSigned(test)).status).toBe(400);
    expect((await deliverSigned(live)).status).toBe(200);
    expect((await stored(live.id)).rows).toHaveLength(1);
  });

  it("acknowledges an unhandled type without storing it", async () => {
    const event = makeStripeEvent("customer.created", { id: "cus_1", object: "customer" });
    const response = await deliverSigned(event);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true });
    expect(await stored(event.id)).toEqual({ rows: [], jobs: [] });
  });

  it("does not exist in test mode (no Stripe key)", async () => {
    delete process.env.STRIPE_SECRET_KEY;
    resetEnvCache();
    const event = makeStripeEvent("checkout.session.completed", session());
    expect((await deliverSigned(event)).status).toBe(404);
    expect(await stored(event.id)).toEqual({ rows: [], jobs: [] });
  });
});
