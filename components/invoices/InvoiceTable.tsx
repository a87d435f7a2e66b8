import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { Invoice, UserRole } from "@/db/schema";
import type { EinvoiceDisplay } from "@/lib/einvoicing/statuses";
import { EinvoiceStatus } from "./EinvoiceStatus";
import { formatMoney } from "@/lib/money/format";

/** The other side of an invoice for the person reading the list (both sides for admins). */
function otherParty(invoice: Invoice, viewer: UserRole, both: (seller: string, buyer: string) => string): string {
  const { seller, buyer } = invoice.document;
  if (viewer === "admin") return both(seller.name, buyer.name);
  if (viewer === "expert") return invoice.role === "service" ? buyer.name : seller.name;
  return seller.name;
}

/**
 * Invoices and credit notes, newest first: date in words, number, type, other party, amounts
 * (credit notes negative, as in the accountant's CSV), the corrected invoice, the e-invoicing
 * status (Plateforme Agréée) and the PDF.
 */
export async function InvoiceTable({ invoices, viewer, period, einvoice }: { invoices: Invoice[]; viewer: UserRole; period: string; einvoice: Map<string, EinvoiceDisplay> }) {
  const [t, format, locale, te] = await Promise.all([getTranslations("invoices"), getFormatter(), getLocale(), getTranslations("einvoicing")]);
  const euros = (cents: number) => formatMoney(cents, locale);
  // Issue dates are Paris calendar days; noon UTC falls on the same day in Paris.
  const day = (isoDay: string) => format.dateTime(new Date(`${isoDay}T12:00:00Z`), { dateStyle: "long" });
  const typeOf = (invoice: Invoice) => (invoice.kind === "credit_note" ? t("type_credit_note") : invoice.role === "commission" ? t("type_commission") : t("type_invoice"));
  const both = (seller: string, buyer: string) => t("parties", { seller, buyer });
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-4xl border-collapse bg-white text-left text-sm">
        <caption className="p-3 text-left font-semibold text-stone-900">{t("tableCaption", { period })}</caption>
        <thead>
          <tr className="border-b border-stone-300">
            <th scope="col" className="p-3">{t("colDate")}</th>
            <th scope="col" className="p-3">{t("colNumber")}</th>
            <th scope="col" className="p-3">{t("colType")}</th>
            <th scope="col" className="p-3">{viewer === "admin" ? t("colPartyAdmin") : t("colParty")}</th>
            <th scope="col" className="p-3 text-right">{t("colExVat")}</th>
            <th scope="col" className="p-3 text-right">{t("colVat")}</th>
            <th scope="col" className="p-3 text-right">{t("colInclVat")}</th>
            <th scope="col" className="p-3">{t("colCorrects")}</th>
            <th scope="col" className="p-3">{te("colStatus")}</th>
            <th scope="col" className="p-3">{t("colFile")}</th>
          </tr>
        </thead>
        <tbody>
          {invoices.map((invoice) => {
            const sign = invoice.kind === "credit_note" ? -1 : 1;
            return (
              <tr key={invoice.id} className="border-b border-stone-200 align-top">
                <td className="p-3 whitespace-nowrap">{day(invoice.issueDate)}</td>
                <th scope="row" className="p-3 font-mono font-semibold whitespace-nowrap">
                  {invoice.number}
                </th>
                <td className="p-3">{typeOf(invoice)}</td>
                <td className="p-3">{otherParty(invoice, viewer, both)}</td>
                <td className="p-3 text-right tabular-nums whitespace-nowrap">{euros(sign * invoice.exVatCents)}</td>
                <td className="p-3 text-right tabular-nums whitespace-nowrap">{euros(sign * invoice.vatCents)}</td>
                <td className="p-3 text-right font-semibold tabular-nums whitespace-nowrap">{euros(sign * invoice.inclVatCents)}</td>
                <td className="p-3">{invoice.document.corrects ? t("corrects", { number: invoice.document.corrects.number }) : null}</td>
                <td className="p-3">
                  <EinvoiceStatus display={einvoice.get(invoice.id)} />
                </td>
                <td className="p-3">
                  <a href={`/invoices/${invoice.id}/pdf`} download aria-label={t("downloadLabel", { number: invoice.number })} className="font-semibold underline">
                    {t("download")}
                  </a>
                  {locale === "en" ? (
                    <>
                      {" · "}
                      <a href={`/invoices/${invoice.id}/pdf?lang=en`} download aria-label={t("downloadEnglishLabel", { number: invoice.number })} className="underline whitespace-nowrap">
                        {t("downloadEnglish")}
                      </a>
                    </>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
