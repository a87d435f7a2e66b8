import type Stripe from "stripe";
import type { PaymentProvider, SetupIntentInfo, SetupSessionInfo } from "./types";

/*
 * The Stripe calls that save a payment method for later off-session charges (a retainer's
 * months): the organisation's customer, a Checkout session in setup mode, the setup intent it
 * leaves, and the customer's default method.
 */

const idOf = (value: string | { id: string } | null | undefined): string | null => (value == null ? null : typeof value === "string" ? value : value.id);

function toSetupSession(session: Stripe.Checkout.Session): SetupSessionInfo {
  // An unknown status never reads as complete.
  const status = session.status === "complete" ? "complete" : session.status === "expired" ? "expired" : "open";
  return {
    id: session.id,
    url: session.url,
    status,
    setupIntentId: idOf(session.setup_intent),
    customerId: idOf(session.customer),
    contractId: session.metadata?.contractId ?? null,
    setupId: session.metadata?.setupId ?? null,
  };
}

function toSetupIntent(intent: Stripe.SetupIntent): SetupIntentInfo {
  const method = intent.payment_method;
  const type = method && typeof method === "object" ? method.type : intent.payment_method_types.length === 1 ? (intent.payment_method_types[0] ?? null) : null;
  return {
    id: intent.id,
    status: intent.status,
    customerId: idOf(intent.customer),
    paymentMethodId: idOf(method),
    paymentMethodType: type,
    mandateId: idOf(intent.mandate),
    errorCode: intent.last_setup_error?.code ?? null,
    contractId: intent.metadata?.contractId ?? null,
    setupId: intent.metadata?.setupId ?? null,
  };
}

export function stripeSetupCalls(stripe: Stripe): Pick<PaymentProvider, "createCustomer" | "createSetupSession" | "retrieveSetupSession" | "retrieveSetupIntent" | "retrieveMandate" | "setDefaultPaymentMethod"> {
  return {
    async createCustomer({ organizationId, name, email, idempotencyKey }) {
      const customer = await stripe.customers.create({ name, email, metadata: { organizationId } }, { idempotencyKey });
      return { id: customer.id };
    },

    async createSetupSession(input) {
      const metadata = { contractId: input.contractId, setupId: input.setupId };
      const session = await stripe.checkout.sessions.create(
        {
          mode: "setup",
          currency: "eur",
          customer: input.customerId,
          // Only the method the client chose: a SEPA Direct Debit mandate, or a card. (The
          // pinned API, 2026-09-30 and later, has no `payment_method_types` here: this filter replaces it.)
          allowed_payment_method_types: [input.kind],
          setup_intent_data: { metadata },
          metadata,
          client_reference_id: input.setupId,
          locale: input.locale,
          success_url: input.successUrl,
          cancel_url: input.cancelUrl,
        },
        { idempotencyKey: input.idempotencyKey },
      );
      return toSetupSession(session);
    },

    async retrieveSetupSession(sessionId) {
      return toSetupSession(await stripe.checkout.sessions.retrieve(sessionId));
    },

    async retrieveSetupIntent(setupIntentId) {
      return toSetupIntent(await stripe.setupIntents.retrieve(setupIntentId, { expand: ["payment_method"] }));
    },

    async retrieveMandate(mandateId) {
      const mandate = await stripe.mandates.retrieve(mandateId);
      return { id: mandate.id, status: mandate.status };
    },

    async setDefaultPaymentMethod({ customerId, paymentMethodId, idempotencyKey }) {
      await stripe.customers.update(customerId, { invoice_settings: { default_payment_method: paymentMethodId } }, { idempotencyKey });
    },
  };
}
