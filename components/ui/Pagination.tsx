import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "./Button";

interface PaginationProps {
  page: number;
  pages: number;
  /** The URL of a page, keeping whatever filters the list has. */
  hrefFor: (page: number) => string;
  /** Message namespace holding paginationLabel, previous, next and pageOf. */
  namespace: "directory" | "jobBoard" | "notifications" | "admin" | "offers";
}

/** Previous / next links and "Page X of Y"; nothing when there is one page. */
export async function Pagination({ page, pages, hrefFor, namespace }: PaginationProps) {
  if (pages <= 1) return null;
  const t = await getTranslations(namespace);
  return (
    <nav aria-label={t("paginationLabel")} className="mt-8 flex flex-wrap items-center justify-between gap-4">
      <div className="min-w-40">
        {page > 1 ? (
          <Link href={hrefFor(Math.min(page - 1, pages))} rel="prev" className={buttonClasses("secondary")}>
            <span aria-hidden="true">←</span> {t("previous")}
          </Link>
        ) : null}
      </div>
      <p aria-current="page" className="text-sm font-semibold text-stone-800">
        {t("pageOf", { page, pages })}
      </p>
      <div className="flex min-w-40 justify-end">
        {page < pages ? (
          <Link href={hrefFor(page + 1)} rel="next" className={buttonClasses("secondary")}>
            {t("next")} <span aria-hidden="true">→</span>
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
