import { getTranslations } from "next-intl/server";
import { quarterChange } from "@/lib/insights/summary";

/** "GMV up 12 % on the previous quarter (…)": the sentence read before the chart. */
export async function QuarterSummary({ label, values, format }: { label: string; values: number[]; format: (value: number) => string }) {
  const t = await getTranslations("insights");
  const change = quarterChange(values);
  const total = values.reduce((sum, value) => sum + value, 0);
  return (
    <p className="max-w-3xl text-stone-900">
      {change
        ? t(`change_${change.direction}`, { label, percent: change.percent, current: format(change.current), previous: format(change.previous) })
        : t("periodTotal", { label, total: format(total) })}
    </p>
  );
}
