import Stripe from "stripe";
import { env } from "@/lib/env";
import { stripeSetupCalls } from "./stripe-setup";
import type {
  AccountInfo,
  CheckoutSessionInfo,
  CheckoutSessionInput,
  OffSessionChargeInput,
  PaymentIntentInfo,
  PaymentProvider,
  RefundInfo,
  RefundInput,
  TransferInfo,
  TransferInput,
} from "./types";

let cached: { key: string; base: string | undefined; provider: PaymentProvider } | undefined;

/**
 * The real Stripe provider (Connect Express, separate charges and transfers, EUR), built on the
 * official SDK with the API version it pins. One instance per key and base URL. STRIPE_API_BASE
 * (tests only) sends every request to a local fake Stripe instead of api.stripe.com.
 */
function intentInfo(intent: Stripe.PaymentIntent, methodType: string | null): PaymentIntentInfo {
  return { id: intent.id, amount: intent.amount, amountReceived: intent.amount_received, status: intent.status, latestChargeId: idOf(intent.latest_charge), paymentMethodType: methodType };
}

export function stripeProvider(): PaymentProvider {
  const { STRIPE_SECRET_KEY: key, STRIPE_API_BASE: base } = env();
  if (!key) throw new Error("STRIPE_SECRET_KEY is not set: payments run in test mode");
  if (!cached || cached.key !== key || cached.base !== base) {
    cached = { key, base, provider: build(new Stripe(key, stripeConfig(base))) };
  }
  return cached.provider;
}

function stripeConfig(base: string | undefined): Stripe.StripeConfig {
  const config: Stripe.StripeConfig = {
    maxNetworkRetries: 2,
    timeout: 20_000,
    appInfo: { name: "Compagnon" },
  };
  if (!base) return config;
  const url = new URL(base);
  const protocol = url.protocol === "https:" ? "https" : "http";
  return { ...config, host: url.hostname, port: url.port || (protocol === "https" ? 443 : 80), protocol };
}

const idOf = (value: string | { id: string } | null | undefined): string | null =>
  value == null ? null : typeof value === "string" ? value : value.id;

/** Stripe enums are open (new values may appear): anything unknown reads as the safe default. */
function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return allowed.find((a) => a === value) ?? fallback;
}

function toSession(session: Stripe.Checkout.Session): CheckoutSessionInfo {
  return {
    id: session.id,
    url: session.url,
    // An unknown status never reads as paid: "open" and "unpaid" change nothing on our side.
    status: oneOf(session.status, ["open", "complete", "expired"], "open"),
    paymentStatus: oneOf(session.payment_status, ["paid", "unpaid", "no_payment_required"], "unpaid"),
    paymentIntentId: idOf(session.payment_intent),
    amountTotal: session.amount_total ?? 0,
    paymentId: session.metadata?.paymentId ?? null,
    expiresAt: new Date(session.expires_at * 1000),
  };
}

/**
 * The payment method actually used: the expanded `payment_method`'s type; before one is attached,
 * the only allowed type if there is a single one; otherwise unknown (null).
 */
function paymentMethodType(intent: Stripe.PaymentIntent): string | null {
  const method = intent.payment_method;
  if (method && typeof method === "object") return method.type;
  return intent.payment_method_types.length === 1 ? (intent.payment_method_types[0] ?? null) : null;
}

function toTransfer(transfer: Stripe.Transfer): TransferInfo {
  return { id: transfer.id, amount: transfer.amount, destination: idOf(transfer.destination) ?? "", reversed: transfer.reversed };
}

/** Whether an object made by Stripe carries every metadata entry we sent with it (our row ids). */
function sameMetadata(found: Stripe.Metadata | null, sent: Record<string, string>): boolean {
  return Object.entries(sent).every(([key, value]) => found?.[key] === value);
}

const toRefund = (refund: Stripe.Refund): RefundInfo => ({ id: refund.id, amount: refund.amount, status: refund.status ?? "pending" });

function build(stripe: Stripe): PaymentProvider {
  return {
    mode: "stripe",
    ...stripeSetupCalls(stripe),

    async createExpressAccount({ userId, email, idempotencyKey }) {
      // An Express account (Express dashboard, platform liable for losses and paying Stripe's
      // fees) that only receives transfers: the recipient service agreement, no card_payments.
      const account = await stripe.accounts.create(
        {
          country: "FR",
          email,
          controller: {
            stripe_dashboard: { type: "express" },
            fees: { payer: "application" },
            losses: { payments: "application" },
            requirement_collection: "stripe",
          },
          capabilities: { transfers: { requested: true } },
          tos_acceptance: { service_agreement: "recipient" },
          metadata: { userId },
        },
        { idempotencyKey },
      );
      return { id: account.id };
    },

    async createAccountLink(accountId, { refreshUrl, returnUrl }) {
      const link = await stripe.accountLinks.create({ account: accountId, type: "account_onboarding", refresh_url: refreshUrl, return_url: returnUrl });
      return { url: link.url };
    },

    async createLoginLink(accountId) {
      const link = await stripe.accounts.createLoginLink(accountId);
      return { url: link.url };
    },

    async retrieveAccount(accountId): Promise<AccountInfo> {
      const account = await stripe.accounts.retrieve(accountId);
      return {
        id: account.id,
        payoutsEnabled: account.payouts_enabled,
        detailsSubmitted: account.details_submitted,
        requirementsDue: account.requirements?.currently_due ?? [],
      };
    },

    async createCheckoutSession(input: CheckoutSessionInput) {
      const metadata = { paymentId: input.paymentId, milestoneId: input.milestoneId, contractId: input.contractId };
      const session = await stripe.checkout.sessions.create(
        {
          mode: "payment",
          // API 2026-09-30 and later: `payment_method_types` is gone; this filters the
          // dynamically eligible methods down to card and SEPA Direct Debit.
          allowed_payment_method_types: ["card", "sepa_debit"],
          line_items: [{ quantity: 1, price_data: { currency: "eur", unit_amount: input.amountCents, product_data: { name: input.description } } }],
          payment_intent_data: { transfer_group: input.contractId, metadata },
          metadata,
          client_reference_id: input.paymentId,
          customer_email: input.customerEmail,
          locale: input.locale,
          success_url: input.successUrl,
          cancel_url: input.cancelUrl,
          // Fixed by the caller when it recorded the intent: a retry sends the same request.
          expires_at: input.expiresAt,
        },
        { idempotencyKey: input.idempotencyKey },
      );
      return toSession(session);
    },

    async retrieveCheckoutSession(sessionId) {
      return toSession(await stripe.checkout.sessions.retrieve(sessionId));
    },

    async expireCheckoutSession(sessionId) {
      try {
        return toSession(await stripe.checkout.sessions.expire(sessionId));
      } catch (error) {
        // Only an open session can be expired: one already complete or expired is read back.
        if (error instanceof Stripe.errors.StripeInvalidRequestError && error.statusCode === 400) return toSession(await stripe.checkout.sessions.retrieve(sessionId));
        throw error;
      }
    },

    async retrievePaymentIntent(paymentIntentId): Promise<PaymentIntentInfo> {
      const intent = await stripe.paymentIntents.retrieve(paymentIntentId, { expand: ["payment_method"] });
      return intentInfo(intent, paymentMethodType(intent));
    },

    async chargeOffSession(input: OffSessionChargeInput): Promise<PaymentIntentInfo> {
      const intent = await stripe.paymentIntents.create(
        {
          amount: input.amountCents,
          currency: "eur",
          customer: input.customerId,
          payment_method: input.paymentMethodId,
          off_session: true,
          confirm: true,
          transfer_group: input.contractId,
          description: input.description,
          metadata: input.metadata,
        },
        { idempotencyKey: input.idempotencyKey },
      );
      return intentInfo(intent, input.paymentMethodKind);
    },

    async createTransfer(input: TransferInput) {
      const transfer = await stripe.transfers.create(
        {
          amount: input.amountCents,
          currency: "eur",
          destination: input.destinationAccountId,
          transfer_group: input.transferGroup,
          // Ties the transfer to the charge: it may be created before the funds are available.
          source_transaction: input.sourceChargeId ?? undefined,
          description: input.description,
          metadata: input.metadata,
        },
        { idempotencyKey: input.idempotencyKey },
      );
      return toTransfer(transfer);
    },

    async retrieveTransfer(transferId) {
      return toTransfer(await stripe.transfers.retrieve(transferId));
    },

    async findTransfer(input: TransferInput) {
      for await (const transfer of stripe.transfers.list({ transfer_group: input.transferGroup, limit: 100 })) {
        if (sameMetadata(transfer.metadata, input.metadata)) return toTransfer(transfer);
      }
      return null;
    },

    async createRefund(input: RefundInput) {
      const refund = await stripe.refunds.create(
        { payment_intent: input.paymentIntentId, amount: input.amountCents, metadata: input.metadata },
        { idempotencyKey: input.idempotencyKey },
      );
      return toRefund(refund);
    },

    async retrieveRefund(refundId) {
      return toRefund(await stripe.refunds.retrieve(refundId));
    },

    async findRefund(input: RefundInput) {
      for await (const refund of stripe.refunds.list({ payment_intent: input.paymentIntentId, limit: 100 })) {
        if (sameMetadata(refund.metadata, input.metadata)) return toRefund(refund);
      }
      return null;
    },
  };
}
