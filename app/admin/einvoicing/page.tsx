import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { BackgroundRowForm } from "@/components/admin/BackgroundRowForm";
import { Alert } from "@/components/ui/Alert";
import { DataTable } from "@/components/ui/DataTable";
import { PageHeading } from "@/components/ui/PageHeading";
import { requireAdminPage } from "@/lib/auth/admin-page";
import { isEinvoicingOn } from "@/lib/einvoicing/config";
import { EinvoiceReportsTable } from "@/components/einvoicing/EinvoiceReportsTable";
import { needsAction } from "@/lib/einvoicing/statuses";
import { listEinvoiceProblems, listEinvoiceReports } from "@/lib/einvoicing/queries";
import { retryEinvoiceAction, retryEinvoiceReportAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("einvoicing"))("adminTitle") };
}

/** E-invoicing documents to handle: failed transmissions (with a retry) and rejected, refused or disputed ones. */
export default async function EinvoicingAdminPage() {
  const actor = await requireAdminPage("/admin/einvoicing");
  const [t, format, problems, reports] = await Promise.all([getTranslations("einvoicing"), getFormatter(), listEinvoiceProblems(actor), listEinvoiceReports(actor)]);
  const [invoices, background] = await Promise.all([getTranslations("invoices"), getTranslations("backgroundAdmin")]);
  return (
    <div className="flex flex-col gap-8">
      <Link href="/admin" className="self-start underline">
        {background("backToAdmin")}
      </Link>
      <PageHeading title={t("adminTitle")} lead={t("adminLead")} />
      {isEinvoicingOn() ? null : <Alert tone="warning">{t("adminOff")}</Alert>}
      <DataTable
        caption={t("adminCaption", { count: problems.length })}
        empty={t("adminNone")}
        rows={problems}
        rowKey={(row) => row.invoiceId}
        columns={[
          {
            key: "document",
            header: t("colDocument"),
            rowHeader: true,
            cell: (row) => (
              <>
                <a href={`/invoices/${row.invoiceId}/pdf`} className="font-mono font-semibold underline" download>
                  {row.number}
                </a>
                <span className="block text-stone-600">{row.kind === "credit_note" ? invoices("type_credit_note") : invoices("type_invoice")}</span>
              </>
            ),
          },
          {
            key: "state",
            header: t("colState"),
            cell: (row) =>
              row.state !== "failed" && needsAction(row.lifecycleCode) ? (
                <>
                  <strong className="font-semibold text-red-800">{t(`status_${row.lifecycleCode}` as "status_200")}</strong>
                  <span className="block text-stone-700">{t("fixByCreditNote")}</span>
                </>
              ) : row.state === "failed" ? (
                t("state_failed")
              ) : row.lifecycleCode ? (
                t(`status_${row.lifecycleCode}` as "status_200")
              ) : (
                t(`state_${row.state}` as "state_queued")
              ),
          },
          { key: "attempts", header: t("colAttempts"), numeric: true, cell: (row) => row.attempts },
          { key: "error", header: t("colError"), className: "max-w-md break-words", cell: (row) => row.lastError ?? row.reason ?? "—" },
          { key: "updated", header: t("colUpdated"), cell: (row) => format.dateTime(row.updatedAt, { dateStyle: "short", timeStyle: "short" }) },
          {
            key: "actions",
            header: t("colActions"),
            cell: (row) =>
              row.state === "failed" ? (
                <BackgroundRowForm fields={{ invoiceId: row.invoiceId }} label={t("retry")} subject={t("retrySubject", { number: row.number })} action={retryEinvoiceAction} />
              ) : null,
          },
        ]}
      />
      <EinvoiceReportsTable rows={reports} retry={retryEinvoiceReportAction} />
    </div>
  );
}
