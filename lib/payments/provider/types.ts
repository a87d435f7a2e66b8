import type { CheckoutRequest } from "@/db/schema";

/**
 * What Compagnon needs from a payment provider. Two implementations: Stripe (real SDK, Connect
 * Express, separate charges and transfers) and the local test mode used when no Stripe key is
 * configured. Amounts are integer cents, currency EUR. Every creating call takes an
 * idempotency key derived from our own row, so a retry never creates a second object.
 */
export interface PaymentProvider {
  readonly mode: "stripe" | "test";

  createExpressAccount(input: { userId: string; email: string; idempotencyKey: string }): Promise<{ id: string }>;
  /** Onboarding link (Stripe-hosted, or the local test page). */
  createAccountLink(accountId: string, urls: { refreshUrl: string; returnUrl: string }): Promise<{ url: string }>;
  /** Link to the Express dashboard (or the local test stand-in). */
  createLoginLink(accountId: string): Promise<{ url: string }>;
  retrieveAccount(accountId: string): Promise<AccountInfo>;

  createCheckoutSession(input: CheckoutSessionInput): Promise<CheckoutSessionInfo>;
  retrieveCheckoutSession(sessionId: string): Promise<CheckoutSessionInfo>;
  /** Closes an open session (nobody may pay it any more); one already complete or expired is returned as it is. */
  expireCheckoutSession(sessionId: string): Promise<CheckoutSessionInfo>;
  retrievePaymentIntent(paymentIntentId: string): Promise<PaymentIntentInfo>;

  /**
   * Charges a customer's saved payment method without the customer present (a retainer month):
   * a confirmed, off-session payment intent. Its outcome also arrives as a payment_intent.* event.
   */
  chargeOffSession(input: OffSessionChargeInput): Promise<PaymentIntentInfo>;

  /** A customer (the client organisation) whose saved payment methods are charged off-session. */
  createCustomer(input: { organizationId: string; name: string; email: string; idempotencyKey: string }): Promise<{ id: string }>;
  /** A Checkout session in setup mode: the customer signs a SEPA mandate or saves a card, nothing is charged. */
  createSetupSession(input: SetupSessionInput): Promise<SetupSessionInfo>;
  retrieveSetupSession(sessionId: string): Promise<SetupSessionInfo>;
  retrieveSetupIntent(setupIntentId: string): Promise<SetupIntentInfo>;
  /** A SEPA Direct Debit mandate's status: "active", "pending" or "inactive" (refused or revoked at the bank). */
  retrieveMandate(mandateId: string): Promise<{ id: string; status: string }>;
  /** Makes the method the customer's default (`invoice_settings.default_payment_method`). */
  setDefaultPaymentMethod(input: { customerId: string; paymentMethodId: string; idempotencyKey: string }): Promise<void>;

  createTransfer(input: TransferInput): Promise<TransferInfo>;
  retrieveTransfer(transferId: string): Promise<TransferInfo>;
  /**
   * The transfer an earlier `createTransfer(input)` made, if any: looked up by its transfer group
   * and metadata, for a retry after the idempotency key may have expired (Stripe keeps keys 24 h).
   */
  findTransfer(input: TransferInput): Promise<TransferInfo | null>;

  createRefund(input: RefundInput): Promise<RefundInfo>;
  retrieveRefund(refundId: string): Promise<RefundInfo>;
  /** The refund an earlier `createRefund(input)` made, if any: by payment intent and metadata. */
  findRefund(input: RefundInput): Promise<RefundInfo | null>;
}

export interface AccountInfo {
  id: string;
  payoutsEnabled: boolean;
  detailsSubmitted: boolean;
  /** `requirements.currently_due`, e.g. ["external_account", "individual.id_number"]. */
  requirementsDue: string[];
}

/**
 * The stored request (amount, description — shown on the payment page, e.g. "Jalon 1 —
 * Installation (contrat « … »)" —, customer, URLs, expiry in unix seconds) and our references.
 */
export interface CheckoutSessionInput extends CheckoutRequest {
  /** Our payments row: also sent as metadata.paymentId and client_reference_id. */
  paymentId: string;
  milestoneId: string;
  /** transfer_group of the charge: the contract. */
  contractId: string;
  idempotencyKey: string;
}

export interface CheckoutSessionInfo {
  id: string;
  url: string | null;
  status: "open" | "complete" | "expired";
  paymentStatus: "paid" | "unpaid" | "no_payment_required";
  paymentIntentId: string | null;
  amountTotal: number;
  /** metadata.paymentId: our payments row. */
  paymentId: string | null;
  expiresAt: Date;
}

export interface PaymentIntentInfo {
  id: string;
  amount: number;
  amountReceived: number;
  /** Stripe statuses: succeeded, processing, requires_payment_method, canceled… */
  status: string;
  latestChargeId: string | null;
  /** "card", "sepa_debit"… of the payment method used, when known. */
  paymentMethodType: string | null;
}

export interface OffSessionChargeInput {
  amountCents: number;
  customerId: string;
  paymentMethodId: string;
  paymentMethodKind: "sepa_debit" | "card";
  /** transfer_group of the charge: the contract. */
  contractId: string;
  description: string;
  /** metadata.paymentId names our payments row. */
  metadata: Record<string, string>;
  idempotencyKey: string;
}

export interface SetupSessionInput {
  customerId: string;
  kind: "sepa_debit" | "card";
  locale: "fr" | "en";
  successUrl: string;
  cancelUrl: string;
  /** Sent as metadata (session and setup intent): the contract and our setup row. */
  contractId: string;
  setupId: string;
  idempotencyKey: string;
}

export interface SetupSessionInfo {
  id: string;
  url: string | null;
  status: "open" | "complete" | "expired";
  setupIntentId: string | null;
  customerId: string | null;
  /** metadata.contractId and metadata.setupId, as we sent them. */
  contractId: string | null;
  setupId: string | null;
}

export interface SetupIntentInfo {
  id: string;
  /** Stripe statuses: succeeded, processing, requires_payment_method, canceled… */
  status: string;
  customerId: string | null;
  paymentMethodId: string | null;
  /** "card" or "sepa_debit", when known. */
  paymentMethodType: string | null;
  /** The SEPA Direct Debit mandate, if any. */
  mandateId: string | null;
  /** last_setup_error.code, if any. */
  errorCode: string | null;
  /** metadata.contractId and metadata.setupId. */
  contractId: string | null;
  setupId: string | null;
}

export interface TransferInput {
  amountCents: number;
  destinationAccountId: string;
  transferGroup: string;
  /** The charge the money came from, so the transfer waits for its funds. */
  sourceChargeId: string | null;
  description: string;
  metadata: Record<string, string>;
  idempotencyKey: string;
}

export interface TransferInfo {
  id: string;
  amount: number;
  destination: string;
  reversed: boolean;
}

export interface RefundInput {
  paymentIntentId: string;
  amountCents: number;
  metadata: Record<string, string>;
  idempotencyKey: string;
}

export interface RefundInfo {
  id: string;
  amount: number;
  /** succeeded, pending, failed, canceled, requires_action */
  status: string;
}

/**
 * The Stripe event types we accept (anything else is acknowledged and dropped). Test mode emits
 * the same types with the same object shapes.
 */
export const HANDLED_EVENT_TYPES = [
  "checkout.session.completed",
  "checkout.session.async_payment_succeeded",
  "checkout.session.async_payment_failed",
  "checkout.session.expired",
  "account.updated",
  "charge.dispute.created",
  "payment_intent.succeeded",
  "payment_intent.payment_failed",
  "setup_intent.setup_failed",
  "mandate.updated",
] as const;

export type HandledEventType = (typeof HANDLED_EVENT_TYPES)[number];

/** The part of a Stripe event we keep and act on (test mode builds the same shape). */
export interface ProviderEvent {
  id: string;
  type: string;
  livemode: boolean;
  created: number;
  data: { object: Record<string, unknown> & { id: string } };
  /** Connect events carry the connected account id. */
  account?: string;
}
