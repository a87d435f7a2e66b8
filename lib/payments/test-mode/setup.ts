import "server-only";
import { db } from "@/db/client";
import { appUrl } from "@/lib/http/app-url";
import type { PaymentProvider, SetupIntentInfo, SetupSessionInfo } from "@/lib/payments/provider/types";
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
  type TestSetupIntent,
  type TestSetupSession,
} from "./objects";

/*
 * Test mode's side of saving a payment method: the organisation's customer, the Checkout session
 * in setup mode (paid on the local page /pay/test/setup/…), its setup intent, and what the person
 * does there, emitting the events Stripe would send to the same handlers.
 */

/** A setup session lasts a day, like Stripe's default. */
const SESSION_SECONDS = 24 * 3600;

const sessionInfo = (s: TestSetupSession): SetupSessionInfo => ({
  id: s.id,
  url: s.status === "open" ? s.url : null,
  status: s.status,
  setupIntentId: s.setup_intent,
  customerId: s.customer,
  contractId: s.metadata.contractId,
  setupId: s.metadata.setupId,
});

const intentInfo = (i: TestSetupIntent): SetupIntentInfo => ({
  id: i.id,
  status: i.status,
  customerId: i.customer,
  paymentMethodId: i.payment_method,
  paymentMethodType: i.payment_method_types[0] ?? null,
  mandateId: i.mandate,
  errorCode: i.last_setup_error?.code ?? null,
  contractId: i.metadata.contractId,
  setupId: i.metadata.setupId,
});

export const testSetupCalls: Pick<PaymentProvider, "createCustomer" | "createSetupSession" | "retrieveSetupSession" | "retrieveSetupIntent" | "retrieveMandate" | "setDefaultPaymentMethod"> = {
  async createCustomer({ organizationId, name, email, idempotencyKey }) {
    const customer = await insertTestObject(
      db,
      "customer",
      { id: newTestId("cus_test_local"), object: "customer", name, email, metadata: { organizationId }, invoice_settings: { default_payment_method: null }, created: unixNow() },
      idempotencyKey,
    );
    return { id: customer.id };
  },

  async createSetupSession(input) {
    if (!URL.canParse(input.successUrl) || !URL.canParse(input.cancelUrl)) throw new Error("Invalid success_url or cancel_url: absolute URLs expected (test mode)");
    await getTestObject(db, "customer", input.customerId);
    const id = newTestId("cs_test_local");
    const session = await insertTestObject(
      db,
      "setup_session",
      {
        id,
        object: "checkout.session",
        mode: "setup",
        status: "open",
        currency: "eur",
        customer: input.customerId,
        setup_intent: null,
        payment_method_types: [input.kind],
        metadata: { contractId: input.contractId, setupId: input.setupId },
        client_reference_id: input.setupId,
        locale: input.locale,
        success_url: input.successUrl,
        cancel_url: input.cancelUrl,
        url: appUrl(`/pay/test/setup/${id}`),
        expires_at: unixNow() + SESSION_SECONDS,
        created: unixNow(),
      },
      input.idempotencyKey,
    );
    return sessionInfo(session);
  },

  async retrieveSetupSession(sessionId) {
    return sessionInfo(await getTestObject(db, "setup_session", sessionId));
  },

  async retrieveSetupIntent(setupIntentId) {
    return intentInfo(await getTestObject(db, "setup_intent", setupIntentId));
  },

  async retrieveMandate(mandateId) {
    const mandate = await getTestObject(db, "mandate", mandateId);
    return { id: mandate.id, status: mandate.status };
  },

  async setDefaultPaymentMethod({ customerId, paymentMethodId }) {
    await db.transaction(async (tx) => {
      const customer = await getTestObject(tx, "customer", customerId, { lock: true });
      await saveTestObject(tx, "customer", { ...customer, invoice_settings: { default_payment_method: paymentMethodId } });
    });
  },
};

export type TestSetupError = "not_found" | "session_expired" | "session_complete";

/**
 * The person on the setup page: `save` signs the SEPA mandate or saves the card (the setup
 * intent succeeds, the session completes, `checkout.session.completed` is emitted); `refuse`
 * plays the bank or card refusing it (`setup_intent.setup_failed`, the session stays open).
 */
export async function simulateTestSetup(sessionId: string, outcome: "save" | "refuse"): Promise<Result<{ next: string | null }, TestSetupError>> {
  assertTestMode();
  return db.transaction(async (tx) => {
    const session = await findTestObject(tx, "setup_session", sessionId, { lock: true });
    if (!session) return fail("not_found");
    if (session.status === "complete") return fail("session_complete");
    if (session.status === "expired" || session.expires_at <= unixNow()) return fail("session_expired");
    const kind = session.payment_method_types[0] ?? "card";
    const saved = outcome === "save";
    const method = saved ? newTestId(`pm_test_local_${kind}`) : null;
    const mandate = method && kind === "sepa_debit" ? await insertTestObject(tx, "mandate", { id: newTestId("mandate_test_local"), object: "mandate", payment_method: method, status: "active", type: "multi_use" }, null) : null;
    const intent = await insertTestObject(
      tx,
      "setup_intent",
      {
        id: newTestId("seti_test_local"),
        object: "setup_intent",
        status: saved ? "succeeded" : "requires_payment_method",
        customer: session.customer,
        payment_method: method,
        payment_method_types: [kind],
        mandate: mandate?.id ?? null,
        usage: "off_session",
        last_setup_error: saved ? null : { code: kind === "card" ? "card_declined" : "payment_method_provider_decline", message: "Refused (test mode)." },
        metadata: { ...session.metadata },
        created: unixNow(),
      },
      null,
    );
    if (!saved) {
      await emitTestEvent(tx, "setup_intent.setup_failed", intent);
      return ok({ next: null });
    }
    const completed: TestSetupSession = { ...session, status: "complete", setup_intent: intent.id, url: null };
    await saveTestObject(tx, "setup_session", completed);
    await emitTestEvent(tx, "checkout.session.completed", completed);
    return ok({ next: completed.success_url.replaceAll("{CHECKOUT_SESSION_ID}", completed.id) });
  });
}
