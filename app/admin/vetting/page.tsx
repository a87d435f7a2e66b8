import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/Alert";
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
      {queue.length === 0 ? null : (
        <table className="w-full border-collapse bg-white text-left text-sm">
          <caption className="sr-only">{t("queueCaption")}</caption>
          <thead>
            <tr className="border-b border-stone-300">
              <th scope="col" className="p-3">{t("expert")}</th>
              <th scope="col" className="p-3">{t("submittedAt")}</th>
              <th scope="col" className="p-3">{t("waiting")}</th>
              <th scope="col" className="p-3">{t("flags")}</th>
            </tr>
          </thead>
          <tbody>
            {queue.map((row) => (
              <tr key={row.id} className="border-b border-stone-200">
                <td className="p-3">
                  <Link href={`/admin/vetting/${row.id}`} className="font-semibold underline">
                    {row.displayName || row.email}
                  </Link>
                  {row.changesOnly ? <span className="block font-semibold text-amber-900">{t("changesOnly")}</span> : null}
                  <span className="block text-stone-600">{row.headline}</span>
                </td>
                <td className="p-3">{row.submittedAt ? format.dateTime(row.submittedAt, { dateStyle: "medium", timeStyle: "short" }) : ""}</td>
                <td className="p-3">{t("waitingHours", { hours: row.waitingHours })}</td>
                <td className="p-3">
                  <CompanyFlagBadges flags={row.companyFlags} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
