import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { testModeObjects } from "@/db/schema";
import { isPaymentTestMode } from "@/lib/env";
import { recordProviderEvent } from "@/lib/payments/events/record";
import type { HandledEventType, ProviderEvent } from "@/lib/payments/provider/types";

/*
 * The local stand-ins for Stripe objects, stored in `test_mode_objects` with Stripe's ids and
 * field names (snake_case, amounts in cents, times in unix seconds), so that the events built
 * from them look exactly like Stripe's to the shared handlers.
 */

export type TestAccount = {
  id: string;
  object: "account";
  type: "express";
  email: string;
  metadata: { userId: string };
  payouts_enabled: boolean;
  charges_enabled: boolean;
  details_submitted: boolean;
  requirements: { currently_due: string[] };
  created: number;
};

export type TestCheckoutSession = {
  id: string;
  object: "checkout.session";
  mode: "payment";
  status: "open" | "complete" | "expired";
  payment_status: "paid" | "unpaid";
  payment_intent: string | null;
  amount_total: number;
  currency: "eur";
  metadata: { paymentId: string; milestoneId: string; contractId: string };
  client_reference_id: string;
  customer_email: string;
  locale: "fr" | "en";
  payment_method_types: string[];
  payment_intent_data: { description: string; transfer_group: string; metadata: Record<string, string> };
  success_url: string;
  cancel_url: string;
  /** Null once the session is complete or expired, as at Stripe. */
  url: string | null;
  expires_at: number;
  created: number;
};

export type TestPaymentIntent = {
  id: string;
  object: "payment_intent";
  amount: number;
  amount_received: number;
  currency: "eur";
  status: "requires_payment_method" | "processing" | "succeeded" | "canceled";
  latest_charge: string | null;
  payment_method_types: string[];
  last_payment_error: { code: string; message: string } | null;
  transfer_group: string;
  description: string;
  metadata: Record<string, string>;
  created: number;
};

export type TestCharge = {
  id: string;
  object: "charge";
  amount: number;
  amount_refunded: number;
  refunded: boolean;
  disputed: boolean;
  paid: true;
  status: "succeeded";
  payment_intent: string;
  payment_method_details: { type: string };
  transfer_group: string;
  created: number;
};

export type TestTransfer = {
  id: string;
  object: "transfer";
  amount: number;
  currency: "eur";
  destination: string;
  transfer_group: string;
  source_transaction: string | null;
  description: string;
  metadata: Record<string, string>;
  reversed: boolean;
  created: number;
};

export type TestRefund = {
  id: string;
  object: "refund";
  amount: number;
  currency: "eur";
  payment_intent: string;
  charge: string;
  status: "succeeded";
  metadata: Record<string, string>;
  created: number;
};

export type TestDispute = {
  id: string;
  object: "dispute";
  amount: number;
  currency: "eur";
  charge: string;
  payment_intent: string;
  reason: "fraudulent";
  status: "needs_response";
  created: number;
};

export type TestCustomer = {
  id: string;
  object: "customer";
  name: string;
  email: string;
  metadata: { organizationId: string };
  invoice_settings: { default_payment_method: string | null };
  created: number;
};

/** A Checkout session in setup mode (stored apart from payment sessions, shaped like Stripe's). */
export type TestSetupSession = {
  id: string;
  object: "checkout.session";
  mode: "setup";
  status: "open" | "complete" | "expired";
  currency: "eur";
  customer: string;
  setup_intent: string | null;
  payment_method_types: ("sepa_debit" | "card")[];
  metadata: { contractId: string; setupId: string };
  client_reference_id: string;
  locale: "fr" | "en";
  success_url: string;
  cancel_url: string;
  url: string | null;
  expires_at: number;
  created: number;
};

export type TestSetupIntent = {
  id: string;
  object: "setup_intent";
  status: "succeeded" | "requires_payment_method";
  customer: string;
  payment_method: string | null;
  payment_method_types: ("sepa_debit" | "card")[];
  mandate: string | null;
  usage: "off_session";
  last_setup_error: { code: string; message: string } | null;
  metadata: { contractId: string; setupId: string };
  created: number;
};

export type TestMandate = {
  id: string;
  object: "mandate";
  payment_method: string;
  status: "active" | "inactive";
  type: "multi_use";
};

export interface TestObjects {
  mandate: TestMandate;
  customer: TestCustomer;
  setup_session: TestSetupSession;
  setup_intent: TestSetupIntent;
  account: TestAccount;
  "checkout.session": TestCheckoutSession;
  payment_intent: TestPaymentIntent;
  charge: TestCharge;
  transfer: TestTransfer;
  refund: TestRefund;
  dispute: TestDispute;
}

export type TestObjectType = keyof TestObjects;

/** A Stripe-like id: `acct_test_…`, `cs_test_local_…`, from crypto randomness. */
export function newTestId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString("hex")}`;
}

export const unixNow = (): number => Math.floor(Date.now() / 1000);

/** The simulations write fake provider events: they must never run next to a real Stripe account. */
export function assertTestMode(): void {
  if (!isPaymentTestMode()) throw new Error("Payment test mode is off (STRIPE_SECRET_KEY is set): simulations are refused");
}

/** The stored object of that type, or null (locked for update when asked, inside a transaction). */
export async function findTestObject<K extends TestObjectType>(
  executor: Executor,
  type: K,
  id: string,
  options: { lock?: boolean } = {},
): Promise<TestObjects[K] | null> {
  const query = executor
    .select({ data: testModeObjects.data })
    .from(testModeObjects)
    .where(and(eq(testModeObjects.id, id), eq(testModeObjects.type, type)));
  const [row] = options.lock ? await query.for("update") : await query;
  return row ? (row.data as unknown as TestObjects[K]) : null;
}

/** Like findTestObject, but an unknown id is an error, worded like Stripe's. */
export async function getTestObject<K extends TestObjectType>(
  executor: Executor,
  type: K,
  id: string,
  options: { lock?: boolean } = {},
): Promise<TestObjects[K]> {
  const found = await findTestObject(executor, type, id, options);
  if (!found) throw new Error(`No such ${type}: '${id}' (test mode)`);
  return found;
}

/** The object created earlier under this idempotency key, if any. */
export async function findByIdempotencyKey<K extends TestObjectType>(executor: Executor, type: K, key: string): Promise<TestObjects[K] | null> {
  const [row] = await executor
    .select({ type: testModeObjects.type, data: testModeObjects.data })
    .from(testModeObjects)
    .where(eq(testModeObjects.idempotencyKey, key));
  if (!row) return null;
  if (row.type !== type) throw new Error(`Idempotency key '${key}' was already used for a ${row.type} (test mode)`);
  return row.data as unknown as TestObjects[K];
}

/**
 * Stores a new object; with an idempotency key already used, returns the object stored then
 * (two concurrent calls with one key make one object: the unique key decides).
 */
export async function insertTestObject<K extends TestObjectType>(
  executor: Executor,
  type: K,
  data: TestObjects[K],
  idempotencyKey: string | null,
): Promise<TestObjects[K]> {
  const inserted = await executor
    .insert(testModeObjects)
    .values({ id: data.id, type, data: data as unknown as Record<string, unknown>, idempotencyKey })
    .onConflictDoNothing({ target: testModeObjects.idempotencyKey })
    .returning({ id: testModeObjects.id });
  if (inserted.length > 0 || idempotencyKey === null) return data;
  const existing = await findByIdempotencyKey(executor, type, idempotencyKey);
  if (!existing) throw new Error(`Test-mode object for idempotency key '${idempotencyKey}' vanished`);
  return existing;
}

export async function saveTestObject<K extends TestObjectType>(executor: Executor, type: K, data: TestObjects[K]): Promise<void> {
  await executor
    .update(testModeObjects)
    .set({ data: data as unknown as Record<string, unknown>, updatedAt: sql`now()` })
    .where(and(eq(testModeObjects.id, data.id), eq(testModeObjects.type, type)));
}

/**
 * Emits an event the way Stripe's webhook would deliver it: recorded once and queued for the
 * same handlers. `data.object` is a copy of the object as it is now. Returns the event id.
 */
export async function emitTestEvent(
  executor: Executor,
  type: HandledEventType,
  object: TestObjects[TestObjectType],
  account?: string,
): Promise<string> {
  const event: ProviderEvent = {
    id: newTestId("evt_test_local"),
    type,
    livemode: false,
    created: unixNow(),
    data: { object: structuredClone(object) },
    ...(account ? { account } : {}),
  };
  await recordProviderEvent(executor, event);
  return event.id;
}
