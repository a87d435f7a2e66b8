import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { JobCard } from "@/components/jobs/JobCard";
import { JobFilters } from "@/components/jobs/JobFilters";
import { JobPagination } from "@/components/jobs/JobPagination";
import { jobsHref } from "@/components/jobs/job-query";
import { buttonClasses } from "@/components/ui/Button";
import { PageHeading } from "@/components/ui/PageHeading";
import { RankingLink } from "@/components/legal/RankingLink";
import { listCatalog } from "@/lib/experts/queries";
import { departements } from "@/lib/geo/departements";
import { jobFiltersSchema, searchJobs } from "@/lib/jobs/queries";
import { isNarrowed } from "@/lib/search/narrowed";
import { COUNT_CAP } from "@/lib/search/text-query";
import { searchParamsOf, type PageSearchParams } from "@/lib/http/search-params";


export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("jobBoard");
  return { title: t("title"), description: t("metaDescription") };
}

export default async function JobBoardPage({ searchParams }: { searchParams: PageSearchParams }) {
  const filters = jobFiltersSchema.parse(searchParamsOf(await searchParams));
  const [t, results, catalog] = await Promise.all([getTranslations("jobBoard"), searchJobs(filters), listCatalog()]);

  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <PageHeading title={t("title")} lead={t("lead")} />
        <Link href="/jobs/new" className={buttonClasses("primary", "shrink-0")}>
          {t("postJob")}
        </Link>
      </div>
      <RankingLink />
      <JobFilters filters={filters} catalog={catalog} departements={departements} />
      <section aria-labelledby="jobs-count">
        <p id="jobs-count" className="text-lg font-semibold text-stone-900">
          {results.totalCapped ? t("countCapped", { cap: COUNT_CAP }) : t("count", { count: results.total })}
        </p>
        {results.correctedTo && filters.q ? <p className="mt-2 text-stone-800">{t("corrected", { q: filters.q, suggestion: results.correctedTo })}</p> : null}
        {results.total === 0 ? (
          <p className="mt-4 max-w-2xl text-stone-800">{isNarrowed(filters) ? t("empty") : t("emptyBoard")}</p>
        ) : results.jobs.length === 0 ? (
          <p className="mt-4 text-stone-800">
            {t("pageOutOfRange")}{" "}
            <Link href={jobsHref(filters, 1)} className="font-medium text-brand-900 underline underline-offset-4">
              {t("firstPage")}
            </Link>
          </p>
        ) : (
          <ul className="mt-4 flex flex-col gap-4">
            {results.jobs.map((job) => (
              <li key={job.id}>
                <JobCard job={job} />
              </li>
            ))}
          </ul>
        )}
        <JobPagination filters={filters} page={results.page} pages={results.pages} />
      </section>
    </div>
  );
}
