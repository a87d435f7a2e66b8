import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/Alert";
import { DataTable } from "@/components/ui/DataTable";
import { PageHeading } from "@/components/ui/PageHeading";
import { CompanyFlagBadges } from "@/components/vetting/CompanyCheck";
import { requireAdminPage } from "@/lib/auth/admin-page";
import { getVettingQueue, getVettingStats } from "@/lib/experts/admin-queries";
import { searchParamsOf, type PageSearchParams } from "@/lib/http/search-params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("vetting"))("title") };
}

export default async function VettingQueuePage({ searchParams }: { searchParams: PageSearchParams }) {
  const { decided } = searchParamsOf(await searchParams);
  const actor = await requireAdminPage("/admin/vetting");
  const [t, format, queue, stats] = await Promise.all([getTranslations("vetting"), getFormatter(), getVettingQueue(actor), getVettingStats(actor)]);
  return (
    <div className="flex flex-col gap-6">
      <PageHeading
        title={t("title")}
        lead={stats.queued > 0 ? t("stats", { count: stats.queued, hours: Math.round(stats.medianWaitHours ?? 0) }) : t("empty")}
      />
      {decided ? <Alert tone="success">{t("decided")}</Alert> : null}
      <DataTable
        caption={t("queueCaption")}
        captionHidden
        empty={null}
        rows={queue}
        rowKey={(row) => row.id}
        columns={[
          {
            key: "expert",
            header: t("expert"),
            rowHeader: true,
            cell: (row) => (
              <>
                <Link href={`/admin/vetting/${row.id}`} className="font-semibold underline">
                  {row.displayName || row.email}
                </Link>
                {row.changesOnly ? <span className="block font-semibold text-amber-900">{t("changesOnly")}</span> : null}
                <span className="block text-stone-600">{row.headline}</span>
              </>
            ),
          },
          { key: "submitted", header: t("submittedAt"), cell: (row) => (row.submittedAt ? format.dateTime(row.submittedAt, { dateStyle: "medium", timeStyle: "short" }) : "") },
          { key: "waiting", header: t("waiting"), cell: (row) => t("waitingHours", { hours: row.waitingHours }) },
          { key: "flags", header: t("flags"), cell: (row) => <CompanyFlagBadges flags={row.companyFlags} /> },
        ]}
      />
    </div>
  );
}
