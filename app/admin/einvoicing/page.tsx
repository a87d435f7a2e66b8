import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { BackgroundRowForm } from "@/components/admin/BackgroundRowForm";
import { Alert } from "@/components/ui/Alert";
import { PageHeading } from "@/components/ui/PageHeading";
import { requireAdminPage } from "@/lib/auth/admin-page";
import { isEinvoicingOn } from "@/lib/einvoicing/config";
import { EinvoiceReportsTable } from "@/components/einvoicing/EinvoiceReportsTable";
import { listEinvoiceProblems, listEinvoiceReports } from "@/lib/einvoicing/queries";
import { retryEinvoiceAction, retryEinvoiceReportAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("einvoicing"))("adminTitle") };
}

const cell = "p-3 align-top";

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
      {problems.length === 0 ? (
        <p className="text-stone-700">{t("adminNone")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse bg-white text-left text-sm">
            <caption className="p-3 text-left text-stone-700">{t("adminCaption", { count: problems.length })}</caption>
            <thead>
              <tr className="border-b border-stone-300">
                <th scope="col" className={cell}>{t("colDocument")}</th>
                <th scope="col" className={cell}>{t("colState")}</th>
                <th scope="col" className={cell}>{t("colAttempts")}</th>
                <th scope="col" className={cell}>{t("colError")}</th>
                <th scope="col" className={cell}>{t("colUpdated")}</th>
                <th scope="col" className={cell}>{t("colActions")}</th>
              </tr>
            </thead>
            <tbody>
              {problems.map((row) => (
                <tr key={row.invoiceId} className="border-b border-stone-200">
                  <th scope="row" className={`${cell} font-mono font-semibold`}>
                    <a href={`/invoices/${row.invoiceId}/pdf`} className="underline" download>
                      {row.number}
                    </a>
                    <span className="block font-sans font-normal text-stone-600">{row.kind === "credit_note" ? invoices("type_credit_note") : invoices("type_invoice")}</span>
                  </th>
                  <td className={cell}>{row.state === "failed" ? t("state_failed") : row.lifecycleCode ? t(`status_${row.lifecycleCode}` as "status_200") : t(`state_${row.state}` as "state_queued")}</td>
                  <td className={cell}>{row.attempts}</td>
                  <td className={`${cell} max-w-md break-words`}>{row.lastError ?? row.reason ?? "—"}</td>
                  <td className={cell}>{format.dateTime(row.updatedAt, { dateStyle: "short", timeStyle: "short" })}</td>
                  <td className={cell}>
                    {row.state === "failed" ? (
                      <BackgroundRowForm fields={{ invoiceId: row.invoiceId }} label={t("retry")} subject={t("retrySubject", { number: row.number })} action={retryEinvoiceAction} />
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <EinvoiceReportsTable rows={reports} retry={retryEinvoiceReportAction} />
    </div>
  );
}
