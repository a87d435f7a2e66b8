import { withVat } from "@/lib/money/commission";

/**
 * A one-rate document's totals: VAT = round-half-up(basis × rate), total = basis + VAT (EN 16931
 * BR-CO-17 exactly). `expectedInclVatCents` is the money that moved: a document that would not
 * total it is a bug upstream, refused rather than issued.
 */
export function totalsOf(exVatCents: number, rateBps: number, expectedInclVatCents?: number) {
  const totals = withVat(exVatCents, rateBps);
  if (expectedInclVatCents !== undefined && totals.inclVatCents !== expectedInclVatCents) {
    throw new Error(`A document of ${exVatCents} cents at ${rateBps} bps totals ${totals.inclVatCents}, not ${expectedInclVatCents}`);
  }
  return { totals, vatBreakdown: [{ rateBps, basisCents: exVatCents, vatCents: totals.vatCents }] };
}
