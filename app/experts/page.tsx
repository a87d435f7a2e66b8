import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DirectoryFilters } from "@/components/experts/DirectoryFilters";
import { DirectoryPagination } from "@/components/experts/DirectoryPagination";
import { directoryHref } from "@/components/experts/directory-query";
import { ExpertCard } from "@/components/experts/ExpertCard";
import { PageHeading } from "@/components/ui/PageHeading";
import { RankingLink } from "@/components/legal/RankingLink";
import { directoryFiltersSchema, searchExperts } from "@/lib/experts/directory";
import { listCatalog } from "@/lib/experts/queries";
import { offerCounts } from "@/lib/offers/queries";
import { departements } from "@/lib/geo/departements";
import { isNarrowed } from "@/lib/search/narrowed";
import { COUNT_CAP } from "@/lib/search/text-query";
import { searchParamsOf, type PageSearchParams } from "@/lib/http/search-params";


export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("directory");
  return { title: t("title"), description: t("metaDescription") };
}

export default async function ExpertsDirectoryPage({ searchParams }: { searchParams: PageSearchParams }) {
  const filters = directoryFiltersSchema.parse(searchParamsOf(await searchParams));
  const [t, results, catalog] = await Promise.all([getTranslations("directory"), searchExperts(filters), listCatalog()]);
  const offers = await offerCounts(results.experts.map((expert) => expert.id));

  return (
    <div className="flex flex-col gap-8">
      <PageHeading title={t("title")} lead={t("lead")} />
      <RankingLink />
      <DirectoryFilters filters={filters} catalog={catalog} departements={departements} />
      <section aria-labelledby="directory-count">
        <p id="directory-count" className="text-lg font-semibold text-stone-900">{results.totalCapped ? t("countCapped", { cap: COUNT_CAP }) : t("count", { count: results.total })}</p>
        {results.correctedTo && filters.q ? <p className="mt-2 text-stone-800">{t("corrected", { q: filters.q, suggestion: results.correctedTo })}</p> : null}
        {results.total === 0 ? (
          <p className="mt-4 max-w-2xl text-stone-800">{isNarrowed(filters) ? t("empty") : t("emptyDirectory")}</p>
        ) : results.experts.length === 0 ? (
          <p className="mt-4 text-stone-800">
            {t("pageOutOfRange")}{" "}
            <Link href={directoryHref(filters, 1)} className="font-medium text-brand-900 underline underline-offset-4">
              {t("firstPage")}
            </Link>
          </p>
        ) : (
          <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {results.experts.map((expert) => (
              <li key={expert.id}>
                <ExpertCard expert={expert} offersCount={offers.get(expert.id) ?? 0} />
              </li>
            ))}
          </ul>
        )}
        <DirectoryPagination filters={filters} page={results.page} pages={results.pages} />
      </section>
    </div>
  );
}
