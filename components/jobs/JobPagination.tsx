import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/Button";
import type { JobFilters } from "@/lib/jobs/queries";
import { jobsHref } from "./job-query";

/** Previous / next links that keep the filters, and "Page X of Y". Nothing when there is one page. */
export async function JobPagination({ filters, page, pages }: { filters: JobFilters; page: number; pages: number }) {
  if (pages <= 1) return null;
  const t = await getTranslations("jobBoard");
  return (
    <nav aria-label={t("paginationLabel")} className="mt-8 flex flex-wrap items-center justify-between gap-4">
      <div className="min-w-40">
        {page > 1 ? (
          <Link href={jobsHref(filters, Math.min(page - 1, pages))} rel="prev" className={buttonClasses("secondary")}>
            <span aria-hidden="true">←</span> {t("previous")}
          </Link>
        ) : null}
      </div>
      <p aria-current="page" className="text-sm font-semibold text-stone-800">
        {t("pageOf", { page, pages })}
      </p>
      <div className="flex min-w-40 justify-end">
        {page < pages ? (
          <Link href={jobsHref(filters, page + 1)} rel="next" className={buttonClasses("secondary")}>
            {t("next")} <span aria-hidden="true">→</span>
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
