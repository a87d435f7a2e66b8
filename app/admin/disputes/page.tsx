import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/Alert";
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
      {open.length === 0 ? null : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-2xl border-collapse bg-white text-left text-sm">
            <caption className="sr-only">{t("disputesCaption")}</caption>
            <thead>
              <tr className="border-b border-stone-300">
                <th scope="col" className="p-3">{t("colDispute")}</th>
                <th scope="col" className="p-3">{t("colReason")}</th>
                <th scope="col" className="p-3 text-right">{t("colAmount")}</th>
                <th scope="col" className="p-3">{t("colOpened")}</th>
                <th scope="col" className="p-3">{t("colWaiting")}</th>
              </tr>
            </thead>
            <tbody>
              {open.map((row) => (
                <tr key={row.id} className="border-b border-stone-200 align-top">
                  <th scope="row" className="p-3 font-normal">
                    <Link href={`/admin/disputes/${row.id}`} className="font-semibold underline">
                      {row.jobTitle} — {row.milestoneTitle}
                    </Link>
                    <span className="block text-stone-700">{t("parties", { client: row.clientName, expert: row.expertName })}</span>
                  </th>
                  <td className="p-3">
                    {p(`reason_${row.reason}`)}
                    <span className="block font-medium text-stone-900">
                      {row.mayDecide ? d("decisionOpen") : d("decisionFrom", { date: format.dateTime(row.responseDueAt, { dateStyle: "medium", timeStyle: "short" }) })}
                    </span>
                  </td>
                  <td className="p-3 text-right tabular-nums">{euros(row.chargeCents)}</td>
                  <td className="p-3">{format.dateTime(row.createdAt, { dateStyle: "medium", timeStyle: "short" })}</td>
                  <td className="p-3">{row.waitingHours >= 48 ? t("waitingDays", { days: Math.floor(row.waitingHours / 24) }) : t("waitingHours", { hours: row.waitingHours })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
