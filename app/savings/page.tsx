import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { SavingsForm } from "@/components/savings/SavingsForm";
import { SavingsResult } from "@/components/savings/SavingsResult";
import { SavingsAssumptions } from "@/components/savings/SavingsAssumptions";
import { PageHeading } from "@/components/ui/PageHeading";
import { searchParamsOf, type PageSearchParams } from "@/lib/http/search-params";
import { isLocale } from "@/lib/i18n/locale";
import { estimateSavings } from "@/lib/savings/estimate";
import { getSavingsPriceData } from "@/lib/savings/queries";
import { selectionFromSearchParams } from "@/lib/savings/selection";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("savings");
  return { title: t("title"), description: t("lead") };
}

/** "Combien vais-je économiser ?": a GET form, so the estimate works without JavaScript and can be shared. */
export default async function SavingsPage({ searchParams }: { searchParams: PageSearchParams }) {
  const [params, data, t, rawLocale] = await Promise.all([searchParams.then(searchParamsOf), getSavingsPriceData(), getTranslations("savings"), getLocale()]);
  const locale = isLocale(rawLocale) ? rawLocale : "fr";
  const { selection, typed, errors } = selectionFromSearchParams(params, data.services.map((service) => service.slug));
  const hasErrors = Object.keys(errors).length > 0;
  const estimate = hasErrors ? null : estimateSavings(selection, data);
  const submitted = Object.keys(typed).length > 0;
  return (
    <div className="flex flex-col gap-10">
      <PageHeading title={t("title")} lead={t("lead")} />
      <SavingsForm services={data.services} typed={typed} errors={errors} />
      {estimate ? (
        <SavingsResult estimate={estimate} locale={locale} />
      ) : submitted && !hasErrors ? (
        <p className="text-stone-800">{t("nothingChosen")}</p>
      ) : null}
      <SavingsAssumptions data={data} locale={locale} />
    </div>
  );
}
