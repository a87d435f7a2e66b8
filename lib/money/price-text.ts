import type { VatRegime, VatTreatment } from "@/db/schema";
import type { AppLocale } from "@/lib/i18n/locale";
import { translator } from "@/lib/i18n/translator";
import type { PriceInclVat } from "./vat";
import { bpsToPercent, formatMoney } from "./format";

export interface PriceText {
  /** "2 450,50 € HT" */
  exVat: string;
  /** "TVA 20 %", "TVA non applicable, art. 293 B du CGI", "Autoliquidation…" or "Hors champ…" */
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
export function priceText(price: PriceInclVat & { vatRegime: VatRegime | null; vatRateBps: number; vatTreatment?: VatTreatment }, locale: AppLocale): PriceText {
  const t = translator(locale, "prices");
  const exVat = t("exVat", { amount: formatMoney(price.exVatCents, locale) });
  const regime = regimeText(price, locale, t);
  const inclVat = t("inclVat", { amount: formatMoney(price.inclVatCents, locale) });
  return { exVat, regime, inclVat, line: t("line", { exVat, regime, inclVat }) };
}

function regimeText(price: { vatRegime: VatRegime | null; vatRateBps: number; vatTreatment?: VatTreatment }, locale: AppLocale, t: ReturnType<typeof translator>): string {
  if (price.vatTreatment === "reverse_charge") return t("regime_reverse_charge");
  if (price.vatTreatment === "outside_scope") return t("regime_outside_scope");
  if (price.vatRegime === "vat_registered") return t("regime_vat_registered", { rate: new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB").format(bpsToPercent(price.vatRateBps)) });
  return price.vatRegime === "franchise" ? t("regime_franchise") : t("regime_unknown");
}
