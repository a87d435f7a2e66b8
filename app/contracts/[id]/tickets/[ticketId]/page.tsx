import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { AttachmentList } from "@/components/attachments/AttachmentList";
import { SimpleActionForm } from "@/components/job-wizard/SimpleActionForm";
import { MinutesForm } from "@/components/tickets/MinutesForm";
import { TicketReplyForm } from "@/components/tickets/TicketReplyForm";
import { TicketTarget } from "@/components/tickets/TicketStatus";
import { PageHeading } from "@/components/ui/PageHeading";
import { getTicket } from "@/lib/tickets/queries";
import { hoursText } from "@/lib/tickets/hours";
import { logTicketTimeAction, postTicketMessageAction, reopenTicketAction, resolveTicketAction } from "../actions";
import { loadTicketPage } from "../load";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("tickets"))("pageTitle") };
}

/** A ticket: its facts, files and response target, the thread (with its files), the time logged, and what the viewer may do. */
export default async function TicketPage({ params }: { params: Promise<{ id: string; ticketId: string }> }) {
  const { id, ticketId } = await params;
  const found = await loadTicketPage(`/contracts/${id}/tickets/${ticketId}`, (actor) => getTicket(actor, ticketId));
  if (found.contract.id !== id) notFound();
  const [t, format] = await Promise.all([getTranslations("tickets"), getFormatter()]);
  const { ticket, side, messages, ticketFiles, time } = found;
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Paris" });
  const open = ticket.status === "open";
  const logged = time.reduce((total, entry) => total + entry.minutes, 0);
  return (
    <div className="flex flex-col gap-8">
      <Link href={`/contracts/${id}/tickets`} className="self-start underline">
        {t("backToTickets")}
      </Link>
      <PageHeading title={ticket.title} lead={t("ticketLead", { severity: t(`severity_${ticket.severity}`), software: ticket.software, status: t(`status_${ticket.status}`) })} />
      <section aria-labelledby="ticket-facts" className="flex flex-col gap-2 rounded-lg border border-stone-200 bg-white p-6 text-sm">
        <h2 id="ticket-facts" className="text-xl font-semibold text-stone-900">
          {t("factsHeading")}
        </h2>
        <p>{t("openedAt", { date: when(ticket.createdAt), hours: ticket.targetHours })}</p>
        <p>
          <TicketTarget ticket={ticket} />
        </p>
        <p className="whitespace-pre-line">{ticket.description}</p>
        <AttachmentList links={ticketFiles} />
      </section>
      <section aria-labelledby="ticket-thread" className="flex flex-col gap-3">
        <h2 id="ticket-thread" className="text-xl font-semibold text-stone-900">
          {t("threadHeading")}
        </h2>
        {messages.length === 0 ? <p className="text-stone-700">{t("noMessages")}</p> : null}
        <ol className="flex flex-col gap-3">
          {messages.map((m) => (
            <li key={m.id} className="rounded-lg border border-stone-200 bg-white p-4">
              <p className="text-sm text-stone-700">{t("messageBy", { side: t(`side_${m.side}`), name: m.authorName ?? "—", date: when(m.createdAt) })}</p>
              <p className="mt-1 whitespace-pre-line">{m.body}</p>
              <AttachmentList links={m.files} />
            </li>
          ))}
        </ol>
      </section>
      {open && (side === "client" || side === "expert") ? (
        <TicketReplyForm ticketId={ticket.id} action={postTicketMessageAction} />
      ) : null}
      <section aria-labelledby="ticket-time" className="flex flex-col gap-2">
        <h2 id="ticket-time" className="text-xl font-semibold text-stone-900">
          {t("timeHeading", { total: hoursText(logged) })}
        </h2>
        <ul className="flex flex-col gap-1 text-sm">
          {time.map((entry) => (
            <li key={entry.id}>{t("timeLine", { minutes: entry.minutes, note: entry.note, date: format.dateTime(new Date(`${entry.workedOn}T12:00:00Z`), { dateStyle: "medium" }) })}</li>
          ))}
        </ul>
      </section>
      {side === "expert" ? (
        <MinutesForm
          heading={t("logTimeHeading")}
          hidden={{ ticketId: ticket.id }}
          labels={{ minutes: t("minutesLabel"), note: t("noteLabel"), submit: t("logTime"), done: t("timeLogged") }}
          action={logTicketTimeAction}
        />
      ) : null}
      {side === "expert" && open ? <SimpleActionForm label={t("resolve")} hidden={{ ticketId: ticket.id }} action={resolveTicketAction} /> : null}
      {side === "client" && !open ? <SimpleActionForm label={t("reopen")} hidden={{ ticketId: ticket.id }} action={reopenTicketAction} /> : null}
    </div>
  );
}
