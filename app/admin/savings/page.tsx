import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SavingsPriceForm } from "@/components/admin/SavingsPriceForm";
import { PageHeading } from "@/components/ui/PageHeading";
import { requireAdminPage } from "@/lib/auth/admin-page";
import { listSavingsPrices } from "@/lib/savings/queries";
import { updatePaidServicePriceAction, updateSavingsAssumptionAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminSavings"))("title") };
}

/** "12,5" from 1250 cents: how an admin types an amount back. */
function typedEuros(cents: number): string {
  const whole = Math.trunc(cents / 100);
  const fraction = cents % 100;
  return fraction === 0 ? String(whole) : `${whole},${String(fraction).padStart(2, "0")}`;
}

/** The savings estimate's prices: each with its source and date, as the public page shows them. */
export default async function AdminSavingsPage() {
  await requireAdminPage("/admin/savings");
  const [t, s, prices] = await Promise.all([getTranslations("adminSavings"), getTranslations("savings"), listSavingsPrices()]);
  return (
    <div className="flex flex-col gap-8">
      <PageHeading title={t("title")} lead={t("lead")} />
      <p>
        <Link href="/savings" className="font-medium text-brand-900 underline underline-offset-4">
          {t("publicPage")}
        </Link>
      </p>
      <section aria-labelledby="savings-services" className="flex flex-col gap-3">
        <h2 id="savings-services" className="text-xl font-semibold">
          {t("servicesHeading")}
        </h2>
        {prices.services.map((service) => (
          <SavingsPriceForm
            key={service.slug}
            formId={`service-${service.slug}`}
            action={updatePaidServicePriceAction}
            title={`${service.name} — ${s(`category_${service.category}`)}`}
            priceLabel={t("pricePerUser")}
            hidden={{ name: "slug", value: service.slug }}
            defaults={{ price: typedEuros(service.monthlyCentsPerUser), source: service.source, pricedOn: service.pricedOn }}
          />
        ))}
      </section>
      <section aria-labelledby="savings-assumptions-admin" className="flex flex-col gap-3">
        <h2 id="savings-assumptions-admin" className="text-xl font-semibold">
          {t("assumptionsHeading")}
        </h2>
        {prices.assumptions.map((assumption) => (
          <SavingsPriceForm
            key={assumption.key}
            formId={`assumption-${assumption.key}`}
            action={updateSavingsAssumptionAction}
            title={s(`assumption_${assumption.key}`)}
            priceLabel={t("price")}
            hidden={{ name: "key", value: assumption.key }}
            defaults={{ price: typedEuros(assumption.cents), source: assumption.source, pricedOn: assumption.pricedOn }}
          />
        ))}
      </section>
    </div>
  );
}
