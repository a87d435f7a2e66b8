import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { SimpleActionForm } from "@/components/job-wizard/SimpleActionForm";
import { MinutesForm } from "@/components/tickets/MinutesForm";
import { RefuseExtraHoursForm } from "@/components/tickets/RefuseExtraHoursForm";
import { TicketTarget } from "@/components/tickets/TicketStatus";
import { DataTable } from "@/components/ui/DataTable";
import { PageHeading } from "@/components/ui/PageHeading";
import { formatMoney } from "@/lib/money/format";
import { hoursText } from "@/lib/tickets/hours";
import { getMonthReport } from "@/lib/tickets/queries";
import { approveExtraHoursAction, refuseExtraHoursAction, submitExtraHoursAction } from "../../actions";
import { loadTicketPage } from "../../load";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("tickets"))("reportHeading") };
}

/** A retainer month's report: tickets, hours used against included, targets met and missed, extra hours and their approval. */
export default async function MonthReportPage({ params }: { params: Promise<{ id: string; period: string }> }) {
  const { id, period } = await params;
  const report = await loadTicketPage(`/contracts/${id}/tickets/months/${period}`, (actor) => getMonthReport(actor, id, period));
  const [t, format, locale] = await Promise.all([getTranslations("tickets"), getFormatter(), getLocale()]);
  const day = (d: string) => format.dateTime(new Date(`${d}T12:00:00Z`), { dateStyle: "long" });
  const { extra, side } = report;
  const beyond = Math.max(0, report.usedMinutes - report.includedMinutes);
  return (
    <div className="flex flex-col gap-8">
      <Link href={`/contracts/${id}/tickets`} className="self-start underline">
        {t("backToTickets")}
      </Link>
      <PageHeading title={t("reportHeading")} lead={t("reportPeriod", { start: day(report.month.periodStart), end: day(report.month.periodEnd) })} />
      <section aria-labelledby="report-summary" className="flex flex-col gap-1 rounded-lg border border-stone-200 bg-white p-6">
        <h2 id="report-summary" className="text-xl font-semibold text-stone-900">
          {t("reportSummary")}
        </h2>
        <p>{t("reportOpened", { count: report.opened.length })}</p>
        <p>{t("reportResolved", { count: report.resolvedCount })}</p>
        <p>{t("reportHours", { used: hoursText(report.usedMinutes), included: hoursText(report.includedMinutes) })}</p>
        <p>{t("reportTargets", { met: report.met, breached: report.breached })}</p>
        <p>
          {extra
            ? t("reportExtra", { hours: hoursText(extra.minutes), amount: formatMoney(extra.amountCents, locale), status: t(`extra_${extra.status}`) })
            : t("reportNoExtra")}
        </p>
        {report.billedWith ? <p>{t("reportBilledWith", { date: day(report.billedWith) })}</p> : null}
        {extra?.refusalReason ? <p className="whitespace-pre-line">{t("reportRefusalReason", { reason: extra.refusalReason })}</p> : null}
        {side === "expert" && extra?.status === "rejected" && report.month.milestoneId ? (
          <Link href={`/contracts/${id}#milestone-${report.month.milestoneId}`} className="self-start underline">
            {t("disputeMonth")}
          </Link>
        ) : null}
        <p className="mt-2 flex flex-wrap gap-4">
          <a href={`/contracts/${id}/tickets/months/${period}/pdf`} className="underline">
            {t("reportPdf")}
          </a>
          <a href={`/contracts/${id}/tickets/months/${period}/pdf?lang=en`} className="underline" hrefLang="en">
            {t("reportPdfEnglish")}
          </a>
        </p>
      </section>
      <DataTable
        caption={t("reportTickets")}
        rows={report.opened}
        rowKey={(ticket) => ticket.id}
        empty={t("reportNoTickets")}
        columns={[
          { key: "title", header: t("titleLabel"), rowHeader: true, cell: (ticket) => <Link href={`/contracts/${id}/tickets/${ticket.id}`} className="underline">{ticket.title}</Link> },
          { key: "severity", header: t("severityLabel"), cell: (ticket) => t(`severity_${ticket.severity}`) },
          { key: "status", header: t("statusLabel"), cell: (ticket) => t(`status_${ticket.status}`) },
          { key: "target", header: t("targetLabel"), cell: (ticket) => <TicketTarget ticket={ticket} /> },
        ]}
      />
      {side === "expert" && report.ended && !extra && beyond > 0 ? (
        <MinutesForm
          heading={t("extraHeading", { beyond: hoursText(beyond) })}
          hidden={{ contractId: id, periodStart: report.month.periodStart }}
          labels={{ minutes: t("extraMinutesLabel"), note: t("noteLabel"), submit: t("submitExtra"), done: t("extraSubmitted") }}
          action={submitExtraHoursAction}
        />
      ) : null}
      {side === "client" && extra?.status === "submitted" ? (
        <section aria-label={t("refuseExtraHeading")} className="flex flex-col gap-6 rounded-lg border border-stone-200 bg-white p-6">
          <SimpleActionForm label={t("approveExtra", { amount: formatMoney(extra.amountCents, locale) })} hidden={{ contractId: id, periodStart: report.month.periodStart }} action={approveExtraHoursAction} />
          <RefuseExtraHoursForm
            hidden={{ contractId: id, periodStart: report.month.periodStart }}
            labels={{ heading: t("refuseExtraHeading"), hint: t("refuseExtraHint"), reason: t("refusalReasonLabel"), submit: t("refuseExtra") }}
            action={refuseExtraHoursAction}
          />
        </section>
      ) : null}
    </div>
  );
}
