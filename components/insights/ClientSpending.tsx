import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { StackedBarChart } from "@/components/charts/StackedBarChart";
import { MonthTable } from "@/components/insights/MonthTable";
import { QuarterSummary } from "@/components/insights/QuarterSummary";
import { isLocale } from "@/lib/i18n/locale";
import { monthLabel } from "@/lib/insights/format";
import type { Spending } from "@/lib/insights/spending";
import { formatMoney } from "@/lib/money/format";

/** On a client's dashboard: spent per month, committed, and what remains to fund, per contract. */
export async function ClientSpending({ spending }: { spending: Spending }) {
  const [t, rawLocale] = await Promise.all([getTranslations("insights"), getLocale()]);
  const locale = isLocale(rawLocale) ? rawLocale : "fr";
  const exact = (cents: number) => formatMoney(cents, locale);
  if (spending.contracts.length === 0) return null;
  return (
    <section aria-labelledby="client-spending" className="flex flex-col gap-4 rounded-lg border border-stone-200 bg-white p-6">
      <h2 id="client-spending" className="text-xl font-semibold">
        {t("spendingTitle")}
      </h2>
      <dl className="grid gap-3 sm:grid-cols-3" data-testid="spending-totals">
        {[
          [t("spent"), spending.totals.spentCents],
          [t("committed"), spending.totals.committedCents],
          [t("toFund"), spending.totals.toFundCents],
        ].map(([label, cents]) => (
          <div key={String(label)} className="rounded-md border border-stone-200 p-3">
            <dt className="text-sm text-stone-700">{label}</dt>
            <dd className="mt-1 text-xl font-semibold text-stone-900">{exact(Number(cents))}</dd>
          </div>
        ))}
      </dl>
      <QuarterSummary label={t("spent")} values={spending.months.map((m) => m.spentCents)} format={(cents) => formatMoney(cents, locale, { whole: true })} />
      {/* Nothing spent yet: the sentence above says so, without a flat chart and twelve rows of zeros. */}
      {spending.months.some((m) => m.spentCents > 0) ? (
        <>
          <StackedBarChart
            id="spending-chart"
            label={t("spendingChartLabel")}
            categories={spending.months.map((m) => monthLabel(m.month, locale))}
            series={[{ label: t("spent"), values: spending.months.map((m) => m.spentCents) }]}
            format={(cents) => formatMoney(cents, locale, { whole: true })}
          />
          <MonthTable
            caption={t("spendingMonthsCaption")}
            testId="spending-months"
            columns={[{ label: t("month") }, { label: t("spent"), numeric: true }]}
            rows={spending.months.map((m) => ({ key: m.month, header: monthLabel(m.month, locale), cells: [exact(m.spentCents)] }))}
          />
        </>
      ) : null}
      <MonthTable
        caption={t("spendingTableCaption")}
        testId="spending-contracts"
        columns={[{ label: t("contract") }, { label: t("spent"), numeric: true }, { label: t("committed"), numeric: true }, { label: t("toFund"), numeric: true }]}
        rows={spending.contracts.map((c) => ({
          key: c.contractId,
          header: (
            <Link href={`/contracts/${c.contractId}`} className="underline underline-offset-4">
              {c.title}
            </Link>
          ),
          cells: [exact(c.spentCents), exact(c.committedCents), exact(c.toFundCents)],
        }))}
      />
      <p className="text-sm text-stone-700">{t("spendingNote")}</p>
    </section>
  );
}
