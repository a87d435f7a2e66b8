import { isPaymentTestMode } from "@/lib/env";
import { stripeProvider } from "./stripe";
import { testModeProvider } from "./test-mode";
import type { PaymentProvider } from "./types";

/** Stripe when STRIPE_SECRET_KEY is set, else the local test mode (no real money). */
export function paymentProvider(): PaymentProvider {
  return isPaymentTestMode() ? testModeProvider() : stripeProvider();
}
