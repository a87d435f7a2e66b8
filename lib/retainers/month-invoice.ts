import "server-only";
import type { Executor } from "@/db/client";
import type { InvoiceLine, RetainerExtraHours, RetainerMonth } from "@/db/schema";
import { lineTotal } from "@/lib/invoicing/facturx/consistency";
import { documentMoney } from "@/lib/money/format";
import { hoursText } from "@/lib/tickets/hours";
import { extraHoursChargedWith } from "./extra-hours-billing";

export type LineWithoutRate = Omit<InvoiceLine, "vatRateBps">;

/** "1.5" for 90 minutes: the hours as an exact decimal, or null when they have none (20 minutes). */
function exactHours(minutes: number): string | null {
  if ((minutes * 10_000) % 60 !== 0) return null;
  return String((minutes * 10_000) / 60 / 10_000);
}

/** One line for extra hours: n hours at the hour's price when that totals their amount exactly, else one lump of their amount. */
export function extraHoursLine(extra: Pick<RetainerExtraHours, "minutes" | "extraHourCents" | "amountCents" | "periodStart">): LineWithoutRate {
  const description = `Heures supplémentaires (${hoursText(extra.minutes)} × ${documentMoney(extra.extraHourCents, "fr")}), mois du ${extra.periodStart}`;
  const hours = exactHours(extra.minutes);
  if (hours && lineTotal(hours, extra.extraHourCents) === extra.amountCents) {
    return { description, quantity: hours, unitPriceExVatCents: extra.extraHourCents, totalExVatCents: extra.amountCents };
  }
  return { description, quantity: "1", unitPriceExVatCents: extra.amountCents, totalExVatCents: extra.amountCents };
}

/**
 * The lines of a month's invoice when its charge carries extra hours: the monthly fee, then each
 * month's extra hours (only those for extra hours billed alone). Undefined for a month carrying
 * none (the invoice keeps its one line).
 */
export async function monthInvoiceLines(executor: Executor, month: Pick<RetainerMonth, "id" | "kind" | "feeCents" | "periodStart">): Promise<LineWithoutRate[] | undefined> {
  const extras = await extraHoursChargedWith(executor, month.id);
  if (extras.length === 0) return undefined;
  if (month.kind === "extra_hours") return extras.map(extraHoursLine);
  const fee: LineWithoutRate = { description: `Forfait mensuel, mois du ${month.periodStart}`, quantity: "1", unitPriceExVatCents: month.feeCents, totalExVatCents: month.feeCents };
  return [fee, ...extras.map(extraHoursLine)];
}
