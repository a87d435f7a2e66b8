import { getLocale, getTranslations } from "next-intl/server";
import type { RetainerTerms } from "@/db/schema";
import type { ComparedBid } from "@/lib/bids/comparison";
import type { AppLocale } from "@/lib/i18n/locale";
import { retainerFactKeys, retainerFacts } from "./retainer-facts";

/** The service level a bid states on a monthly support need, null without one. */
const retainerOf = (bid: ComparedBid): RetainerTerms | null => (bid.kindTerms?.kind === "support_monthly" ? bid.kindTerms.retainer : null);

/**
 * On a monthly support need (the `support_monthly` case of `KindTermsComparison`): the service
 * level of each bid side by side, one column per bid (the bids' own order), one row per term.
 * Bids without terms show a dash; nothing when no bid has any. Scrolls sideways on narrow screens
 * (a focusable region).
 */
export async function RetainerComparison({ bids }: { bids: ComparedBid[] }) {
  if (!bids.some(retainerOf)) return null;
  const [t, locale] = await Promise.all([getTranslations("retainers"), getLocale()]);
  const translate = t as unknown as (key: string, values?: Record<string, string | number>) => string;
  const columns = bids.map((bid) => {
    const terms = retainerOf(bid);
    return { bid, facts: terms ? retainerFacts(terms, translate, locale as AppLocale) : null };
  });
  return (
    <div role="region" aria-labelledby="retainer-table-caption" tabIndex={0} className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
      <table className="w-full border-collapse text-left text-sm">
        <caption id="retainer-table-caption" className="px-4 py-3 text-left font-semibold text-stone-900">
          {t("compareCaption")}
        </caption>
        <thead className="bg-stone-50">
          <tr>
            <th scope="col" className="border-b border-stone-200 px-3 py-2 font-semibold">
              {t("compareTerm")}
            </th>
            {columns.map(({ bid }) => (
              <th key={bid.id} scope="col" className="border-b border-stone-200 px-3 py-2 font-semibold">
                <a href={`#bid-${bid.id}`} className="font-medium text-brand-900 underline underline-offset-4 hover:text-brand-700">
                  {bid.expertName}
                </a>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {retainerFactKeys.map((key, row) => (
            <tr key={key} className="border-b border-stone-100 align-top last:border-b-0">
              <th scope="row" className="px-3 py-2 font-semibold">
                {t(`fact_${key}`)}
              </th>
              {columns.map(({ bid, facts }) => (
                <td key={bid.id} className="px-3 py-2">
                  {facts?.[row]?.value ?? <span aria-label={t("noTerms")}>—</span>}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One service level as a description list (a bid's card, the contract page). */
export async function RetainerTermsList({ terms, headingLevel = 3 }: { terms: RetainerTerms; headingLevel?: 2 | 3 }) {
  const [t, locale] = await Promise.all([getTranslations("retainers"), getLocale()]);
  const translate = t as unknown as (key: string, values?: Record<string, string | number>) => string;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <div className="flex flex-col gap-2">
      <Heading className={headingLevel === 2 ? "text-xl font-semibold text-stone-900" : "font-semibold"}>{t("serviceLevel")}</Heading>
      <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[14rem_1fr]">
        {retainerFacts(terms, translate, locale as AppLocale).map((fact) => (
          <div key={fact.key} className="contents">
            <dt className="font-semibold text-stone-900">{fact.label}</dt>
            <dd className="mb-2 text-stone-800 sm:mb-0">{fact.value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
