import type { VatRegime } from "@/db/schema";
import type { AppLocale } from "@/lib/i18n/locale";
import { translator } from "@/lib/i18n/translator";
import type { PriceInclVat } from "./vat";
import { bpsToPercent, formatMoney } from "./format";

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
  const exVat = t("exVat", { amount: formatMoney(price.exVatCents, locale) });
  const regime =
    price.vatRegime === "vat_registered"
      ? t("regime_vat_registered", { rate: new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB").format(bpsToPercent(price.vatRateBps)) })
      : price.vatRegime === "franchise"
        ? t("regime_franchise")
        : t("regime_unknown");
  const inclVat = t("inclVat", { amount: formatMoney(price.inclVatCents, locale) });
  return { exVat, regime, inclVat, line: t("line", { exVat, regime, inclVat }) };
}
