import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { TaxDetailsForm } from "@/components/dac7/TaxDetailsForm";
import { Alert } from "@/components/ui/Alert";
import { PageHeading } from "@/components/ui/PageHeading";
import { currentActor } from "@/lib/auth/current-actor";
import { getMyTaxDetails } from "@/lib/dac7/tax-details";
import { EinvoicingSettingsForm } from "@/components/einvoicing/EinvoicingSettingsForm";
import { getMyEinvoicingSettings } from "@/lib/einvoicing/expert-settings";
import { saveEinvoicingSettingsAction, saveTaxDetailsAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dac7"))("taxTitle") };
}

/** The expert's tax information for the DAC7 declaration the platform files each January. */
export default async function TaxDetailsPage() {
  const actor = await currentActor();
  if (!actor) redirect("/signin?callbackUrl=%2Fexpert%2Ftax-details");
  if (actor.role !== "expert") redirect("/dashboard");
  const [t, mine, einvoicing, te] = await Promise.all([getTranslations("dac7"), getMyTaxDetails(actor), getMyEinvoicingSettings(actor), getTranslations("einvoicingSettings")]);
  const d = mine.details;
  return (
    <div className="flex flex-col gap-8">
      <Link href="/expert/profile" className="self-start underline">
        {t("backToProfile")}
      </Link>
      <PageHeading title={t("taxTitle")} lead={t("taxLead")} />
      <Alert tone="info">
        <p>{t(mine.individual ? "declaredAsIndividual" : "declaredAsEntity")}</p>
        {!mine.hasSiret || !mine.legalForm ? <p className="mt-1 font-semibold">{t("completeProfileFirst")}</p> : null}
      </Alert>
      <TaxDetailsForm
        action={saveTaxDetailsAction}
        individual={mine.individual}
        initial={{ firstName: d?.firstName ?? "", lastName: d?.lastName ?? "", birthDate: d?.birthDate ?? "", birthCity: d?.birthCity ?? "", iban: d?.iban ?? "" }}
      />
      <section aria-labelledby="einvoicing-settings" className="flex flex-col gap-4 border-t border-stone-300 pt-8">
        <h2 id="einvoicing-settings" className="text-xl font-semibold">
          {te("title")}
        </h2>
        <p className="max-w-3xl text-stone-700">{te("lead")}</p>
        <EinvoicingSettingsForm
          action={saveEinvoicingSettingsAction}
          initial={{ channel: einvoicing.channel, ownPaName: einvoicing.ownPaName ?? "", ownPaAddress: einvoicing.ownPaAddress ?? "", vatFiling: einvoicing.vatFiling ?? "" }}
        />
      </section>
    </div>
  );
}
