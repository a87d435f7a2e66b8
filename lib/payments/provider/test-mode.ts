import "server-only";
import { db } from "@/db/client";
import { appUrl } from "@/lib/http/app-url";
import {
  findByIdempotencyKey,
  getTestObject,
  insertTestObject,
  newTestId,
  saveTestObject,
  unixNow,
  type TestAccount,
  type TestCheckoutSession,
  type TestPaymentIntent,
  type TestRefund,
  type TestTransfer,
} from "@/lib/payments/test-mode/objects";
import { chargeTestOffSession } from "@/lib/payments/test-mode/off-session";
import { testSetupCalls } from "@/lib/payments/test-mode/setup";
import { expireTestCheckout } from "@/lib/payments/test-mode/simulate";
import type { AccountInfo, CheckoutSessionInfo, PaymentIntentInfo, PaymentProvider, RefundInfo, TransferInfo } from "./types";

/** What a new Express account still has to provide, as Stripe reports it. */
export const TEST_ACCOUNT_INITIAL_REQUIREMENTS = ["external_account", "tos_acceptance.date"];

/** Stripe refuses EUR charges under 0,50 €. */
const MINIMUM_CHARGE_CENTS = 50;

function requirePositiveCents(amount: number, what: string): void {
  if (!Number.isInteger(amount) || amount <= 0) throw new Error(`Invalid ${what} amount: ${amount} (positive integer cents expected)`);
}

function requireAbsoluteUrl(value: string, what: string): void {
  if (!URL.canParse(value)) throw new Error(`Invalid ${what}: '${value}' is not an absolute URL`);
}

const accountInfo = (a: TestAccount): AccountInfo => ({
  id: a.id,
  payoutsEnabled: a.payouts_enabled,
  detailsSubmitted: a.details_submitted,
  requirementsDue: [...a.requirements.currently_due],
});

const sessionInfo = (s: TestCheckoutSession): CheckoutSessionInfo => ({
  id: s.id,
  url: s.status === "open" ? s.url : null,
  status: s.status,
  paymentStatus: s.payment_status,
  paymentIntentId: s.payment_intent,
  amountTotal: s.amount_total,
  paymentId: s.metadata.paymentId ?? null,
  expiresAt: new Date(s.expires_at * 1000),
});

const intentInfo = (pi: TestPaymentIntent): PaymentIntentInfo => ({
  id: pi.id,
  amount: pi.amount,
  amountReceived: pi.amount_received,
  status: pi.status,
  latestChargeId: pi.latest_charge,
  paymentMethodType: pi.payment_method_types.length === 1 ? (pi.payment_method_types[0] ?? null) : null,
});

const transferInfo = (t: TestTransfer): TransferInfo => ({ id: t.id, amount: t.amount, destination: t.destination, reversed: t.reversed });

const refundInfo = (r: TestRefund): RefundInfo => ({ id: r.id, amount: r.amount, status: r.status });

/**
 * The local provider used when no Stripe key is configured: the same calls, answered from
 * `test_mode_objects`; no money moves. Payments themselves are simulated from the local
 * checkout page (lib/payments/test-mode/simulate.ts), which emits Stripe-like events.
 */
export function testModeProvider(): PaymentProvider {
  return {
    mode: "test",
    ...testSetupCalls,

    async createExpressAccount({ userId, email, idempotencyKey }) {
      const account = await insertTestObject(
        db,
        "account",
        {
          id: newTestId("acct_test"),
          object: "account",
          type: "express",
          email,
          metadata: { userId },
          payouts_enabled: false,
          charges_enabled: false,
          details_submitted: false,
          requirements: { currently_due: [...TEST_ACCOUNT_INITIAL_REQUIREMENTS] },
          created: unixNow(),
        },
        idempotencyKey,
      );
      return { id: account.id };
    },

    async createAccountLink(accountId, { refreshUrl, returnUrl }) {
      await getTestObject(db, "account", accountId);
      const query = new URLSearchParams({ return: returnUrl, refresh: refreshUrl });
      return { url: appUrl(`/pay/test/onboarding/${encodeURIComponent(accountId)}?${query.toString()}`) };
    },

    async createLoginLink(accountId) {
      await getTestObject(db, "account", accountId);
      return { url: appUrl(`/pay/test/dashboard/${encodeURIComponent(accountId)}`) };
    },

    async retrieveAccount(accountId) {
      return accountInfo(await getTestObject(db, "account", accountId));
    },

    async createCheckoutSession(input) {
      requirePositiveCents(input.amountCents, "checkout");
      if (input.amountCents < MINIMUM_CHARGE_CENTS) throw new Error(`Amount must be at least €0.50 (got ${input.amountCents} cents)`);
      requireAbsoluteUrl(input.successUrl, "success_url");
      requireAbsoluteUrl(input.cancelUrl, "cancel_url");
      const id = newTestId("cs_test_local");
      const now = unixNow();
      const metadata = { paymentId: input.paymentId, milestoneId: input.milestoneId, contractId: input.contractId };
      const session = await insertTestObject(
        db,
        "checkout.session",
        {
          id,
          object: "checkout.session",
          mode: "payment",
          status: "open",
          payment_status: "unpaid",
          payment_intent: null,
          amount_total: input.amountCents,
          currency: "eur",
          metadata,
          client_reference_id: input.paymentId,
          customer_email: input.customerEmail,
          locale: input.locale,
          payment_method_types: ["card", "sepa_debit"],
          payment_intent_data: { description: input.description, transfer_group: input.contractId, metadata },
          success_url: input.successUrl,
          cancel_url: input.cancelUrl,
          url: appUrl(`/pay/test/checkout/${id}`),
          expires_at: input.expiresAt,
          created: now,
        },
        input.idempotencyKey,
      );
      return sessionInfo(session);
    },

    async retrieveCheckoutSession(sessionId) {
      return sessionInfo(await getTestObject(db, "checkout.session", sessionId));
    },

    async expireCheckoutSession(sessionId) {
      await expireTestCheckout(sessionId); // refused (and nothing done) when complete or already expired
      return sessionInfo(await getTestObject(db, "checkout.session", sessionId));
    },

    async retrievePaymentIntent(paymentIntentId) {
      return intentInfo(await getTestObject(db, "payment_intent", paymentIntentId));
    },

    async chargeOffSession(input) {
      requirePositiveCents(input.amountCents, "off-session charge");
      return intentInfo(await chargeTestOffSession(input));
    },

    async createTransfer(input) {
      requirePositiveCents(input.amountCents, "transfer");
      return db.transaction(async (tx) => {
        const earlier = await findByIdempotencyKey(tx, "transfer", input.idempotencyKey);
        if (earlier) return transferInfo(earlier);
        const destination = await getTestObject(tx, "account", input.destinationAccountId);
        if (!destination.payouts_enabled) {
          throw new Error(`Destination account ${destination.id} cannot receive transfers yet: its onboarding is not complete (test mode)`);
        }
        if (input.sourceChargeId) await getTestObject(tx, "charge", input.sourceChargeId);
        const transfer = await insertTestObject(
          tx,
          "transfer",
          {
            id: newTestId("tr_test_local"),
            object: "transfer",
            amount: input.amountCents,
            currency: "eur",
            destination: destination.id,
            transfer_group: input.transferGroup,
            source_transaction: input.sourceChargeId,
            description: input.description,
            metadata: { ...input.metadata },
            reversed: false,
            created: unixNow(),
          },
          input.idempotencyKey,
        );
        return transferInfo(transfer);
      });
    },

    async retrieveTransfer(transferId) {
      return transferInfo(await getTestObject(db, "transfer", transferId));
    },

    // Test mode keeps its idempotency keys for ever: the key finds what the first call made.
    async findTransfer(input) {
      const earlier = await findByIdempotencyKey(db, "transfer", input.idempotencyKey);
      return earlier ? transferInfo(earlier) : null;
    },

    async createRefund(input) {
      requirePositiveCents(input.amountCents, "refund");
      return db.transaction(async (tx) => {
        // The payment intent is locked so that two refunds cannot both pass the limit, and a
        // retry with the same key, once it holds the lock, finds the refund made before.
        const intent = await getTestObject(tx, "payment_intent", input.paymentIntentId, { lock: true });
        const earlier = await findByIdempotencyKey(tx, "refund", input.idempotencyKey);
        if (earlier) return refundInfo(earlier);
        if (intent.status !== "succeeded" || !intent.latest_charge) {
          throw new Error(`Payment intent ${intent.id} has no successful charge to refund (status ${intent.status}) (test mode)`);
        }
        const charge = await getTestObject(tx, "charge", intent.latest_charge, { lock: true });
        const refundable = intent.amount - charge.amount_refunded;
        if (input.amountCents > refundable) {
          throw new Error(
            `Refund amount (${input.amountCents}) is greater than the unrefunded amount of payment intent ${intent.id} (${refundable}) (test mode)`,
          );
        }
        const refund = await insertTestObject(
          tx,
          "refund",
          {
            id: newTestId("re_test_local"),
            object: "refund",
            amount: input.amountCents,
            currency: "eur",
            payment_intent: intent.id,
            charge: charge.id,
            status: "succeeded",
            metadata: { ...input.metadata },
            created: unixNow(),
          },
          input.idempotencyKey,
        );
        const amountRefunded = charge.amount_refunded + refund.amount;
        await saveTestObject(tx, "charge", { ...charge, amount_refunded: amountRefunded, refunded: amountRefunded >= charge.amount });
        return refundInfo(refund);
      });
    },

    async retrieveRefund(refundId) {
      return refundInfo(await getTestObject(db, "refund", refundId));
    },

    async findRefund(input) {
      const earlier = await findByIdempotencyKey(db, "refund", input.idempotencyKey);
      return earlier ? refundInfo(earlier) : null;
    },
  };
}
