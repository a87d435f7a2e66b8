import "server-only";
import Stripe from "stripe";
import { db } from "@/db/client";
import { env, isStripeLive } from "@/lib/env";
import { recordProviderEvent } from "@/lib/payments/events/record";
import { HANDLED_EVENT_TYPES, type ProviderEvent } from "@/lib/payments/provider/types";

export type WebhookVerification =
  | { ok: true; event: ProviderEvent; handled: boolean }
  | { ok: false; status: 400; reason: string };

const handledTypes: ReadonlySet<string> = new Set(HANDLED_EVENT_TYPES);

const refuse = (reason: string): WebhookVerification => ({ ok: false, status: 400, reason });

/**
 * The signing secrets of our webhook endpoints. STRIPE_WEBHOOK_SECRET may hold two, separated by
 * a comma: Stripe signs events of the platform account (checkout, disputes) and events of
 * connected accounts (account.updated) with the secret of two different endpoints.
 */
function signingSecrets(): string[] {
  return (env().STRIPE_WEBHOOK_SECRET ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

function constructEvent(rawBody: string, signatureHeader: string, secrets: string[]): Stripe.Event | null {
  for (const secret of secrets) {
    try {
      return Stripe.webhooks.constructEvent(rawBody, signatureHeader, secret);
    } catch {
      // wrong secret, bad signature, stale timestamp or not JSON: try the next secret
    }
  }
  return null;
}

/**
 * Checks a webhook delivery: the Stripe-Signature header against the raw body (with Stripe's
 * five-minute tolerance), then that the event's livemode matches the key (a test event never
 * moves live state, nor the reverse). Keeps only the fields of ProviderEvent. `handled` says
 * whether its type is one we act on; others are acknowledged and dropped.
 */
export function verifyWebhook(rawBody: string, signatureHeader: string | null): WebhookVerification {
  if (!signatureHeader) return refuse("missing signature");
  const secrets = signingSecrets();
  if (secrets.length === 0) return refuse("no webhook secret configured");
  const event = constructEvent(rawBody, signatureHeader, secrets);
  if (!event) return refuse("bad signature");

  const object = event.data?.object as unknown as Record<string, unknown> | undefined;
  if (typeof event.id !== "string" || typeof event.type !== "string" || !object || typeof object.id !== "string") {
    return refuse("malformed event");
  }
  if (event.livemode !== isStripeLive()) {
    console.error(`[stripe] refused event ${event.id} (${event.type}): livemode ${event.livemode} with a ${isStripeLive() ? "live" : "test"} key`);
    return refuse("livemode mismatch");
  }
  const kept: ProviderEvent = {
    id: event.id,
    type: event.type,
    livemode: event.livemode,
    created: event.created,
    data: { object: object as ProviderEvent["data"]["object"] },
  };
  if (typeof event.account === "string") kept.account = event.account;
  return { ok: true, event: kept, handled: handledTypes.has(event.type) };
}

export type WebhookReception = { status: 200; recorded: boolean } | { status: 400 };

/**
 * What /api/stripe/webhook does once Stripe is configured: verify, then record a handled event
 * once by id and queue its processing (one insert and one job, so the answer stays fast).
 * A replayed event is acknowledged again without a second row or job.
 */
export async function receiveWebhook(rawBody: string, signatureHeader: string | null): Promise<WebhookReception> {
  const verified = verifyWebhook(rawBody, signatureHeader);
  if (!verified.ok) return { status: 400 };
  if (!verified.handled) return { status: 200, recorded: false };
  const recorded = await db.transaction((tx) => recordProviderEvent(tx, verified.event));
  return { status: 200, recorded };
}
