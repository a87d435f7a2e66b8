import { getLocale, getTranslations } from "next-intl/server";
import { departementNames } from "@/components/experts/directory-format";
import { DataTable } from "@/components/ui/DataTable";
import type { Offer } from "@/db/schema";
import { formatMoney } from "@/lib/money/format";
import type { PriceText } from "@/lib/money/price-text";

const sectionClass = "rounded-lg border border-stone-200 bg-white p-6";
const titleClass = "text-xl font-semibold text-stone-900";

/** What an offer is: its summary, what is and is not included, prerequisites, price in milestones, extras and where. */
export async function OfferDetails({ offer, price }: { offer: Offer; price: PriceText }) {
  const [t, locale] = await Promise.all([getTranslations("offers"), getLocale()]);
  const money = (cents: number) => formatMoney(cents, locale);
  const area = [departementNames(offer.departements).join(", "), offer.remote ? t("remote") : ""].filter(Boolean).join(" · ");
  return (
    <>
      <section aria-labelledby="offer-price" className={`${sectionClass} flex flex-col gap-3`}>
        <h2 id="offer-price" className={titleClass}>
          {t("priceTitle")}
        </h2>
        <p className="text-2xl font-bold text-stone-900">{price.exVat}</p>
        <p className="text-stone-800">
          {price.regime} · {price.inclVat}
        </p>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt className="font-semibold text-stone-700">{t("deliveryLabel")}</dt>
          <dd>{t("deliveryDays", { days: offer.deliveryDays })}</dd>
          <dt className="font-semibold text-stone-700">{t("areaLabel")}</dt>
          <dd>{area}</dd>
        </dl>
        <DataTable
          caption={t("milestones")}
          density="compact"
          rows={offer.milestones.map((m, i) => ({ ...m, i }))}
          rowKey={(m) => String(m.i)}
          empty={null}
          columns={[
            { key: "title", header: t("milestoneTitle"), rowHeader: true, cell: (m) => m.title },
            { key: "amount", header: t("milestoneAmount"), numeric: true, cell: (m) => money(m.amountCents) },
          ]}
        />
        {offer.extras.length > 0 ? (
          <>
            <h3 className="font-semibold text-stone-900">{t("extras")}</h3>
            <ul className="list-disc pl-5">
              {offer.extras.map((e) => (
                <li key={e.title}>{t("extraLine", { title: e.title, price: money(e.priceCents) })}</li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      <section aria-labelledby="offer-content" className={`${sectionClass} flex flex-col gap-4`}>
        <h2 id="offer-content" className={titleClass}>
          {t("contentTitle")}
        </h2>
        <p className="whitespace-pre-line text-stone-900">{offer.summary}</p>
        <h3 className="font-semibold text-stone-900">{t("fieldIncluded")}</h3>
        <p className="whitespace-pre-line text-stone-900">{offer.included}</p>
        {offer.excluded ? (
          <>
            <h3 className="font-semibold text-stone-900">{t("fieldExcluded")}</h3>
            <p className="whitespace-pre-line text-stone-900">{offer.excluded}</p>
          </>
        ) : null}
        {offer.prerequisites || offer.hostingMinCents || offer.hostingMaxCents ? (
          <>
            <h3 className="font-semibold text-stone-900">{t("fieldPrerequisites")}</h3>
            {offer.prerequisites ? <p className="whitespace-pre-line text-stone-900">{offer.prerequisites}</p> : null}
            {offer.hostingMinCents || offer.hostingMaxCents ? (
              <p className="text-stone-800">
                {t("hostingRange", { min: money(offer.hostingMinCents ?? offer.hostingMaxCents ?? 0), max: money(offer.hostingMaxCents ?? offer.hostingMinCents ?? 0) })}
              </p>
            ) : null}
          </>
        ) : null}
      </section>
    </>
  );
}
