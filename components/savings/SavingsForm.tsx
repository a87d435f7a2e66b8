import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import type { PriceData } from "@/lib/savings/estimate";

interface SavingsFormProps {
  services: PriceData["services"];
  typed: Record<string, string>;
  errors: Record<string, "users">;
}

/** The paid services used today, each with its number of users; a GET form (no JavaScript needed). */
export async function SavingsForm({ services, typed, errors }: SavingsFormProps) {
  const t = await getTranslations("savings");
  const errorSlugs = services.filter((service) => errors[service.slug]);
  return (
    <form method="get" action="/savings" className="flex flex-col gap-5 rounded-lg border border-stone-200 bg-white p-6" aria-labelledby="savings-form-title" noValidate>
      <h2 id="savings-form-title" className="text-xl font-semibold text-stone-900">
        {t("formTitle")}
      </h2>
      <p className="max-w-3xl text-stone-700">{t("formHint")}</p>
      {errorSlugs.length > 0 ? (
        <Alert tone="error">
          <p className="font-semibold">{t("errorsTitle")}</p>
          <ul className="mt-2 list-disc pl-5">
            {errorSlugs.map((service) => (
              <li key={service.slug}>
                <a href={`#field-${service.slug}`} className="underline underline-offset-4">
                  {service.name}: {t("usersError")}
                </a>
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <fieldset className="grid gap-x-6 gap-y-4 sm:grid-cols-2 lg:grid-cols-3">
        <legend className="sr-only">{t("formTitle")}</legend>
        {services.map((service) => (
          <Field
            key={service.slug}
            name={service.slug}
            label={service.name}
            hint={t("usersHint", { category: t(`category_${service.category}`) })}
            error={errors[service.slug] ? t("usersError") : undefined}
            defaultValue={typed[service.slug] ?? ""}
            inputMode="numeric"
            autoComplete="off"
            placeholder={t("usersPlaceholder")}
          />
        ))}
      </fieldset>
      <Button type="submit" className="self-start">
        {t("submit")}
      </Button>
    </form>
  );
}
