/**
 * VAT and commission in integer cents. EN 16931 (BR-CO-17, applied without its tolerance): on
 * every document, the VAT of a rate is round-half-up(basis × rate) and the total including VAT
 * is basis + VAT; VAT is never "total − basis". Rates are in basis points (2000 = 20 %).
 */

/** Compagnon's commission is a French B2B service: VAT at 20 %. */
export const COMMISSION_VAT_BPS = 2000;

function checkCents(cents: number): void {
  if (!Number.isInteger(cents) || cents < 0) throw new Error(`Amount must be whole cents, got ${cents}`);
}

function checkRate(rateBps: number): void {
  if (!Number.isInteger(rateBps) || rateBps < 0 || rateBps > 10_000) throw new Error(`Rate must be 0–10000 bps, got ${rateBps}`);
}

/** VAT on an amount excluding VAT, rounded half up to the cent. */
export function vatOn(exVatCents: number, rateBps: number): number {
  checkCents(exVatCents);
  checkRate(rateBps);
  return Math.floor((exVatCents * rateBps + 5_000) / 10_000);
}

/** A document's amounts at one rate: the basis, its VAT, and their sum. */
export interface VatAmounts {
  exVatCents: number;
  vatCents: number;
  inclVatCents: number;
}

export function withVat(exVatCents: number, rateBps: number): VatAmounts {
  const vatCents = vatOn(exVatCents, rateBps);
  return { exVatCents, vatCents, inclVatCents: exVatCents + vatCents };
}

/**
 * The basis whose exact document totals `inclVatCents`, or null when none does: at 20 %, one
 * cent excluding VAT adds 1 or 2 cents including VAT, so about one total in six (123,45 €) is
 * the total of no exact document (102,87 € + 20,57 € = 123,44 €; 102,88 € + 20,58 € = 123,46 €).
 */
export function exVatOf(inclVatCents: number, rateBps: number): number | null {
  checkCents(inclVatCents);
  checkRate(rateBps);
  const guess = Math.floor((2 * inclVatCents * 10_000 + (10_000 + rateBps)) / (2 * (10_000 + rateBps)));
  for (const exVat of [guess, guess - 1, guess + 1]) {
    if (exVat >= 0 && withVat(exVat, rateBps).inclVatCents === inclVatCents) return exVat;
  }
  return null;
}

export interface CommissionSplit {
  /** The commission deducted, VAT included (= exVat + VAT, exact). */
  commissionCents: number;
  commissionExVatCents: number;
  commissionVatCents: number;
  /** What is left for the expert: amount − commission. */
  netCents: number;
}

/**
 * Platform commission on an amount excluding VAT. The rate (basis points, 1000 = 10 %) gives the
 * commission VAT included, as shown on every bid; its basis is that ÷ 1.2 rounded half up, its
 * VAT 20 % of the basis rounded half up, and the commission is their sum (so it may differ by a
 * cent from amount × rate). Never more than the amount: commission + net = amount exactly.
 */
export function splitCommission(amountCents: number, rateBps: number): CommissionSplit {
  checkCents(amountCents);
  checkRate(rateBps);
  const divisor = 10_000 + COMMISSION_VAT_BPS;
  let exVat = Math.floor((2 * amountCents * rateBps + divisor) / (2 * divisor));
  while (exVat > 0 && withVat(exVat, COMMISSION_VAT_BPS).inclVatCents > amountCents) exVat -= 1;
  const { vatCents, inclVatCents } = withVat(exVat, COMMISSION_VAT_BPS);
  return { commissionCents: inclVatCents, commissionExVatCents: exVat, commissionVatCents: vatCents, netCents: amountCents - inclVatCents };
}

/**
 * A commission VAT included, back into basis and VAT: exact for every commission
 * `splitCommission` gives; an older one that no exact document totals keeps VAT = total − basis.
 */
export function commissionParts(commissionCents: number): { exVatCents: number; vatCents: number } {
  const exVat = exVatOf(commissionCents, COMMISSION_VAT_BPS) ?? Math.floor((2 * commissionCents * 10_000 + 12_000) / 24_000);
  return { exVatCents: exVat, vatCents: commissionCents - exVat };
}

/** Euros typed by a person ("1 234,56", "1234.5") → integer cents, or null when it is not an amount. */
export function eurosToCents(input: string): number | null {
  const cleaned = input.replace(/[\s\u00a0\u202f€]/g, "").replace(",", ".");
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  const [whole = "0", fraction = ""] = cleaned.split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}
