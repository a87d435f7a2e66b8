/**
 * The one way the app writes an amount of money for a person to read: integer cents in, euros
 * out, in the reader's language. The web pages, the emails and the documents (contracts,
 * invoices, statements) all go through here; no other module divides cents by 100
 * (tests/unit/money-sites.test.ts fails when one does).
 *
 *   fr: "-1 234,50 €" (narrow no-break space between thousands, no-break space before €)
 *   en: "-€1,234.50"
 */

/** The languages amounts are written in; any other tag reads as French, the default. */
export type MoneyLocale = "fr" | "en";

const NNBSP = "\u202f"; // narrow no-break space: the French thousands separator
const NBSP = "\u00a0"; // no-break space: between the French amount and "€"

function moneyLocale(locale: string): MoneyLocale {
  return locale.toLowerCase().startsWith("en") ? "en" : "fr";
}

function checkCents(cents: number): void {
  if (!Number.isSafeInteger(cents)) throw new Error(`Amount must be whole cents, got ${cents}`);
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: MoneyLocale, options: MoneyOptions): Intl.NumberFormat {
  const key = `${locale}:${options.whole ?? false}:${options.trimZeroCents ?? false}`;
  let found = formatters.get(key);
  if (!found) {
    const digits: Intl.NumberFormatOptions = options.whole
      ? { minimumFractionDigits: 0, maximumFractionDigits: 0 }
      : options.trimZeroCents
        ? { trailingZeroDisplay: "stripIfInteger" }
        : {};
    // signDisplay "negative": no minus on zero, nor on what rounds to zero ("-0,00 €", "-0 €").
    found = new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB", { style: "currency", currency: "EUR", signDisplay: "negative", ...digits });
    formatters.set(key, found);
  }
  return found;
}

export interface MoneyOptions {
  /** Rounded to whole euros, without cents ("1 235 €"): budgets and daily rates. */
  whole?: boolean;
  /** Cents only when there are some ("10 000 €", "10 000,50 €"): share capital. */
  trimZeroCents?: boolean;
}

/** Integer cents → "1 234,50 €" / "€1,234.50" with `Intl.NumberFormat`, for pages and emails. */
export function formatMoney(cents: number, locale: string, options: MoneyOptions = {}): string {
  checkCents(cents);
  return formatter(moneyLocale(locale), options).format(cents / 100);
}

/**
 * The same spelling as `formatMoney`, written out instead of asking Intl: for the documents
 * whose text is hashed or sealed (contract documents, invoices, yearly statements), which must
 * read the same on any Node or ICU version, years later. A test checks the two agree.
 */
export function documentMoney(cents: number, locale: MoneyLocale, options: Pick<MoneyOptions, "trimZeroCents"> = {}): string {
  checkCents(cents);
  const sign = cents < 0 ? "-" : "";
  const [whole, fraction] = decimalParts(cents);
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, locale === "fr" ? NNBSP : ",");
  const decimals = options.trimZeroCents && fraction === "00" ? "" : `${locale === "fr" ? "," : "."}${fraction}`;
  return locale === "fr" ? `${sign}${grouped}${decimals}${NBSP}€` : `${sign}€${grouped}${decimals}`;
}

/** |cents| → ["1234", "05"]: whole euros and the two digits of cents. */
function decimalParts(cents: number): [string, string] {
  const abs = Math.abs(cents);
  return [String(Math.floor(abs / 100)), String(abs % 100).padStart(2, "0")];
}

/**
 * Integer cents → a plain decimal number, two decimals, no grouping: "1234.56", "-0.05". What
 * machine formats want (Factur-X CII amounts, `separator: "."`) and French spreadsheets read as
 * a number (`separator: ","`).
 */
export function decimalString(cents: number, separator: "." | "," = "."): string {
  checkCents(cents);
  const [whole, fraction] = decimalParts(cents);
  return `${cents < 0 ? "-" : ""}${whole}${separator}${fraction}`;
}

/** Cents → what a person types in an amount field: "2400,50" in French, "2400.50" in English, "2400" when whole. */
export function amountInput(cents: number, locale: string): string {
  checkCents(cents);
  const [whole, fraction] = decimalParts(cents);
  const sign = cents < 0 ? "-" : "";
  return fraction === "00" ? `${sign}${whole}` : `${sign}${whole}${moneyLocale(locale) === "fr" ? "," : "."}${fraction}`;
}

/** Cents → whole euros, rounded half up (DAC7 amounts have no decimals). */
export function wholeEuros(cents: number): number {
  checkCents(cents);
  return Math.floor((cents + 50) / 100);
}

/** A rate in basis points → percent, as a number: 2000 → 20, 550 → 5.5 (for ICU messages and Intl). */
export function bpsToPercent(bps: number): number {
  checkCents(bps);
  return bps / 100;
}
