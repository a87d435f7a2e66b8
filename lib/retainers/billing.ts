import "server-only";
import { paymentProvider } from "@/lib/payments/provider";
import type { PaymentProvider } from "@/lib/payments/provider/types";
import { chargeDueMonths } from "./charge";
import { closeDueMonths } from "./close";
import { billApprovedExtraHours } from "./extra-hours-billing";
import { openDueMonths } from "./months";

export const RETAINER_BILLING_TASK = "retainer_billing";

/**
 * Worker (hourly): closes the months that ended (release, transfer, invoices), opens the months
 * that began, adds approved extra hours to the next month not charged yet, and charges what is
 * due (new months, retries). Each step is safe to run again after a crash. `now` is the clock: tests move it.
 */
export async function runRetainerBilling(
  now = new Date(),
  provider: PaymentProvider = paymentProvider(),
): Promise<{ closed: number; opened: number; extraHoursBilled: number; charged: number }> {
  const closed = await closeDueMonths(now);
  const opened = await openDueMonths(now);
  const extraHoursBilled = await billApprovedExtraHours(now);
  const charged = await chargeDueMonths(now, provider);
  return { closed, opened, extraHoursBilled, charged };
}
