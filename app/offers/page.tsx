import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { OfferCard } from "@/components/offers/OfferCard";
import { OfferFilters } from "@/components/offers/OfferFilters";
import { offersHref } from "@/components/offers/offer-query";
import { PageHeading } from "@/components/ui/PageHeading";
import { Pagination } from "@/components/ui/Pagination";
import { currentActor } from "@/lib/auth/current-actor";
import { listCatalog } from "@/lib/experts/queries";
import { departements } from "@/lib/geo/departements";
import { searchParamsOf, type PageSearchParams } from "@/lib/http/search-params";
import { searchOffers } from "@/lib/offers/queries";
import { offerFiltersSchema } from "@/lib/offers/schemas";
import { isNarrowed } from "@/lib/search/narrowed";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("offers");
  return { title: t("title"), description: t("lead") };
}

/** The public catalogue of ready-made offers, searchable and filtered without JavaScript. */
export default async function OffersPage({ searchParams }: { searchParams: PageSearchParams }) {
  const filters = offerFiltersSchema.parse(searchParamsOf(await searchParams));
  const [t, results, catalog, actor] = await Promise.all([getTranslations("offers"), searchOffers(filters), listCatalog(), currentActor()]);
  return (
    <div className="flex flex-col gap-8">
      <PageHeading title={t("title")} lead={t("lead")} />
      {actor?.role === "expert" ? (
        <p className="-mt-6">
          <Link href="/expert/offers" className="font-medium text-brand-900 underline underline-offset-4">
            {t("myTitle")}
          </Link>
        </p>
      ) : null}
      <OfferFilters filters={filters} catalog={catalog} departements={departements} />
      <section aria-labelledby="offers-count">
        <p id="offers-count" className="text-lg font-semibold text-stone-900">
          {t("count", { count: results.total })}
        </p>
        {results.total === 0 ? (
          <p className="mt-4 max-w-2xl text-stone-800">
            {isNarrowed(filters) ? t("empty") : t("emptyCatalogue")}{" "}
            <Link href="/jobs/new" className="font-medium text-brand-900 underline underline-offset-4">
              {t("postNeed")}
            </Link>
          </p>
        ) : (
          <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {results.offers.map((offer) => (
              <li key={offer.id}>
                <OfferCard offer={offer} />
              </li>
            ))}
          </ul>
        )}
        <Pagination page={results.page} pages={results.pages} namespace="offers" hrefFor={(p) => offersHref(filters, p)} />
      </section>
    </div>
  );
}
