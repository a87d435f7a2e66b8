import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SellersTable } from "@/components/dac7/SellersTable";
import { Alert } from "@/components/ui/Alert";
import { buttonClasses } from "@/components/ui/Button";
import { PageHeading } from "@/components/ui/PageHeading";
import { requireAdminPage } from "@/lib/auth/admin-page";
import { parisYear } from "@/lib/dac7/activity";
import { isReviewableYear, reviewDeclaration } from "@/lib/dac7/declaration";
import { searchParamsOf, type PageSearchParams } from "@/lib/http/search-params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dac7"))("adminTitle") };
}

/** The DAC7 declaration of a year: every expert paid, what will be declared, what is missing, the XML. */
export default async function AdminDac7Page({ searchParams }: { searchParams: PageSearchParams }) {
  const { year: yearParam } = searchParamsOf(await searchParams);
  const actor = await requireAdminPage("/admin/dac7");
  const current = parisYear();
  const asked = /^\d{4}$/.test(yearParam ?? "") ? Number(yearParam) : current - 1;
  const year = isReviewableYear(asked) ? asked : current - 1;
  const [t, review] = await Promise.all([getTranslations("dac7"), reviewDeclaration(actor, year)]);
  const sellers = review?.sellers ?? [];
  const finished = year < current;
  return (
    <div className="flex flex-col gap-8">
      <Link href="/admin" className="self-start underline">
        {t("backToAdmin")}
      </Link>
      <PageHeading title={t("adminTitle")} lead={t("adminLead")} />
      <nav aria-label={t("yearNav")} className="flex flex-wrap gap-4">
        {year > 2020 ? (
          <Link href={`/admin/dac7?year=${year - 1}`} className="underline">
            {t("previousYear", { year: String(year - 1) })}
          </Link>
        ) : null}
        <span aria-current="page" className="font-semibold">
          {t("yearLabel", { year: String(year) })}
        </span>
        {year < current ? (
          <Link href={`/admin/dac7?year=${year + 1}`} className="underline">
            {t("nextYear", { year: String(year + 1) })}
          </Link>
        ) : null}
      </nav>
      {sellers.length === 0 ? (
        <p className="text-stone-800">{t("noSellers", { year: String(year) })}</p>
      ) : (
        <>
          {review && review.blocked > 0 ? (
            <Alert tone="warning">{t("blockedAlert", { count: review.blocked })}</Alert>
          ) : null}
          <SellersTable year={year} sellers={sellers} />
          <section aria-labelledby="dac7-export" className="flex max-w-3xl flex-col gap-3">
            <h2 id="dac7-export" className="text-xl font-semibold">
              {t("exportHeading")}
            </h2>
            <p className="text-stone-800">{t("exportLead")}</p>
            {!finished ? (
              <p className="text-stone-800">{t("exportNotYet", { year: String(year) })}</p>
            ) : review && review.blocked > 0 ? (
              <p className="text-stone-800">{t("exportBlocked")}</p>
            ) : (
              <a href={`/admin/dac7/${year}/xml`} download className={buttonClasses("primary", "self-start")}>
                {t("exportLink", { year: String(year) })}
              </a>
            )}
          </section>
        </>
      )}
    </div>
  );
}
