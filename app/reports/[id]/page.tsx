import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ComplaintForm } from "@/components/moderation/DecisionForms";
import { PageHeading } from "@/components/ui/PageHeading";
import { currentActor } from "@/lib/auth/current-actor";
import { searchParamsOf, type PageSearchParams } from "@/lib/http/search-params";
import { isUuidLike } from "@/lib/ids";
import { readReportForReporter } from "@/lib/moderation/report-complaints";
import { complaintDeadline } from "@/lib/moderation/rules";
import { fileReportComplaintAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("moderation"))("reporterTitle"), robots: { index: false }, referrer: "no-referrer" };
}

/**
 * A report as its reporter follows it: the decision and its reasons, and the free internal
 * complaint against it (DSA art. 20), for the reporter signed in or through the link emailed with
 * the decision (a reporter may be an anonymous visitor); admins read it too.
 */
export default async function ReporterReportPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: PageSearchParams }) {
  const { id } = await params;
  const { key } = searchParamsOf(await searchParams);
  if (!isUuidLike(id)) notFound();
  const actor = await currentActor();
  const view = await readReportForReporter(actor, id, key);
  // The email answering a complaint links without the key: read signed in.
  if (!view && !actor && !key) redirect(`/signin?callbackUrl=${encodeURIComponent(`/reports/${id}`)}`);
  if (!view) notFound();
  const [t, format] = await Promise.all([getTranslations("moderation"), getFormatter()]);
  const { report, complaint } = view;
  const date = (value: Date) => format.dateTime(value, { dateStyle: "long" });
  return (
    <div className="flex flex-col gap-8">
      <PageHeading
        title={t("reporterTitle")}
        lead={t("reporterLead", { date: date(report.createdAt), target: t(`target.${report.targetType}`), reason: t(`reason.${report.reason}`) })}
      />
      {report.status === "open" || !report.decidedAt ? (
        <p className="text-stone-800">{t("reporterPending")}</p>
      ) : (
        <section aria-labelledby="decision-title" className="flex max-w-3xl flex-col gap-3 rounded-lg border border-stone-200 bg-white p-6">
          <h2 id="decision-title" className="text-xl font-semibold text-stone-900">
            {t("reporterDecision", { date: date(report.decidedAt), outcome: t(`outcome.${report.status}`) })}
          </h2>
          <h3 className="font-semibold text-stone-700">{t("reporterNote")}</h3>
          <p className="whitespace-pre-line text-stone-900">{report.decisionNote}</p>
          <p className="text-stone-800">{t("reporterRedress", { date: date(complaintDeadline(report.decidedAt)) })}</p>
        </section>
      )}
      {complaint || view.canComplain ? (
        <section aria-labelledby="complaint-title" className="flex flex-col gap-4">
          <h2 id="complaint-title" className="text-xl font-semibold text-stone-900">
            {t("complaintTitle")}
          </h2>
          {complaint ? (
            complaint.status === "open" ? (
              <p className="text-stone-800">{t("complaintSent", { date: date(complaint.createdAt) })}</p>
            ) : (
              <div className="flex flex-col gap-2">
                <p className="font-semibold text-stone-900">{t("complaintAnswer", { outcome: t(`outcome.${complaint.status}`), date: date(complaint.decidedAt ?? complaint.createdAt) })}</p>
                <p className="whitespace-pre-line text-stone-900">{complaint.answer}</p>
                {complaint.newOutcome ? <p className="text-stone-900">{t("reporterNewOutcome", { outcome: t(`outcome.${complaint.newOutcome}`) })}</p> : null}
              </div>
            )
          ) : (
            <ComplaintForm
              action={fileReportComplaintAction}
              fields={{ reportId: report.id, key: actor && report.reporterId === actor.id ? null : (key ?? null) }}
              label="reporterComplaintLabel"
            />
          )}
        </section>
      ) : null}
    </div>
  );
}
