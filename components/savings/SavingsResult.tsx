import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LineChart } from "@/components/charts/LineChart";
import { StackedBarChart } from "@/components/charts/StackedBarChart";
import { buttonClasses } from "@/components/ui/Button";
import type { AppLocale } from "@/lib/i18n/locale";
import { eurosText, wholeEurosText } from "@/lib/money/price-text";
import type { Estimate } from "@/lib/savings/estimate";
import { wizardPrefillPath } from "@/lib/savings/selection";

const th = "border-b border-stone-300 px-3 py-2 text-left font-semibold";
const td = "border-b border-stone-200 px-3 py-2";
const num = `${td} text-right tabular-nums`;

/** The estimate: a sentence, the two charts, the same figures as tables, and the way to post the need. */
export async function SavingsResult({ estimate, locale }: { estimate: Estimate; locale: AppLocale }) {
  const t = await getTranslations("savings");
  const money = (cents: number) => wholeEurosText(cents, locale);
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
          <table className="w-full border-collapse text-sm" data-testid="savings-table">
            <caption className="mb-2 text-left text-stone-700">{t("tableCaption")}</caption>
            <thead>
              <tr>
                <th scope="col" className={th}>
                  {t("tableItem")}
                </th>
                {estimate.horizons.map((h) => (
                  <th key={h.months} scope="col" className={`${th} text-right`}>
                    {years(h.months)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row" className={`${td} text-left font-normal`}>
                    {t(`row_${row.key}`)}
                  </th>
                  {row.values.map((value, index) => (
                    <td key={index} className={num}>
                      {money(value)}
                    </td>
                  ))}
                </tr>
              ))}
              <tr>
                <th scope="row" className={`${td} text-left font-semibold`}>
                  {t("row_free")}
                </th>
                {estimate.horizons.map((h) => (
                  <td key={h.months} className={`${num} font-semibold`}>
                    {money(h.freeCents)}
                  </td>
                ))}
              </tr>
              <tr>
                <th scope="row" className={`${td} text-left font-semibold`}>
                  {t("row_savings")}
                </th>
                {estimate.horizons.map((h) => (
                  <td key={h.months} className={`${num} font-semibold`}>
                    {money(h.savingsCents)}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
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
          <table className="w-full border-collapse text-sm" data-testid="savings-cumulative-table">
            <caption className="mb-2 text-left text-stone-700">{t("cumulativeCaption")}</caption>
            <thead>
              <tr>
                <th scope="col" className={th}>
                  {t("month")}
                </th>
                <th scope="col" className={`${th} text-right`}>
                  {t("today")}
                </th>
                <th scope="col" className={`${th} text-right`}>
                  {t("free")}
                </th>
              </tr>
            </thead>
            <tbody>
              {everySix.map((point) => (
                <tr key={point.month}>
                  <th scope="row" className={`${td} text-left font-normal`}>
                    {t("monthShort", { month: point.month })}
                  </th>
                  <td className={num}>{money(point.todayCents)}</td>
                  <td className={num}>{money(point.freeCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>

      <section aria-labelledby="savings-detail" className="flex flex-col gap-3">
        <h3 id="savings-detail" className="text-lg font-semibold">
          {t("detailTitle")}
        </h3>
        <ul className="list-disc space-y-1 pl-5 text-stone-800">
          {estimate.lines.map((line) => (
            <li key={line.slug}>{t("detailLine", { service: line.name, users: line.users, amount: eurosText(line.monthlyCents, locale) })}</li>
          ))}
          <li>{t("detailHosting", { tier: t(`tier_${estimate.hostingTier}`), amount: eurosText(estimate.hostingMonthlyCents, locale) })}</li>
          <li>{t("detailSupport", { amount: eurosText(estimate.supportMonthlyCents, locale) })}</li>
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
