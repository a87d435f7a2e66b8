import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SecondFactorForm } from "@/components/second-factor/SecondFactorForm";
import { TotpSetup } from "@/components/second-factor/TotpSetup";
import { PageHeading } from "@/components/ui/PageHeading";
import { pendingTotpSecret } from "@/lib/auth/second-factor/enrolment";
import { hasSecondFactor } from "@/lib/auth/second-factor/management";
import { qrCodeDataUrl } from "@/lib/auth/second-factor/qr";
import { confirmEnrolmentAction } from "../actions";
import { loadSecondFactorPage } from "../load-admin";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("secondFactor"))("enrolTitle") };
}

/** An admin's first sign-in: set up an authenticator app, prove it with a code, keep the recovery codes. */
export default async function EnrolSecondFactorPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const { actor, next } = await loadSecondFactorPage("/second-factor/enrol", (await searchParams).callbackUrl);
  if (await hasSecondFactor(actor)) redirect(`/second-factor?callbackUrl=${encodeURIComponent(next)}`);
  const [t, pending] = await Promise.all([getTranslations("secondFactor"), pendingTotpSecret(actor)]);
  return (
    <div className="flex flex-col gap-8">
      <PageHeading title={t("enrolTitle")} lead={t("enrolLead")} />
      <section aria-labelledby="step-app" className="flex flex-col gap-4">
        <h2 id="step-app" className="text-xl font-semibold">
          {t("stepApp")}
        </h2>
        <TotpSetup qrDataUrl={await qrCodeDataUrl(pending.uri)} secret={pending.secret} />
      </section>
      <section aria-labelledby="step-code" className="flex flex-col gap-4">
        <h2 id="step-code" className="text-xl font-semibold">
          {t("stepCode")}
        </h2>
        <SecondFactorForm
          id="enrol"
          action={confirmEnrolmentAction}
          fields={[{ name: "code", label: t("codeLabel"), hint: t("codeHint"), numeric: true }]}
          submitLabel={t("enrol")}
          done={{ href: next, label: t("continue") }}
        />
      </section>
    </div>
  );
}
