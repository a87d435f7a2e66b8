import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { BackgroundRowForm } from "@/components/admin/BackgroundRowForm";
import type { FormState } from "@/lib/actions/form-state";
import type { EinvoiceReportRow } from "@/lib/einvoicing/queries";
import { formatMoney } from "@/lib/money/format";

const cell = "p-3 align-top";

/** Admin: what was e-reported (payments received, B2C and international transactions), with a retry for a failed one. */
export async function EinvoiceReportsTable({ rows, retry }: { rows: EinvoiceReportRow[]; retry: (s: FormState, f: FormData) => Promise<FormState> }) {
  const [t, format, locale] = await Promise.all([getTranslations("einvoicing"), getFormatter(), getLocale()]);
  const euros = (cents: number) => formatMoney(cents, locale);
  const day = (value: string | null) => (value ? format.dateTime(new Date(`${value}T12:00:00Z`), { dateStyle: "short" }) : "");
  // A document's number, or a period report's seller and period.
  const subject = (row: EinvoiceReportRow) => row.number ?? t("periodSubject", { siren: row.sellerSiren ?? "", start: day(row.periodStart), end: day(row.periodEnd) });
  return (
    <section aria-labelledby="einvoice-reports" className="flex flex-col gap-3">
      <h2 id="einvoice-reports" className="text-xl font-semibold">{t("reportsTitle")}</h2>
      <p className="max-w-3xl text-stone-700">{t("reportsLead")}</p>
      {rows.length === 0 ? (
        <p className="text-stone-700">{t("reportsNone")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse bg-white text-left text-sm">
            <caption className="p-3 text-left text-stone-700">{t("reportsCaption", { count: rows.length })}</caption>
            <thead>
              <tr className="border-b border-stone-300">
                <th scope="col" className={cell}>{t("colDocument")}</th>
                <th scope="col" className={cell}>{t("colKind")}</th>
                <th scope="col" className={cell}>{t("colDate")}</th>
                <th scope="col" className={cell}>{t("colAmount")}</th>
                <th scope="col" className={cell}>{t("colState")}</th>
                <th scope="col" className={cell}>{t("colAttempts")}</th>
                <th scope="col" className={cell}>{t("colError")}</th>
                <th scope="col" className={cell}>{t("colActions")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} className="border-b border-stone-200">
                  <th scope="row" className={`${cell} ${row.number ? "font-mono" : ""} font-semibold`}>
                    {subject(row)}
                  </th>
                  <td className={cell}>
                    {t(row.periodStart ? "report_period" : row.amountCents < 0 ? "report_refund" : `report_${row.kind}`)}
                    <span className="block text-stone-600">{t(`channel_${row.channel}`)}</span>
                  </td>
                  <td className={cell}>{day(row.occurredOn)}</td>
                  <td className={cell}>
                    {euros(row.amountCents)} ({euros(row.vatCents)})
                  </td>
                  <td className={cell}>
                    {t(`reportState_${row.state}`)}
                    {row.ackStatus === "Ok" || row.ackStatus === "Error" ? <span className="block text-stone-600">{t(`ack_${row.ackStatus}`)}</span> : null}
                  </td>
                  <td className={cell}>{row.attempts}</td>
                  <td className={`${cell} max-w-md break-words`}>{row.lastError ?? "—"}</td>
                  <td className={cell}>
                    {row.state === "failed" && row.ackStatus === null ? (
                      <BackgroundRowForm fields={{ reportId: row.id }} label={t("retryReport")} subject={t("retryReportSubject", { number: subject(row) })} action={retry} />
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
