import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/DataTable";
import { PageHeading } from "@/components/ui/PageHeading";
import { currentActor } from "@/lib/auth/current-actor";
import { readMyReports, type MyReport } from "@/lib/moderation/my-reports";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("myReports"))("title"), robots: { index: false } };
}

/** "Mes signalements": the reports the signed-in person made, their state, and a link to each one's page. */
export default async function MyReportsPage() {
  const actor = await currentActor();
  if (!actor) redirect("/signin?callbackUrl=%2Faccount%2Freports");
  const [t, moderation, format, reports] = await Promise.all([getTranslations("myReports"), getTranslations("moderation"), getFormatter(), readMyReports(actor)]);
  const date = (value: Date) => format.dateTime(value, { dateStyle: "long" });
  const state = (report: MyReport) =>
    report.status === "open" ? t("pending") : t("decided", { outcome: moderation(`outcome.${report.status}`), date: date(report.decidedAt ?? report.createdAt) });
  return (
    <div className="flex flex-col gap-6">
      <PageHeading title={t("title")} lead={t("lead")} />
      <DataTable
        caption={t("caption")}
        captionHidden
        rows={reports}
        rowKey={(report) => report.id}
        empty={t("empty")}
        columns={[
          { key: "date", header: t("sentOn"), rowHeader: true, cell: (report) => date(report.createdAt) },
          { key: "content", header: t("content"), cell: (report) => `${moderation(`target.${report.targetType}`)} — ${moderation(`reason.${report.reason}`)}` },
          { key: "state", header: t("state"), cell: state },
          {
            key: "complaint",
            header: t("complaint"),
            cell: (report) => (report.complaintStatus ? moderation(`outcome.${report.complaintStatus}`) : t("noComplaint")),
          },
          {
            key: "link",
            header: t("linkHeader"),
            cell: (report) => (
              <Link href={`/reports/${report.id}`} className="font-semibold underline" aria-label={t("openLabel", { date: date(report.createdAt) })}>
                {t("open")}
              </Link>
            ),
          },
        ]}
      />
      <p>
        <Link href="/account" className="underline">
          {t("backToAccount")}
        </Link>
      </p>
    </div>
  );
}
