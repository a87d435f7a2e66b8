import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { LegalPage } from "@/components/legal/LegalPage";
import { publisher } from "@/lib/legal/publisher";
import { TermsEn, lastUpdated as updatedEn } from "@/components/legal/TermsEn";
import { TermsFr, lastUpdated as updatedFr } from "@/components/legal/TermsFr";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("legal"))("termsTitle") };
}

export default async function Page() {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("legal")]);
  return locale === "en" ? (
    <LegalPage title={t("termsTitle")} lastUpdated={updatedEn}>
      <TermsEn />
    </LegalPage>
  ) : (
    <LegalPage title={t("termsTitle")} lastUpdated={updatedFr}>
      <TermsFr />
    </LegalPage>
  );
}
