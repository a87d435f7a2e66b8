import type { getFormatter, getTranslations } from "next-intl/server";
import type { BidTrainingTerms } from "@/db/schema";
import type { ComparedBid } from "@/lib/bids/comparison";
import type { AppLocale } from "@/lib/i18n/locale";
import { formatMoney } from "@/lib/money/format";
import type { TermRow } from "./KindTermsTable";

type Bids = Awaited<ReturnType<typeof getTranslations<"bids">>>;
type Training = Awaited<ReturnType<typeof getTranslations<"training">>>;
type Format = Awaited<ReturnType<typeof getFormatter>>;

const rowKeys = ["hours", "format", "sessions", "price", "total", "qualiopi", "declaration"] as const;

/** "84 69 12345 69": the activity declaration number as the prefecture writes it. */
const declaration = (digits: string) => digits.replace(/^(\d{2})(\d{2})(\d{5})(\d{2})$/, "$1 $2 $3 $4");

/**
 * The training terms of each bid, one row per term and one value per bid (in the bids' order):
 * hours, format, sessions, price basis and unit price, total excluding VAT, Qualiopi, activity
 * declaration number. A bid whose expert has not stated the terms yet says so in each row.
 */
export function trainingTermRows(bids: readonly ComparedBid[], t: Bids, tr: Training, format: Format, locale: AppLocale): TermRow[] {
  const day = (d: string) => format.dateTime(new Date(`${d}T12:00:00Z`), { dateStyle: "medium" });
  const value = (terms: BidTrainingTerms, bid: ComparedBid, key: (typeof rowKeys)[number]): string => {
    switch (key) {
      case "hours":
        return tr("hours", { n: terms.durationHours });
      case "format":
        return tr(`format_${terms.format}`);
      case "sessions":
        return terms.sessions.map((s) => `${day(s.date)} (${tr(`slot_${s.slot}`)})`).join(" · ");
      case "price":
        return tr(`priceLine_${terms.priceBasis}`, { price: formatMoney(terms.unitPriceCents, locale) });
      case "total":
        return formatMoney(bid.price.exVatCents, locale);
      case "qualiopi":
        return terms.qualiopiCertified ? t("trainingQualiopiYes") : t("trainingQualiopiNo");
      case "declaration":
        return declaration(terms.activityDeclarationNumber);
    }
  };
  return rowKeys.map((key) => ({
    key,
    label: t(`trainingRow_${key}`),
    values: bids.map((bid) => (bid.kindTerms?.kind === "training" ? value(bid.kindTerms.training, bid, key) : t("trainingNotStated"))),
  }));
}
