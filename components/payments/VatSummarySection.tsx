import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { VatLine, VatSummary } from "@/lib/payments/vat-summary";
import { bpsToPercent, formatMoney } from "@/lib/money/format";

const cell = "p-3";
const amountCell = "p-3 text-right tabular-nums";

/**
 * The month's VAT: what goes on Compagnon's CA3 return (its commissions), then, apart, the VAT
 * invoiced on behalf of the experts, which they declare; with the check against the ledger and
 * the CSV download.
 */
export async function VatSummarySection({ summary, period }: { summary: VatSummary; period: string }) {
  const [t, format, locale] = await Promise.all([getTranslations("adminPayments"), getFormatter(), getLocale()]);
  const euros = (cents: number) => formatMoney(cents, locale);
  const percent = (bps: number) => format.number(bpsToPercent(bps), { maximumFractionDigits: 2 });
  const rateLabel = (line: VatLine) => (line.rateBps === 0 ? t("vatFranchise") : `${percent(line.rateBps)} %`);
  const differs = t("vatLedgerDiffers", { base: euros(summary.ledger.commissionBaseCents), vat: euros(summary.ledger.commissionVatCents), expertVat: euros(summary.ledger.expertVatCents) });
  return (
    <section aria-labelledby="vat-summary" className="flex flex-col gap-4">
      <h2 id="vat-summary" className="text-xl font-semibold">
        {t("vatHeading", { period })}
      </h2>
      <p className="max-w-3xl text-stone-800">{t("vatLead")}</p>
      <table className="w-full max-w-3xl border-collapse bg-white text-left text-sm">
        <caption className="sr-only">{t("vatCaption", { period })}</caption>
        <thead>
          <tr className="border-b border-stone-300">
            <th scope="col" className={cell}>{t("vatColLine")}</th>
            <th scope="col" className={cell}>{t("vatColLabel")}</th>
            <th scope="col" className="p-3 text-right">{t("vatColBase")}</th>
            <th scope="col" className="p-3 text-right">{t("vatColVat")}</th>
          </tr>
        </thead>
        <tbody>
          <tr className="border-b border-stone-200">
            <td className={cell}>A1</td>
            <th scope="row" className="p-3 font-normal">{t("vatLineA1")}</th>
            <td className={amountCell}>{euros(summary.platformBaseCents)}</td>
            <td className={amountCell} />
          </tr>
          {summary.platform.map((line) => (
            <tr key={line.rateBps} className="border-b border-stone-200">
              <td className={cell}>{line.ca3Line}</td>
              <th scope="row" className="p-3 font-normal">{t("vatLineRate", { rate: percent(line.rateBps) })}</th>
              <td className={amountCell}>{euros(line.baseCents)}</td>
              <td className={amountCell}>{euros(line.vatCents)}</td>
            </tr>
          ))}
          <tr className="border-b border-stone-300 font-semibold">
            <td className={cell}>16</td>
            <th scope="row" className="p-3">{t("vatLine16")}</th>
            <td className={amountCell} />
            <td className={amountCell}>{euros(summary.platformVatCents)}</td>
          </tr>
        </tbody>
      </table>
      <p className="max-w-3xl text-sm text-stone-700">{t("vatDeductibleNote")}</p>

      <h3 className="text-lg font-semibold">{t("vatExpertsHeading")}</h3>
      <p className="max-w-3xl text-stone-800">{t("vatExpertsLead")}</p>
      {summary.experts.length === 0 ? (
        <p className="text-stone-700">{t("vatNone")}</p>
      ) : (
        <table className="w-full max-w-3xl border-collapse bg-white text-left text-sm">
          <caption className="sr-only">{t("vatExpertsCaption", { period })}</caption>
          <thead>
            <tr className="border-b border-stone-300">
              <th scope="col" className={cell}>{t("vatColRate")}</th>
              <th scope="col" className="p-3 text-right">{t("vatColBase")}</th>
              <th scope="col" className="p-3 text-right">{t("vatColVat")}</th>
            </tr>
          </thead>
          <tbody>
            {summary.experts.map((line) => (
              <tr key={line.rateBps} className="border-b border-stone-200">
                <th scope="row" className="p-3 font-normal">{rateLabel(line)}</th>
                <td className={amountCell}>{euros(line.baseCents)}</td>
                <td className={amountCell}>{euros(line.vatCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p role="status" className={summary.ledgerAgrees ? "text-green-800" : "font-semibold text-red-800"}>
        {summary.ledgerAgrees ? t("vatLedgerAgrees") : differs}
      </p>
      <a href={`/admin/payments/vat?month=${summary.month}`} className="self-start underline" download>
        {t("vatExport", { period })}
      </a>
    </section>
  );
}
