import { getFormatter, getTranslations } from "next-intl/server";
import { isBlocking } from "@/lib/dac7/missing-data";
import type { ReportableSeller } from "@/lib/dac7/sellers";

/** The year's reportable sellers as the declaration will state them, missing data flagged. */
export async function SellersTable({ year, sellers }: { year: number; sellers: ReportableSeller[] }) {
  const [t, format] = await Promise.all([getTranslations("dac7"), getFormatter()]);
  const euros = (cents: number) => format.number(cents / 100, { style: "currency", currency: "EUR" });
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse bg-white text-left text-sm">
        <caption className="p-2 text-left font-semibold">{t("tableCaption", { year: String(year), count: sellers.length })}</caption>
        <thead>
          <tr className="border-b border-stone-300">
            <th scope="col" className="p-3">{t("colSeller")}</th>
            <th scope="col" className="p-3">{t("colIdentifiers")}</th>
            <th scope="col" className="p-3 text-right">{t("colActivities")}</th>
            <th scope="col" className="p-3 text-right">{t("colConsideration")}</th>
            <th scope="col" className="p-3 text-right">{t("colFees")}</th>
            <th scope="col" className="p-3">{t("colMissing")}</th>
          </tr>
        </thead>
        <tbody>
          {sellers.map((seller) => (
            <tr key={seller.userId} className="border-b border-stone-200 align-top">
              <th scope="row" className="p-3 font-normal">
                <span className="font-semibold">{seller.legalName}</span>
                <span className="block text-stone-700">{t(seller.kind === "individual" ? "kindIndividual" : "kindEntity")}</span>
                <span className="block text-stone-600">{seller.email}</span>
              </th>
              <td className="p-3">
                <span className="block">{seller.siren ? t("siren", { siren: seller.siren }) : "—"}</span>
                {seller.vatNumber ? <span className="block">{t("vat", { vat: seller.vatNumber })}</span> : null}
                {seller.financialAccount ? (
                  <span className="block break-all text-stone-700">
                    {t(seller.financialAccount.type === "IBAN" ? "iban" : "payoutAccount", { id: seller.financialAccount.identifier })}
                  </span>
                ) : null}
              </td>
              <td className="p-3 text-right tabular-nums">{seller.totals.activities}</td>
              <td className="p-3 text-right tabular-nums">{euros(seller.totals.considerationCents)}</td>
              <td className="p-3 text-right tabular-nums">
                {euros(seller.totals.feesCents)}
                <span className="block text-stone-600">{t("taxesShort", { amount: euros(seller.totals.taxesCents) })}</span>
              </td>
              <td className="p-3">
                {seller.missing.length === 0 ? (
                  <span className="font-semibold text-green-800">{t("complete")}</span>
                ) : (
                  <ul className="flex flex-col gap-1">
                    {seller.missing.map((item) => (
                      <li key={item} className={isBlocking(item) ? "font-semibold text-red-800" : "text-amber-900"}>
                        {isBlocking(item) ? t("blockingPrefix") : t("warningPrefix")} {t(`missing_${item}`)}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
