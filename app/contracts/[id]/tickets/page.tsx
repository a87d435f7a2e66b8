import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { OpenTicketForm } from "@/components/tickets/OpenTicketForm";
import { TicketTarget } from "@/components/tickets/TicketStatus";
import { DataTable } from "@/components/ui/DataTable";
import { PageHeading } from "@/components/ui/PageHeading";
import { listTickets } from "@/lib/tickets/queries";
import { openTicketAction } from "./actions";
import { loadTicketPage } from "./load";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("tickets"))("pageTitle") };
}

/** A retainer contract's support tickets for its parties (and admins): the list, the months' reports, and the form to open one. */
export default async function TicketsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const view = await loadTicketPage(`/contracts/${id}/tickets`, (actor) => listTickets(actor, id));
  const [t, format] = await Promise.all([getTranslations("tickets"), getFormatter()]);
  const day = (d: string) => format.dateTime(new Date(`${d}T12:00:00Z`), { dateStyle: "long" });
  return (
    <div className="flex flex-col gap-8">
      <Link href={`/contracts/${id}`} className="self-start underline">
        {t("backToContract")}
      </Link>
      <PageHeading title={t("heading")} lead={t("lead", { job: view.contract.facts.job.title })} />
      <DataTable
        caption={t("listCaption")}
        rows={view.tickets}
        rowKey={(ticket) => ticket.id}
        empty={t("none")}
        columns={[
          { key: "title", header: t("titleLabel"), rowHeader: true, cell: (ticket) => <Link href={`/contracts/${id}/tickets/${ticket.id}`} className="underline">{ticket.title}</Link> },
          { key: "severity", header: t("severityLabel"), cell: (ticket) => t(`severity_${ticket.severity}`) },
          { key: "software", header: t("softwareLabel"), cell: (ticket) => ticket.software },
          { key: "status", header: t("statusLabel"), cell: (ticket) => t(`status_${ticket.status}`) },
          { key: "target", header: t("targetLabel"), cell: (ticket) => <TicketTarget ticket={ticket} /> },
        ]}
      />
      <section aria-labelledby="reports-heading" className="flex flex-col gap-2">
        <h2 id="reports-heading" className="text-xl font-semibold text-stone-900">
          {t("reportsHeading")}
        </h2>
        <ul className="flex flex-col gap-1">
          {view.months.map((m) => (
            <li key={m.periodStart}>
              <Link href={`/contracts/${id}/tickets/months/${m.periodStart}`} className="underline">
                {t("reportPeriod", { start: day(m.periodStart), end: day(m.periodEnd) })}
              </Link>
            </li>
          ))}
        </ul>
      </section>
      {view.canOpen ? <OpenTicketForm contractId={id} software={view.retainer.coveredSoftware} targets={view.retainer.responseHours} action={openTicketAction} /> : null}
    </div>
  );
}
