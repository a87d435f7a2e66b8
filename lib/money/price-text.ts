import type { VatRegime } from "@/db/schema";
import type { AppLocale } from "@/lib/i18n/locale";
import { translator } from "@/lib/i18n/translator";
import type { PriceInclVat } from "./vat";

/** "2 450,50 €" / "€2,450.50" in the reader's language. */
export function eurosText(cents: number, locale: AppLocale): string {
  return new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB", { style: "currency", currency: "EUR" }).format(cents / 100);
}

export interface PriceText {
  /** "2 450,50 € HT" */
  exVat: string;
  /** "TVA 20 %" or "TVA non applicable, art. 293 B du CGI" */
  regime: string;
  /** "2 940,60 € TTC" */
  inclVat: string;
  /** The three together, for a line of text or an email. */
  line: string;
}

/**
 * A price as pages and emails print it: excluding VAT, the expert's VAT regime, and what the
 * client pays. One wording everywhere (bids, comparison, contract, emails).
 */
export function priceText(price: PriceInclVat & { vatRegime: VatRegime | null; vatRateBps: number }, locale: AppLocale): PriceText {
  const t = translator(locale, "prices");
  const exVat = t("exVat", { amount: eurosText(price.exVatCents, locale) });
  const regime =
    price.vatRegime === "vat_registered"
      ? t("regime_vat_registered", { rate: new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB").format(price.vatRateBps / 100) })
      : price.vatRegime === "franchise"
        ? t("regime_franchise")
        : t("regime_unknown");
  const inclVat = t("inclVat", { amount: eurosText(price.inclVatCents, locale) });
  return { exVat, regime, inclVat, line: t("line", { exVat, regime, inclVat }) };
}

/** "12 450 €" / "€12,450": rounded to the euro, for charts and estimates. */
export function wholeEurosText(cents: number, locale: AppLocale): string {
  return new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB", { style: "currency", currency: "EUR", maximumFractionDigits: 0 }).format(Math.round(cents / 100));
}
