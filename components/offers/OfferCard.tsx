import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { departementNames } from "@/components/experts/directory-format";
import type { AppLocale } from "@/lib/i18n/locale";
import { priceText } from "@/lib/money/price-text";
import type { OfferCard as OfferCardData } from "@/lib/offers/queries";

/** How many département names a card shows before "and N others". */
const MAX_DEPARTEMENTS = 3;

/** One published offer in a list; the title (a heading at `level`) links to its page. */
export async function OfferCard({ offer, level = 2, showExpert = true }: { offer: OfferCardData; level?: 2 | 3; showExpert?: boolean }) {
  const [t, locale] = await Promise.all([getTranslations("offers"), getLocale()]);
  const price = priceText(offer.price, locale as AppLocale);
  const names = departementNames(offer.departements);
  const area = [names.slice(0, MAX_DEPARTEMENTS).join(", ") + (names.length > MAX_DEPARTEMENTS ? ` ${t("moreDepartements", { count: names.length - MAX_DEPARTEMENTS })}` : ""), offer.remote ? t("remote") : ""]
    .filter(Boolean)
    .join(" · ");
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <article className="flex h-full flex-col gap-3 rounded-lg border border-stone-200 bg-white p-5">
      <Heading className="text-lg font-semibold text-stone-900">
        <Link href={`/offers/${offer.id}`} className="text-brand-900 underline underline-offset-4 hover:text-brand-700">
          {offer.title}
        </Link>
      </Heading>
      <p className="flex flex-wrap gap-2 text-sm">
        <span className="rounded-md bg-stone-100 px-2 py-0.5 text-stone-800">{offer.softwareName}</span>
        <span className="rounded-md bg-stone-100 px-2 py-0.5 text-stone-800">{t(`kind_${offer.kind}`)}</span>
      </p>
      <p className="line-clamp-3 text-stone-800">{offer.summary}</p>
      <dl className="mt-auto grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="font-semibold text-stone-700">{t("priceLabel")}</dt>
        <dd className="text-stone-900">
          <strong>{price.exVat}</strong> · {price.regime}
        </dd>
        <dt className="font-semibold text-stone-700">{t("deliveryLabel")}</dt>
        <dd className="text-stone-900">{t("deliveryDays", { days: offer.deliveryDays })}</dd>
        <dt className="font-semibold text-stone-700">{t("areaLabel")}</dt>
        <dd className="text-stone-900">{area}</dd>
        {showExpert ? (
          <>
            <dt className="font-semibold text-stone-700">{t("expertLabel")}</dt>
            <dd className="text-stone-900">
              <Link href={`/experts/${encodeURIComponent(offer.expertSlug)}`} className="underline underline-offset-4">
                {offer.expertName}
              </Link>
            </dd>
          </>
        ) : null}
      </dl>
    </article>
  );
}
