import "server-only";
import { documentMoney } from "@/lib/money/format";
import type { AppLocale } from "@/lib/i18n/locale";
import { translator } from "@/lib/i18n/translator";
import { renderTextDocumentPdf } from "@/lib/pdf/text-document";
import { isBreached } from "./due";
import { hoursText } from "./hours";
import { getMonthReport } from "./queries";
import type { Actor } from "@/lib/auth/actor";


function longDay(day: string, locale: AppLocale): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "fr-FR", { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${day}T12:00:00Z`));
}

/** A retainer month's report as a PDF, in French or English, for the contract's parties and admins. */
export async function monthReportPdf(actor: Actor | null, contractId: string, periodStart: string, locale: AppLocale, now = new Date()) {
  const report = await getMonthReport(actor, contractId, periodStart, now);
  const t = translator(locale, "tickets");
  const period = t("reportPeriod", { start: longDay(report.month.periodStart, locale), end: longDay(report.month.periodEnd, locale) });
  const extra = report.extra;
  const bytes = await renderTextDocumentPdf({
    title: t("reportHeading"),
    subtitle: `${report.contract.facts.job.title} · ${period}`,
    lang: locale,
    createdAt: now,
    footer: `${report.contract.facts.client.legalName} · ${report.contract.facts.expert.name}`,
    sections: [
      {
        heading: t("reportSummary"),
        paragraphs: [
          t("reportOpened", { count: report.opened.length }),
          t("reportResolved", { count: report.resolvedCount }),
          t("reportHours", { used: hoursText(report.usedMinutes), included: hoursText(report.includedMinutes) }),
          t("reportTargets", { met: report.met, breached: report.breached }),
          extra
            ? t("reportExtra", { hours: hoursText(extra.minutes), amount: documentMoney(extra.amountCents, locale), status: t(`extra_${extra.status}`) })
            : t("reportNoExtra"),
        ],
      },
      {
        heading: t("reportTickets"),
        paragraphs: report.opened.length
          ? report.opened.map((ticket) =>
              t("reportTicketLine", {
                title: ticket.title,
                severity: t(`severity_${ticket.severity}`),
                status: t(`status_${ticket.status}`),
                target: isBreached(ticket, now) ? t("targetBreached") : ticket.firstResponseAt ? t("targetMet") : t("targetRunning"),
              }),
            )
          : [t("reportNoTickets")],
      },
    ],
  });
  return { bytes, fileName: `rapport-support-${report.month.periodStart}${locale === "en" ? "-en" : ""}.pdf` };
}
