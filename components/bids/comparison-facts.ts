import type { getFormatter, getTranslations } from "next-intl/server";
import type { ComparedBid } from "@/lib/bids/comparison";
import type { ReadinessItem } from "@/lib/experts/readiness";
import type { AppLocale } from "@/lib/i18n/locale";
import { priceText } from "@/lib/money/price-text";
import { formatMoney } from "@/lib/money/format";

type Translate = Awaited<ReturnType<typeof getTranslations<"bids">>>;
type Format = Awaited<ReturnType<typeof getFormatter>>;

/** The compared facts, in the one order the table's columns and the cards' lists both follow. */
export const factKeys = ["verification", "payable", "total", "price", "dailyRate", "duration", "start", "milestones", "rating", "response", "sent", "status"] as const;
export type FactKey = (typeof factKeys)[number];

export interface Fact {
  key: FactKey;
  label: string;
  value: string;
  /** A shorter value for the table's narrow columns (the card lists the full one). */
  short?: string;
}

/** "environ 3 heures", "2 jours"… from minutes. */
function duration(t: Translate, minutes: number, prefix: "response" | "sentAfter"): string {
  if (minutes < 60) return t(`${prefix}UnderHour`);
  if (minutes < 48 * 60) return t(`${prefix}Hours`, { hours: Math.round(minutes / 60) });
  return t(`${prefix}Days`, { days: Math.round(minutes / 1440) });
}

export function factLabels(t: Translate): Record<FactKey, string> {
  return {
    verification: t("colVerification"),
    payable: t("colPayable"),
    total: t("colTotalPaid"),
    price: t("colPrice"),
    dailyRate: t("colDailyRate"),
    duration: t("durationDays"),
    start: t("startOn"),
    milestones: t("milestones"),
    rating: t("colRating"),
    response: t("colResponse"),
    sent: t("colSent"),
    status: t("colStatus"),
  };
}

/** What the expert still lacks, in words: "billing mandate not accepted and payout account not enabled yet". */
export function notReadyList(notReady: readonly ReadinessItem[], t: Translate, format: Format): string {
  return format.list(notReady.map((item) => t(`notReady_${item}`)), { type: "conjunction" });
}

/** "Ready to be paid", or what the expert still lacks ("Not yet: billing mandate not accepted…"). */
export function payableText(notReady: readonly ReadinessItem[], t: Translate, format: Format): string {
  return notReady.length === 0 ? t("payableYes") : t("payableNo", { items: notReadyList(notReady, t, format) });
}

/** One bid's facts as text, formatted for the reader's locale. */
export function comparisonFacts(bid: ComparedBid, t: Translate, format: Format, locale: AppLocale): Fact[] {
  const euros = (cents: number) => formatMoney(cents, locale);
  const labels = factLabels(t);
  const price = priceText(bid.price, locale);
  const values: Record<FactKey, string> = {
    verification:
      bid.expertVerified && bid.verifiedAt ? t("verifiedSince", { date: format.dateTime(bid.verifiedAt, { dateStyle: "medium" }) }) : t("notVerifiedNow"),
    payable: payableText(bid.notReady, t, format),
    total: price.inclVat,
    price: `${price.exVat} · ${price.regime}`,
    dailyRate:
      bid.pricing === "daily" && bid.dailyRateCents && bid.days ? t("rateTimesDays", { rate: euros(bid.dailyRateCents), days: bid.days }) : t("pricing_fixed"),
    duration: t("daysValue", { days: bid.durationDays }),
    start: format.dateTime(new Date(`${bid.startOn}T12:00:00Z`), { dateStyle: "medium" }),
    milestones: t("milestonesCount", { count: bid.milestones.length }),
    rating:
      bid.ratingAverage === null
        ? t("noRating")
        : t("ratingValue", { average: format.number(bid.ratingAverage, { minimumFractionDigits: 1, maximumFractionDigits: 1 }), count: bid.ratingCount }),
    response: bid.responseMinutes === null ? t("noResponseTime") : duration(t, bid.responseMinutes, "response"),
    sent: bid.sentAfterMinutes === null ? "—" : duration(t, bid.sentAfterMinutes, "sentAfter"),
    status: t(`status_${bid.status}`),
  };
  const short: Partial<Record<FactKey, string>> = {
    payable: bid.notReady.length === 0 ? t("payableYes") : t("payableNoShort", { count: bid.notReady.length }),
  };
  return factKeys.map((key) => ({ key, label: labels[key], value: values[key], short: short[key] }));
}
