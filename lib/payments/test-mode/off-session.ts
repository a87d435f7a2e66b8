import "server-only";
import { db } from "@/db/client";
import type { OffSessionChargeInput } from "@/lib/payments/provider/types";
import { emitTestEvent, findByIdempotencyKey, insertTestObject, newTestId, unixNow, type TestPaymentIntent } from "./objects";
import { succeed } from "./simulate";

/** A saved test payment method whose id holds this declines every charge (to play a failed debit). */
export const FAILING_TEST_METHOD_MARK = "_fail";

/**
 * Test mode's off-session charge: the saved method is charged at once (a SEPA debit settles
 * immediately here), or declined when the method is a failing one, and the event Stripe would
 * send (payment_intent.succeeded or payment_intent.payment_failed) is emitted for the handlers.
 * The same idempotency key returns the same intent, with no second event.
 */
export async function chargeTestOffSession(input: OffSessionChargeInput): Promise<TestPaymentIntent> {
  return db.transaction(async (tx) => {
    const earlier = await findByIdempotencyKey(tx, "payment_intent", input.idempotencyKey);
    if (earlier) return earlier;
    const declined = input.paymentMethodId.includes(FAILING_TEST_METHOD_MARK);
    const intent = await insertTestObject(
      tx,
      "payment_intent",
      {
        id: newTestId("pi_test_local"),
        object: "payment_intent",
        amount: input.amountCents,
        amount_received: 0,
        currency: "eur",
        status: "requires_payment_method",
        latest_charge: null,
        payment_method_types: [input.paymentMethodKind],
        last_payment_error: declined ? { code: "insufficient_funds", message: "The debit was refused (test mode)." } : null,
        transfer_group: input.contractId,
        description: input.description,
        metadata: input.metadata,
        created: unixNow(),
      },
      input.idempotencyKey,
    );
    if (declined) {
      await emitTestEvent(tx, "payment_intent.payment_failed", intent);
      return intent;
    }
    const paid = await succeed(tx, intent, input.paymentMethodKind);
    await emitTestEvent(tx, "payment_intent.succeeded", paid);
    return paid;
  });
}
