import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { MandateForm } from "@/components/invoices/MandateForm";
import { MandateText } from "@/components/invoices/MandateText";
import { Alert } from "@/components/ui/Alert";
import { PageHeading } from "@/components/ui/PageHeading";
import { currentActor } from "@/lib/auth/current-actor";
import { env } from "@/lib/env";
import { getMyMandate } from "@/lib/invoicing/mandate";
import { versionInForce } from "@/lib/legal/acceptance";
import { acceptBillingMandateAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("billingMandate"))("title") };
}

/** The billing mandate: its text, the identity printed on the expert's invoices, and the acceptance. */
export default async function BillingMandatePage() {
  const actor = await currentActor();
  if (!actor) redirect("/signin?callbackUrl=%2Fexpert%2Fbilling-mandate");
  if (actor.role !== "expert") redirect("/dashboard");
  const [t, format, locale, mandate, inForce] = await Promise.all([getTranslations("billingMandate"), getFormatter(), getLocale(), getMyMandate(actor), versionInForce("mandate")]);
  const current = inForce.version;
  const initial = mandate
    ? {
        legalName: mandate.legalName,
        addressLine1: mandate.addressLine1,
        addressLine2: mandate.addressLine2 ?? "",
        postalCode: mandate.postalCode,
        city: mandate.city,
      }
    : null;
  return (
    <div className="flex flex-col gap-8">
      <Link href="/expert/payouts" className="self-start underline">
        {t("backToPayouts")}
      </Link>
      <PageHeading title={t("title")} lead={t("lead")} />
      {mandate ? (
        <Alert tone={mandate.version === current ? "info" : "warning"}>
          <p>{t("acceptedOn", { date: format.dateTime(mandate.acceptedAt, { dateStyle: "long" }), version: mandate.version })}</p>
          {mandate.version !== current ? <p className="mt-1 font-semibold">{t("newVersion")}</p> : null}
          <p className="mt-1">
            <Link href="/legal/terms/versions#versions-mandate" className="underline">
              {t("allVersions")}
            </Link>
          </p>
        </Alert>
      ) : null}
      <MandateText platform={env().PLATFORM_LEGAL_NAME} locale={locale === "en" ? "en" : "fr"} version={current} />
      <section aria-labelledby="mandate-identity" className="flex max-w-3xl flex-col gap-4">
        <h2 id="mandate-identity" className="text-xl font-semibold">
          {t("identityHeading")}
        </h2>
        <p className="text-stone-800">{t("identityLead")}</p>
        <MandateForm action={acceptBillingMandateAction} initial={initial} updating={mandate !== null} />
      </section>
    </div>
  );
}
