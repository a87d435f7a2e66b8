/**
 * Platform commission on an amount in integer cents. The rate is in basis points
 * (1000 = 10 %); the commission is rounded half up to the cent, and the expert's net is the
 * rest, so commission + net always equals the amount exactly.
 */
export function splitCommission(amountCents: number, rateBps: number): { commissionCents: number; netCents: number } {
  if (!Number.isInteger(amountCents) || amountCents < 0) throw new Error(`Amount must be whole cents, got ${amountCents}`);
  if (!Number.isInteger(rateBps) || rateBps < 0 || rateBps > 10_000) throw new Error(`Rate must be 0–10000 bps, got ${rateBps}`);
  const commissionCents = Math.floor((amountCents * rateBps + 5_000) / 10_000);
  return { commissionCents, netCents: amountCents - commissionCents };
}

/** Euros typed by a person ("1 234,56", "1234.5") → integer cents, or null when it is not an amount. */
export function eurosToCents(input: string): number | null {
  const cleaned = input.replace(/[\s\u00a0\u202f€]/g, "").replace(",", ".");
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  const [whole = "0", fraction = ""] = cleaned.split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}

/** VAT on an amount excluding VAT, rounded half up to the cent (rate in basis points: 2000 = 20 %). */
export function vatOn(exVatCents: number, rateBps: number): number {
  if (!Number.isInteger(exVatCents) || exVatCents < 0) throw new Error(`Amount must be whole cents, got ${exVatCents}`);
  return Math.floor((exVatCents * rateBps + 5_000) / 10_000);
}

/** The share excluding VAT of part of a VAT-included amount, in proportion, rounded half up. */
export function exVatShare(partCents: number, totalCents: number, totalExVatCents: number): number {
  if (totalCents === 0) return 0;
  return Math.floor((2 * partCents * totalExVatCents + totalCents) / (2 * totalCents));
}
