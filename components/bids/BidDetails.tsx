import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { BidSummary } from "@/lib/bids/bid-summary";
import type { BidPrice } from "@/lib/bids/prices";
import type { AppLocale } from "@/lib/i18n/locale";
import { priceText } from "@/lib/money/price-text";
import { formatMoney } from "@/lib/money/format";

/** The facts BidDetails shows. */
export type BidView = BidSummary;

/** One bid's facts, shared by the expert's own view and the client's side-by-side comparison. */
export async function BidDetails({ bid, showNet, price }: { bid: BidView; showNet: boolean; price?: BidPrice }) {
  const [t, p, format, locale] = await Promise.all([getTranslations("bids"), getTranslations("prices"), getFormatter(), getLocale()]);
  const euros = (cents: number) => formatMoney(cents, locale);
  const text = price ? priceText(price, locale as AppLocale) : null;
  const date = (d: string) => format.dateTime(new Date(`${d}T12:00:00Z`), { dateStyle: "medium" });
  return (
    <div className="flex flex-col gap-3 text-sm">
      <p className="font-semibold">{t(`status_${bid.status}`)}</p>
      <dl className="grid grid-cols-[10rem_1fr] gap-1">
        <dt className="font-semibold">{t("total")}</dt>
        <dd>{euros(bid.totalCents)}</dd>
        {text ? (
          <>
            <dt className="font-semibold">{t("vatRegime")}</dt>
            <dd>{text.regime}</dd>
            <dt className="font-semibold">{t("totalPaid")}</dt>
            <dd className="font-semibold">{text.inclVat}</dd>
          </>
        ) : null}
        {bid.pricing === "daily" && bid.dailyRateCents && bid.days ? (
          <>
            <dt className="font-semibold">{t("dailyRate")}</dt>
            <dd>{t("rateTimesDays", { rate: euros(bid.dailyRateCents), days: bid.days })}</dd>
          </>
        ) : null}
        {showNet ? (
          <>
            <dt className="font-semibold">{t("commission")}</dt>
            <dd>{euros(bid.commissionCents)}</dd>
            <dt className="font-semibold">{t("net")}</dt>
            <dd>{euros(bid.netCents)}</dd>
          </>
        ) : null}
        <dt className="font-semibold">{t("durationDays")}</dt>
        <dd>{t("daysValue", { days: bid.durationDays })}</dd>
        <dt className="font-semibold">{t("startOn")}</dt>
        <dd>{date(bid.startOn)}</dd>
      </dl>
      <div>
        <p className="font-semibold">{t("milestones")}</p>
        <ol className="mt-1 list-decimal pl-5">
          {bid.milestones.map((m) => (
            <li key={`${m.title}-${m.dueOn}`}>{`${m.title} — ${p("exVat", { amount: euros(m.amountCents) })} — ${date(m.dueOn)}`}</li>
          ))}
        </ol>
      </div>
      <div>
        <p className="font-semibold">{t("method")}</p>
        <p className="mt-1 whitespace-pre-line text-stone-800">{bid.method}</p>
      </div>
      {bid.declineReason ? <p className="text-stone-700">{t("declineReasonValue", { reason: bid.declineReason })}</p> : null}
    </div>
  );
}
