import { getLocale, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/DataTable";
import { isBlocking } from "@/lib/dac7/missing-data";
import type { ReportableSeller } from "@/lib/dac7/sellers";
import { formatMoney } from "@/lib/money/format";

/** The year's reportable sellers as the declaration will state them, missing data flagged. */
export async function SellersTable({ year, sellers }: { year: number; sellers: ReportableSeller[] }) {
  const [t, locale] = await Promise.all([getTranslations("dac7"), getLocale()]);
  const euros = (cents: number) => formatMoney(cents, locale);
  return (
    <DataTable
      caption={t("tableCaption", { year: String(year), count: sellers.length })}
      empty={t("noSellers", { year: String(year) })}
      rows={sellers}
      rowKey={(seller) => seller.userId}
      columns={[
        {
          key: "seller",
          header: t("colSeller"),
          rowHeader: true,
          cell: (seller) => (
            <>
              <span className="font-semibold">{seller.legalName}</span>
              <span className="block text-stone-700">{t(seller.kind === "individual" ? "kindIndividual" : "kindEntity")}</span>
              <span className="block text-stone-600">{seller.email}</span>
            </>
          ),
        },
        {
          key: "identifiers",
          header: t("colIdentifiers"),
          cell: (seller) => (
            <>
              <span className="block">{seller.siren ? t("siren", { siren: seller.siren }) : "—"}</span>
              {seller.vatNumber ? <span className="block">{t("vat", { vat: seller.vatNumber })}</span> : null}
              {seller.financialAccount ? (
                <span className="block break-all text-stone-700">
                  {t(seller.financialAccount.type === "IBAN" ? "iban" : "payoutAccount", { id: seller.financialAccount.identifier })}
                </span>
              ) : null}
            </>
          ),
        },
        { key: "activities", header: t("colActivities"), numeric: true, cell: (seller) => seller.totals.activities },
        { key: "consideration", header: t("colConsideration"), numeric: true, cell: (seller) => euros(seller.totals.considerationCents) },
        {
          key: "fees",
          header: t("colFees"),
          numeric: true,
          cell: (seller) => (
            <>
              {euros(seller.totals.feesCents)}
              <span className="block text-stone-600">{t("taxesShort", { amount: euros(seller.totals.taxesCents) })}</span>
            </>
          ),
        },
        {
          key: "missing",
          header: t("colMissing"),
          cell: (seller) =>
            seller.missing.length === 0 ? (
              <span className="font-semibold text-green-800">{t("complete")}</span>
            ) : (
              <ul className="flex flex-col gap-1">
                {seller.missing.map((item) => (
                  <li key={item} className={isBlocking(item) ? "font-semibold text-red-800" : "text-amber-900"}>
                    {isBlocking(item) ? t("blockingPrefix") : t("warningPrefix")} {t(`missing_${item}`)}
                  </li>
                ))}
              </ul>
            ),
        },
      ]}
    />
  );
}
