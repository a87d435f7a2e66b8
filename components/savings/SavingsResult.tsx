import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LineChart } from "@/components/charts/LineChart";
import { StackedBarChart } from "@/components/charts/StackedBarChart";
import { buttonClasses } from "@/components/ui/Button";
import { DataTable, type DataColumn } from "@/components/ui/DataTable";
import type { AppLocale } from "@/lib/i18n/locale";
import { formatMoney } from "@/lib/money/format";
import type { Estimate } from "@/lib/savings/estimate";
import { wizardPrefillPath } from "@/lib/savings/selection";

/** A row of the costs table: a cost item, or one of the two totals (shown in bold). */
interface CostRow {
  key: string;
  label: string;
  values: number[];
  total: boolean;
}

/** The estimate: a sentence, the two charts, the same figures as tables, and the way to post the need. */
export async function SavingsResult({ estimate, locale }: { estimate: Estimate; locale: AppLocale }) {
  const t = await getTranslations("savings");
  const money = (cents: number) => formatMoney(cents, locale, { whole: true });
  const [year, threeYears] = estimate.horizons;
  if (!year || !threeYears) return null;
  const years = (months: number) => t("years", { count: months / 12 });
  const rows = [
    { key: "licences", values: estimate.horizons.map((h) => h.licencesCents) },
    { key: "hosting", values: estimate.horizons.map((h) => h.hostingCents) },
    { key: "installation", values: estimate.horizons.map((h) => h.installationCents) },
    { key: "support", values: estimate.horizons.map((h) => h.supportCents) },
  ] as const;
  const maxUsers = Math.max(...estimate.lines.map((line) => line.users));
  const everySix = estimate.cumulative.filter((point) => point.month % 6 === 0);
  const tableRows: CostRow[] = [
    ...rows.map((row) => ({ key: row.key, label: t(`row_${row.key}`), values: [...row.values], total: false })),
    { key: "free", label: t("row_free"), values: estimate.horizons.map((h) => h.freeCents), total: true },
    { key: "savings", label: t("row_savings"), values: estimate.horizons.map((h) => h.savingsCents), total: true },
  ];
  const bold = (row: CostRow, text: string) => (row.total ? <strong className="font-semibold">{text}</strong> : text);
  const horizonColumns: DataColumn<CostRow>[] = [
    { key: "item", header: t("tableItem"), cell: (row) => bold(row, row.label), rowHeader: true },
    ...estimate.horizons.map((h, index): DataColumn<CostRow> => ({ key: String(h.months), header: years(h.months), cell: (row) => bold(row, money(row.values[index] ?? 0)), numeric: true })),
  ];
  const cumulativeColumns: DataColumn<(typeof everySix)[number]>[] = [
    { key: "month", header: t("month"), cell: (point) => t("monthShort", { month: point.month }), rowHeader: true },
    { key: "today", header: t("today"), cell: (point) => money(point.todayCents), numeric: true },
    { key: "free", header: t("free"), cell: (point) => money(point.freeCents), numeric: true },
  ];

  return (
    <section aria-labelledby="savings-result" className="flex flex-col gap-8" data-testid="savings-result">
      <div className="flex flex-col gap-3">
        <h2 id="savings-result" className="text-2xl font-semibold text-stone-900">
          {t("resultTitle")}
        </h2>
        <p className="max-w-3xl text-lg text-stone-900" data-testid="savings-summary">
          {threeYears.savingsCents >= 0
            ? t("summarySaving", { amount: money(threeYears.savingsCents), percent: Math.round((100 * threeYears.savingsCents) / threeYears.licencesCents) })
            : t("summaryCost", { amount: money(-threeYears.savingsCents) })}{" "}
          {estimate.breakEvenMonth !== null ? t("breakEven", { months: estimate.breakEvenMonth }) : t("noBreakEven")}
        </p>
        <p className="max-w-3xl text-stone-700">{t("summaryYear", { today: money(year.licencesCents), free: money(year.freeCents) })}</p>
      </div>

      <div className="grid gap-8 xl:grid-cols-2">
        <section aria-labelledby="savings-bars" className="flex flex-col gap-3">
          <h3 id="savings-bars" className="text-lg font-semibold">
            {t("barsTitle")}
          </h3>
          <StackedBarChart
            id="savings-bars-chart"
            label={t("barsLabel")}
            categories={estimate.horizons.flatMap((h) => [`${t("today")}\n${years(h.months)}`, `${t("free")}\n${years(h.months)}`])}
            series={rows.map((row) => ({
              label: t(`row_${row.key}`),
              values: estimate.horizons.flatMap((h) => (row.key === "licences" ? [h.licencesCents, 0] : [0, row.key === "hosting" ? h.hostingCents : row.key === "installation" ? h.installationCents : h.supportCents])),
            }))}
            format={money}
          />
          <DataTable
            caption={t("tableCaption")}
            columns={horizonColumns}
            rows={tableRows}
            rowKey={(row) => row.key}
            empty={null}
            density="compact"
            regionLabel={t("tableCaption")}
            testId="savings-table"
          />
        </section>

        <section aria-labelledby="savings-line" className="flex flex-col gap-3">
          <h3 id="savings-line" className="text-lg font-semibold">
            {t("lineTitle")}
          </h3>
          <LineChart
            id="savings-line-chart"
            label={t("lineLabel")}
            series={[
              { label: t("today"), values: estimate.cumulative.map((point) => point.todayCents) },
              { label: t("free"), values: estimate.cumulative.map((point) => point.freeCents) },
            ]}
            xTickEvery={6}
            xLabel={(month) => t("monthShort", { month })}
            format={money}
            marker={estimate.breakEvenMonth !== null ? { index: estimate.breakEvenMonth, label: t("breakEvenMarker", { months: estimate.breakEvenMonth }) } : undefined}
          />
          <DataTable
            caption={t("cumulativeCaption")}
            columns={cumulativeColumns}
            rows={everySix}
            rowKey={(point) => String(point.month)}
            empty={null}
            density="compact"
            regionLabel={t("cumulativeCaption")}
            testId="savings-cumulative-table"
          />
        </section>
      </div>

      <section aria-labelledby="savings-detail" className="flex flex-col gap-3">
        <h3 id="savings-detail" className="text-lg font-semibold">
          {t("detailTitle")}
        </h3>
        <ul className="list-disc space-y-1 pl-5 text-stone-800">
          {estimate.lines.map((line) => (
            <li key={line.slug}>{t("detailLine", { service: line.name, users: line.users, amount: formatMoney(line.monthlyCents, locale) })}</li>
          ))}
          <li>{t("detailHosting", { tier: t(`tier_${estimate.hostingTier}`), amount: formatMoney(estimate.hostingMonthlyCents, locale) })}</li>
          <li>{t("detailSupport", { amount: formatMoney(estimate.supportMonthlyCents, locale) })}</li>
        </ul>
        <ul className="flex flex-col gap-1 text-stone-800" aria-label={t("replacementsLabel")}>
          {estimate.replacements.map((replacement) => (
            <li key={replacement.slug}>
              <span className="font-medium">{replacement.name}</span> —{" "}
              {replacement.priced === "market"
                ? t("installedMarket", { amount: money(replacement.installationCents), bids: replacement.bids })
                : t("installedEstimate", { amount: money(replacement.installationCents) })}
            </li>
          ))}
        </ul>
        <div className="flex flex-wrap items-center gap-4">
          <Link href={wizardPrefillPath(estimate.replacements.map((r) => r.slug), maxUsers)} className={buttonClasses("primary", "px-6")}>
            {t("postNeed")}
          </Link>
          <p className="text-sm text-stone-700">{t("postNeedHint")}</p>
        </div>
      </section>
    </section>
  );
}
