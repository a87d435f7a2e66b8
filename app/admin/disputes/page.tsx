import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/Alert";
import { DataTable } from "@/components/ui/DataTable";
import { PageHeading } from "@/components/ui/PageHeading";
import { requireAdminPage } from "@/lib/auth/admin-page";
import { listOpenDisputes } from "@/lib/payments/admin-queries";
import { searchParamsOf, type PageSearchParams } from "@/lib/http/search-params";
import { formatMoney } from "@/lib/money/format";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminPayments"))("disputesTitle") };
}

export default async function AdminDisputesPage({ searchParams }: { searchParams: PageSearchParams }) {
  const { settled } = searchParamsOf(await searchParams);
  const actor = await requireAdminPage("/admin/disputes");
  const [t, p, d, format, locale, open] = await Promise.all([getTranslations("adminPayments"), getTranslations("payments"), getTranslations("disputes"), getFormatter(), getLocale(), listOpenDisputes(actor)]);
  const euros = (cents: number) => formatMoney(cents, locale);
  return (
    <div className="flex flex-col gap-6">
      <Link href="/admin/payments" className="self-start underline">
        {t("backToPayments")}
      </Link>
      <PageHeading title={t("disputesTitle")} lead={open.length > 0 ? t("disputesLead", { count: open.length }) : t("disputesEmpty")} />
      {settled ? <Alert tone="success">{t("settledDone")}</Alert> : null}
      <DataTable
        caption={t("disputesCaption")}
        captionHidden
        empty={null}
        className="min-w-2xl"
        rows={open}
        rowKey={(row) => row.id}
        columns={[
          {
            key: "dispute",
            header: t("colDispute"),
            rowHeader: true,
            cell: (row) => (
              <>
                <Link href={`/admin/disputes/${row.id}`} className="font-semibold underline">
                  {row.jobTitle} — {row.milestoneTitle}
                </Link>
                <span className="block text-stone-700">{t("parties", { client: row.clientName, expert: row.expertName })}</span>
              </>
            ),
          },
          {
            key: "reason",
            header: t("colReason"),
            cell: (row) => (
              <>
                {p(`reason_${row.reason}`)}
                <span className="block font-medium text-stone-900">
                  {row.mayDecide ? d("decisionOpen") : d("decisionFrom", { date: format.dateTime(row.responseDueAt, { dateStyle: "medium", timeStyle: "short" }) })}
                </span>
              </>
            ),
          },
          { key: "amount", header: t("colAmount"), numeric: true, cell: (row) => euros(row.chargeCents) },
          { key: "opened", header: t("colOpened"), cell: (row) => format.dateTime(row.createdAt, { dateStyle: "medium", timeStyle: "short" }) },
          {
            key: "waiting",
            header: t("colWaiting"),
            cell: (row) => (row.waitingHours >= 48 ? t("waitingDays", { days: Math.floor(row.waitingHours / 24) }) : t("waitingHours", { hours: row.waitingHours })),
          },
        ]}
      />
    </div>
  );
}
