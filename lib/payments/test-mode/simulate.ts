import "server-only";
import { db, type Transaction } from "@/db/client";
import { fail, ok, type Result } from "@/lib/result";
import {
  assertTestMode,
  emitTestEvent,
  findTestObject,
  getTestObject,
  insertTestObject,
  newTestId,
  saveTestObject,
  unixNow,
  type TestCheckoutSession,
  type TestPaymentIntent,
} from "./objects";

/*
 * What the person (or the bank) would do on Stripe's side, played locally. Each simulation
 * runs in one transaction, refuses a move Stripe would not allow, and emits the event Stripe
 * would send, through recordProviderEvent, so that the same handlers run. None of them writes
 * our payment state: that is the handlers' job.
 */

export type TestSimulationError =
  | "not_found"
  | "session_expired"
  | "session_complete"
  | "not_sepa"
  | "already_settled"
  | "not_paid"
  | "already_disputed"
  | "fully_refunded";

export type TestPaymentMethod = "card" | "sepa_debit";

/** The emitted event's id, or null when nothing was emitted. */
interface Emitted {
  eventId: string | null;
}

/** The success URL with Stripe's `{CHECKOUT_SESSION_ID}` template filled in. */
export function successUrlOf(session: Pick<TestCheckoutSession, "id" | "success_url">): string {
  return session.success_url.replaceAll("{CHECKOUT_SESSION_ID}", session.id);
}

async function expire(tx: Transaction, session: TestCheckoutSession): Promise<string> {
  if (session.payment_intent) {
    const intent = await getTestObject(tx, "payment_intent", session.payment_intent, { lock: true });
    if (intent.status === "requires_payment_method") await saveTestObject(tx, "payment_intent", { ...intent, status: "canceled" });
  }
  const expired: TestCheckoutSession = { ...session, status: "expired", url: null };
  await saveTestObject(tx, "checkout.session", expired);
  return emitTestEvent(tx, "checkout.session.expired", expired);
}

/**
 * The open session, locked; a session past its expiry time is expired on the spot (with its
 * event, committed) and refused, as Stripe would have expired it by then.
 */
async function openSession(tx: Transaction, sessionId: string): Promise<Result<TestCheckoutSession, TestSimulationError>> {
  const session = await findTestObject(tx, "checkout.session", sessionId, { lock: true });
  if (!session) return fail("not_found");
  if (session.status === "complete") return fail("session_complete");
  if (session.status === "expired") return fail("session_expired");
  if (session.expires_at <= unixNow()) {
    await expire(tx, session);
    return fail("session_expired");
  }
  return ok(session);
}

/** The session's payment intent: the one left by a declined attempt, or a new one. */
async function intentOf(tx: Transaction, session: TestCheckoutSession): Promise<TestPaymentIntent> {
  if (session.payment_intent) return getTestObject(tx, "payment_intent", session.payment_intent, { lock: true });
  return insertTestObject(
    tx,
    "payment_intent",
    {
      id: newTestId("pi_test_local"),
      object: "payment_intent",
      amount: session.amount_total,
      amount_received: 0,
      currency: "eur",
      status: "requires_payment_method",
      latest_charge: null,
      payment_method_types: [],
      last_payment_error: null,
      transfer_group: session.payment_intent_data.transfer_group,
      description: session.payment_intent_data.description,
      metadata: { ...session.payment_intent_data.metadata },
      created: unixNow(),
    },
    null,
  );
}

/** The money arrives: a successful charge on the intent. */
export async function succeed(tx: Transaction, intent: TestPaymentIntent, method: TestPaymentMethod): Promise<TestPaymentIntent> {
  const charge = await insertTestObject(
    tx,
    "charge",
    {
      id: newTestId("ch_test_local"),
      object: "charge",
      amount: intent.amount,
      amount_refunded: 0,
      refunded: false,
      disputed: false,
      paid: true,
      status: "succeeded",
      payment_intent: intent.id,
      payment_method_details: { type: method },
      transfer_group: intent.transfer_group,
      created: unixNow(),
    },
    null,
  );
  const succeeded: TestPaymentIntent = {
    ...intent,
    status: "succeeded",
    amount_received: intent.amount,
    latest_charge: charge.id,
    payment_method_types: [method],
    last_payment_error: null,
  };
  await saveTestObject(tx, "payment_intent", succeeded);
  return succeeded;
}

/**
 * The payer pays: by card the session completes paid; by SEPA debit it completes unpaid with
 * the intent processing until settleTestSepaDebit. Emits `checkout.session.completed`.
 */
export async function payTestCheckout(
  sessionId: string,
  method: TestPaymentMethod,
): Promise<Result<Emitted & { successUrl: string; paymentIntentId: string }, TestSimulationError>> {
  assertTestMode();
  return db.transaction(async (tx) => {
    const open = await openSession(tx, sessionId);
    if (!open.ok) return open;
    const session = open.value;
    let intent = await intentOf(tx, session);
    if (method === "card") {
      intent = await succeed(tx, intent, "card");
    } else {
      intent = { ...intent, status: "processing", payment_method_types: ["sepa_debit"], last_payment_error: null };
      await saveTestObject(tx, "payment_intent", intent);
    }
    const completed: TestCheckoutSession = {
      ...session,
      status: "complete",
      payment_status: method === "card" ? "paid" : "unpaid",
      payment_intent: intent.id,
      url: null,
    };
    await saveTestObject(tx, "checkout.session", completed);
    const eventId = await emitTestEvent(tx, "checkout.session.completed", completed);
    return ok({ eventId, successUrl: successUrlOf(completed), paymentIntentId: intent.id });
  });
}

/**
 * The card is declined: the intent records the error and the session stays open for another
 * try, as at Stripe. No handled event is emitted (Stripe's would be payment_intent.payment_failed).
 */
export async function failTestCheckout(sessionId: string): Promise<Result<Emitted & { paymentIntentId: string }, TestSimulationError>> {
  assertTestMode();
  return db.transaction(async (tx) => {
    const open = await openSession(tx, sessionId);
    if (!open.ok) return open;
    const session = open.value;
    const intent = await intentOf(tx, session);
    await saveTestObject(tx, "payment_intent", {
      ...intent,
      status: "requires_payment_method",
      payment_method_types: ["card"],
      last_payment_error: { code: "card_declined", message: "Your card was declined. (test mode)" },
    });
    if (session.payment_intent !== intent.id) await saveTestObject(tx, "checkout.session", { ...session, payment_intent: intent.id });
    return ok({ eventId: null, paymentIntentId: intent.id });
  });
}

/**
 * The bank answers a SEPA debit: the intent succeeds (with its charge) and the session is paid,
 * emitting `checkout.session.async_payment_succeeded`; or it fails, emitting
 * `checkout.session.async_payment_failed`.
 */
export async function settleTestSepaDebit(
  sessionId: string,
  outcome: "succeeded" | "failed",
): Promise<Result<Emitted & { successUrl: string }, TestSimulationError>> {
  assertTestMode();
  return db.transaction(async (tx) => {
    const session = await findTestObject(tx, "checkout.session", sessionId, { lock: true });
    if (!session) return fail("not_found");
    const intent = session.payment_intent ? await getTestObject(tx, "payment_intent", session.payment_intent, { lock: true }) : null;
    if (session.status !== "complete" || !intent || intent.payment_method_types[0] !== "sepa_debit") return fail("not_sepa");
    if (intent.status !== "processing") return fail("already_settled");
    if (outcome === "succeeded") {
      await succeed(tx, intent, "sepa_debit");
      const paid: TestCheckoutSession = { ...session, payment_status: "paid" };
      await saveTestObject(tx, "checkout.session", paid);
      const eventId = await emitTestEvent(tx, "checkout.session.async_payment_succeeded", paid);
      return ok({ eventId, successUrl: successUrlOf(paid) });
    }
    await saveTestObject(tx, "payment_intent", {
      ...intent,
      status: "requires_payment_method",
      last_payment_error: { code: "payment_method_provider_decline", message: "The SEPA Direct Debit was refused by the bank. (test mode)" },
    });
    const eventId = await emitTestEvent(tx, "checkout.session.async_payment_failed", session);
    return ok({ eventId, successUrl: successUrlOf(session) });
  });
}

/** The session runs out before anyone pays. Emits `checkout.session.expired`. */
export async function expireTestCheckout(sessionId: string): Promise<Result<Emitted, TestSimulationError>> {
  assertTestMode();
  return db.transaction(async (tx) => {
    const session = await findTestObject(tx, "checkout.session", sessionId, { lock: true });
    if (!session) return fail("not_found");
    if (session.status === "complete") return fail("session_complete");
    if (session.status === "expired") return fail("session_expired");
    return ok({ eventId: await expire(tx, session) });
  });
}

/**
 * The expert finishes onboarding: payouts enabled, nothing due. Emits `account.updated` (with
 * the connected account on the event); a second completion changes nothing and emits nothing.
 */
export async function completeTestOnboarding(accountId: string): Promise<Result<Emitted & { changed: boolean }, TestSimulationError>> {
  assertTestMode();
  return db.transaction(async (tx) => {
    const account = await findTestObject(tx, "account", accountId, { lock: true });
    if (!account) return fail("not_found");
    if (account.payouts_enabled && account.details_submitted && account.requirements.currently_due.length === 0) {
      return ok({ eventId: null, changed: false });
    }
    const completed = { ...account, payouts_enabled: true, charges_enabled: true, details_submitted: true, requirements: { currently_due: [] } };
    await saveTestObject(tx, "account", completed);
    return ok({ eventId: await emitTestEvent(tx, "account.updated", completed, account.id), changed: true });
  });
}

/** The card holder disputes the payment with their bank. Emits `charge.dispute.created`. */
export async function openTestChargeback(paymentIntentId: string): Promise<Result<Emitted & { disputeId: string }, TestSimulationError>> {
  assertTestMode();
  return db.transaction(async (tx) => {
    const intent = await findTestObject(tx, "payment_intent", paymentIntentId, { lock: true });
    if (!intent) return fail("not_found");
    if (intent.status !== "succeeded" || !intent.latest_charge) return fail("not_paid");
    const charge = await getTestObject(tx, "charge", intent.latest_charge, { lock: true });
    if (charge.disputed) return fail("already_disputed");
    const amount = charge.amount - charge.amount_refunded;
    if (amount <= 0) return fail("fully_refunded");
    const dispute = await insertTestObject(
      tx,
      "dispute",
      {
        id: newTestId("dp_test_local"),
        object: "dispute",
        amount,
        currency: "eur",
        charge: charge.id,
        payment_intent: intent.id,
        reason: "fraudulent",
        status: "needs_response",
        created: unixNow(),
      },
      null,
    );
    await saveTestObject(tx, "charge", { ...charge, disputed: true });
    return ok({ eventId: await emitTestEvent(tx, "charge.dispute.created", dispute), disputeId: dispute.id });
  });
}
