import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { RetainerView } from "@/lib/retainers/queries";
import { formatMoney } from "@/lib/money/format";
import { RetainerTermsList } from "./RetainerComparison";
import { RetainerMonths } from "./RetainerMonths";

/**
 * A support contract's retainer: its state, the service level written into the contract, and
 * its months (period, fee, where the money is). `controls` holds what the viewer may do.
 */
export async function RetainerPanel({ view, controls }: { view: RetainerView; controls?: React.ReactNode }) {
  const [t, format, locale] = await Promise.all([getTranslations("retainers"), getFormatter(), getLocale()]);
  const { retainer, months } = view;
  const day = (d: string) => format.dateTime(new Date(`${d}T12:00:00Z`), { dateStyle: "long" });
  return (
    <section aria-labelledby="retainer-heading" className="flex flex-col gap-4 rounded-lg border border-stone-200 bg-white p-6">
      <h2 id="retainer-heading" className="text-xl font-semibold text-stone-900">
        {t("contractHeading")}
      </h2>
      <p className="text-sm text-stone-800">
        {t(`status_${retainer.status}`)} · {t("startsOn", { date: day(retainer.startsOn) })}
        {retainer.endsOn ? ` · ${t("endsOn", { date: day(retainer.endsOn) })}` : null}
      </p>
      {retainer.nextTerms && retainer.nextTermsFrom ? (
        <p className="text-sm text-stone-800">{t("nextPlan", { date: day(retainer.nextTermsFrom), fee: formatMoney(retainer.nextTerms.monthlyFeeCents, locale) })}</p>
      ) : null}
      <p className="text-sm text-stone-800">
        {retainer.paymentMethodKind ? t(`paymentMethod_${retainer.paymentMethodKind}`) : t("paymentMethodMissing")}
      </p>
      <RetainerTermsList terms={retainer} />
      <RetainerMonths months={months} />
      {controls}
    </section>
  );
}
