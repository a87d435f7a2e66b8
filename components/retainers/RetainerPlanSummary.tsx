import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { Retainer } from "@/db/schema";
import { formatMoney } from "@/lib/money/format";

/** The plan a retainer runs on now, and the accepted change waiting for its first month, if any. */
export async function RetainerPlanSummary({ retainer }: { retainer: Retainer }) {
  const [t, format, locale] = await Promise.all([getTranslations("retainerPlan"), getFormatter(), getLocale()]);
  const day = (d: string) => format.dateTime(new Date(`${d}T12:00:00Z`), { dateStyle: "long" });
  const euros = (cents: number) => formatMoney(cents, locale);
  const next = retainer.nextTerms && retainer.nextTermsFrom ? { ...retainer.nextTerms, from: retainer.nextTermsFrom } : null;
  return (
    <section aria-labelledby="plan-current" className="flex flex-col gap-3 rounded-lg border border-stone-200 bg-white p-6">
      <h2 id="plan-current" className="text-xl font-semibold text-stone-900">
        {t("currentHeading")}
      </h2>
      <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[auto_1fr]">
        <dt className="font-semibold">{t("monthlyFee")}</dt>
        <dd>{euros(retainer.monthlyFeeCents)}</dd>
        <dt className="font-semibold">{t("hoursIncluded")}</dt>
        <dd>{t("hoursValue", { count: retainer.hoursIncluded })}</dd>
        <dt className="font-semibold">{t("extraHour")}</dt>
        <dd>{euros(retainer.extraHourCents)}</dd>
      </dl>
      {next ? (
        <p className="text-stone-800">
          {t("nextPlan", { date: day(next.from), fee: euros(next.monthlyFeeCents), hours: t("hoursValue", { count: next.hoursIncluded }), extra: euros(next.extraHourCents) })}
        </p>
      ) : null}
    </section>
  );
}
