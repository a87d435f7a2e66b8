import { getTranslations } from "next-intl/server";
import type { AppLocale } from "@/lib/i18n/locale";
import { eurosText } from "@/lib/money/price-text";
import { ASSUMPTION_KEYS, MARKET_MINIMUM_BIDS, MEDIUM_COMPANY_USERS, SMALL_COMPANY_USERS, type PriceData } from "@/lib/savings/estimate";

/** What the estimate assumes, every price with its source and date: nothing hidden. */
export async function SavingsAssumptions({ data, locale }: { data: PriceData; locale: AppLocale }) {
  const t = await getTranslations("savings");
  const date = (iso: string) => new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));
  return (
    <section aria-labelledby="savings-assumptions" className="flex flex-col gap-3 text-sm text-stone-800">
      <h2 id="savings-assumptions" className="text-xl font-semibold text-stone-900">
        {t("assumptionsTitle")}
      </h2>
      <p className="max-w-3xl">{t("assumptionsLead", { small: SMALL_COMPANY_USERS, medium: MEDIUM_COMPANY_USERS, bids: MARKET_MINIMUM_BIDS })}</p>
      <ul className="list-disc space-y-1 pl-5">
        {data.services.map((service) => (
          <li key={service.slug}>
            {t("assumptionService", { service: service.name, amount: eurosText(service.monthlyCentsPerUser, locale), source: service.source, date: date(service.pricedOn) })}
          </li>
        ))}
        {ASSUMPTION_KEYS.map((key) => {
          const assumption = data.assumptions[key];
          if (!assumption) return null;
          return (
            <li key={key}>
              {t("assumptionLine", { label: t(`assumption_${key}`), amount: eurosText(assumption.cents, locale), source: assumption.source, date: date(assumption.pricedOn) })}
            </li>
          );
        })}
      </ul>
      <p className="max-w-3xl">{t("assumptionsNote")}</p>
    </section>
  );
}
