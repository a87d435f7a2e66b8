import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { LegalPage } from "@/components/legal/LegalPage";
import { publisher } from "@/lib/legal/publisher";
import { PrivacyEn, lastUpdated as updatedEn } from "@/components/legal/PrivacyEn";
import { PrivacyFr, lastUpdated as updatedFr } from "@/components/legal/PrivacyFr";
import { LEGAL_VERSIONS } from "@/lib/legal/versions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("legal"))("privacyTitle") };
}

/** The privacy policy (one version so far: a second one gets the terms' treatment, components/legal/texts.tsx). */
export default async function Page() {
  const [locale, t, v] = await Promise.all([getLocale(), getTranslations("legal"), getTranslations("legalVersions")]);
  const Text = locale === "en" ? PrivacyEn : PrivacyFr;
  return (
    <LegalPage title={t("privacyTitle")} lastUpdated={locale === "en" ? updatedEn : updatedFr}>
      <p className="mt-1 text-sm text-stone-600">
        {v("version", { version: LEGAL_VERSIONS.privacy.at(-1)!.version })} · <Link href="/legal/terms/versions" className="underline">{v("versionsTitle")}</Link>
      </p>
      <Text publisher={publisher()} />
    </LegalPage>
  );
}
