import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { SimpleActionForm } from "@/components/job-wizard/SimpleActionForm";
import { OfferStatusBadge } from "@/components/offers/OfferStatusBadge";
import { Alert } from "@/components/ui/Alert";
import { buttonClasses } from "@/components/ui/Button";
import { DataTable } from "@/components/ui/DataTable";
import { PageHeading } from "@/components/ui/PageHeading";
import { currentActor } from "@/lib/auth/current-actor";
import { searchParamsOf, type PageSearchParams } from "@/lib/http/search-params";
import { formatMoney } from "@/lib/money/format";
import { listMyOffers, myExpertStatus } from "@/lib/offers/queries";
import { publishOfferAction, unpublishOfferAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("offers"))("myTitle") };
}

const linkClass = "font-medium text-brand-900 underline underline-offset-4 hover:text-brand-700";

/** The expert's offers: every status, with the buttons to publish or take each one down. */
export default async function MyOffersPage({ searchParams }: { searchParams: PageSearchParams }) {
  const actor = await currentActor();
  if (!actor) redirect("/signin?callbackUrl=%2Fexpert%2Foffers");
  if (actor.role !== "expert") redirect("/dashboard");
  const { saved } = searchParamsOf(await searchParams);
  const [rows, status, t, locale] = await Promise.all([listMyOffers(actor), myExpertStatus(actor), getTranslations("offers"), getLocale()]);
  return (
    <div className="flex flex-col gap-6">
      <PageHeading title={t("myTitle")} lead={t("myLead")} />
      {saved ? <Alert tone="success">{t("saved")}</Alert> : null}
      {status !== "verified" ? <Alert tone="warning">{t("notVerifiedNote")}</Alert> : null}
      <p>
        <Link href="/expert/offers/new" className={buttonClasses("primary")}>
          {t("new")}
        </Link>
      </p>
      <DataTable
        caption={t("myTableCaption")}
        rows={rows}
        rowKey={(row) => row.id}
        empty={<p className="text-stone-800">{t("myEmpty")}</p>}
        columns={[
          {
            key: "title",
            header: t("columnTitle"),
            rowHeader: true,
            cell: (row) => (
              <Link href={`/offers/${row.id}`} className={linkClass}>
                {row.title}
              </Link>
            ),
          },
          { key: "software", header: t("fieldSoftware"), cell: (row) => row.softwareName },
          { key: "price", header: t("columnPrice"), numeric: true, cell: (row) => formatMoney(row.priceCents, locale) },
          { key: "status", header: t("columnStatus"), cell: (row) => <OfferStatusBadge status={row.status} /> },
          {
            key: "actions",
            header: t("columnActions"),
            cell: (row) => (
              <div className="flex flex-wrap items-center gap-3">
                <Link href={`/expert/offers/${row.id}/edit`} className={linkClass} aria-label={t("editNamed", { title: row.title })}>
                  {t("edit")}
                </Link>
                {row.status === "draft" || row.status === "unpublished" ? <SimpleActionForm label={t("publish")} hidden={{ offerId: row.id }} action={publishOfferAction} /> : null}
                {row.status === "published" ? <SimpleActionForm label={t("unpublish")} hidden={{ offerId: row.id }} action={unpublishOfferAction} /> : null}
              </div>
            ),
          },
        ]}
      />
    </div>
  );
}
