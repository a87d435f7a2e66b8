import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PERIODS, type PeriodChoice } from "@/lib/insights/period";

/** Links to the same page over 3, 6 or 12 months or a calendar year; the current one is marked. */
export async function PeriodPicker({ path, current, years }: { path: string; current: PeriodChoice; years: number[] }) {
  const t = await getTranslations("insights");
  const choices: { value: PeriodChoice; label: string }[] = [
    ...PERIODS.map((value) => ({ value, label: t("lastMonths", { count: Number(value) }) })),
    ...years.map((year) => ({ value: `year-${year}` as PeriodChoice, label: String(year) })),
  ];
  return (
    <nav aria-label={t("periodLabel")}>
      <ul className="flex flex-wrap gap-2">
        {choices.map((choice) => (
          <li key={choice.value}>
            <Link
              href={`${path}?period=${choice.value}`}
              aria-current={choice.value === current ? "page" : undefined}
              className={`inline-flex min-h-11 items-center rounded-md border px-3 text-sm font-medium ${choice.value === current ? "border-brand-800 bg-brand-800 text-white" : "border-stone-400 bg-white text-stone-900 underline-offset-4 hover:underline"}`}
            >
              {choice.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
