import { randomBytes } from "node:crypto";
import type http from "node:http";
import Stripe from "stripe";

/* eslint-disable @typescript-eslint/no-explicit-any -- Stripe objects are loose JSON here */

/*
 * What the fake Stripe (fake-stripe.ts) and the tests share: the wire format (form bodies,
 * errors), ids, and webhook events signed by the real SDK.
 */

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

export type Reply = { status: number; body: unknown };

export const now = () => Math.floor(Date.now() / 1000);
export const token = (n: number) => randomBytes(n).toString("base64url").replace(/[-_]/g, "x").slice(0, n);
export const makeId = (prefix: string) => `${prefix}${token(prefix === "cs_test_" ? 58 : 24)}`;

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

export const stripeError = (status: number, error: Record<string, string>): Reply => ({ status, body: { error: { type: "invalid_request_error", ...error } } });
export const missing = (kind: string, id: string, param: string, status = 404) =>
  stripeError(status, { code: "resource_missing", param, message: `No such ${kind}: '${id}'` });

export function deepMerge(target: any, patch: any): any {
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
