import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ComplaintDecisionForm, ReportDecisionForm } from "@/components/moderation/DecisionForms";
import { PageHeading } from "@/components/ui/PageHeading";
import { requireAdminPage } from "@/lib/auth/admin-page";
import type { ReportedContent } from "@/lib/moderation/targets";
import { listOpenComplaints, listOpenReportComplaints, listOpenReports } from "@/lib/moderation/queries";
import { decideComplaintAction, decideReportAction, decideReportComplaintAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("moderation"))("adminTitle") };
}

/** The reported content in context, as the admin deciding reads it. */
async function ReportedContentBox({ content }: { content: ReportedContent | null }) {
  const t = await getTranslations("moderation");
  return (
    <section aria-label={t("adminContent")} className="rounded-md border-l-4 border-amber-600 bg-amber-50 p-4">
      <h3 className="font-semibold text-stone-900">{t("adminContent")}</h3>
      {content ? (
        <>
          {content.title ? <p className="mt-2 font-semibold">{content.title}</p> : null}
          <p className="mt-2 whitespace-pre-line text-stone-900 [overflow-wrap:anywhere]">{content.body}</p>
          {content.path ? (
            <p className="mt-2">
              <Link href={content.path} className="text-brand-900 underline underline-offset-4">
                {t("adminOpen")}
              </Link>
            </p>
          ) : null}
        </>
      ) : (
        <p className="mt-2">{t("error_not_found")}</p>
      )}
    </section>
  );
}

const cardClass = "flex flex-col gap-4 rounded-lg border border-stone-200 bg-white p-6";

/** The moderation queue: reports with the reported content in context, then complaints against decisions. */
export default async function AdminReportsPage() {
  const actor = await requireAdminPage("/admin/reports");
  const [t, format, reports, complaints, reporterComplaints] = await Promise.all([
    getTranslations("moderation"),
    getFormatter(),
    listOpenReports(actor),
    listOpenComplaints(actor),
    listOpenReportComplaints(actor),
  ]);
  return (
    <div className="flex flex-col gap-8">
      <PageHeading title={t("adminTitle")} lead={t("adminLead")} />
      <p>
        <Link href="/admin/transparency" className="font-medium text-brand-900 underline underline-offset-4">
          {t("transparencyTitle", { year: new Date().getFullYear() })}
        </Link>
      </p>
      {reports.length === 0 ? <p className="text-stone-700">{t("adminEmpty")}</p> : null}
      <ul className="flex flex-col gap-6">
        {reports.map(({ report, content }) => (
          <li key={report.id}>
            <article aria-labelledby={`report-${report.id}`} className={cardClass}>
              <h2 id={`report-${report.id}`} className="text-lg font-semibold text-stone-900">
                {t(`target.${report.targetType}`)} — {t(`reason.${report.reason}`)}
              </h2>
              <p className="text-sm text-stone-700">
                {report.reporterEmail
                  ? t("adminReporter", { name: `${report.reporterName ?? ""} <${report.reporterEmail}>`, date: format.dateTime(report.createdAt, { dateStyle: "medium", timeStyle: "short" }) })
                  : t("adminAnonymous")}
              </p>
              <p className="whitespace-pre-line text-stone-900">{report.explanation}</p>
              <p className="text-sm text-stone-700">
                {t("locationShown", { location: report.location })}
              </p>
              <ReportedContentBox content={content} />
              <ReportDecisionForm action={decideReportAction} reportId={report.id} />
            </article>
          </li>
        ))}
      </ul>

      <h2 className="text-2xl font-semibold text-stone-900">{t("complaintsTitle")}</h2>
      {complaints.length === 0 ? <p className="text-stone-700">{t("complaintsEmpty")}</p> : null}
      <ul className="flex flex-col gap-6">
        {complaints.map(({ complaint, statement }) => (
          <li key={complaint.id}>
            <article aria-labelledby={`complaint-${complaint.id}`} className={cardClass}>
              <h3 id={`complaint-${complaint.id}`} className="text-lg font-semibold text-stone-900">
                {t("complaintOf", { restriction: t(`outcome.${statement.restriction}`), facts: statement.facts.slice(0, 120) })}
              </h3>
              <p className="text-sm text-stone-700">
                <Link href={`/decisions/${statement.id}`} className="text-brand-900 underline underline-offset-4">
                  {t("decisionTitle")}
                </Link>{" "}
                · {format.dateTime(complaint.createdAt, { dateStyle: "medium" })}
              </p>
              <p className="whitespace-pre-line text-stone-900">{complaint.body}</p>
              <ComplaintDecisionForm action={decideComplaintAction} complaintId={complaint.id} />
            </article>
          </li>
        ))}
      </ul>

      <h2 className="text-2xl font-semibold text-stone-900">{t("reportComplaintsTitle")}</h2>
      {reporterComplaints.length === 0 ? <p className="text-stone-700">{t("reportComplaintsEmpty")}</p> : null}
      <ul className="flex flex-col gap-6">
        {reporterComplaints.map(({ complaint, report, content }) => (
          <li key={complaint.id}>
            <article aria-labelledby={`report-complaint-${complaint.id}`} className={cardClass}>
              <h3 id={`report-complaint-${complaint.id}`} className="text-lg font-semibold text-stone-900">
                {t("reportComplaintOf", {
                  target: `${t(`target.${report.targetType}`)} — ${t(`reason.${report.reason}`)}`,
                  outcome: t(`outcome.${report.status}`),
                  date: format.dateTime(report.decidedAt ?? report.createdAt, { dateStyle: "medium" }),
                })}
              </h3>
              <p className="text-sm text-stone-700">
                <Link href={`/reports/${report.id}`} className="text-brand-900 underline underline-offset-4">
                  {t("reportPageLink")}
                </Link>{" "}
                · {format.dateTime(complaint.createdAt, { dateStyle: "medium" })}
              </p>
              <p className="text-stone-800">{t("reportComplaintDecided", { note: report.decisionNote ?? "" })}</p>
              <p className="whitespace-pre-line text-stone-900">{complaint.body}</p>
              <ReportedContentBox content={content} />
              <ComplaintDecisionForm action={decideReportComplaintAction} complaintId={complaint.id} reporter />
            </article>
          </li>
        ))}
      </ul>
    </div>
  );
}
