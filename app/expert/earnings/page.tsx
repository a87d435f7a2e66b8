import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { LineChart } from "@/components/charts/LineChart";
import { StackedBarChart } from "@/components/charts/StackedBarChart";
import { MonthTable } from "@/components/insights/MonthTable";
import { QuarterSummary } from "@/components/insights/QuarterSummary";
import { PageHeading } from "@/components/ui/PageHeading";
import { currentActor } from "@/lib/auth/current-actor";
import { isLocale } from "@/lib/i18n/locale";
import { expertEarnings, yearToDateSeries } from "@/lib/insights/earnings";
import { monthLabel, percentText } from "@/lib/insights/format";
import { formatMoney } from "@/lib/money/format";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("insights"))("earningsTitle") };
}

/** An expert's earnings per month, what is coming, and the year against the micro-entrepreneur ceiling. */
export default async function ExpertEarningsPage() {
  const actor = await currentActor();
  if (!actor) redirect("/signin?callbackUrl=%2Fexpert%2Fearnings");
  if (actor.role !== "expert") redirect("/dashboard");
  const [t, rawLocale, earnings] = await Promise.all([getTranslations("insights"), getLocale(), expertEarnings(actor)]);
  const locale = isLocale(rawLocale) ? rawLocale : "fr";
  const euros = (cents: number) => formatMoney(cents, locale, { whole: true });
  const exact = (cents: number) => formatMoney(cents, locale);
  const month = (value: string) => monthLabel(value, locale);
  const { yearToDate, declarations } = earnings;
  const { ceiling } = yearToDate;
  const cumulated = yearToDateSeries(earnings);
  const barPercent = ceiling ? Math.min(100, Math.round((yearToDate.releasedExVatCents * 100) / ceiling.cents)) : 0;
  const share = ceiling ? Math.round((yearToDate.releasedExVatCents * 10_000) / ceiling.cents) : 0;
  const dateText = (iso: string) => new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));

  return (
    <div className="flex flex-col gap-8">
      <PageHeading title={t("earningsTitle")} lead={t("earningsLead")} />
      <section aria-labelledby="earnings-year" className="flex max-w-3xl flex-col gap-3 rounded-lg border border-stone-200 bg-white p-6">
        <h2 id="earnings-year" className="text-xl font-semibold">
          {t("yearTitle", { year: yearToDate.year })}
        </h2>
        <p className="text-stone-900" data-testid="earnings-ceiling">
          {ceiling
            ? t("ceilingLine", { amount: exact(yearToDate.releasedExVatCents), ceiling: exact(ceiling.cents), ceilingYear: ceiling.year, share: percentText(share, locale) })
            : t("ceilingUnknown", { amount: exact(yearToDate.releasedExVatCents) })}
        </p>
        {ceiling ? (
          <div className="h-4 w-full overflow-hidden rounded-full border border-stone-400 bg-stone-100" aria-hidden="true">
            <div className="h-full bg-brand-800" style={{ width: `${barPercent}%` }} />
          </div>
        ) : null}
        <p className="text-sm text-stone-700">{t("ceilingNote")}</p>
        {ceiling && cumulated.length > 1 ? (
          <>
            <LineChart
              id="ceiling-chart"
              label={t("ceilingChartLabel", { year: yearToDate.year })}
              series={[
                { label: t("cumulatedTurnover"), values: cumulated.map((m) => m.cumulatedCents) },
                { label: t("ceilingSeries", { ceiling: exact(ceiling.cents) }), values: cumulated.map(() => ceiling.cents) },
              ]}
              xTickEvery={Math.max(1, Math.ceil(cumulated.length / 6))}
              xLabel={(index) => month(cumulated[index]?.month ?? "")}
              format={euros}
            />
            <MonthTable
              caption={t("ceilingTableCaption", { year: yearToDate.year })}
              testId="ceiling-table"
              columns={[{ label: t("month") }, { label: t("cumulatedTurnover"), numeric: true }]}
              rows={cumulated.map((m) => ({ key: m.month, header: month(m.month), cells: [exact(m.cumulatedCents)] }))}
            />
          </>
        ) : null}
        <p className="text-stone-900">
          {t("declarations", {
            month: month(declarations.monthly.period),
            monthDue: dateText(declarations.monthly.dueOn),
            quarter: declarations.quarterly.period,
            quarterDue: dateText(declarations.quarterly.dueOn),
          })}
        </p>
      </section>

      <section aria-labelledby="earnings-months" className="flex flex-col gap-4">
        <h2 id="earnings-months" className="text-xl font-semibold">
          {t("earningsMonthsTitle")}
        </h2>
        <QuarterSummary label={t("releasedTurnover")} values={earnings.months.slice(0, 12).map((m) => m.releasedExVatCents)} format={euros} />
        {/* Nothing paid, funded or to fund yet: a sentence, not a flat chart and fifteen rows of zeros. */}
        {earnings.months.some((m) => m.releasedExVatCents > 0 || m.pendingCents > 0 || m.upcomingCents > 0 || m.commissionCents > 0) ? (
          <>
            <StackedBarChart
              id="earnings-chart"
              label={t("earningsChartLabel")}
              categories={earnings.months.map((m) => month(m.month))}
              series={[
                { label: t("releasedTurnover"), values: earnings.months.map((m) => m.releasedExVatCents) },
                { label: t("pending"), values: earnings.months.map((m) => m.pendingCents) },
                { label: t("upcoming"), values: earnings.months.map((m) => m.upcomingCents) },
              ]}
              format={euros}
            />
            <MonthTable
              caption={t("earningsTableCaption")}
              testId="earnings-table"
              columns={[{ label: t("month") }, { label: t("releasedTurnover"), numeric: true }, { label: t("commissionPaid"), numeric: true }, { label: t("netReceived"), numeric: true }, { label: t("pending"), numeric: true }, { label: t("upcoming"), numeric: true }]}
              rows={earnings.months.map((m) => ({
                key: m.month,
                header: month(m.month),
                cells: [exact(m.releasedExVatCents), exact(m.commissionCents), exact(m.netCents), exact(m.pendingCents), exact(m.upcomingCents)],
              }))}
            />
          </>
        ) : (
          <p className="max-w-3xl text-stone-800">{t("earningsEmpty")}</p>
        )}
      </section>
    </div>
  );
}
