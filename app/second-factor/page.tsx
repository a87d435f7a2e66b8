import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SecondFactorForm } from "@/components/second-factor/SecondFactorForm";
import { PageHeading } from "@/components/ui/PageHeading";
import { hasSecondFactor } from "@/lib/auth/second-factor/management";
import { verifySecondFactorAction } from "./actions";
import { loadSecondFactorPage } from "./load-admin";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("secondFactor"))("verifyTitle") };
}

/** Each new admin session passes the second factor here: an authenticator code, or a recovery code. */
export default async function VerifySecondFactorPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const { actor, next } = await loadSecondFactorPage("/second-factor", (await searchParams).callbackUrl);
  if (!(await hasSecondFactor(actor))) redirect(`/second-factor/enrol?callbackUrl=${encodeURIComponent(next)}`);
  const t = await getTranslations("secondFactor");
  return (
    <div className="flex flex-col gap-8">
      <PageHeading title={t("verifyTitle")} lead={t("verifyLead")} />
      <SecondFactorForm
        id="totp"
        action={verifySecondFactorAction}
        hidden={{ callbackUrl: next }}
        fields={[{ name: "code", label: t("codeLabel"), hint: t("codeHint"), numeric: true }]}
        submitLabel={t("verify")}
      />
      <details className="max-w-md rounded-md border border-stone-300 bg-white p-4">
        <summary className="cursor-pointer font-semibold">{t("useRecoveryCode")}</summary>
        <div className="mt-4">
          <SecondFactorForm
            id="recovery"
            action={verifySecondFactorAction}
            hidden={{ callbackUrl: next }}
            fields={[{ name: "code", label: t("recoveryCodeLabel"), hint: t("recoveryCodeHint") }]}
            submitLabel={t("verify")}
          />
        </div>
      </details>
    </div>
  );
}
