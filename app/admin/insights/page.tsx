import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { LineChart } from "@/components/charts/LineChart";
import { StackedBarChart } from "@/components/charts/StackedBarChart";
import { MonthTable } from "@/components/insights/MonthTable";
import { PeriodPicker } from "@/components/insights/PeriodPicker";
import { QuarterSummary } from "@/components/insights/QuarterSummary";
import { PageHeading } from "@/components/ui/PageHeading";
import { requireAdminPage } from "@/lib/auth/admin-page";
import { searchParamsOf, type PageSearchParams } from "@/lib/http/search-params";
import { isLocale } from "@/lib/i18n/locale";
import { monthLabel, numberText, percentText } from "@/lib/insights/format";
import { listTurnoverCeilings } from "@/lib/insights/ceilings";
import { liquidityBreakdown, liquidityByMonth, moneyByMonth, supplySnapshot, trustByMonth } from "@/lib/insights/marketplace";
import { amountInput } from "@/lib/money/format";
import { CeilingForm } from "@/components/insights/CeilingForm";
import { setTurnoverCeilingAction } from "./actions";
import { parisMonth, periodFrom } from "@/lib/insights/period";
import { formatMoney } from "@/lib/money/format";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("insights"))("adminTitle") };
}

const csvLink = "font-medium text-brand-900 underline underline-offset-4";

/** The marketplace's health: money, liquidity, supply and trust over a period, charts with their tables. */
export default async function AdminInsightsPage({ searchParams }: { searchParams: PageSearchParams }) {
  const actor = await requireAdminPage("/admin/insights");
  const params = searchParamsOf(await searchParams);
  const period = periodFrom(params.period);
  const [t, rawLocale] = await Promise.all([getTranslations("insights"), getLocale()]);
  const locale = isLocale(rawLocale) ? rawLocale : "fr";
  const [money, liquidity, supply, trust, ceilings, breakdown] = await Promise.all([
    moneyByMonth(actor, period),
    liquidityByMonth(actor, period),
    supplySnapshot(actor),
    trustByMonth(actor, period),
    listTurnoverCeilings(actor),
    liquidityBreakdown(actor, period),
  ]);
  const euros = (cents: number) => formatMoney(cents, locale, { whole: true });
  const month = (value: string) => monthLabel(value, locale);
  const every = Math.max(1, Math.ceil(period.months.length / 6));
  const thisYear = Number(parisMonth(new Date()).slice(0, 4));
  const csv = (dataset: string) => `/admin/insights/csv?dataset=${dataset}&period=${period.choice}`;
  const dash = "—";
  const refundShare = (month: string) => {
    const row = money.find((m) => m.month === month);
    return !row || row.fundedCents === 0 ? dash : percentText(Math.round((row.refundedCents * 10_000) / row.fundedCents), locale);
  };
  const latestCeiling = ceilings[0];

  return (
    <div className="flex flex-col gap-10">
      <PageHeading title={t("adminTitle")} lead={t("adminLead")} />
      <PeriodPicker path="/admin/insights" current={period.choice} years={[thisYear - 1, thisYear]} />

      <section aria-labelledby="insights-money" className="flex flex-col gap-4">
        <h2 id="insights-money" className="text-xl font-semibold">
          {t("moneyTitle")}
        </h2>
        <QuarterSummary label={t("gmv")} values={money.map((m) => m.fundedCents)} format={euros} />
        <LineChart
          id="money-chart"
          label={t("moneyChartLabel")}
          series={[
            { label: t("funded"), values: money.map((m) => m.fundedCents) },
            { label: t("released"), values: money.map((m) => m.releasedCents) },
            { label: t("refunded"), values: money.map((m) => m.refundedCents) },
          ]}
          xTickEvery={every}
          xLabel={(index) => month(money[index]?.month ?? "")}
          format={euros}
        />
        <MonthTable
          caption={t("moneyTableCaption")}
          testId="money-table"
          columns={[{ label: t("month") }, { label: t("funded"), numeric: true }, { label: t("released"), numeric: true }, { label: t("refunded"), numeric: true }, { label: t("commission"), numeric: true }, { label: t("takeRate"), numeric: true }]}
          rows={money.map((m) => ({
            key: m.month,
            header: month(m.month),
            cells: [euros(m.fundedCents), euros(m.releasedCents), euros(m.refundedCents), euros(m.commissionExVatCents), m.takeRateBps === null ? dash : percentText(m.takeRateBps, locale)],
          }))}
        />
        <a href={csv("money")} className={csvLink} download>
          {t("downloadCsv", { table: t("moneyTitle") })}
        </a>
      </section>

      <section aria-labelledby="insights-liquidity" className="flex flex-col gap-4">
        <h2 id="insights-liquidity" className="text-xl font-semibold">
          {t("liquidityTitle")}
        </h2>
        <QuarterSummary label={t("published")} values={liquidity.map((l) => l.published)} format={(value) => numberText(value, locale)} />
        <StackedBarChart
          id="liquidity-chart"
          label={t("liquidityChartLabel")}
          categories={liquidity.map((l) => month(l.month))}
          series={[
            { label: t("becameContract"), values: liquidity.map((l) => l.contracts) },
            { label: t("noContract"), values: liquidity.map((l) => l.published - l.contracts) },
          ]}
          format={(value) => numberText(value, locale)}
        />
        <MonthTable
          caption={t("liquidityTableCaption")}
          testId="liquidity-table"
          columns={[
            { label: t("month") },
            { label: t("published"), numeric: true },
            { label: t("within48h"), numeric: true },
            { label: t("medianHoursToFirstBid"), numeric: true },
            { label: t("bidsPerNeed"), numeric: true },
            { label: t("contracts"), numeric: true },
            { label: t("medianDaysToContract"), numeric: true },
          ]}
          rows={liquidity.map((l) => ({
            key: l.month,
            header: month(l.month),
            cells: [
              numberText(l.published, locale),
              l.published === 0 ? dash : percentText(Math.round((l.firstBidWithin48h * 10_000) / l.published), locale),
              l.medianHoursToFirstBid === null ? dash : numberText(l.medianHoursToFirstBid, locale),
              l.published === 0 ? dash : numberText(Math.round((l.bids * 10) / l.published) / 10, locale),
              numberText(l.contracts, locale),
              l.medianDaysToContract === null ? dash : numberText(l.medianDaysToContract, locale),
            ],
          }))}
        />
        <a href={csv("liquidity")} className={csvLink} download>
          {t("downloadCsv", { table: t("liquidityTitle") })}
        </a>
        <MonthTable
          caption={t("breakdownCaption")}
          testId="liquidity-breakdown"
          columns={[{ label: t("breakdownGroup") }, { label: t("published"), numeric: true }, { label: t("within48h"), numeric: true }, { label: t("bidsPerNeed"), numeric: true }, { label: t("contracts"), numeric: true }]}
          rows={breakdown.map((row) => ({
            key: `${row.by}:${row.key}`,
            header: row.by === "kind" ? t(`kind_${row.key}` as never) : t("family", { family: t(`category_${row.key}` as never) }),
            cells: [
              numberText(row.published, locale),
              row.published === 0 ? dash : percentText(Math.round((row.firstBidWithin48h * 10_000) / row.published), locale),
              row.published === 0 ? dash : numberText(Math.round((row.bids * 10) / row.published) / 10, locale),
              numberText(row.contracts, locale),
            ],
          }))}
        />
        <a href={csv("breakdown")} className={csvLink} download>
          {t("downloadCsv", { table: t("breakdownCaption") })}
        </a>
      </section>

      <section aria-labelledby="insights-supply" className="flex flex-col gap-4">
        <h2 id="insights-supply" className="text-xl font-semibold">
          {t("supplyTitle")}
        </h2>
        <StackedBarChart
          id="supply-chart"
          label={t("supplyChartLabel")}
          categories={supply.byStatus.map((s) => t(`status_${s.status}` as never))}
          series={[{ label: t("experts"), values: supply.byStatus.map((s) => s.experts) }]}
          format={(value) => numberText(value, locale)}
        />
        <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" data-testid="supply-figures">
          {[
            [t("vettingWaiting"), numberText(supply.vettingQueue.waiting, locale)],
            [t("vettingAge"), supply.vettingQueue.medianDays === null ? dash : t("days", { median: numberText(supply.vettingQueue.medianDays, locale), oldest: numberText(supply.vettingQueue.oldestDays ?? 0, locale) })],
            [t("urssafExpiring"), numberText(supply.urssafExpiringIn30Days, locale)],
            [t("idleExperts"), numberText(supply.verifiedWithoutBidIn60Days, locale)],
          ].map(([label, value]) => (
            <div key={label} className="rounded-md border border-stone-200 bg-white p-4">
              <dt className="text-sm text-stone-700">{label}</dt>
              <dd className="mt-1 text-2xl font-semibold text-stone-900">{value}</dd>
            </div>
          ))}
        </dl>
        <MonthTable
          caption={t("supplyTableCaption")}
          testId="supply-table"
          columns={[{ label: t("status") }, { label: t("experts"), numeric: true }]}
          rows={supply.byStatus.map((row) => ({ key: row.status, header: t(`status_${row.status}` as never), cells: [numberText(row.experts, locale)] }))}
        />
        <a href={csv("supply")} className={csvLink} download>
          {t("downloadCsv", { table: t("supplyTitle") })}
        </a>
      </section>

      <section aria-labelledby="insights-trust" className="flex flex-col gap-4">
        <h2 id="insights-trust" className="text-xl font-semibold">
          {t("trustTitle")}
        </h2>
        <LineChart
          id="trust-chart"
          label={t("trustChartLabel")}
          series={[{ label: t("disputesPer100"), values: trust.map((m) => (m.fundedMilestones === 0 ? 0 : Math.round((m.disputesOpened * 1000) / m.fundedMilestones) / 10)) }]}
          xTickEvery={every}
          xLabel={(index) => month(trust[index]?.month ?? "")}
          format={(value) => numberText(value, locale)}
        />
        <MonthTable
          caption={t("trustTableCaption")}
          testId="trust-table"
          columns={[{ label: t("month") }, { label: t("fundedMilestones"), numeric: true }, { label: t("disputesOpened"), numeric: true }, { label: t("disputesPer100"), numeric: true }, { label: t("medianDaysToSettle"), numeric: true }, { label: t("refundShare"), numeric: true }, { label: t("reviews"), numeric: true }, { label: t("averageRating"), numeric: true }]}
          rows={trust.map((m) => ({
            key: m.month,
            header: month(m.month),
            cells: [
              numberText(m.fundedMilestones, locale),
              numberText(m.disputesOpened, locale),
              m.fundedMilestones === 0 ? dash : numberText(Math.round((m.disputesOpened * 1000) / m.fundedMilestones) / 10, locale),
              m.medianDaysToSettle === null ? dash : numberText(m.medianDaysToSettle, locale),
              refundShare(m.month),
              numberText(m.reviews, locale),
              m.averageRating === null ? dash : numberText(m.averageRating, locale),
            ],
          }))}
        />
        <a href={csv("trust")} className={csvLink} download>
          {t("downloadCsv", { table: t("trustTitle") })}
        </a>
      </section>

      <section aria-labelledby="insights-ceiling" className="flex flex-col gap-3">
        <h2 id="insights-ceiling" className="text-xl font-semibold">
          {t("ceilingTitle")}
        </h2>
        <p className="max-w-3xl text-stone-700">{t("ceilingLead")}</p>
        <ul className="list-disc pl-5 text-stone-800" data-testid="ceilings">
          {ceilings.map((c) => (
            <li key={c.fromYear}>{t("ceilingRow", { year: c.fromYear, amount: euros(c.servicesCents), source: c.source })}</li>
          ))}
        </ul>
        <CeilingForm
          action={setTurnoverCeilingAction}
          defaults={{ fromYear: String(latestCeiling ? latestCeiling.fromYear + 3 : thisYear), amount: latestCeiling ? amountInput(latestCeiling.servicesCents, locale) : "", source: latestCeiling?.source ?? "" }}
        />
      </section>
    </div>
  );
}
