import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/DataTable";
import { PageHeading } from "@/components/ui/PageHeading";
import { requireAdminPage } from "@/lib/auth/admin-page";
import { listBreachedTickets } from "@/lib/tickets/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("tickets"))("adminTitle") };
}

/** For admins: the support tickets whose first-response target was missed. */
export default async function AdminSupportTicketsPage() {
  const actor = await requireAdminPage("/admin/support-tickets");
  const [t, format, rows] = await Promise.all([getTranslations("tickets"), getFormatter(), listBreachedTickets(actor)]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Paris" });
  return (
    <div className="flex flex-col gap-6">
      <Link href="/admin" className="self-start underline">
        {t("backToAdmin")}
      </Link>
      <PageHeading title={t("adminTitle")} lead={t("adminLead")} />
      <DataTable
        caption={t("adminCaption")}
        captionHidden
        rows={rows}
        rowKey={(row) => row.ticket.id}
        empty={t("adminNone")}
        columns={[
          {
            key: "title",
            header: t("titleLabel"),
            rowHeader: true,
            cell: (row) => (
              <Link href={`/contracts/${row.ticket.contractId}/tickets/${row.ticket.id}`} className="underline">
                {row.ticket.title}
              </Link>
            ),
          },
          { key: "contract", header: t("adminContract"), cell: (row) => row.jobTitle },
          { key: "severity", header: t("severityLabel"), cell: (row) => t(`severity_${row.ticket.severity}`) },
          { key: "due", header: t("adminDue"), cell: (row) => when(row.ticket.responseDueAt) },
          { key: "answered", header: t("adminAnswered"), cell: (row) => (row.ticket.firstResponseAt ? when(row.ticket.firstResponseAt) : t("adminNotAnswered")) },
        ]}
      />
    </div>
  );
}
