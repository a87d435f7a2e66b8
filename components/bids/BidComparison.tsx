import Link from "next/link";
import type { ReactNode } from "react";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { AppLocale } from "@/lib/i18n/locale";
import type { BidSort, ComparedBid } from "@/lib/bids/comparison";
import { comparisonFacts, factKeys, factLabels, notReadyList, type FactKey } from "./comparison-facts";
import { formatMoney } from "@/lib/money/format";

const linkClass = "font-medium text-brand-900 underline underline-offset-4 hover:text-brand-700";

/** Which column each sort orders, and in which direction (for aria-sort). */
const sortedColumn: Record<BidSort, { key: FactKey; direction: "ascending" | "descending" }> = {
  total: { key: "total", direction: "ascending" },
  start: { key: "start", direction: "ascending" },
  rating: { key: "rating", direction: "descending" },
};

/** Links that reorder the bids (a query parameter: works without JavaScript). */
export async function BidSortNav({ jobId, sort }: { jobId: string; sort: BidSort }) {
  const t = await getTranslations("bids");
  return (
    <nav aria-labelledby="bid-sort-label" className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
      <span id="bid-sort-label" className="font-semibold text-stone-900">
        {t("sortBy")}
      </span>
      <ul className="flex flex-wrap gap-2">
        {(["total", "start", "rating"] as const).map((s) => (
          <li key={s}>
            {s === sort ? (
              <span aria-current="true" className="inline-flex min-h-11 items-center rounded-md border-2 border-brand-800 bg-brand-50 px-3 font-semibold text-brand-900">
                {t(`sort_${s}`)}
              </span>
            ) : (
              <Link href={`/jobs/${jobId}/bids?sort=${s}`} className="inline-flex min-h-11 items-center rounded-md border border-stone-300 bg-white px-3 font-medium text-stone-900 underline-offset-4 hover:underline">
                {t(`sort_${s}`)}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * The bids side by side on wide screens: one row per bid, one column per fact, the expert as
 * the row header. Hidden on narrow screens, where each bid's card lists the same facts.
 */
export async function BidComparisonTable({ bids, sort }: { bids: ComparedBid[]; sort: BidSort }) {
  const [t, format, locale] = await Promise.all([getTranslations("bids"), getFormatter(), getLocale()]);
  const labels = factLabels(t);
  const sorted = sortedColumn[sort];
  return (
    <div role="region" aria-labelledby="bid-table-caption" tabIndex={0} className="hidden overflow-x-auto rounded-lg border border-stone-200 bg-white lg:block">
      <table className="w-full border-collapse text-left text-sm">
        <caption id="bid-table-caption" className="px-4 py-3 text-left font-semibold text-stone-900">
          {t("compareCaption", { sort: t(`sort_${sort}`) })}
        </caption>
        <thead className="bg-stone-50">
          <tr>
            <th scope="col" className="border-b border-stone-200 px-3 py-2 font-semibold">
              {t("colExpert")}
            </th>
            {factKeys.map((key) => (
              <th key={key} scope="col" aria-sort={sorted.key === key ? sorted.direction : undefined} className="border-b border-stone-200 px-3 py-2 align-bottom font-semibold">
                {labels[key]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {bids.map((bid) => (
            <tr key={bid.id} className="border-b border-stone-100 align-top last:border-b-0">
              <th scope="row" className="px-3 py-3 font-semibold">
                <a href={`#bid-${bid.id}`} className={linkClass}>
                  {bid.expertName}
                  <span className="sr-only"> {t("detailsAndActions")}</span>
                </a>
              </th>
              {comparisonFacts(bid, t, format, locale as AppLocale).map((fact) => (
                <td key={fact.key} className={`px-3 py-3 ${fact.key === "total" ? "font-semibold whitespace-nowrap" : ""} ${fact.key === "payable" && bid.notReady.length > 0 ? "text-amber-900" : ""}`}>
                  {fact.key === "verification" ? (
                    <Link href={`/experts/${bid.expertSlug}`} className={linkClass}>
                      {fact.value}
                      <span className="sr-only"> {t("publicProfileOf", { expert: bid.expertName })}</span>
                    </Link>
                  ) : (
                    (fact.short ?? fact.value)
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface ComparedBidCardProps {
  bid: ComparedBid;
  /** The controls for this bid: shortlist, decline, accept, conversation (see the comparison page). */
  actions: ReactNode;
}

/**
 * One bid in full: its facts (only on narrow screens: the table shows them on wide ones), its
 * method and milestones, and the slot for what the client can do with it.
 */
export async function ComparedBidCard({ bid, actions }: ComparedBidCardProps) {
  const [t, p, format, locale] = await Promise.all([getTranslations("bids"), getTranslations("prices"), getFormatter(), getLocale()]);
  const euros = (cents: number) => p("exVat", { amount: formatMoney(cents, locale) });
  const date = (d: string) => format.dateTime(new Date(`${d}T12:00:00Z`), { dateStyle: "medium" });
  return (
    <article id={`bid-${bid.id}`} aria-labelledby={`bid-${bid.id}-title`} className="flex w-full scroll-mt-4 flex-col gap-4 rounded-lg border border-stone-200 bg-white p-5">
      <h2 id={`bid-${bid.id}-title`} className="text-lg font-semibold">
        <Link href={`/experts/${bid.expertSlug}`} className={linkClass}>
          {bid.expertName}
        </Link>
      </h2>
      {bid.notReady.length > 0 ? <p className="hidden text-sm text-amber-900 lg:block">{t("cardNotReady", { items: notReadyList(bid.notReady, t, format) })}</p> : null}
      <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[12rem_1fr] lg:hidden">
        {comparisonFacts(bid, t, format, locale as AppLocale).map((fact) => (
          <div key={fact.key} className="contents">
            <dt className="font-semibold text-stone-900">{fact.label}</dt>
            <dd className="mb-2 text-stone-800 sm:mb-0">{fact.value}</dd>
          </div>
        ))}
      </dl>
      <details className="text-sm">
        <summary className="min-h-11 cursor-pointer py-2 font-semibold text-brand-900 underline-offset-4 hover:underline">{t("methodAndMilestones")}</summary>
        <div className="mt-2 flex flex-col gap-3">
          <div>
            <h3 className="font-semibold">{t("milestones")}</h3>
            <ol className="mt-1 list-decimal pl-5">
              {bid.milestones.map((m, i) => (
                <li key={i}>{`${m.title} — ${euros(m.amountCents)} — ${date(m.dueOn)}`}</li>
              ))}
            </ol>
          </div>
          <div>
            <h3 className="font-semibold">{t("method")}</h3>
            <p className="mt-1 whitespace-pre-line text-stone-800">{bid.method}</p>
          </div>
        </div>
      </details>
      {bid.declineReason ? <p className="text-sm text-stone-700">{t("declineReasonValue", { reason: bid.declineReason })}</p> : null}
      <div className="flex flex-col gap-3 border-t border-stone-100 pt-4">{actions}</div>
    </article>
  );
}
